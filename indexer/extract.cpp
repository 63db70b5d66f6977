#include "extract.hpp"

#include "contacts.hpp"
#include "partnerships.hpp"
#include "passages.hpp"
#include "programmes.hpp"
#include "sections.hpp"

namespace coopatlas::indexer {

std::vector<Record> extract_records(const Guide& guide) {
    auto sections = section_paths(guide);
    std::vector<Record> records = extract_passages(guide, sections);
    for (auto extractor : {extract_programmes, extract_contacts, extract_partnerships}) {
        auto more = extractor(guide, sections);
        records.insert(records.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    return records;
}

}  // namespace coopatlas::indexer
