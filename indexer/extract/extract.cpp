#include "indexer/extract/extract.hpp"

#include <future>
#include <utility>

#include "indexer/extract/contacts.hpp"
#include "indexer/extract/partnerships.hpp"
#include "indexer/extract/passages.hpp"
#include "indexer/extract/programmes.hpp"
#include "indexer/guide/display_text.hpp"
#include "indexer/guide/sections.hpp"

namespace coopatlas::indexer {

namespace {

/// `lexicon_of()` gives the party lexicon; only the partnerships' thread calls
/// it, so a lexicon still loading is waited for there while the display repair
/// and the sections are learnt.
template <class LexiconOf>
std::vector<Record> extract_all(const Guide& guide, LexiconOf lexicon_of) {
    // One display repair for every extractor: learning it reads the whole guide.
    const DisplayText display(guide);
    const auto sections = section_paths(guide, display);
    // The programme blocks, parsed once: the contacts read their "Coordonnées", the
    // programmes their fields, the partnerships their leads and destinations.
    const auto blocks = find_programme_blocks(guide);
    // The extractors only read the guide, the display repair, the sections and the blocks: they
    // run in threads, and their records are joined in a fixed order, so the output
    // does not depend on the scheduling. An extractor's exception reaches the caller via get().
    auto partnerships = std::async(
        std::launch::async, [&] { return extract_partnerships(guide, sections, display, blocks, lexicon_of()); });
    // Programmes link the contact records: they follow the contacts in one thread.
    auto contacts_and_programmes = std::async(std::launch::async, [&] {
        std::vector<Record> contacts = extract_contacts(guide, sections, display, blocks);
        std::vector<Record> programmes = extract_programmes(guide, sections, display, blocks, contacts);
        return std::pair{std::move(programmes), std::move(contacts)};
    });
    std::vector<Record> records = extract_passages(guide, sections, display);
    auto [programmes, contacts] = contacts_and_programmes.get();
    for (auto* part : {&programmes, &contacts}) {  // the order of the records
        records.insert(records.end(), std::make_move_iterator(part->begin()), std::make_move_iterator(part->end()));
    }
    std::vector<Record> partner_records = partnerships.get();
    records.insert(records.end(), std::make_move_iterator(partner_records.begin()),
                   std::make_move_iterator(partner_records.end()));
    return records;
}

}  // namespace

std::vector<Record> extract_records(const Guide& guide) {
    // The party lexicon reads the Etalab lists, not the guide: it loads meanwhile.
    auto lexicon = std::async(std::launch::async, default_party_lexicon);
    return extract_all(guide, [&lexicon] { return lexicon.get(); });
}

std::vector<Record> extract_records(const Guide& guide, const PartyLexicon& lexicon) {
    return extract_all(guide, [&lexicon]() -> const PartyLexicon& { return lexicon; });
}

}  // namespace coopatlas::indexer
