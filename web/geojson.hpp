#pragma once
/// @file geojson.hpp
/// Records as GeoJSON (RFC 7946): the one place where coordinates are written
/// in [lon, lat] order. Used by GET /api/geojson and the OGC API items.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/geo.hpp"
#include "core/record.hpp"

namespace coopatlas::web {

/// The geometry of a record, or null when it has no point:
/// - a partnership with two or more points is a LineString between its parties;
/// - one point is a Point, several are a MultiPoint.
nlohmann::json geometry_of(const Record& r);

/// The flat properties shown on the map and read by GIS tools (no geometry,
/// no long text): id, type, title, page, section, countries, themes, odd, places.
nlohmann::json properties_of(const Record& r);

/// One Feature per record; `feature_id` is the Feature's "id" (the record id
/// when empty).
nlohmann::json feature_of(const Record& r, const std::string& feature_id = "");

/// A FeatureCollection of the records that have at least one point.
nlohmann::json feature_collection(const std::vector<Record>& records);

/// The smallest box holding every point of the records, or nothing when no
/// record has a point. Boxes crossing the 180th meridian are not computed:
/// the box spans west to east through 0.
std::optional<geo::BBox> extent_of(const std::vector<Record>& records);

}  // namespace coopatlas::web
