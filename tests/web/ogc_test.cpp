#include "web/ogc.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/error.hpp"
#include "fixture_index.hpp"

using namespace coopatlas;
using nlohmann::json;

class Ogc : public ::testing::Test {
protected:
    static void SetUpTestSuite() { dir_ = fixture::write_fixture_index("coopatlas-ogc"); }
    static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }
    static std::string dir_;
    const std::string base = "http://127.0.0.1:1";
};
std::string Ogc::dir_;

namespace {
json link_rel(const json& doc, const std::string& rel) {
    for (const auto& l : doc["links"])
        if (l["rel"] == rel) return l;
    return nullptr;
}
}  // namespace

TEST_F(Ogc, LandingLinksConformanceAndData) {
    json l = web::ogc::landing(base);
    EXPECT_EQ(link_rel(l, "conformance")["href"], base + "/ogc/conformance");
    EXPECT_EQ(link_rel(l, "data")["href"], base + "/ogc/collections");
    EXPECT_FALSE(link_rel(l, "service-desc").is_null());
    json c = web::ogc::conformance();
    EXPECT_NE(std::find(c["conformsTo"].begin(), c["conformsTo"].end(),
                        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson"),
              c["conformsTo"].end());
}

TEST_F(Ogc, OneCollectionPerRecordTypeWithExtent) {
    std::map<std::string, std::optional<geo::BBox>> extents = {{"partner", geo::BBox{-1.5, 6.3, 4.8, 45.7}}};
    json all = web::ogc::collections(base, extents);
    ASSERT_EQ(all["collections"].size(), record_types().size());
    for (const auto& c : all["collections"]) {
        EXPECT_EQ(link_rel(c, "items")["href"], base + "/ogc/collections/" + c["id"].get<std::string>() + "/items");
        if (c["id"] == "partner")
            EXPECT_EQ(c["extent"]["spatial"]["bbox"][0], json::parse("[-1.5,6.3,4.8,45.7]"));
        else
            EXPECT_FALSE(c.contains("extent"));
    }
    EXPECT_THROW(web::ogc::collection(base, "unicorn", std::nullopt), NotFoundError);
}

TEST_F(Ogc, ItemsPageWithNextAndPrevLinks) {
    query::Searcher searcher(dir_);
    json first = web::ogc::items(searcher, base, "partner", {{"limit", "2"}});
    EXPECT_EQ(first["type"], "FeatureCollection");
    EXPECT_EQ(first["numberMatched"], 3);
    EXPECT_EQ(first["numberReturned"], 2);
    ASSERT_FALSE(link_rel(first, "next").is_null());
    EXPECT_TRUE(link_rel(first, "prev").is_null());
    EXPECT_EQ(link_rel(first, "next")["href"], base + "/ogc/collections/partner/items?limit=2&offset=2");
    json second = web::ogc::items(searcher, base, "partner", {{"limit", "2"}, {"offset", "2"}});
    EXPECT_EQ(second["numberReturned"], 1);
    EXPECT_TRUE(link_rel(second, "next").is_null());
    EXPECT_FALSE(link_rel(second, "prev").is_null());
    std::set<std::string> ids;
    for (const auto* page : {&first, &second})
        for (const auto& f : (*page)["features"]) ids.insert(f["id"].get<std::string>());
    EXPECT_EQ(ids, (std::set<std::string>{"lyon", "cotonou", "ouagadougou"}));
}

TEST_F(Ogc, ItemsFilterByBboxAndClampTheLimit) {
    query::Searcher searcher(dir_);
    json africa = web::ogc::items(searcher, base, "partner", {{"bbox", "-20,0,20,20"}, {"limit", "100000"}});
    EXPECT_EQ(africa["numberMatched"], 2);  // Cotonou and Ouagadougou, not Lyon
    for (const auto& f : africa["features"]) EXPECT_LT(f["geometry"]["coordinates"][1].get<double>(), 20);
    EXPECT_NE(link_rel(africa, "self")["href"].get<std::string>().find("limit=1000&"), std::string::npos);
}

TEST_F(Ogc, ItemsRejectBadAndUnknownParameters) {
    query::Searcher searcher(dir_);
    EXPECT_THROW(web::ogc::items(searcher, base, "partner", {{"limit", "0"}}), UsageError);
    EXPECT_THROW(web::ogc::items(searcher, base, "partner", {{"offset", "-1"}}), UsageError);
    EXPECT_THROW(web::ogc::items(searcher, base, "partner", {{"bbox", "1,2,3"}}), UsageError);
    EXPECT_THROW(web::ogc::items(searcher, base, "partner", {{"colour", "red"}}), UsageError);
    EXPECT_THROW(web::ogc::items(searcher, base, "unicorn", {}), NotFoundError);
    EXPECT_NO_THROW(web::ogc::items(searcher, base, "partner", {{"f", "json"}}));
}

TEST_F(Ogc, ItemByFeatureIdOrRecordId) {
    query::Searcher searcher(dir_);
    json f = web::ogc::item(searcher, base, "partner", "lyon");
    EXPECT_EQ(f["id"], "lyon");
    EXPECT_EQ(f["properties"]["id"], "partner/lyon");
    EXPECT_EQ(web::ogc::item(searcher, base, "partner", "partner/lyon")["id"], "lyon");
    EXPECT_THROW(web::ogc::item(searcher, base, "partner", "nowhere"), NotFoundError);
    EXPECT_THROW(web::ogc::item(searcher, base, "contact", "lyon"), NotFoundError);
}
