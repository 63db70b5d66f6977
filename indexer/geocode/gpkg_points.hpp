#pragma once
/// @file gpkg_points.hpp
/// Reads a GeoPackage table of points straight from SQLite, row by row. GDAL
/// builds an OGRFeature (fields copied, geometry object) for every row: for the
/// gazetteer's 282,714 places that was three quarters of loading it (the
/// guide's own index is to build in under 2 s). A GeoPackage is an SQLite database by
/// its specification (OGC 12-128r18), so the rows are read where they are.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/geo.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace coopatlas::indexer {

/// Not thread-safe: one reader per thread.
class GpkgPointReader {
public:
    /// Opens `path` read-only and selects `columns` and the geometry column of
    /// `table`, in the table's row order (GDAL's order). Throws Error naming the
    /// file and SQLite's reason when the file, the table or a column is missing.
    GpkgPointReader(const std::string& path, const std::string& table, const std::vector<std::string>& columns);
    ~GpkgPointReader();
    GpkgPointReader(const GpkgPointReader&) = delete;
    GpkgPointReader& operator=(const GpkgPointReader&) = delete;

    /// Moves to the next row; false after the last one.
    bool next();
    /// Column `i` of `columns` as text ("" for NULL); valid until next().
    std::string_view text(int i) const;
    /// Column `i` as an integer (0 for NULL).
    std::int64_t integer(int i) const;
    /// The row's point; nullopt when its geometry is NULL, empty or not a point.
    std::optional<geo::LatLon> point() const;

private:
    std::string path_;
    sqlite3* db_ = nullptr;
    sqlite3_stmt* rows_ = nullptr;
    int geometry_index_ = 0;
};

}  // namespace coopatlas::indexer
