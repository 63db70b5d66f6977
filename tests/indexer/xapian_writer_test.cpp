#include "indexer/write/xapian_writer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/index_schema.hpp"
#include "indexer/write/jsonl_writer.hpp"
#include "scratch_dir.hpp"

namespace fs = std::filesystem;
using namespace coopatlas;
using namespace coopatlas::indexer;

namespace {

/// An empty directory of its own for each test.
fs::path scratch(const std::string& name) {
    fs::path p = coopatlas::test_support::scratch_path("xw-" + name);
    fs::create_directories(p);
    return p;
}

/// n partner records; every third mentions "jumelage", every record "projet".
std::vector<Record> records(size_t n) {
    std::vector<Record> out;
    for (size_t i = 0; i < n; ++i) {
        Record r;
        r.id = "partner/p" + std::to_string(i);
        r.type = "partner";
        r.title = "Commune numéro " + std::to_string(i);
        r.text = std::string("Un projet de coopération décentralisée") + (i % 3 == 0 ? " et de jumelage" : "");
        r.page = static_cast<int>(i % 50);
        out.push_back(r);
    }
    return out;
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

/// Docid of the record with this id (its unique id term).
static Xapian::docid docid_of(const Xapian::Database& db, const std::string& id) {
    auto it = db.postlist_begin(std::string(schema::kIdPrefix) + id);
    return it == db.postlist_end(std::string(schema::kIdPrefix) + id) ? 0 : *it;
}

TEST(XapianWriter, RecordStoreLinesFollowTheDocids) {
    const auto rs = records(30);
    const fs::path dir = scratch("lines");
    write_search_index(rs, dir.string());
    Xapian::Database db((dir / "xapian").string());
    ASSERT_EQ(db.get_doccount(), rs.size());
    // entities.jsonl is what write_jsonl writes from the records, line d-1 for docid d.
    write_jsonl(rs, (dir / "from-records.jsonl").string());
    const std::string jsonl = read_all(dir / schema::kRecordsFile);
    EXPECT_EQ(jsonl, read_all(dir / "from-records.jsonl"));
    const std::string offsets = read_all(dir / schema::kRecordOffsetsFile);
    ASSERT_EQ(offsets.size(), (rs.size() + 1) * sizeof(uint64_t));
    auto offset = [&](size_t i) {
        uint64_t v;
        std::memcpy(&v, offsets.data() + i * sizeof v, sizeof v);
        return v;
    };
    EXPECT_EQ(offset(rs.size()), jsonl.size());
    for (size_t i = 0; i < rs.size(); ++i) {
        EXPECT_EQ(docid_of(db, rs[i].id), i + 1);
        EXPECT_EQ(jsonl.substr(offset(i), offset(i + 1) - offset(i)), record_line(rs[i]) + "\n");
        EXPECT_EQ(db.get_document(static_cast<Xapian::docid>(i + 1)).get_data(), "");  // stored once, in the store
    }
    fs::remove_all(dir);
}

TEST(XapianWriter, SpellingFrequencyIsTheNumberOfDocuments) {
    const auto rs = records(30);
    const fs::path dir = scratch("spelling");
    XapianWriteOptions options;
    options.documents_per_commit = 7;  // several commits, none at the end of the range
    write_xapian(rs, (dir / "xapian").string(), options);
    Xapian::Database db((dir / "xapian").string());
    std::map<std::string, Xapian::termcount> spelling;
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) spelling[*it] = it.get_termfreq();
    EXPECT_EQ(spelling["projet"], 30u);
    EXPECT_EQ(spelling["jumelage"], 10u);
    EXPECT_EQ(spelling.count("de"), 0u);  // stop word: not a term, not a suggestion
    EXPECT_EQ(db.get_termfreq("jumelage"), 10u);
    EXPECT_EQ(db.get_spelling_suggestion("jumelag"), "jumelage");
    fs::remove_all(dir);
}

TEST(XapianWriter, RepeatedIdReplacesTheFirstDocument) {
    auto rs = records(3);
    rs.push_back(rs[1]);
    rs.back().text = "texte remplacé";
    const fs::path dir = scratch("replace");
    std::vector<std::string> lines;
    XapianWriteOptions options;
    options.lines = &lines;
    write_xapian(rs, (dir / "xapian").string(), options);
    Xapian::Database db((dir / "xapian").string());
    EXPECT_EQ(db.get_doccount(), 3u);
    EXPECT_EQ(db.get_termfreq(std::string(schema::kIdPrefix) + "partner/p1"), 1u);
    EXPECT_EQ(db.get_termfreq("remplace"), 1u);
    EXPECT_EQ(db.get_termfreq("projet"), 2u);
    // The later record takes the earlier one's place, in the documents and in the lines.
    EXPECT_EQ(docid_of(db, "partner/p1"), 2u);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[1], record_line(rs[3]));
    EXPECT_EQ(lines[2], record_line(rs[2]));
    fs::remove_all(dir);
}

