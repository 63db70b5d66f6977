#include "query/searcher.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/error.hpp"
#include "excerpt_indexes.hpp"
#include "indexer/write/xapian_writer.hpp"

namespace fs = std::filesystem;
using namespace coopatlas;
using namespace coopatlas::query;

class SearcherTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { searcher_ = new Searcher(coopatlas::test_support::search_excerpt_index()); }
    static void TearDownTestSuite() { delete searcher_; }
    static nlohmann::json search(const std::string& q) {
        SearchRequest r;
        r.q = q;
        return searcher_->search(r);
    }
    static Searcher* searcher_;
};
Searcher* SearcherTest::searcher_ = nullptr;

TEST_F(SearcherTest, FindsWithoutAccentsAndCarriesPageNumbers) {
    auto body = search("assainissement");
    ASSERT_GE(body["total"].get<int>(), 1);
    const auto& top = body["results"][0];
    EXPECT_EQ(top["page"], 12);
    EXPECT_NE(top["snippet"].get<std::string>().find("<mark>assainissement</mark>"), std::string::npos);
    EXPECT_EQ(search("collectivites")["total"], search("collectivités")["total"]);
}

TEST_F(SearcherTest, StemmingFindsInflections) {
    auto body = search("jumelage");
    ASSERT_GE(body["total"].get<int>(), 1);
    EXPECT_EQ(body["results"][0]["page"], 13);
}

TEST_F(SearcherTest, NoMatchGivesNothing) { EXPECT_EQ(search("kangourou")["total"], 0); }

TEST_F(SearcherTest, FacetsCountTypes) {
    auto body = search("collectivites");
    EXPECT_EQ(body["facets"]["type"]["passage"], body["total"]);
}

TEST_F(SearcherTest, UnknownIdIsNotFound) { EXPECT_THROW(searcher_->get("passage/nope"), NotFoundError); }

TEST_F(SearcherTest, EntityRoundTrip) {
    auto body = search("FICOL");
    ASSERT_GE(body["total"].get<int>(), 1);
    std::string id = body["results"][0]["id"];
    EXPECT_EQ(searcher_->get(id).id, id);
}

TEST(SearcherOpen, MissingIndexIsAnIndexError) { EXPECT_THROW(Searcher("/no/such/index"), IndexError); }

TEST(SearcherRanking, StructuredRecordsComeBeforeTheSamePassageByAFixedBoost) {
    // Two records alike but for their type: the partner gets the structured
    // records' fixed bonus over the passage; BM25 gives both the same weight.
    auto record = [](const std::string& type) {
        Record r;
        r.id = type + "/eau";
        r.type = type;
        r.title = "Eau potable";
        r.text = "Adduction d'eau potable et jumelage entre communes.";
        r.page = 7;
        return r;
    };
    const std::string dir = (fs::temp_directory_path() / ("coopatlas-ranking-" + std::to_string(::getpid()))).string();
    fs::remove_all(dir);
    fs::create_directories(dir);
    indexer::write_search_index({record("passage"), record("partner")}, dir);
    {
        Searcher searcher(dir);
        SearchRequest r;
        r.q = "jumelage";
        auto body = searcher.search(r);
        ASSERT_EQ(body["results"].size(), 2u);
        EXPECT_EQ(body["results"][0]["type"], "partner");
        EXPECT_NEAR(body["results"][0]["score"].get<double>() - body["results"][1]["score"].get<double>(), 4.0, 1e-9);
        EXPECT_EQ(searcher.top_docids(r).size(), 2u);
        EXPECT_EQ(searcher.match_docids(r).size(), 2u);
    }
    fs::remove_all(dir);
}
