#include "web/geojson.hpp"

#include <gtest/gtest.h>

#include "fixture_index.hpp"

using namespace coopatlas;
using nlohmann::json;

namespace {
Record by_id(const std::string& id) {
    for (auto& r : fixture::fixture_records())
        if (r.id == id) return r;
    throw std::runtime_error("no fixture " + id);
}
}  // namespace

TEST(GeoJson, OnePointIsAPointInLonLatOrder) {
    json g = web::geometry_of(by_id("partner/lyon"));
    EXPECT_EQ(g["type"], "Point");
    EXPECT_DOUBLE_EQ(g["coordinates"][0].get<double>(), 4.8357);   // longitude first
    EXPECT_DOUBLE_EQ(g["coordinates"][1].get<double>(), 45.7640);  // then latitude
}

TEST(GeoJson, SeveralPointsAreAMultiPoint) {
    json g = web::geometry_of(by_id("programme/eau-benin"));
    EXPECT_EQ(g["type"], "MultiPoint");
    ASSERT_EQ(g["coordinates"].size(), 2u);
    EXPECT_DOUBLE_EQ(g["coordinates"][1][0].get<double>(), 2.6036);
}

TEST(GeoJson, PartnershipIsALineBetweenItsParties) {
    json g = web::geometry_of(by_id("partnership/lyon-cotonou"));
    EXPECT_EQ(g["type"], "LineString");
    EXPECT_EQ(g["coordinates"], json::parse("[[4.8357,45.764],[2.4183,6.3654]]"));
}

TEST(GeoJson, NoPointIsANullGeometry) { EXPECT_TRUE(web::geometry_of(by_id("passage/l1")).is_null()); }

TEST(GeoJson, FeatureCarriesIdAndPropertiesAndSkipsUnlocatedRecords) {
    json fc = web::feature_collection(fixture::fixture_records());
    EXPECT_EQ(fc["type"], "FeatureCollection");
    EXPECT_EQ(fc["features"].size(), fixture::fixture_records().size() - 1);  // the passage has no point
    json f = web::feature_of(by_id("partner/cotonou"));
    EXPECT_EQ(f["type"], "Feature");
    EXPECT_EQ(f["id"], "partner/cotonou");
    EXPECT_EQ(f["properties"]["title"], "Ville de Cotonou");
    EXPECT_EQ(f["properties"]["countries"], json::array({"BJ"}));
    EXPECT_EQ(f["properties"]["page"], 42);
    EXPECT_FALSE(f["properties"].contains("text"));
    EXPECT_EQ(web::feature_of(by_id("partner/cotonou"), "cotonou")["id"], "cotonou");
}

TEST(GeoJson, ExtentHoldsEveryPoint) {
    auto box = web::extent_of(fixture::fixture_records());
    ASSERT_TRUE(box);
    EXPECT_DOUBLE_EQ(box->west, -1.5197);
    EXPECT_DOUBLE_EQ(box->east, 4.8357);
    EXPECT_DOUBLE_EQ(box->south, 6.3654);
    EXPECT_DOUBLE_EQ(box->north, 45.7640);
    EXPECT_FALSE(web::extent_of({by_id("passage/l1")}));
}