TEST(XapianWriter, ShardsKeepRecordOrderAndPhrases) {
    const auto rs = records(2500);
    const fs::path dir = scratch("shards");
    std::vector<std::string> lines;
    XapianWriteOptions options;
    options.shards = 2;
    options.lines = &lines;
    write_xapian(rs, (dir / "xapian").string(), options);
    Xapian::Database db((dir / "xapian").string());
    ASSERT_EQ(db.get_doccount(), rs.size());
    for (Xapian::docid d : {1u, 1250u, 1251u, 2500u}) {
        EXPECT_EQ(docid_of(db, rs[d - 1].id), d);
        EXPECT_EQ(lines[d - 1], record_line(rs[d - 1]));
    }
    EXPECT_EQ(db.get_metadata("coopatlas:schema"), std::string(schema::kSchemaVersion));
    // Phrase search needs the body's positions; the title-prefixed terms have none.
    Xapian::Enquire enquire(db);
    std::vector<Xapian::Query> words = {Xapian::Query("cooperation"), Xapian::Query("decentralisee")};
    enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(), 2));
    EXPECT_EQ(enquire.get_mset(0, 10, rs.size()).get_matches_estimated(), rs.size());
    EXPECT_EQ(db.get_collection_freq("Scommune"), rs.size());
    EXPECT_EQ(db.positionlist_begin(1, "Scommune"), db.positionlist_end(1, "Scommune"));
    fs::remove_all(dir);
}

TEST(XapianWriter, MoreShardsThanCoresKeepRecordOrder) {
    const auto rs = records(6000);
    const fs::path dir = scratch("many-shards");
    XapianWriteOptions options;
    options.shards = 6;  // taken in turn by one worker per core
    write_xapian(rs, (dir / "xapian").string(), options);
    Xapian::Database db((dir / "xapian").string());
    ASSERT_EQ(db.get_doccount(), rs.size());
    for (Xapian::docid d = 1; d <= rs.size(); d += 997) EXPECT_EQ(docid_of(db, rs[d - 1].id), d);
    EXPECT_EQ(docid_of(db, rs.back().id), rs.size());
    EXPECT_EQ(db.get_termfreq("jumelage"), 2000u);
    fs::remove_all(dir);
}

TEST(XapianWriter, LargeCollectionsAreNumberedInSpatialOrder) {
    // Records alternate between Dakar and Hanoi, one has no point: in spatial
    // order each city's records are contiguous, the pointless one last, each
    // group in record order, and the lines follow the docids.
    auto rs = records(9);
    for (size_t i = 0; i < rs.size(); ++i)
        if (i != 4)
            rs[i].geo.push_back(i % 2 ? GeoPoint{21.03, 105.83, "Hanoï", "city", "test"}
                                      : GeoPoint{14.69, -17.45, "Dakar", "city", "test"});
    const fs::path dir = scratch("spatial");
    std::vector<std::string> lines;
    XapianWriteOptions options;
    options.lines = &lines;
    options.spatial_order_from = 5;
    write_xapian(rs, (dir / "xapian").string(), options);
    Xapian::Database db((dir / "xapian").string());
    const std::vector<size_t> expected = {0, 2, 6, 8, 1, 3, 5, 7, 4};  // Dakar (west) first, then Hanoi, then no point
    for (size_t d = 0; d < expected.size(); ++d) {
        EXPECT_EQ(docid_of(db, rs[expected[d]].id), d + 1) << rs[expected[d]].id;
        EXPECT_EQ(lines[d], record_line(rs[expected[d]]));
    }
    // Below the threshold (the guide), record order.
    fs::remove_all(dir / "xapian");
    options.spatial_order_from = 10;
    write_xapian(rs, (dir / "xapian").string(), options);
    Xapian::Database kept((dir / "xapian").string());
    for (size_t i = 0; i < rs.size(); ++i) EXPECT_EQ(docid_of(kept, rs[i].id), i + 1);
    fs::remove_all(dir);
}
