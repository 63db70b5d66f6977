#include "web/server.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "core/gdal_handles.hpp"
#include "excerpt_indexes.hpp"
#include "fixture_index.hpp"
#include "query/request.hpp"
#include "query/searcher.hpp"
#include "running_server.hpp"

namespace fs = std::filesystem;
using namespace coopatlas;
using nlohmann::json;

using web::testing::RunningServer;

class ServerTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = coopatlas::test_support::search_excerpt_index();
        web::ServerOptions options;
        options.index_dir = dir_;
        options.static_dir = std::string(COOPATLAS_SOURCE_DIR) + "/web/static";
        running_ = new RunningServer(options);
    }
    static void TearDownTestSuite() { delete running_; }
    static httplib::Result get(const std::string& path) { return running_->get(path); }
    static std::string dir_;
    static RunningServer* running_;
};
std::string ServerTest::dir_;
RunningServer* ServerTest::running_ = nullptr;

TEST_F(ServerTest, HealthzAnswers) {
    auto res = get("/healthz");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(json::parse(res->body)["status"], "ok");
}

TEST_F(ServerTest, SearchEqualsTheLibraryAnswer) {
    auto res = get("/api/search?q=assainissement&limit=5");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200);
    json body = json::parse(res->body);
    query::Searcher direct(dir_);
    json expected = direct.search(query::parse_request({{"q", "assainissement"}, {"limit", "5"}}));
    body.erase("took_ms");
    expected.erase("took_ms");
    EXPECT_EQ(body, expected);
    EXPECT_GT(body["results"][0]["page"].get<int>(), 0);
}

TEST_F(ServerTest, BadParameterIs400WithJsonError) {
    auto res = get("/api/search?q=eau&limit=abc");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400);
    EXPECT_TRUE(json::parse(res->body).contains("error"));
}

TEST_F(ServerTest, TooLongQueryIs413) {
    auto res = get("/api/search?q=" + std::string(query::kMaxQueryBytes + 10, 'a'));
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 413);
}

TEST_F(ServerTest, UnknownEntityAndRouteAre404) {
    auto res = get("/api/entity/passage/nope");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404);
    EXPECT_TRUE(json::parse(res->body).contains("error"));
    res = get("/api/nothing-here");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404);
    EXPECT_TRUE(json::parse(res->body).contains("error"));
}

TEST_F(ServerTest, PageIsServed) {
    auto res = get("/");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_NE(res->body.find("<input"), std::string::npos);
    // The data sources are credited on the page (their licences ask for it).
    for (const char* source : {"GeoNames", "INSEE", "Etalab", "Natural Earth"})
        EXPECT_NE(res->body.find(source), std::string::npos) << source;
}

// The routes that need points: a hand-made index (tests/web/fixture_index.hpp).
class GeoServerTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = fixture::write_fixture_index("coopatlas-geoserver");
        web::ServerOptions options;
        options.index_dir = dir_;
        running_ = new RunningServer(options);
    }
    static void TearDownTestSuite() { delete running_; }
    static httplib::Result get(const std::string& path) { return running_->get(path); }
    static json get_json(const std::string& path, int expected_status = 200) {
        auto res = get(path);
        EXPECT_TRUE(res) << path;
        if (!res) return nullptr;
        EXPECT_EQ(res->status, expected_status) << path << ": " << res->body;
        return json::parse(res->body);
    }
    static std::string dir_;
    static RunningServer* running_;
};
std::string GeoServerTest::dir_;
RunningServer* GeoServerTest::running_ = nullptr;

TEST_F(GeoServerTest, EntityIsTheWholeRecord) {
    json r = get_json("/api/entity/programme/eau-benin");
    EXPECT_EQ(r["lead"], "Métropole de Lyon");
    EXPECT_EQ(r["geo"].size(), 2u);
}

