#pragma once
/// @file clusters.hpp
/// Server-side map clusters (GET /api/clusters): the matching records' points
/// counted per map cell, so the page never downloads tens of thousands of points.

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "request.hpp"
#include "searcher.hpp"

namespace coopatlas::query {

/// Zoom levels accepted by clusters(), as on a web map (0 = whole world).
inline constexpr int kMinClusterZoom = 0;
inline constexpr int kMaxClusterZoom = 20;

/// The map cell of a point at a zoom: Web Mercator tiles of zoom + 2, i.e.
/// 64 x 64 pixel squares on a 256-pixel tile map, so clusters never overlap
/// much on screen. Latitudes beyond +-85.0511 (Web Mercator's limit) fall in
/// the first or last row.
struct ClusterCell {
    long long x = 0, y = 0;
    bool operator<(const ClusterCell& o) const { return x != o.x ? x < o.x : y < o.y; }
};
ClusterCell cluster_cell(geo::LatLon p, int zoom);

/// {"clusters": [{"lat","lon","count","bbox":[W,S,E,N]}]} for the records
/// matching `request` (keywords, facets, radius) that have a point inside
/// `bbox` (the map view; the request's own bbox, if any, also filters).
/// `count` is the number of records with a point in the cell (a record with
/// points in two cells, like a partnership, counts in both); lat/lon is the
/// mean of those points and bbox their extent. Clusters are ordered by cell
/// (west to east, north to south). Throws UsageError for a zoom outside
/// kMinClusterZoom..kMaxClusterZoom.
nlohmann::json clusters(const Searcher& searcher, const SearchRequest& request, int zoom, const geo::BBox& bbox);

/// GET /api/clusters: `zoom` (required, integer) and `bbox` (the map view,
/// default the whole world) plus the search filters of parse_request.
/// Throws UsageError on a missing or bad zoom.
nlohmann::json clusters(const Searcher& searcher, const std::multimap<std::string, std::string>& params);

}  // namespace coopatlas::query
