#pragma once
/// @file gpkg_writer.hpp
/// Geocoded records -> atlas.gpkg (docs/architecture.md section 2): one layer
/// per record type, EPSG:4326; programme, contact and partner as MultiPoint
/// (every point of geo[]), partnership as a LineString between its parties.

#include <map>
#include <string>
#include <vector>

#include "core/record.hpp"

namespace coopatlas::indexer {

/// Writes `path` (replacing it) and returns the number of features per layer.
/// Records without a point are kept, with an empty geometry, so that every
/// record of a type is in its layer. Throws Error naming the file on failure.
std::map<std::string, long> write_atlas_gpkg(const std::vector<Record>& records, const std::string& path);

}  // namespace coopatlas::indexer