TEST_F(GeoServerTest, GeoJsonIsAFeatureCollectionInLonLatWithTheSearchFilters) {
    auto res = get("/api/geojson?country=BJ");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/geo+json");
    json fc = json::parse(res->body);
    EXPECT_EQ(fc["type"], "FeatureCollection");
    std::set<std::string> ids;
    for (const auto& f : fc["features"]) {
        ids.insert(f["id"].get<std::string>());
        EXPECT_EQ(f["type"], "Feature");
        EXPECT_TRUE(f["properties"].is_object());
        const json& g = f["geometry"];
        json first = g["type"] == "Point" ? g["coordinates"] : g["coordinates"][0];
        double lon = first[0].get<double>(), lat = first[1].get<double>();
        EXPECT_TRUE(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90);
    }
    EXPECT_EQ(ids, (std::set<std::string>{"programme/eau-benin", "partner/cotonou", "partnership/lyon-cotonou"}));
    // Cotonou is at 6.37 N, 2.42 E: [lon, lat].
    json cotonou = get_json("/api/geojson?type=partner&bbox=2,6,3,7");
    ASSERT_EQ(cotonou["features"].size(), 1u);
    EXPECT_NEAR(cotonou["features"][0]["geometry"]["coordinates"][0].get<double>(), 2.4183, 1e-9);
    EXPECT_EQ(get_json("/api/geojson?type=partnership")["features"][0]["geometry"]["type"], "LineString");
    EXPECT_EQ(get_json("/api/geojson?type=partner&limit=1&offset=1")["numberReturned"], 1);
    EXPECT_EQ(get_json("/api/geojson?type=partner&limit=1&offset=1")["numberMatched"], 3);
}

TEST_F(GeoServerTest, GeoJsonPagesLinkToTheNextPage) {
    json first = get_json("/api/geojson?type=partner&limit=2");
    EXPECT_EQ(first["numberMatched"], 3);
    ASSERT_EQ(first["numberReturned"], 2);
    ASSERT_EQ(first["links"].size(), 1u);
    EXPECT_EQ(first["links"][0]["rel"], "next");
    const std::string href = first["links"][0]["href"];
    const std::string path = href.substr(href.find("/api/geojson"));
    EXPECT_NE(path.find("offset=2"), std::string::npos) << path;
    EXPECT_NE(path.find("type=partner"), std::string::npos) << path;
    json second = get_json(path);
    ASSERT_EQ(second["numberReturned"], 1);
    EXPECT_TRUE(second["links"].empty()) << "the last page has no next link";
    std::set<std::string> ids;
    for (const json* page : {&first, &second})
        for (const auto& f : (*page)["features"]) ids.insert(f["id"].get<std::string>());
    EXPECT_EQ(ids, (std::set<std::string>{"partner/lyon", "partner/cotonou", "partner/ouagadougou"}));
    // Without limit: one page of every located match (the passage has no point).
    json all = get_json("/api/geojson");
    EXPECT_EQ(all["numberMatched"], 6);
    EXPECT_EQ(all["features"].size(), 6u);
    EXPECT_TRUE(all["links"].empty());
}

TEST_F(GeoServerTest, ClustersOverHttp) {
    json world = get_json("/api/clusters?zoom=0");
    ASSERT_TRUE(world["clusters"].is_array());
    long records = 0;
    for (const auto& c : world["clusters"]) {
        records += c["count"].get<long>();
        EXPECT_GE(c["lat"].get<double>(), -90);
        EXPECT_EQ(c["bbox"].size(), 4u);
    }
    // Six located records in two zoom-0 cells (West Africa + Lyon, Ouagadougou):
    // each record counts once per cell, so the Lyon-Cotonou partnership once.
    EXPECT_EQ(world["clusters"].size(), 2u);
    EXPECT_EQ(records, 6);
    // The search filters and the view narrow the clusters.
    json benin = get_json("/api/clusters?zoom=6&bbox=1,5,4,8&type=partner");
    ASSERT_EQ(benin["clusters"].size(), 1u);
    EXPECT_EQ(benin["clusters"][0]["count"], 1);
    EXPECT_NEAR(benin["clusters"][0]["lon"].get<double>(), 2.4183, 1e-4);  // the index keeps ~2 m
    EXPECT_TRUE(get_json("/api/clusters?zoom=0&q=kangourou")["clusters"].empty());
    EXPECT_TRUE(get_json("/api/clusters", 400)["error"].get<std::string>().find("zoom") != std::string::npos);
    EXPECT_TRUE(get_json("/api/clusters?zoom=99", 400).contains("error"));
    EXPECT_TRUE(get_json("/api/clusters?zoom=3&bbox=1,2", 400).contains("error"));
}

TEST_F(GeoServerTest, ThemeFacetsCarryTheirAccentedLabel) {
    json body = get_json("/api/search?q=eau");
    ASSERT_TRUE(body["facets"]["theme"].contains("eau-et-assainissement")) << body["facets"].dump();
    EXPECT_EQ(body["facet_labels"]["theme"]["eau-et-assainissement"], "Eau et assainissement");
    EXPECT_EQ(body["facet_labels"]["theme"].size(), body["facets"]["theme"].size());
}

TEST_F(GeoServerTest, HealthzSaysWhenTheGeoIndexIsReady) {
    get_json("/api/search?near=6.4,2.4&radius_km=50");  // waits for the grid
    json health = get_json("/healthz");
    EXPECT_EQ(health["status"], "ok");
    EXPECT_EQ(health["geo_index"], "ready");
}

