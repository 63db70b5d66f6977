#pragma once
/// @file ogc.hpp
/// OGC API - Features - Part 1: Core (OGC 17-069r4) with the GeoJSON
/// encoding, so that QGIS and GDAL's OAPIF driver can read the records:
/// one collection per record type, items paged with limit/offset and
/// filtered by bbox. Coordinates are CRS84 (longitude, latitude).

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/geo.hpp"
#include "query/searcher.hpp"

namespace coopatlas::web::ogc {

inline constexpr int kDefaultLimit = 10;
/// Larger limits are clamped to this, as the standard asks (/req/core/fc-limit-response-1).
inline constexpr int kMaxLimit = 1000;

/// The collection id of every record type, with a French title.
const std::map<std::string, std::string>& collection_titles();

/// Throws NotFoundError unless `id` is a collection.
void check_collection(const std::string& id);

/// GET /ogc: the landing page; `base` is "http://host:port" as the client sees it.
nlohmann::json landing(const std::string& base);
/// GET /ogc/conformance.
nlohmann::json conformance();
/// GET /ogc/api: a minimal OpenAPI 3.0 description of the OGC routes.
nlohmann::json api_definition(const std::string& base);
/// GET /ogc/collections/{id}; `extent` is the box of the collection's points.
nlohmann::json collection(const std::string& base, const std::string& id, const std::optional<geo::BBox>& extent);
/// GET /ogc/collections.
nlohmann::json collections(const std::string& base, const std::map<std::string, std::optional<geo::BBox>>& extents);

/// GET /ogc/collections/{id}/items: parameters bbox, limit, offset (and f,
/// datetime, which are accepted and ignored); any other parameter is a
/// UsageError, as /req/core/query-param-unknown asks.
nlohmann::json items(const query::Searcher& searcher, const std::string& base, const std::string& id,
                     const std::multimap<std::string, std::string>& params);

/// GET /ogc/collections/{id}/items/{featureId}; the feature id is the part of
/// the record id after "TYPE/" (the full record id is accepted too).
nlohmann::json item(const query::Searcher& searcher, const std::string& base, const std::string& id,
                    const std::string& feature_id);

}  // namespace coopatlas::web::ogc
