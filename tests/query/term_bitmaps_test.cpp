// terms.bitmaps: written by indexer::write_term_bitmaps with every index,
// read by query::TermBitmaps; every bitmap must equal its term's posting list.
#include "query/term_bitmaps.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "core/index_schema.hpp"
#include "indexer/write/term_bitmaps_writer.hpp"
#include "indexer/write/xapian_writer.hpp"
#include "query/searcher.hpp"

namespace fs = std::filesystem;
using namespace coopatlas;
using namespace coopatlas::query;

namespace {

class TermBitmapsTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = (fs::temp_directory_path() / ("coopatlas-term-bitmaps-" + std::to_string(::getpid()))).string();
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        // 300 records: "jumelage" in every third, "rare" in two (under 1 %).
        std::vector<Record> records;
        for (int i = 0; i < 300; ++i) {
            Record r;
            r.id = "partner/t-" + std::to_string(i);
            r.type = i % 2 ? "partner" : "programme";
            r.title = "Fiche";
            r.text = std::string(i % 3 == 0 ? "jumelage " : "") + (i == 7 || i == 250 ? "rare " : "") + "eau";
            r.geo.push_back({static_cast<double>(i % 60) - 30, static_cast<double>(i) - 150, "lieu", "city", "test"});
            records.push_back(r);
        }
        indexer::write_search_index(records, dir_);
        db_ = Xapian::Database(dir_ + "/xapian");
        path_ = dir_ + "/" + std::string(schema::kTermBitmapsFile);
        words_ = db_.get_lastdocid() / 64 + 1;
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::vector<Xapian::docid> docids_of(const uint64_t* bits) const {
        std::vector<Xapian::docid> out;
        for (size_t w = 0; w < words_; ++w)
            for (unsigned b = 0; b < 64; ++b)
                if (bits[w] >> b & 1) out.push_back(static_cast<Xapian::docid>(w * 64 + b));
        return out;
    }
    std::vector<Xapian::docid> postings(const std::string& term) const {
        return {db_.postlist_begin(term), db_.postlist_end(term)};
    }
    /// Overwrites the file with `bytes`.
    void write_file(const std::string& bytes) const {
        std::ofstream(path_, std::ios::binary | std::ios::trunc) << bytes;
    }
    std::string read_file() const {
        std::ifstream in(path_, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), {}};
    }

    std::string dir_, path_;
    Xapian::Database db_;
    size_t words_ = 0;
};

}  // namespace

TEST_F(TermBitmapsTest, EveryFrequentTermHasItsPostingsAndNoOtherHasOne) {
    const TermBitmaps bitmaps(path_, words_);
    EXPECT_EQ(bitmaps.words(), words_);
    size_t frequent = 0;
    for (auto t = db_.allterms_begin(); t != db_.allterms_end(); ++t) {
        const std::string term = *t;
        const uint64_t* bits = bitmaps.find(term);
        const bool is_frequent =
            t.get_termfreq() * schema::kTermBitmapShare >= db_.get_doccount() && !term.starts_with(schema::kIdPrefix);
        ASSERT_EQ(bits != nullptr, is_frequent) << term << " in " << t.get_termfreq() << " documents";
        if (bits) {
            EXPECT_EQ(docids_of(bits), postings(term)) << term;
        }
        frequent += is_frequent;
    }
    EXPECT_EQ(bitmaps.size(), frequent);
    EXPECT_NE(bitmaps.find("jumelage"), nullptr);
    EXPECT_EQ(postings("rare").size(), 2u);
    EXPECT_EQ(bitmaps.find("rare"), nullptr);  // 2 of 300 documents: under 1 %
    EXPECT_EQ(bitmaps.find("Qpartner/t-1"), nullptr);
}

TEST_F(TermBitmapsTest, ABrokenFileIsRefusedWithARebuildHint) {
    const std::string good = read_file();
    auto refused = [&](const std::string& bytes, size_t words) {
        write_file(bytes);
        try {
            TermBitmaps(path_, words);
        } catch (const IndexError& e) {
            EXPECT_NE(std::string(e.what()).find("rebuild the index"), std::string::npos) << e.what();
            return true;
        }
        return false;
    };
    EXPECT_TRUE(refused("not a bitmap file at all", words_));
    EXPECT_TRUE(refused(good.substr(0, good.size() - 3), words_));  // cut short
    EXPECT_TRUE(refused(good.substr(0, 20), words_));               // inside the header
    EXPECT_TRUE(refused(good + "extra bytes", words_));
    EXPECT_TRUE(refused(good, words_ + 1));  // another index's documents
    EXPECT_FALSE(refused(good, words_));
    fs::remove(path_);
    EXPECT_THROW(TermBitmaps(path_, words_), IndexError);
}

TEST_F(TermBitmapsTest, SearchesAnswerTheSameWithAndWithoutThem) {
    SearchRequest request;
    request.q = "jumelage";
    // Every record, so that the word is checked on an area's candidates
    // (where the bitmaps are used), and a smaller circle.
    request.near = geo::LatLon{0, 0};
    request.radius_km = 20100;
    Searcher with(dir_);
    const auto expected = with.match_docids(request);
    EXPECT_EQ(expected.size(), 100u);
    SearchRequest smaller = request;
    smaller.radius_km = 3000;
    const auto expected_smaller = with.match_docids(smaller);
    EXPECT_GT(expected_smaller.size(), 0u);
    EXPECT_LT(expected_smaller.size(), 100u);
    with.set_term_bitmaps(false);
    EXPECT_EQ(with.match_docids(request), expected);
    EXPECT_EQ(with.match_docids(smaller), expected_smaller);
    // An index written before the bitmaps existed has none, and still opens.
    fs::remove(path_);
    Searcher without(dir_);
    EXPECT_EQ(without.match_docids(request), expected);
}
