#include "indexer/extract/extract.hpp"

#include <gtest/gtest.h>

#include "indexer/extract/contacts.hpp"
#include "indexer/extract/partnerships.hpp"
#include "indexer/extract/passages.hpp"
#include "indexer/extract/programmes.hpp"
#include "indexer/guide/sections.hpp"

using namespace coopatlas;
using namespace coopatlas::indexer;

namespace {

std::vector<std::string> as_json_lines(const std::vector<Record>& records) {
    std::vector<std::string> out;
    for (const auto& r : records) out.push_back(to_json(r).dump());
    return out;
}

}  // namespace

// extract_records shares one display repair, one lexicon and one contact extraction
// between the extractors: it must give exactly what each extractor gives on its own.
TEST(ExtractRecords, SameRecordsAsEachExtractorAlone) {
    // the whole guide: the excerpts hold no programme whose contacts are records of their own
    Guide guide = Guide::load(std::string(COOPATLAS_SOURCE_DIR) + "/data/guide/guide.txt");
    const auto sections = section_paths(guide);
    std::vector<Record> expected = extract_passages(guide, sections);
    for (auto part : {extract_programmes(guide, sections), extract_contacts(guide, sections),
                      extract_partnerships(guide, sections)})
        expected.insert(expected.end(), part.begin(), part.end());

    const auto records = extract_records(guide);
    EXPECT_EQ(as_json_lines(records), as_json_lines(expected));
    // the shared parts are exercised: programmes linking contact records, partners
    EXPECT_TRUE(std::any_of(records.begin(), records.end(),
                            [](const Record& r) { return r.type == "programme" && !r.fields["contacts"].empty(); }));
    EXPECT_TRUE(std::any_of(records.begin(), records.end(), [](const Record& r) { return r.type == "partner"; }));
}
