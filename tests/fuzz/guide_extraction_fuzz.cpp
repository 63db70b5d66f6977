// libFuzzer target: guide text -> records, through every extractor
// (indexer/extract/extract.cpp runs the same ones). The French lists are replaced by a
// few places added by hand: loading the Etalab lists takes longer than a run.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "indexer/extract/contacts.hpp"
#include "indexer/extract/partnerships.hpp"
#include "indexer/extract/passages.hpp"
#include "indexer/extract/programmes.hpp"
#include "indexer/guide/display_text.hpp"
#include "indexer/guide/guide.hpp"
#include "indexer/guide/sections.hpp"
#include "indexer/places/countries.hpp"

namespace {

const coopatlas::indexer::PartyLexicon& small_lexicon() {
    using coopatlas::indexer::PartyLexicon;
    static const PartyLexicon lexicon = [] {
        PartyLexicon lex(coopatlas::indexer::CountryTable::default_table());
        lex.add_french("Lyon", "commune", 522250);
        lex.add_french("Le Lamentin", "commune", 40000);
        lex.add_french("Bretagne", "région", 0);
        lex.add_french("Ille-et-Vilaine", "département", 0);
        return lex;
    }();
    return lexicon;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace coopatlas::indexer;
    try {
        const Guide guide = Guide::parse(std::string_view(reinterpret_cast<const char*>(data), size));
        const DisplayText display(guide);
        const auto sections = section_paths(guide, display);
        extract_passages(guide, sections);
        const auto contacts = extract_contacts(guide, sections, display);
        extract_programmes(guide, sections, display, contacts);
        extract_partnerships(guide, sections, small_lexicon());
    } catch (const coopatlas::ParseError&) {  // a text that is not a guide says where
    }
    return 0;
}
