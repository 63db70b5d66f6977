// filter_candidates (direct evaluation of a membership query on sorted
// candidates) against Xapian's own matcher on random queries and candidate
// sets, and the indexing property its word/stem shortcut relies on.
#include "query/candidate_filter.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <random>

#include "core/index_schema.hpp"
#include "core/terms.hpp"
#include "core/text.hpp"
#include "indexer/write/xapian_writer.hpp"

namespace fs = std::filesystem;
using namespace coopatlas;
using namespace coopatlas::query;

namespace {

/// Words with inflections sharing a stem (jumelage/jumelages/jumelée), rare
/// and frequent ones, and a stop word.
const std::vector<std::string> kWords = {"jumelage", "jumelages", "jumelée", "eau",         "eaux",   "assainissement",
                                         "culture",  "culturel",  "santé",   "école",       "écoles", "agriculture",
                                         "durable",  "rare",      "unique",  "coopération", "de",     "numérique"};
const std::vector<std::string> kTypes = {"partner", "programme", "partnership", "passage"};
const std::vector<std::string> kCountries = {"sn", "ml", "bf", "ma"};

class CandidateFilterTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        std::mt19937 rng(7);
        std::vector<Record> records;
        for (int i = 0; i < 3000; ++i) {
            Record r;
            r.id = "partner/c-" + std::to_string(i);
            r.type = kTypes[rng() % kTypes.size()];
            r.title = "Fiche " + std::to_string(i) + " " + kWords[rng() % kWords.size()];
            // Zipf-like: low indexes are frequent, "rare"/"unique" seldom drawn.
            const int n = 3 + static_cast<int>(rng() % 12);
            for (int k = 0; k < n; ++k) {
                const size_t w = std::min(rng() % kWords.size(), rng() % kWords.size());
                r.text += (k ? " " : "") + kWords[w];
            }
            if (i % 97 == 0) r.text += " unique";
            if (rng() % 3 == 0) r.countries.push_back({kCountries[rng() % kCountries.size()], "Pays"});
            records.push_back(r);
        }
        dir_ = (fs::temp_directory_path() / ("coopatlas-candidate-filter-" + std::to_string(::getpid()))).string();
        fs::create_directories(dir_);
        indexer::write_search_index(records, dir_);
        db_ = new Xapian::Database(dir_ + "/xapian");
        bitmaps_ = new TermBitmaps(dir_ + "/" + std::string(schema::kTermBitmapsFile), db_->get_lastdocid() / 64 + 1);
    }
    static void TearDownTestSuite() {
        delete bitmaps_;
        delete db_;
        fs::remove_all(dir_);
    }

    /// A random term of the index's kinds: exact word, stem, type, country, unknown.
    static std::string random_term(std::mt19937& rng) {
        const std::string w = text::fold(kWords[rng() % kWords.size()]);
        switch (rng() % 6) {
            case 0:
            case 1:
                return w;
            case 2:
                return terms::stem_term("", terms::stem(w));
            case 3:
                return std::string(schema::kTypePrefix) + kTypes[rng() % kTypes.size()];
            case 4:
                return std::string(schema::kCountryPrefix) + kCountries[rng() % kCountries.size()];
            default:
                return rng() % 2 ? "absent" : "Zabsent";
        }
    }

    /// A random query tree of the shapes build_text_query and prepare() make,
    /// and some they do not (phrases, wildcards, XOR: the Xapian fallback).
    static Xapian::Query random_query(std::mt19937& rng, int depth) {
        const unsigned kind = depth <= 0 ? 0 : rng() % 13;
        auto parts = [&](size_t n) {
            std::vector<Xapian::Query> v;
            for (size_t k = 0; k < n; ++k) v.push_back(random_query(rng, depth - 1));
            return v;
        };
        if (kind <= 3) return Xapian::Query(random_term(rng));
        if (kind == 4) {  // a word OR its stem, as Builder::word does
            const std::string w = text::fold(kWords[rng() % kWords.size()]);
            return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(w),
                                 Xapian::Query(terms::stem_term("", terms::stem(w))));
        }
        const size_t n = 2 + rng() % 2;
        auto v = parts(n);
        switch (kind) {
            case 5:
                return Xapian::Query(Xapian::Query::OP_AND, v.begin(), v.end());
            case 6:
                return Xapian::Query(Xapian::Query::OP_OR, v.begin(), v.end());
            case 7:
                return Xapian::Query(Xapian::Query::OP_AND_NOT, v.begin(), v.end());
            case 8:
                return Xapian::Query(Xapian::Query::OP_FILTER, v.begin(), v.end());
            case 9:
                return Xapian::Query(Xapian::Query::OP_AND_MAYBE, v.begin(), v.end());
            case 10:
                return rng() % 2 ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, v[0], 2.5)
                                 : Xapian::Query(Xapian::Query::OP_XOR, v.begin(), v.end());
            case 11: {
                const std::string a = text::fold(kWords[rng() % kWords.size()]),
                                  b = text::fold(kWords[rng() % kWords.size()]);
                const std::vector<Xapian::Query> ab = {Xapian::Query(a), Xapian::Query(b)};
                return Xapian::Query(Xapian::Query::OP_PHRASE, ab.begin(), ab.end(), 3);
            }
            default:
                return rng() % 3 == 0   ? Xapian::Query::MatchAll
                       : rng() % 2 == 0 ? Xapian::Query(Xapian::Query::OP_WILDCARD, "cul")
                                        : Xapian::Query(Xapian::Query::OP_SYNONYM, v.begin(), v.end());
        }
    }

    static std::string dir_;
    static Xapian::Database* db_;
    static TermBitmaps* bitmaps_;  ///< the index's own (terms.bitmaps)
};
std::string CandidateFilterTest::dir_;
Xapian::Database* CandidateFilterTest::db_ = nullptr;
TermBitmaps* CandidateFilterTest::bitmaps_ = nullptr;

}  // namespace

