#include "query/searcher.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/error.hpp"
#include "indexer/index_build.hpp"

namespace fs = std::filesystem;
using namespace coopatlas;
using namespace coopatlas::query;

class SearcherTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = (fs::temp_directory_path() / ("coopatlas-searcher-" + std::to_string(::getpid()))).string();
        indexer::build_index({std::string(COOPATLAS_FIXTURES) + "/search_excerpt.txt", dir_, ""},
                             [](const std::string&) {});
        searcher_ = new Searcher(dir_);
    }
    static void TearDownTestSuite() {
        delete searcher_;
        fs::remove_all(dir_);
    }
    static nlohmann::json search(const std::string& q) {
        SearchRequest r;
        r.q = q;
        return searcher_->search(r);
    }
    static std::string dir_;
    static Searcher* searcher_;
};
std::string SearcherTest::dir_;
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
