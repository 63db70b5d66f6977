#include "indexer/write/gpkg_writer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "core/gdal_handles.hpp"

namespace fs = std::filesystem;
using namespace coopatlas;
using namespace coopatlas::indexer;

namespace {

Record record(const std::string& type, const std::string& id, std::vector<GeoPoint> geo) {
    Record r;
    r.type = type;
    r.id = type + "/" + id;
    r.title = "Coopération « " + id + " »";
    r.page = 12;
    r.countries = {{"BJ", "Bénin"}};
    r.geo = std::move(geo);
    r.fields = {{"kind", "commune"}};
    return r;
}

}  // namespace

TEST(GpkgWriter, WritesOneLayerPerTypeAndReadsBack) {
    const GeoPoint nantes{47.21725, -1.55336, "Nantes", "city", "geonames:2990969"};
    const GeoPoint cotonou{6.36536, 2.41833, "Cotonou", "city", "geonames:2394819"};
    std::vector<Record> records = {record("partner", "nantes", {nantes}),
                                   record("partner", "cotonou", {cotonou}),
                                   record("programme", "p", {nantes, cotonou}),
                                   record("contact", "c", {cotonou}),
                                   record("partnership", "nantes-cotonou", {nantes, cotonou}),
                                   record("passage", "no-point", {})};
    fs::path path = fs::temp_directory_path() / ("coopatlas-atlas-" + std::to_string(::getpid()) + ".gpkg");
    auto counts = write_atlas_gpkg(records, path.string());
    EXPECT_EQ(counts["partner"], 2);
    EXPECT_EQ(counts["passage"], 0);

    auto ds = gdal::open_vector(path.string());
    for (const char* type : {"programme", "contact", "partner", "partnership", "passage"})
        ASSERT_NE(ds->GetLayerByName(type), nullptr) << type;
    OGRLayer* partners = ds->GetLayerByName("partner");
    EXPECT_EQ(partners->GetFeatureCount(), 2);
    ASSERT_NE(partners->GetSpatialRef(), nullptr);
    EXPECT_STREQ(partners->GetSpatialRef()->GetAuthorityCode(nullptr), "4326");

    OGRLayer* partnerships = ds->GetLayerByName("partnership");
    EXPECT_EQ(wkbFlatten(partnerships->GetGeomType()), wkbLineString);
    gdal::FeaturePtr line(partnerships->GetNextFeature());
    ASSERT_TRUE(line);
    EXPECT_STREQ(line->GetFieldAsString("id"), "partnership/nantes-cotonou");
    const auto* ls = line->GetGeometryRef()->toLineString();
    ASSERT_EQ(ls->getNumPoints(), 2);
    EXPECT_DOUBLE_EQ(ls->getX(0), -1.55336);  // x is the longitude
    EXPECT_DOUBLE_EQ(ls->getY(1), 6.36536);

    OGRLayer* programmes = ds->GetLayerByName("programme");
    gdal::FeaturePtr prog(programmes->GetNextFeature());
    ASSERT_TRUE(prog);
    EXPECT_EQ(prog->GetGeometryRef()->toMultiPoint()->getNumGeometries(), 2);
    EXPECT_STREQ(prog->GetFieldAsString("title"), "Coopération « p »");
    EXPECT_STREQ(prog->GetFieldAsString("precision"), "city,city");
    EXPECT_STREQ(prog->GetFieldAsString("attributes"), "{\"kind\":\"commune\"}");
    EXPECT_EQ(prog->GetFieldAsInteger("page"), 12);
    fs::remove(path);
}

TEST(GpkgWriter, FailsWithTheFileNameWhenItCannotWrite) {
    try {
        write_atlas_gpkg({}, "/no/such/folder/atlas.gpkg");
        FAIL() << "expected an Error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("/no/such/folder/atlas.gpkg"), std::string::npos);
    }
}
