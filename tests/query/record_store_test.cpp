#include "query/record_store.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "core/index_schema.hpp"
#include "indexer/write/jsonl_writer.hpp"
#include "query/shown_records.hpp"

namespace fs = std::filesystem;
using namespace coopatlas;
using coopatlas::query::RecordStore;
using coopatlas::query::ShownRecords;

namespace {

class RecordStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("coopatlas-record-store-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        for (int i = 0; i < 3; ++i) {
            Record r;
            r.id = "partner/p" + std::to_string(i);
            r.type = "partner";
            r.title = "Commune " + std::string(i, 'x');  // lines of different lengths
            r.text = "Jumelage numéro " + std::to_string(i);
            lines_.push_back(indexer::record_line(r));
        }
        indexer::write_record_store(lines_, dir_.string());
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
    std::vector<std::string> lines_;
};

}  // namespace

TEST_F(RecordStoreTest, DocidNIsLineNMinusOne) {
    RecordStore store(dir_.string());
    ASSERT_EQ(store.size(), 3u);
    for (Xapian::docid d = 1; d <= 3; ++d) EXPECT_EQ(store.line(d), lines_[d - 1]);
    EXPECT_EQ(store.record(3).id, "partner/p2");
    EXPECT_EQ(store.record(1).text, "Jumelage numéro 0");
}

TEST_F(RecordStoreTest, DocidOutsideTheStoreIsAnIndexError) {
    RecordStore store(dir_.string());
    EXPECT_THROW(store.line(0), IndexError);
    EXPECT_THROW(store.line(4), IndexError);
}

TEST_F(RecordStoreTest, MissingOrMismatchedOffsetsAreIndexErrors) {
    {
        std::ofstream(dir_ / schema::kRecordsFile, std::ios::app) << "{}\n";  // jsonl longer than its offsets say
        EXPECT_THROW(RecordStore{dir_.string()}, IndexError);
    }
    fs::remove(dir_ / schema::kRecordOffsetsFile);
    EXPECT_THROW(RecordStore{dir_.string()}, IndexError);
    EXPECT_THROW(RecordStore{(dir_ / "nowhere").string()}, IndexError);
}

TEST_F(RecordStoreTest, EmptyStoreHoldsNoRecord) {
    const fs::path empty = dir_ / "empty";
    fs::create_directories(empty);
    indexer::write_record_store({}, empty.string());
    RecordStore store(empty.string());
    EXPECT_EQ(store.size(), 0u);
    EXPECT_THROW(store.line(1), IndexError);
}

TEST_F(RecordStoreTest, ShownRecordsAreTheStoresRecordsKeptOnce) {
    RecordStore store(dir_.string());
    ShownRecords shown(store, 1u << 20);
    for (Xapian::docid d = 1; d <= 3; ++d) {
        const auto first = shown.get(d);
        EXPECT_EQ(to_json(first->record), to_json(store.record(d)));
        ASSERT_EQ(first->words.size(), 3u);  // "Jumelage numéro N"
        EXPECT_EQ(first->words[1].folded, "numero");
        EXPECT_EQ(shown.get(d), first);  // kept: the same one, not parsed again
    }
    EXPECT_THROW(shown.get(4), IndexError);
}

TEST_F(RecordStoreTest, ShownRecordsPastTheirBudgetLeaveOldestFirst) {
    // Records 1 and 17 fall in the same shard of the ShownRecords.
    const fs::path many = dir_ / "many";
    fs::create_directories(many);
    std::vector<std::string> lines;
    for (int i = 1; i <= 17; ++i) {
        Record r;
        r.id = "partner/p" + std::to_string(i);
        r.type = "partner";
        r.text = "Coopération numéro " + std::to_string(i);
        lines.push_back(indexer::record_line(r));
    }
    indexer::write_record_store(lines, many.string());
    RecordStore store(many.string());
    const auto line_bytes = store.line(1).size();
    {
        ShownRecords roomy(store, 16 * 10 * line_bytes);  // room for both in their shard
        const auto first = roomy.get(1);
        roomy.get(17);
        EXPECT_EQ(roomy.get(1), first);
    }
    ShownRecords tight(store, 16 * 3 * line_bytes);  // room for one (each costs twice its line and more)
    const auto first = tight.get(1);
    EXPECT_EQ(tight.get(1), first);
    EXPECT_EQ(tight.get(17)->record.id, "partner/p17");
    const auto again = tight.get(1);  // parsed again: 1 left when 17 came in
    EXPECT_NE(again, first);
    EXPECT_EQ(to_json(again->record), to_json(first->record));
}
