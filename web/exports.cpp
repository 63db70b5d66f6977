#include "exports.hpp"

#include <ogr_spatialref.h>
#include <stdlib.h>

#include <filesystem>
#include <set>

#include "core/error.hpp"
#include "core/gdal_handles.hpp"

namespace coopatlas::web {

using nlohmann::json;

namespace {

std::string joined(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
    return out;
}

/// A type-specific field as one text cell: strings as they are, lists joined.
std::string cell(const json& v) {
    if (v.is_null()) return "";
    if (v.is_string()) return v.get<std::string>();
    if (v.is_array()) {
        std::vector<std::string> parts;
        for (const auto& item : v) parts.push_back(cell(item));
        return joined(parts, "; ");
    }
    return v.dump();
}

std::unique_ptr<OGRGeometry> ogr_geometry(const Record& r) {
    if (r.geo.empty()) return nullptr;
    if (r.geo.size() == 1) return std::make_unique<OGRPoint>(r.geo[0].lon, r.geo[0].lat);
    if (r.type == "partnership") {
        auto line = std::make_unique<OGRLineString>();
        for (const auto& p : r.geo) line->addPoint(p.lon, p.lat);
        return line;
    }
    auto multi = std::make_unique<OGRMultiPoint>();
    for (const auto& p : r.geo) {
        OGRPoint point(p.lon, p.lat);
        multi->addGeometry(&point);
    }
    return multi;
}

}  // namespace

const ExportFormat& export_format(const std::string& extension) {
    static const std::vector<ExportFormat> formats = {
        {"geojson", "GeoJSON", "application/geo+json"},
        {"csv", "CSV", "text/csv; charset=utf-8"},
        {"kml", "KML", "application/vnd.google-earth.kml+xml"},
    };
    for (const auto& f : formats)
        if (f.extension == extension) return f;
    throw NotFoundError("no export format '" + extension + "' (use geojson, csv or kml)");
}

TempExport::TempExport(const std::string& file_name) {
    std::string pattern = (std::filesystem::temp_directory_path() / "coopatlas-export-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr)
        throw Error("cannot create a temporary folder for an export in " +
                    std::filesystem::temp_directory_path().string());
    dir_ = pattern;
    path_ = dir_ + "/" + file_name;
}

TempExport::~TempExport() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
}

std::shared_ptr<TempExport> write_export(const std::vector<Record>& records, const std::string& layer_name,
                                         const ExportFormat& format) {
    auto file = std::make_shared<TempExport>(layer_name + "." + format.extension);
    {
        gdal::DatasetPtr ds = gdal::create_vector(format.driver, file->path());
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);  // x = longitude
        char** options = nullptr;
        if (format.driver == "GeoJSON") options = CSLSetNameValue(options, "RFC7946", "YES");
        if (format.driver == "CSV") options = CSLSetNameValue(options, "GEOMETRY", "AS_WKT");
        OGRLayer* layer = ds->CreateLayer(layer_name.c_str(), &wgs84, wkbUnknown, options);
        CSLDestroy(options);
        if (layer == nullptr)
            throw Error("GDAL " + format.driver + ": cannot create layer '" + layer_name + "' in " + file->path());

        // KML shows "Name" and "Description" in its balloons.
        const bool kml = format.driver == "KML";
        std::vector<std::pair<std::string, OGRFieldType>> columns = {{kml ? "Name" : "title", OFTString},
                                                                     {"id", OFTString},
                                                                     {"type", OFTString},
                                                                     {"page", OFTInteger},
                                                                     {"section", OFTString},
                                                                     {"countries", OFTString},
                                                                     {"themes", OFTString},
                                                                     {"odd", OFTString},
                                                                     {"places", OFTString},
                                                                     {kml ? "Description" : "text", OFTString}};
        std::set<std::string> taken;
        for (const auto& c : columns) taken.insert(c.first);
        std::vector<std::string> extra;  // type-specific fields, in first-seen order
        for (const auto& r : records)
            for (const auto& [key, value] : r.fields.items())
                if (taken.insert(key).second) extra.push_back(key);
        for (const auto& key : extra) columns.emplace_back(key, OFTString);
        for (const auto& [name, type] : columns) {
            OGRFieldDefn field(name.c_str(), type);
            if (layer->CreateField(&field) != OGRERR_NONE)
                throw Error("GDAL " + format.driver + ": cannot add field '" + name + "' to " + file->path());
        }

        for (const auto& r : records) {
            gdal::FeaturePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
            std::vector<std::string> countries, places, odd;
            for (const auto& c : r.countries) countries.push_back(c.code);
            for (const auto& p : r.geo) places.push_back(p.place);
            for (int n : r.odd) odd.push_back(std::to_string(n));
            int i = 0;
            feature->SetField(i++, r.title.c_str());
            feature->SetField(i++, r.id.c_str());
            feature->SetField(i++, r.type.c_str());
            feature->SetField(i++, r.page);
            feature->SetField(i++, joined(r.section, " > ").c_str());
            feature->SetField(i++, joined(countries, ",").c_str());
            feature->SetField(i++, joined(r.themes, "; ").c_str());
            feature->SetField(i++, joined(odd, ",").c_str());
            feature->SetField(i++, joined(places, "; ").c_str());
            feature->SetField(i++, r.text.c_str());
            for (const auto& key : extra) {
                if (r.fields.contains(key)) feature->SetField(i, cell(r.fields[key]).c_str());
                ++i;
            }
            if (auto geometry = ogr_geometry(r)) feature->SetGeometryDirectly(geometry.release());
            if (layer->CreateFeature(feature.get()) != OGRERR_NONE)
                throw Error("GDAL " + format.driver + ": cannot write record '" + r.id + "' to " + file->path());
        }
    }  // closing the dataset flushes the file
    if (!std::filesystem::exists(file->path()))
        throw Error("GDAL " + format.driver + " wrote no file at " + file->path());
    return file;
}

}  // namespace coopatlas::web
