#include "indexer/write/gpkg_writer.hpp"

#include <filesystem>

#include "core/error.hpp"
#include "core/gdal_handles.hpp"

namespace coopatlas::indexer {

namespace {

std::string joined(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (const auto& s : items) {
        if (!out.empty()) out += sep;
        out += s;
    }
    return out;
}

}  // namespace

std::map<std::string, long> write_atlas_gpkg(const std::vector<Record>& records, const std::string& path) {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    auto ds = gdal::create_vector("GPKG", path);
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

    // The passages carry no point as a rule; their layer holds those that do.
    std::map<std::string, OGRLayer*> layers;
    for (const auto& type : record_types()) {
        OGRwkbGeometryType geometry = type == "partnership" ? wkbLineString : wkbMultiPoint;
        OGRLayer* layer = ds->CreateLayer(type.c_str(), &wgs84, geometry, nullptr);
        if (layer == nullptr) throw Error("GPKG: cannot create the layer '" + type + "' in '" + path + "'");
        const std::pair<const char*, OGRFieldType> fields[] = {
            {"id", OFTString},        {"title", OFTString},     {"page", OFTInteger},     {"line", OFTInteger},
            {"section", OFTString},   {"countries", OFTString}, {"themes", OFTString},    {"places", OFTString},
            {"precision", OFTString}, {"source", OFTString},    {"attributes", OFTString}};
        for (const auto& [name, kind] : fields) {
            OGRFieldDefn f(name, kind);
            if (kind == OFTString && std::string(name) == "attributes") f.SetSubType(OFSTJSON);
            if (layer->CreateField(&f) != OGRERR_NONE)
                throw Error(std::string("GPKG: cannot create the field '") + name + "' in '" + path + "'");
        }
        layers[type] = layer;
    }

    std::map<std::string, long> counts;
    if (ds->StartTransaction() != OGRERR_NONE) throw Error("GPKG: cannot start a transaction in '" + path + "'");
    for (const auto& r : records) {
        auto it = layers.find(r.type);
        if (it == layers.end()) continue;
        if (r.type == "passage" && r.geo.empty()) continue;
        OGRLayer* layer = it->second;
        gdal::FeaturePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        std::vector<std::string> codes, places, precisions, sources;
        for (const auto& c : r.countries) codes.push_back(c.code);
        for (const auto& g : r.geo) {
            places.push_back(g.place);
            precisions.push_back(g.precision);
            sources.push_back(g.source);
        }
        f->SetField("id", r.id.c_str());
        f->SetField("title", r.title.c_str());
        f->SetField("page", r.page);
        f->SetField("line", r.line);
        f->SetField("section", joined(r.section, " > ").c_str());
        f->SetField("countries", joined(codes, ",").c_str());
        f->SetField("themes", joined(r.themes, "; ").c_str());
        f->SetField("places", joined(places, "; ").c_str());
        f->SetField("precision", joined(precisions, ",").c_str());
        f->SetField("source", joined(sources, ",").c_str());
        f->SetField("attributes", r.fields.dump().c_str());
        if (r.type == "partnership") {
            if (r.geo.size() >= 2) {
                OGRLineString line;
                for (const auto& g : r.geo) line.addPoint(g.lon, g.lat);
                f->SetGeometry(&line);
            }
        } else if (!r.geo.empty()) {
            OGRMultiPoint points;
            for (const auto& g : r.geo) {
                OGRPoint p(g.lon, g.lat);
                points.addGeometry(&p);
            }
            f->SetGeometry(&points);
        }
        if (layer->CreateFeature(f.get()) != OGRERR_NONE)
            throw Error("GPKG: cannot write '" + r.id + "' into '" + path + "'");
        ++counts[r.type];
    }
    if (ds->CommitTransaction() != OGRERR_NONE) throw Error("GPKG: cannot commit '" + path + "'");
    return counts;
}

}  // namespace coopatlas::indexer
