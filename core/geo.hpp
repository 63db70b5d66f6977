#pragma once
/// @file geo.hpp
/// Geographic primitives shared by the indexer, the query library and the server.
/// Units are in the names (km, degrees); C++ uses {lat, lon} order, GeoJSON's
/// [lon, lat] appears only where GeoJSON is written.

#include <string>

namespace coopatlas::geo {

/// Mean Earth radius of the WGS84 ellipsoid, (2a + b) / 3, in kilometres.
inline constexpr double kEarthRadiusKm = 6371.0088;

struct LatLon {
    double lat = 0.0;  ///< degrees, -90..90
    double lon = 0.0;  ///< degrees, -180..180
};

/// A west, south, east, north box in degrees. west > east means the box
/// crosses the 180th meridian.
struct BBox {
    double west = -180, south = -90, east = 180, north = 90;
    bool contains(LatLon p) const;
};

/// Great-circle distance by the haversine formula (exact on a sphere of
/// kEarthRadiusKm; stable for small distances, unlike the spherical law of cosines).
double distance_km(LatLon a, LatLon b);

/// Parses "LAT,LON"; throws UsageError with a message naming `what` on bad input.
LatLon parse_latlon(const std::string& text, const std::string& what = "near");

/// Parses "W,S,E,N"; throws UsageError on bad input (south > north, out of range).
BBox parse_bbox(const std::string& text, const std::string& what = "bbox");

bool valid(LatLon p);

}  // namespace coopatlas::geo