TEST_F(CandidateFilterTest, EveryWordTermIsHeldByItsStemTerm) {
    // The shortcut "w OR Z<stem(w)> = Z<stem(w)>" holds only if the indexer
    // writes both for every word (terms::index_text).
    size_t words = 0;
    for (auto t = db_->allterms_begin(); t != db_->allterms_end(); ++t) {
        const std::string w = *t;
        if (w.empty() || std::isupper(static_cast<unsigned char>(w[0]))) continue;
        ++words;
        const std::string stem = terms::stem_term("", terms::stem(w));
        auto s = db_->postlist_begin(stem);
        for (auto p = db_->postlist_begin(w); p != db_->postlist_end(w); ++p) {
            s.skip_to(*p);
            ASSERT_TRUE(s != db_->postlist_end(stem) && *s == *p) << w << " in " << *p << " but not " << stem;
        }
    }
    EXPECT_GT(words, 10u);
}

TEST_F(CandidateFilterTest, RandomQueriesAndCandidatesAgreeWithXapian) {
    std::mt19937 rng(11);
    const Xapian::docid last = db_->get_lastdocid();
    size_t nonempty = 0;
    for (int q = 0; q < 600; ++q) {
        const Xapian::Query query = random_query(rng, 1 + q % 4);
        // Candidate sets from a few docids to all of them.
        std::vector<Xapian::docid> cands;
        const unsigned keep = 1 + rng() % (q % 3 == 0 ? 2 : 50);
        for (Xapian::docid d = 1; d <= last; ++d)
            if (rng() % keep == 0) cands.push_back(d);
        const auto want = filter_candidates_by_xapian(*db_, query, cands);
        const auto got = filter_candidates(*db_, query, cands);
        EXPECT_EQ(got, want) << query.get_description() << " on " << cands.size() << " candidates";
        EXPECT_EQ(filter_candidates(*db_, query, cands, bitmaps_), want)
            << "with term bitmaps: " << query.get_description() << " on " << cands.size() << " candidates";
        nonempty += !want.empty();
    }
    EXPECT_GT(nonempty, 300u);  // the comparisons are not all of empty answers
    // The frequent words, stems, types and countries have bitmaps: the
    // comparisons above went through them.
    EXPECT_NE(bitmaps_->find(terms::stem_term("", terms::stem("jumelage"))), nullptr);
    EXPECT_NE(bitmaps_->find(std::string(schema::kTypePrefix) + "partner"), nullptr);
    EXPECT_EQ(bitmaps_->find("absent"), nullptr);
}

TEST_F(CandidateFilterTest, EmptyAndSingleCandidates) {
    const Xapian::Query word(Xapian::Query::OP_OR, Xapian::Query("eau"), Xapian::Query("Zeau"));
    EXPECT_TRUE(filter_candidates(*db_, word, {}).empty());
    EXPECT_TRUE(filter_candidates(*db_, Xapian::Query::MatchAll, {}).empty());
    EXPECT_EQ(filter_candidates(*db_, Xapian::Query::MatchAll, {5}), std::vector<Xapian::docid>{5});
    EXPECT_TRUE(filter_candidates(*db_, Xapian::Query::MatchNothing, {5}).empty());
    // A candidate past the last document matches nothing but MatchAll.
    const Xapian::docid beyond = db_->get_lastdocid() + 10;
    EXPECT_TRUE(filter_candidates(*db_, word, {beyond}).empty());
    EXPECT_TRUE(filter_candidates(*db_, word, {beyond}, bitmaps_).empty());
    for (Xapian::docid d = 1; d <= 50; ++d) {
        EXPECT_EQ(filter_candidates(*db_, word, {d}), filter_candidates_by_xapian(*db_, word, {d})) << d;
        EXPECT_EQ(filter_candidates(*db_, word, {d}, bitmaps_), filter_candidates_by_xapian(*db_, word, {d})) << d;
    }
}

TEST_F(CandidateFilterTest, MatchBitmapOfRandomQueriesAgreesWithXapian) {
    std::mt19937 rng(13);
    std::vector<Xapian::docid> everything;
    for (Xapian::docid d = 1; d <= db_->get_lastdocid(); ++d) everything.push_back(d);
    for (int q = 0; q < 300; ++q) {
        const Xapian::Query query = random_query(rng, 1 + q % 4);
        const auto bits = match_bitmap(*db_, query);
        ASSERT_EQ(bits.size(), db_->get_lastdocid() / 64 + 1);
        EXPECT_EQ(match_bitmap(*db_, query, bitmaps_), bits) << "with term bitmaps: " << query.get_description();
        std::vector<Xapian::docid> got;
        for (size_t w = 0; w < bits.size(); ++w)
            for (unsigned b = 0; b < 64; ++b)
                if (bits[w] >> b & 1) got.push_back(static_cast<Xapian::docid>(w * 64 + b));
        EXPECT_EQ(got, filter_candidates_by_xapian(*db_, query, everything)) << query.get_description();
    }
    // A facet alone under MatchAll, as prepare() writes a query without words.
    const std::string partner = std::string(schema::kTypePrefix) + "partner";
    const Xapian::Query facet(Xapian::Query::OP_FILTER, Xapian::Query::MatchAll, Xapian::Query(partner));
    const auto bits = match_bitmap(*db_, facet);
    size_t n = 0;
    for (auto w : bits) n += static_cast<size_t>(__builtin_popcountll(w));
    EXPECT_GT(n, 500u);
    EXPECT_EQ(n, db_->get_termfreq(partner));
}
