#pragma once
/// @file request.hpp
/// A search request, built the same way from CLI flags and from URL
/// parameters, so that `coopatlas-query --json` and GET /api/search agree.

#include <map>
#include <optional>
#include <string>

#include "core/geo.hpp"

namespace coopatlas::query {

/// Documented limits (docs/api.md); exceeding them is a 400 or a 413.
inline constexpr size_t kMaxQueryBytes = 1000;
inline constexpr int kMaxLimit = 1000;
inline constexpr double kMaxRadiusKm = 20038.0;  ///< half the Earth's circumference

struct SearchRequest {
    std::string q;
    std::optional<geo::LatLon> near;
    std::optional<double> radius_km;
    std::optional<geo::BBox> bbox;
    std::string type, country, theme;
    std::optional<int> odd;
    std::string sort = "relevance";  ///< relevance | distance
    int limit = 10;
    int offset = 0;
};

/// Builds a request from parameters named as in the HTTP API (q, near,
/// radius_km, bbox, type, country, theme, odd, sort, limit, offset).
/// Throws UsageError (bad value) or TooLargeError (over a limit); unknown
/// parameters are ignored here and checked by the caller when it cares.
SearchRequest parse_request(const std::multimap<std::string, std::string>& params);

}  // namespace coopatlas::query
