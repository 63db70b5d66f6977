#include "request.hpp"

#include <algorithm>
#include <vector>

#include "core/error.hpp"

namespace coopatlas::query {

namespace {

int parse_int(const std::string& name, const std::string& value, int min, int max) {
    try {
        size_t used = 0;
        long n = std::stol(value, &used);
        if (used != value.size() || n < min || n > max) throw std::out_of_range(value);
        return static_cast<int>(n);
    } catch (const std::exception&) {
        throw UsageError(name + " must be an integer from " + std::to_string(min) + " to " + std::to_string(max) +
                         ", got '" + value + "'");
    }
}

}  // namespace

SearchRequest parse_request(const std::multimap<std::string, std::string>& params) {
    SearchRequest r;
    auto one = [&](const std::string& name) -> std::optional<std::string> {
        auto range = params.equal_range(name);
        if (range.first == range.second) return std::nullopt;
        std::string v = range.first->second;
        if (std::next(range.first) != range.second) {
            // Repeated free-text words join; other parameters must be given once.
            if (name != "q") throw UsageError("parameter '" + name + "' given more than once");
            for (auto it = std::next(range.first); it != range.second; ++it) v += " " + it->second;
        }
        return v;
    };
    if (auto q = one("q")) {
        if (q->size() > kMaxQueryBytes)
            throw TooLargeError("q is " + std::to_string(q->size()) + " bytes long; the limit is " +
                                std::to_string(kMaxQueryBytes));
        r.q = *q;
    }
    if (auto near = one("near"); near && !near->empty()) r.near = geo::parse_latlon(*near, "near");
    if (auto radius = one("radius_km"); radius && !radius->empty()) {
        try {
            size_t used = 0;
            double v = std::stod(*radius, &used);
            if (used != radius->size() || !(v >= 0 && v <= kMaxRadiusKm)) throw std::out_of_range(*radius);
            r.radius_km = v;
        } catch (const std::exception&) {
            throw UsageError("radius_km must be a number of kilometres from 0 to 20038, got '" + *radius + "'");
        }
    }
    if (r.radius_km && !r.near) throw UsageError("radius_km needs near=LAT,LON");
    if (auto bbox = one("bbox"); bbox && !bbox->empty()) r.bbox = geo::parse_bbox(*bbox, "bbox");
    if (auto v = one("type")) r.type = *v;
    if (!r.type.empty()) {
        static const std::vector<std::string> types = {"passage", "programme", "contact", "partner", "partnership"};
        if (std::find(types.begin(), types.end(), r.type) == types.end())
            throw UsageError("type must be one of passage, programme, contact, partner, partnership; got '" + r.type +
                             "'");
    }
    if (auto v = one("country")) r.country = *v;
    if (auto v = one("theme")) r.theme = *v;
    if (auto v = one("odd"); v && !v->empty()) r.odd = parse_int("odd", *v, 1, 17);
    if (auto v = one("sort"); v && !v->empty()) {
        if (*v != "relevance" && *v != "distance")
            throw UsageError("sort must be 'relevance' or 'distance', got '" + *v + "'");
        r.sort = *v;
    }
    if (r.sort == "distance" && !r.near) throw UsageError("sort=distance needs near=LAT,LON");
    if (auto v = one("limit"); v && !v->empty()) r.limit = parse_int("limit", *v, 0, kMaxLimit);
    if (auto v = one("offset"); v && !v->empty()) r.offset = parse_int("offset", *v, 0, 1000000);
    return r;
}

}  // namespace coopatlas::query
