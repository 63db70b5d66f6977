#include "geojson.hpp"

#include <algorithm>

namespace coopatlas::web {

using nlohmann::json;

namespace {

/// GeoJSON position: [longitude, latitude] (RFC 7946 section 3.1.1).
json position(const GeoPoint& p) { return json::array({p.lon, p.lat}); }

}  // namespace

json geometry_of(const Record& r) {
    if (r.geo.empty()) return nullptr;
    if (r.geo.size() == 1) return {{"type", "Point"}, {"coordinates", position(r.geo.front())}};
    json coordinates = json::array();
    for (const auto& p : r.geo) coordinates.push_back(position(p));
    return {{"type", r.type == "partnership" ? "LineString" : "MultiPoint"}, {"coordinates", coordinates}};
}

json properties_of(const Record& r) {
    json countries = json::array(), places = json::array();
    for (const auto& c : r.countries) countries.push_back(c.code);
    for (const auto& p : r.geo) places.push_back(p.place);
    return {{"id", r.id},           {"type", r.type},
            {"title", r.title},     {"page", r.page},
            {"section", r.section}, {"countries", countries},
            {"themes", r.themes},   {"odd", r.odd},
            {"places", places},     {"precision", r.geo.empty() ? json(nullptr) : json(r.geo.front().precision)}};
}

json feature_of(const Record& r, const std::string& feature_id) {
    return {{"type", "Feature"},
            {"id", feature_id.empty() ? r.id : feature_id},
            {"geometry", geometry_of(r)},
            {"properties", properties_of(r)}};
}

json feature_collection(const std::vector<Record>& records) {
    json features = json::array();
    for (const auto& r : records)
        if (!r.geo.empty()) features.push_back(feature_of(r));
    return {{"type", "FeatureCollection"}, {"features", features}};
}

std::optional<geo::BBox> extent_of(const std::vector<Record>& records) {
    std::optional<geo::BBox> box;
    for (const auto& r : records)
        for (const auto& p : r.geo) {
            if (!box) {
                box = geo::BBox{p.lon, p.lat, p.lon, p.lat};
                continue;
            }
            box->west = std::min(box->west, p.lon);
            box->east = std::max(box->east, p.lon);
            box->south = std::min(box->south, p.lat);
            box->north = std::max(box->north, p.lat);
        }
    return box;
}

}  // namespace coopatlas::web
