#include "clusters.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <unordered_map>
#include <unordered_set>

#include "core/error.hpp"

namespace coopatlas::query {

using nlohmann::json;

namespace {

/// Web Mercator's latitude limit, atan(sinh(pi)) in degrees.
constexpr double kMercatorMaxLat = 85.0511287798066;

struct Accumulator {
    long long count = 0;
    long long points = 0;
    double lat_sum = 0, lon_sum = 0;
    double west = 180, south = 90, east = -180, north = -90;
    ClusterCell cell;
};

bool filters_beyond_view(const SearchRequest& r) {
    return r.q.find_first_not_of(" \t\n") != std::string::npos || !r.type.empty() || !r.country.empty() ||
           !r.theme.empty() || r.odd || r.radius_km || r.bbox;
}

}  // namespace

ClusterCell cluster_cell(geo::LatLon p, int zoom) {
    const long long n = 1LL << (zoom + 2);
    const double lat = std::clamp(p.lat, -kMercatorMaxLat, kMercatorMaxLat) * std::numbers::pi / 180;
    const double x = (p.lon + 180) / 360 * static_cast<double>(n);
    // Mercator y: ln(tan(lat) + sec(lat)) = asinh(tan(lat)), 0 at the top edge.
    const double y = (1 - std::asinh(std::tan(lat)) / std::numbers::pi) / 2 * static_cast<double>(n);
    return {std::clamp(static_cast<long long>(std::floor(x)), 0LL, n - 1),
            std::clamp(static_cast<long long>(std::floor(y)), 0LL, n - 1)};
}

json clusters(const Searcher& searcher, const SearchRequest& request, int zoom, const geo::BBox& bbox) {
    if (zoom < kMinClusterZoom || zoom > kMaxClusterZoom)
        throw UsageError("zoom must be an integer from " + std::to_string(kMinClusterZoom) + " to " +
                         std::to_string(kMaxClusterZoom));
    // Without keywords or filters every point in view counts: no Xapian match.
    std::vector<bool> keep;
    const bool filtered = filters_beyond_view(request);
    if (filtered) {
        auto docids = searcher.match_docids(request);
        if (docids.empty()) return {{"clusters", json::array()}};
        keep.assign(static_cast<size_t>(docids.back()) + 1, false);
        for (auto d : docids) keep[d] = true;
    }

    std::unordered_map<long long, size_t> index_of;
    std::vector<Accumulator> cells;
    // A record counts once per cell: remember the first cell of each record and,
    // for the rare record with points in several cells, the other pairs seen.
    std::unordered_map<Xapian::docid, size_t> first_cell;
    std::unordered_set<unsigned long long> other_pairs;
    const long long side = 1LL << (zoom + 2);
    searcher.geo_index().for_each_point(bbox, [&](Xapian::docid docid, geo::LatLon p) {
        if (filtered && (docid >= keep.size() || !keep[docid])) return;
        const ClusterCell cell = cluster_cell(p, zoom);
        auto [it, added] = index_of.try_emplace(cell.y * side + cell.x, cells.size());
        if (added) {
            cells.emplace_back();
            cells.back().cell = cell;
        }
        Accumulator& a = cells[it->second];
        auto [first, fresh] = first_cell.try_emplace(docid, it->second);
        if (fresh || (first->second != it->second &&
                      other_pairs.insert((static_cast<unsigned long long>(docid) << 32) | it->second).second))
            ++a.count;
        ++a.points;
        a.lat_sum += p.lat;
        a.lon_sum += p.lon;
        a.west = std::min(a.west, p.lon);
        a.east = std::max(a.east, p.lon);
        a.south = std::min(a.south, p.lat);
        a.north = std::max(a.north, p.lat);
    });

    std::sort(cells.begin(), cells.end(), [](const Accumulator& a, const Accumulator& b) {
        return a.cell.y != b.cell.y ? a.cell.y < b.cell.y : a.cell.x < b.cell.x;
    });
    json out = json::array();
    for (const auto& a : cells) {
        const double n = static_cast<double>(a.points);
        out.push_back({{"lat", a.lat_sum / n},
                       {"lon", a.lon_sum / n},
                       {"count", a.count},
                       {"bbox", {a.west, a.south, a.east, a.north}}});
    }
    return {{"clusters", out}};
}

json clusters(const Searcher& searcher, const std::multimap<std::string, std::string>& params) {
    auto zoom_param = params.find("zoom");
    if (zoom_param == params.end() || zoom_param->second.empty())
        throw UsageError("zoom is required (an integer from " + std::to_string(kMinClusterZoom) + " to " +
                         std::to_string(kMaxClusterZoom) + ")");
    int zoom = -1;
    try {
        size_t used = 0;
        zoom = std::stoi(zoom_param->second, &used);
        if (used != zoom_param->second.size()) zoom = -1;
    } catch (const std::exception&) {
        zoom = -1;
    }
    if (zoom < kMinClusterZoom || zoom > kMaxClusterZoom)
        throw UsageError("zoom must be an integer from " + std::to_string(kMinClusterZoom) + " to " +
                         std::to_string(kMaxClusterZoom) + ", got '" + zoom_param->second + "'");
    // The view's bbox is also a search filter (a record with a point in view):
    // the same records, so parse_request may keep it.
    SearchRequest request = parse_request(params);
    return clusters(searcher, request, zoom, request.bbox.value_or(geo::BBox{}));
}

}  // namespace coopatlas::query
