#include "indexer/geocode/gpkg_points.hpp"

#include <gtest/gtest.h>
#include <ogr_geometry.h>
#include <unistd.h>

#include <filesystem>

#include "core/error.hpp"
#include "core/gdal_handles.hpp"

namespace fs = std::filesystem;
using namespace coopatlas;
using namespace coopatlas::indexer;

namespace {

/// A GeoPackage written by GDAL: what GpkgPointReader reads must be what GDAL wrote.
struct Sample {
    fs::path path = fs::temp_directory_path() / ("coopatlas-points-" + std::to_string(::getpid()) + ".gpkg");
    Sample() {
        auto ds = gdal::create_vector("GPKG", path.string());
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        OGRLayer* layer = ds->CreateLayer("places", &wgs84, wkbUnknown, nullptr);
        OGRFieldDefn name("name", OFTString), population("population", OFTInteger64);
        layer->CreateField(&name);
        layer->CreateField(&population);
        auto add = [&](const char* n, GIntBig pop, OGRGeometry* g) {
            gdal::FeaturePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
            if (n) f->SetField("name", n);
            f->SetField("population", pop);
            if (g) f->SetGeometryDirectly(g);
            EXPECT_EQ(layer->CreateFeature(f.get()), OGRERR_NONE);
        };
        add("Angoulême", 41711, new OGRPoint(0.1561, 45.6484));
        add(nullptr, 0, new OGRPoint(-17.4467, 14.6928, 12.0));  // 3D point, NULL name
        add("nowhere", 5, nullptr);
        auto* line = new OGRLineString();
        line->addPoint(0, 0);
        line->addPoint(1, 1);
        add("a line", 7, line);
        auto* empty = new OGRPoint();
        empty->empty();
        add("empty", 9, empty);
    }
    ~Sample() { fs::remove(path); }
};

}  // namespace

TEST(GpkgPointReader, ReadsWhatGdalWrote) {
    Sample s;
    GpkgPointReader rows(s.path.string(), "places", {"name", "population"});
    ASSERT_TRUE(rows.next());
    EXPECT_EQ(rows.text(0), "Angoulême");
    EXPECT_EQ(rows.integer(1), 41711);
    ASSERT_TRUE(rows.point());
    EXPECT_EQ(rows.point()->lat, 45.6484);
    EXPECT_EQ(rows.point()->lon, 0.1561);
    ASSERT_TRUE(rows.next());
    EXPECT_EQ(rows.text(0), "");  // NULL
    ASSERT_TRUE(rows.point());
    EXPECT_EQ(rows.point()->lat, 14.6928);
    EXPECT_EQ(rows.point()->lon, -17.4467);
    for (const char* name : {"nowhere", "a line", "empty"}) {  // no point: no geometry, a line, an empty point
        ASSERT_TRUE(rows.next());
        EXPECT_EQ(rows.text(0), name);
        EXPECT_FALSE(rows.point()) << name;
    }
    EXPECT_FALSE(rows.next());
}

TEST(GpkgPointReader, MissingColumnOrLayerIsAnError) {
    Sample s;
    EXPECT_THROW(GpkgPointReader(s.path.string(), "places", {"name", "no_such_column"}), Error);
    EXPECT_THROW(GpkgPointReader(s.path.string(), "no_such_layer", {"name"}), Error);
    EXPECT_THROW(GpkgPointReader("/no/such/file.gpkg", "places", {"name"}), Error);
}