TEST_F(GeoServerTest, ExportPastTheLimitIs413WithAHint) {
    web::ServerOptions options;
    options.index_dir = dir_;
    options.max_export_records = 2;
    RunningServer small(options);
    auto res = small.get("/export/partner.csv");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 413);
    const std::string error = json::parse(res->body)["error"];
    EXPECT_NE(error.find("3 records"), std::string::npos) << error;
    EXPECT_NE(error.find("narrow"), std::string::npos) << error;
    // Narrowed under the limit, the same export is written.
    auto narrowed = small.get("/export/partner.csv?country=BJ");
    ASSERT_TRUE(narrowed);
    EXPECT_EQ(narrowed->status, 200) << narrowed->body;
    EXPECT_NE(narrowed->body.find("Cotonou"), std::string::npos);
}

TEST_F(GeoServerTest, GeoJsonBadParametersAre400) {
    EXPECT_TRUE(get_json("/api/geojson?bbox=1,2,3", 400).contains("error"));
    EXPECT_TRUE(get_json("/api/geojson?near=45,5&radius_km=-1", 400).contains("error"));
    EXPECT_TRUE(get_json("/api/geojson?type=unicorn", 400).contains("error"));
    EXPECT_TRUE(get_json("/api/geojson?q=" + std::string(query::kMaxQueryBytes + 1, 'a'), 413).contains("error"));
}

TEST_F(GeoServerTest, SuggestCompletesTheLastWordAndNamesRecords) {
    json s = get_json("/api/suggest?q=eau%20pota");
    ASSERT_FALSE(s["suggestions"].empty());
    EXPECT_EQ(s["suggestions"][0], "potable");
    EXPECT_EQ(s["completions"][0], "eau potable");
    json named = get_json("/api/suggest?q=cotono");
    bool found = false;
    for (const auto& r : named["records"]) found = found || r["id"] == "partner/cotonou";
    EXPECT_TRUE(found) << named.dump();
    EXPECT_EQ(get_json("/api/suggest?q=")["suggestions"].size(), 0u);
    EXPECT_TRUE(get_json("/api/suggest?q=eau&limit=0", 400).contains("error"));
    EXPECT_TRUE(get_json("/api/suggest?q=" + std::string(query::kMaxQueryBytes + 1, 'a'), 413).contains("error"));
}

TEST_F(GeoServerTest, OgcLandingConformanceCollectionsOverHttp) {
    json landing = get_json("/ogc");
    bool data = false;
    for (const auto& l : landing["links"])
        if (l["rel"] == "data")
            data = l["href"] == "http://127.0.0.1:" + std::to_string(running_->port()) + "/ogc/collections";
    EXPECT_TRUE(data) << landing.dump();
    EXPECT_FALSE(get_json("/ogc/conformance")["conformsTo"].empty());
    auto api = get("/ogc/api");
    ASSERT_TRUE(api);
    EXPECT_EQ(api->status, 200);
    EXPECT_TRUE(json::parse(api->body)["paths"].contains("/ogc/collections/{collectionId}/items"));
    json collections = get_json("/ogc/collections");
    EXPECT_EQ(collections["collections"].size(), record_types().size());
    json partner = get_json("/ogc/collections/partner");
    // The partners' points (-1.5197, 6.3654) .. (4.8357, 45.764), rounded outward.
    EXPECT_EQ(partner["extent"]["spatial"]["bbox"][0], json::parse("[-1.5198,6.3653,4.8358,45.7641]"));
    EXPECT_TRUE(get_json("/ogc/collections/unicorn", 404).contains("error"));
}

TEST_F(GeoServerTest, OgcItemsPagingOverHttp) {
    auto res = get("/ogc/collections/partner/items?limit=2&offset=0");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/geo+json");
    json page = json::parse(res->body);
    EXPECT_EQ(page["numberMatched"], 3);
    EXPECT_EQ(page["numberReturned"], 2);
    std::string next;
    for (const auto& l : page["links"])
        if (l["rel"] == "next") next = l["href"];
    ASSERT_FALSE(next.empty());
    json rest = get_json(next.substr(next.find("/ogc")));
    EXPECT_EQ(rest["numberReturned"], 1);
    json item = get_json("/ogc/collections/partner/items/" + rest["features"][0]["id"].get<std::string>());
    EXPECT_EQ(item["id"], rest["features"][0]["id"]);
    EXPECT_TRUE(get_json("/ogc/collections/partner/items/nowhere", 404).contains("error"));
    EXPECT_TRUE(get_json("/ogc/collections/partner/items?limit=abc", 400).contains("error"));
    EXPECT_TRUE(get_json("/ogc/collections/partner/items?bbox=10,0,0", 400).contains("error"));
}

