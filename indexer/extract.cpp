#include "extract.hpp"

#include <functional>
#include <future>

#include "contacts.hpp"
#include "partnerships.hpp"
#include "passages.hpp"
#include "programmes.hpp"
#include "sections.hpp"

namespace coopatlas::indexer {

std::vector<Record> extract_records(const Guide& guide) {
    const auto sections = section_paths(guide);
    // The extractors only read the guide and the sections: they run in threads,
    // and their records are joined in a fixed order, so the output does not
    // depend on the scheduling. An extractor's exception reaches the caller via get().
    std::vector<std::future<std::vector<Record>>> pending;
    for (auto extractor : {extract_partnerships, extract_contacts, extract_programmes})
        pending.push_back(std::async(std::launch::async, extractor, std::cref(guide), std::cref(sections)));
    std::vector<Record> records = extract_passages(guide, sections);
    std::vector<std::vector<Record>> parts;
    for (auto& p : pending) parts.push_back(p.get());
    for (auto i : {2, 1, 0}) {  // programmes, contacts, partnerships: the order of the records
        records.insert(records.end(), std::make_move_iterator(parts[i].begin()),
                       std::make_move_iterator(parts[i].end()));
    }
    return records;
}

}  // namespace coopatlas::indexer
