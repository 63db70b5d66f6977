#pragma once
/// @file exports.hpp
/// GET /export/{type}.{geojson,csv,kml}: records written by GDAL's GeoJSON, CSV
/// and KML drivers into a temporary folder, then streamed to the client.

#include <memory>
#include <string>
#include <vector>

#include "core/record.hpp"

namespace coopatlas::web {

/// The export formats and their GDAL drivers / media types.
struct ExportFormat {
    std::string extension;     ///< "geojson", "csv", "kml"
    std::string driver;        ///< GDAL driver name
    std::string content_type;  ///< HTTP Content-Type
};

/// The format for a file extension; throws NotFoundError for another one.
const ExportFormat& export_format(const std::string& extension);

/// A file in a private temporary folder, removed with the folder when the
/// last owner lets go of it (the HTTP response streams it first).
class TempExport {
public:
    explicit TempExport(const std::string& file_name);
    ~TempExport();
    TempExport(const TempExport&) = delete;
    TempExport& operator=(const TempExport&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string dir_;
    std::string path_;
};

/// Writes `records` as one layer named `layer` (EPSG:4326; a partnership's
/// geometry is a LineString) with the GDAL driver of `format`. Columns: id,
/// type, title, page, section, countries, themes, odd, places, text, then every
/// type-specific field (lists joined with "; "). Throws Error naming the driver
/// when GDAL fails.
std::shared_ptr<TempExport> write_export(const std::vector<Record>& records, const std::string& layer,
                                         const ExportFormat& format);

}  // namespace coopatlas::web
