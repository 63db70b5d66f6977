#include "web/exports.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "core/gdal_handles.hpp"
#include "fixture_index.hpp"

using namespace coopatlas;

namespace {
std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

TEST(Exports, UnknownFormatIsNotFound) {
    EXPECT_THROW(web::export_format("shp"), NotFoundError);
    EXPECT_EQ(web::export_format("csv").driver, "CSV");
}

TEST(Exports, GeoJsonReadsBackWithGdalInLonLat) {
    auto file = web::write_export(fixture::fixture_records(), "all", web::export_format("geojson"));
    gdal::DatasetPtr ds = gdal::open_vector(file->path());
    OGRLayer* layer = ds->GetLayer(0);
    ASSERT_NE(layer, nullptr);
    EXPECT_EQ(layer->GetFeatureCount(), static_cast<GIntBig>(fixture::fixture_records().size()));
    bool seen_line = false;
    for (auto& f : *layer) {
        if (std::string(f->GetFieldAsString("id")) != "partnership/lyon-cotonou") continue;
        auto* line = f->GetGeometryRef()->toLineString();
        EXPECT_NEAR(line->getX(0), 4.8357, 1e-6);  // x is the longitude
        EXPECT_NEAR(line->getY(0), 45.764, 1e-6);
        seen_line = true;
    }
    EXPECT_TRUE(seen_line);
}

TEST(Exports, CsvHasWktAndTypeSpecificColumns) {
    auto file = web::write_export(fixture::fixture_records(), "all", web::export_format("csv"));
    std::string csv = slurp(file->path());
    EXPECT_EQ(csv.rfind("WKT,title,id,type,page", 0), 0u) << csv.substr(0, 200);
    EXPECT_NE(csv.find("lead"), std::string::npos);
    EXPECT_NE(csv.find("Métropole de Lyon"), std::string::npos);
    EXPECT_NE(csv.find("POINT (4.8357 45.764)"), std::string::npos);
}

TEST(Exports, KmlNamesPlacemarksByTitle) {
    auto file = web::write_export(fixture::fixture_records(), "partner", web::export_format("kml"));
    std::string kml = slurp(file->path());
    EXPECT_NE(kml.find("<kml"), std::string::npos);
    EXPECT_NE(kml.find("<name>Ville de Cotonou</name>"), std::string::npos);
    EXPECT_NE(kml.find("4.8357,45.764"), std::string::npos);
}

TEST(Exports, TemporaryFolderIsRemovedWithTheLastOwner) {
    std::string path;
    {
        auto file = web::write_export(fixture::fixture_records(), "all", web::export_format("csv"));
        path = file->path();
        EXPECT_TRUE(std::filesystem::exists(path));
    }
    EXPECT_FALSE(std::filesystem::exists(path));
    EXPECT_FALSE(std::filesystem::exists(std::filesystem::path(path).parent_path()));
}