TEST_F(GeoServerTest, ExportsHaveTheirContentTypeAndABody) {
    for (const auto& [ext, type] :
         std::vector<std::pair<std::string, std::string>>{{"geojson", "application/geo+json"},
                                                          {"csv", "text/csv; charset=utf-8"},
                                                          {"kml", "application/vnd.google-earth.kml+xml"}}) {
        auto res = get("/export/partner." + ext);
        ASSERT_TRUE(res) << ext;
        EXPECT_EQ(res->status, 200) << ext << ": " << res->body;
        EXPECT_EQ(res->get_header_value("Content-Type"), type);
        EXPECT_NE(res->body.find("Ouagadougou"), std::string::npos) << ext;
        EXPECT_NE(res->get_header_value("Content-Disposition").find("partner." + ext), std::string::npos);
    }
    json fc = json::parse(get("/export/partner.geojson?country=BF")->body);
    EXPECT_EQ(fc["features"].size(), 1u);
    EXPECT_TRUE(get_json("/export/partner.shp", 404).contains("error"));
    EXPECT_TRUE(get_json("/export/unicorn.csv", 404).contains("error"));
    EXPECT_TRUE(get_json("/export/partner.csv?odd=99", 400).contains("error"));
}

TEST_F(GeoServerTest, AtlasGpkgIs404UntilTheIndexerWritesIt) {
    EXPECT_TRUE(get_json("/export/atlas.gpkg", 404).contains("error"));
    const std::string path = dir_ + "/atlas.gpkg";
    gdal::create_vector("GPKG", path).reset();
    auto res = get("/export/atlas.gpkg");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/geopackage+sqlite3");
    EXPECT_EQ(res->body.size(), fs::file_size(path));
    EXPECT_EQ(res->body.rfind("SQLite format 3", 0), 0u);
    fs::remove(path);
}

TEST_F(GeoServerTest, MetricsCountARequest) {
    auto count_of = [](const std::string& text) {
        const std::string key = "coopatlas_http_requests_total{route=\"/api/entity/{id}\",status=\"404\"} ";
        size_t at = text.find(key);
        return at == std::string::npos ? 0 : std::stoi(text.substr(at + key.size()));
    };
    auto before = get("/metrics");
    ASSERT_TRUE(before);
    EXPECT_EQ(before->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
    get("/api/entity/partner/nowhere");
    // The server counts a request in its logger, which runs after the answer has
    // been sent: the client may ask /metrics before that, so look a few times.
    auto after = get("/metrics");
    for (int attempt = 0; attempt < 100 && after && count_of(after->body) == count_of(before->body); ++attempt) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        after = get("/metrics");
    }
    ASSERT_TRUE(after);
    EXPECT_EQ(count_of(after->body), count_of(before->body) + 1) << after->body;
    EXPECT_NE(
        after->body.find("coopatlas_http_request_duration_seconds_bucket{route=\"/api/entity/{id}\",le=\"+Inf\"}"),
        std::string::npos);
}

TEST_F(GeoServerTest, OversizedRequestBodyIs413) {
    httplib::Client client("127.0.0.1", running_->port());
    auto res = client.Post("/api/search", std::string(128 * 1024, 'x'), "text/plain");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 413);
}

TEST(NoIndexServer, DataRoutesAnswer503AndTheDocumentsStillAnswer) {
    web::ServerOptions options;
    options.index_dir = (fs::temp_directory_path() / "coopatlas-no-such-index").string();
    web::Server server(options);
    int port = server.bind_any_port("127.0.0.1");
    std::thread thread([&] { server.serve(); });
    httplib::Client client("127.0.0.1", port);
    for (const char* path :
         {"/healthz", "/api/search?q=eau", "/api/geojson", "/api/suggest?q=eau", "/api/entity/partner/lyon",
          "/ogc/collections", "/ogc/collections/partner/items", "/export/partner.csv", "/export/atlas.gpkg"}) {
        auto res = client.Get(path);
        ASSERT_TRUE(res) << path;
        EXPECT_EQ(res->status, 503) << path;
        EXPECT_TRUE(json::parse(res->body).contains("error")) << path;
    }
    auto landing = client.Get("/ogc");
    ASSERT_TRUE(landing);
    EXPECT_EQ(landing->status, 200);
    server.stop();
    thread.join();
}
