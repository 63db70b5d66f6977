// Golden queries over the real guide: tests/query/golden_queries.json lists
// realistic queries (no accents, typos, inflections, acronyms, names, e-mail
// domains, phrases, English, absent subjects) and the text that one of the
// top `top` results must contain, or "none": true when nothing may be found.
// They run on the golden index: the bundled guide indexed with the gazetteer,
// as scripts/index.sh does, written by the CTest fixture golden.index
// (tests/CMakeLists.txt, tests/golden/README.md).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "core/error.hpp"
#include "core/text.hpp"
#include "query/searcher.hpp"

namespace fs = std::filesystem;
using namespace coopatlas;
using nlohmann::json;

namespace {

// The text as a reader compares it: entities, apostrophes and spaces unified, case and
// accents forgiven (a passage shows "l’OFAJ" where the guide prints "l’oFAJ").
std::string normalise(std::string s) {
    static const std::regex marks("</?mark>"), spaces("\\s+");
    s = std::regex_replace(s, marks, "");
    for (auto [from, to] : {std::pair{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}})
        for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + 1))
            s.replace(p, std::string(from).size(), to);
    return text::fold(std::regex_replace(s, spaces, " "));
}

}  // namespace

class GoldenQueries : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        const std::string dir = COOPATLAS_GOLDEN_INDEX;
        if (!fs::exists(fs::path(dir) / "entities.jsonl")) {
            error_ = "no golden index at " + dir +
                     ": run these tests through ctest (its fixture golden.index "
                     "builds it: cd build && ctest -R golden), which needs the gazetteer (scripts/index.sh builds it)";
            return;
        }
        try {
            searcher_ = new query::Searcher(dir);
        } catch (const Error& e) {
            error_ =
                std::string("cannot open the golden index: ") + e.what() + " (cd build && ctest -R golden rebuilds it)";
        }
    }
    static void TearDownTestSuite() {
        delete searcher_;
        searcher_ = nullptr;
    }
    // Every test fails, with the reason, when the index is missing: never a silent skip.
    void SetUp() override { ASSERT_NE(searcher_, nullptr) << error_; }
    /// Rank (1-based) of the first result containing `needle`, 0 if none in the first `limit`.
    static int rank_of(const json& body, const std::string& needle) {
        int rank = 0;
        for (const auto& r : body["results"]) {
            ++rank;
            std::string haystack = normalise(r["snippet"].get<std::string>()) + " " +
                                   normalise(searcher_->get(r["id"].get<std::string>()).text);
            if (haystack.find(normalise(needle)) != std::string::npos) return rank;
        }
        return 0;
    }
    static std::string error_;
    static query::Searcher* searcher_;
};
std::string GoldenQueries::error_;
query::Searcher* GoldenQueries::searcher_ = nullptr;

TEST_F(GoldenQueries, EachQueryFindsItsAnswerInItsTopK) {
    std::ifstream in(std::string(COOPATLAS_SOURCE_DIR) + "/tests/query/golden_queries.json");
    json cases = json::parse(in);
    ASSERT_GE(cases.size(), 30u);
    int keyword = 0, top3 = 0, top10 = 0;
    for (const auto& c : cases) {
        query::SearchRequest request;
        request.q = c["q"].get<std::string>();
        request.limit = 10;
        json body = searcher_->search(request);
        SCOPED_TRACE(c["category"].get<std::string>() + " query: " + request.q);
        if (c.value("none", false)) {
            EXPECT_EQ(body["total"], 0) << body["results"].dump().substr(0, 300);
            continue;
        }
        int rank = rank_of(body, c["must_find"].get<std::string>());
        ++keyword;
        top3 += rank >= 1 && rank <= 3;
        top10 += rank >= 1;
        EXPECT_TRUE(rank >= 1 && rank <= c.value("top", 10)) << "rank " << rank << " (0 = not in the top 10)";
    }
    // The targets, over the keyword queries of this set.
    EXPECT_GE(top10 * 100, keyword * 95) << top10 << "/" << keyword << " in the top 10";
    EXPECT_GE(top3 * 100, keyword * 80) << top3 << "/" << keyword << " in the top 3";
}

TEST_F(GoldenQueries, TypoIsCorrectedAndSaid) {
    query::SearchRequest request;
    request.q = "assainisement";
    json body = searcher_->search(request);
    EXPECT_EQ(body["suggestion"], "assainissement");
    EXPECT_EQ(body["corrected_query"], "assainissement");
    EXPECT_GT(body["total"].get<int>(), 0);
}

TEST_F(GoldenQueries, ExactWordRanksBeforeItsInflections) {
    query::SearchRequest request;
    request.q = "jumelées";
    request.type = "passage";
    json body = searcher_->search(request);
    ASSERT_GT(body["total"].get<int>(), 1);
    EXPECT_NE(body["results"][0]["snippet"].get<std::string>().find("<mark>jumelées</mark>"), std::string::npos);
}

TEST_F(GoldenQueries, FacetsOnEveryResultSet) {
    query::SearchRequest request;
    request.q = "eau";
    json body = searcher_->search(request);
    for (const char* facet : {"type", "country", "theme", "odd"}) EXPECT_TRUE(body["facets"].contains(facet));
    int sum = 0;
    for (const auto& [type, n] : body["facets"]["type"].items()) sum += n.get<int>();
    EXPECT_EQ(sum, body["total"].get<int>());
}

