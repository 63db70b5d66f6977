#include "query/clusters.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "core/error.hpp"
#include "indexer/write/xapian_writer.hpp"

namespace fs = std::filesystem;
using namespace coopatlas;
using namespace coopatlas::query;

namespace {

Record record(const std::string& id, const std::string& text, std::vector<geo::LatLon> points) {
    Record r;
    r.id = "partner/" + id;
    r.type = "partner";
    r.title = id;
    r.text = text;
    for (auto p : points) r.geo.push_back({p.lat, p.lon, id, "city", "test"});
    return r;
}

class ClustersTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = (fs::temp_directory_path() / ("coopatlas-clusters-" + std::to_string(::getpid()))).string();
        fs::create_directories(dir_);
        std::vector<Record> records = {
            record("paris-1", "coopération culturelle", {{48.85, 2.35}}),
            record("paris-2", "assainissement", {{48.86, 2.34}}),
            // A partnership-like record with both ends: Paris and Dakar.
            record("paris-dakar", "assainissement", {{48.84, 2.36}, {14.69, -17.44}}),
            record("dakar", "coopération culturelle", {{14.70, -17.45}}),
            record("suva", "assainissement", {{-18.14, 178.44}}),
            record("nowhere", "assainissement", {}),
        };
        indexer::write_search_index(records, dir_);
        searcher_ = new Searcher(dir_);
    }
    static void TearDownTestSuite() {
        delete searcher_;
        fs::remove_all(dir_);
    }
    static std::string dir_;
    static Searcher* searcher_;
};
std::string ClustersTest::dir_;
Searcher* ClustersTest::searcher_ = nullptr;

long long total(const nlohmann::json& body) {
    long long n = 0;
    for (const auto& c : body["clusters"]) n += c["count"].get<long long>();
    return n;
}

}  // namespace

TEST_F(ClustersTest, CountsRecordsPerCellWithCentroidAndExtent) {
    auto body = clusters(*searcher_, {}, 3, geo::BBox{});
    ASSERT_EQ(body["clusters"].size(), 3u);   // Paris, Dakar, Suva
    const auto& paris = body["clusters"][0];  // northernmost first
    EXPECT_EQ(paris["count"], 3);
    EXPECT_NEAR(paris["lat"].get<double>(), 48.85, 1e-4);
    EXPECT_NEAR(paris["lon"].get<double>(), 2.35, 1e-4);
    const std::vector<double> extent = {2.34, 48.84, 2.36, 48.86};
    for (size_t i = 0; i < 4; ++i) EXPECT_NEAR(paris["bbox"][i].get<double>(), extent[i], 1e-4);  // stored to ~2 m
    EXPECT_EQ(body["clusters"][1]["count"], 2);  // Dakar: the partnership's second end counts there too
    EXPECT_EQ(total(body), 6);
}

TEST_F(ClustersTest, FiltersByKeywordAndByTheViewIncludingAcrossThe180thMeridian) {
    SearchRequest r;
    r.q = "assainissement";
    // Paris cell: paris-2 and paris-dakar; Dakar cell: paris-dakar; Suva cell: suva.
    EXPECT_EQ(total(clusters(*searcher_, r, 2, geo::BBox{})), 4);
    EXPECT_EQ(total(clusters(*searcher_, {}, 2, geo::BBox{170, -30, -170, 0})), 1);  // Suva only
    EXPECT_EQ(total(clusters(*searcher_, {}, 2, geo::BBox{-20, 10, -10, 20})), 2);   // Dakar only
}

TEST_F(ClustersTest, HighZoomSplitsNearbyPoints) {
    auto body = clusters(*searcher_, {}, 16, geo::BBox{2, 48, 3, 49});
    EXPECT_EQ(body["clusters"].size(), 3u);
    EXPECT_EQ(total(body), 3);
}

TEST_F(ClustersTest, RejectsAZoomOutOfRange) {
    EXPECT_THROW(clusters(*searcher_, {}, -1, geo::BBox{}), UsageError);
    EXPECT_THROW(clusters(*searcher_, {}, 21, geo::BBox{}), UsageError);
}

TEST(ClusterCell, WebMercatorCellsAtZoomZero) {
    EXPECT_EQ(cluster_cell({0.0001, -179.99}, 0).x, 0);
    EXPECT_EQ(cluster_cell({0.0001, 179.99}, 0).x, 3);
    EXPECT_EQ(cluster_cell({89.9, 0}, 0).y, 0);   // beyond Mercator's limit: top row
    EXPECT_EQ(cluster_cell({-89.9, 0}, 0).y, 3);  // bottom row
}

TEST_F(ClustersTest, ParsesTheHttpParameters) {
    std::multimap<std::string, std::string> params = {{"zoom", "2"}, {"bbox", "-20,10,-10,20"}, {"q", "culturelle"}};
    EXPECT_EQ(total(clusters(*searcher_, params)), 1);  // dakar
    EXPECT_THROW(clusters(*searcher_, {{"bbox", "-20,10,-10,20"}}), UsageError);
    EXPECT_THROW(clusters(*searcher_, {{"zoom", "2x"}}), UsageError);
    EXPECT_THROW(clusters(*searcher_, {{"zoom", "3"}, {"bbox", "1,2"}}), UsageError);
}
