#include "geo.hpp"

#include <cmath>
#include <numbers>
#include <sstream>
#include <vector>

#include "error.hpp"

namespace coopatlas::geo {

namespace {

double radians(double degrees) { return degrees * std::numbers::pi / 180.0; }

std::vector<double> parse_numbers(const std::string& text, size_t expected, const std::string& what) {
    std::vector<double> values;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        try {
            size_t used = 0;
            double v = std::stod(item, &used);
            while (used < item.size() && std::isspace(static_cast<unsigned char>(item[used]))) ++used;
            if (used != item.size() || !std::isfinite(v)) throw std::invalid_argument(item);
            values.push_back(v);
        } catch (const std::exception&) {
            throw UsageError(what + ": '" + item + "' is not a number");
        }
    }
    if (values.size() != expected)
        throw UsageError(what + ": expected " + std::to_string(expected) + " comma-separated numbers, got '" + text +
                         "'");
    return values;
}

}  // namespace

bool BBox::contains(LatLon p) const {
    if (p.lat < south || p.lat > north) return false;
    if (west <= east) return p.lon >= west && p.lon <= east;
    return p.lon >= west || p.lon <= east;  // crosses the antimeridian
}

double distance_km(LatLon a, LatLon b) {
    const double dlat = radians(b.lat - a.lat);
    const double dlon = radians(b.lon - a.lon);
    const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(radians(a.lat)) * std::cos(radians(b.lat)) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

bool valid(LatLon p) {
    return std::isfinite(p.lat) && std::isfinite(p.lon) && p.lat >= -90 && p.lat <= 90 && p.lon >= -180 && p.lon <= 180;
}

LatLon parse_latlon(const std::string& text, const std::string& what) {
    auto v = parse_numbers(text, 2, what);
    LatLon p{v[0], v[1]};
    if (!valid(p)) throw UsageError(what + ": latitude must be in -90..90 and longitude in -180..180");
    return p;
}

BBox parse_bbox(const std::string& text, const std::string& what) {
    auto v = parse_numbers(text, 4, what);
    BBox b{v[0], v[1], v[2], v[3]};
    if (!valid({b.south, b.west}) || !valid({b.north, b.east}))
        throw UsageError(what + ": longitudes must be in -180..180 and latitudes in -90..90 (order W,S,E,N)");
    if (b.south > b.north) throw UsageError(what + ": south is greater than north (order is W,S,E,N)");
    return b;
}

}  // namespace coopatlas::geo