TEST_F(GoldenQueries, FieldPrefixFiltersLikeTheParameter) {
    query::SearchRequest prefixed, parameter;
    prefixed.q = "eau type:passage";
    parameter.q = "eau";
    parameter.type = "passage";
    EXPECT_EQ(searcher_->search(prefixed)["total"], searcher_->search(parameter)["total"]);
}

// English queries go through the dictionaries' translations stored in the
// index (indexer/search_dictionaries.hpp) and find the guide's French text.
TEST_F(GoldenQueries, EnglishQueryFindsTheFrenchPassages) {
    query::SearchRequest request;
    request.q = "waste management Tunisia";
    json body = searcher_->search(request);
    ASSERT_GT(body["total"].get<int>(), 0);
    const std::string text = searcher_->get(body["results"][0]["id"].get<std::string>()).text;
    EXPECT_NE(text.find("déchets"), std::string::npos) << text;
    // In Tunisia: said in the text, or a Tunisian place the record is located in (Sfax, Testour...).
    bool tunisian = text.find("Tunisie") != std::string::npos;
    for (const auto& c : body["results"][0]["countries"]) tunisian = tunisian || c["code"] == "TN";
    EXPECT_TRUE(tunisian) << text;
}

TEST_F(GoldenQueries, EnglishQueryWithFewTranslationsStillAnswers) {
    // No record says "twin towns", "Germany" and "youth" in French at once:
    // the relaxed answer still ranks French records with their translations.
    query::SearchRequest request;
    request.q = "twin towns Germany youth";
    json body = searcher_->search(request);
    ASSERT_GT(body["total"].get<int>(), 0);
    bool french = false;
    for (const auto& r : body["results"]) {
        const std::string text = searcher_->get(r["id"].get<std::string>()).text;
        french = french || text.find("jeunesse") != std::string::npos || text.find("Allemagne") != std::string::npos;
    }
    EXPECT_TRUE(french) << body["results"].dump().substr(0, 300);
}

TEST_F(GoldenQueries, AShortAnswerIsFilledWithRecordsMissingAWord) {
    // Few records of the guide say both "trinationale" and "Moldavie": the
    // page is filled with records holding one of them, always after those
    // holding both.
    query::SearchRequest request;
    request.q = "trinationale Moldavie";
    json body = searcher_->search(request);
    ASSERT_EQ(body["results"].size(), 10u) << body.dump().substr(0, 300);
    size_t both = 0;
    bool one_seen = false;
    for (const auto& r : body["results"]) {
        const std::string text = text::fold(searcher_->get(r["id"].get<std::string>()).text);
        const bool has_both = text.find("trinational") != std::string::npos && text.find("moldav") != std::string::npos;
        if (has_both) {
            ++both;
            EXPECT_FALSE(one_seen) << "a record with both words after one with a single word: " << r["id"];
        } else {
            one_seen = true;
        }
    }
    EXPECT_GE(both, 1u);
    EXPECT_TRUE(one_seen);
}

/// `known` and `known` after an unknown word give the same answer, which says it left the word out.
void expect_left_out(query::Searcher& searcher, const std::string& unknown, const std::string& known) {
    query::SearchRequest without, with;
    without.q = known;
    with.q = unknown + " " + known;
    json a = searcher.search(without), b = searcher.search(with);
    ASSERT_GT(a["total"].get<int>(), 0);
    EXPECT_EQ(b["total"], a["total"]);
    EXPECT_EQ(b["results"][0]["id"], a["results"][0]["id"]);
    EXPECT_EQ(b["ignored_words"], json::array({unknown}));
    EXPECT_EQ(a["ignored_words"], json::array());
}

TEST_F(GoldenQueries, UnknownEnglishWordDoesNotEmptyTheAnswer) {
    expect_left_out(*searcher_, "zorglubs", "water health");
}

TEST_F(GoldenQueries, UnknownWordAmongMostlyKnownOnesIsLeftOutAndSaid) {
    // One unknown word of three: the answer is that of the two others, and says which word it left out.
    expect_left_out(*searcher_, "zorglubs", "eau potable");
    // As many unknown words as known ones: the query is about something else, nothing is found.
    query::SearchRequest mostly_unknown;
    mostly_unknown.q = "zorglubs kwyjibo eau potable";
    EXPECT_EQ(searcher_->search(mostly_unknown)["total"], 0);
}

TEST_F(GoldenQueries, AMisspeltWordInALongQueryStillFindsTheRecordsHoldingMostWords) {
    // No record holds all six groups; the corrected query's records holding
    // most of them come first, in tiers: never an empty answer.
    query::SearchRequest request;
    request.q = "coopération France Cubba langue française culture";
    json body = searcher_->search(request);
    EXPECT_EQ(text::fold(body["suggestion"].get<std::string>()), "cooperation france cuba langue francaise culture");
    ASSERT_GT(body["total"].get<int>(), 0);
    bool cuba = false;
    for (const auto& r : body["results"])
        cuba = cuba || text::fold(searcher_->get(r["id"].get<std::string>()).text).find("cuba") != std::string::npos;
    EXPECT_TRUE(cuba) << body["results"].dump().substr(0, 300);
}

TEST_F(GoldenQueries, ThesaurusSynonymFindsTheGuidesWord) {
    // "ordures" is not in the passage on Paris and Accra, "déchets" is.
    query::SearchRequest request;
    request.q = "ordures Accra";
    request.limit = 3;
    json body = searcher_->search(request);
    EXPECT_GT(rank_of(body, "coopération décentralisée entre Paris et Accra"), 0)
        << body["results"].dump().substr(0, 300);
}
