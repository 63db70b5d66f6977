#pragma once
// Shared set-up of the partner/partnership tests: the real lexicon of the
// source tree (Etalab lists and the French country table under node_modules).

#include <fstream>
#include <sstream>
#include <string>

#include "indexer/extract/parties.hpp"
#include "indexer/places/countries.hpp"

namespace coopatlas::indexer::testing {

inline const CountryTable& source_countries() {
    static const CountryTable table =
        CountryTable::load(std::string(COOPATLAS_SOURCE_DIR) + "/node_modules/i18n-iso-countries/langs/fr.json");
    return table;
}

/// Loaded once: the commune list takes a moment to parse.
inline const PartyLexicon& source_lexicon() {
    static const PartyLexicon lexicon = [] {
        PartnerOptions options;
        options.node_modules = std::string(COOPATLAS_SOURCE_DIR) + "/node_modules";
        PartyLexicon lexicon = PartyLexicon::load(options, source_countries());
        // how the whole guide writes each word (proper name or common word)
        lexicon.learn_case(Guide::load(std::string(COOPATLAS_SOURCE_DIR) + "/data/guide/guide.txt"));
        return lexicon;
    }();
    return lexicon;
}

inline std::string read_fixture(const std::string& name) {
    std::ifstream in(std::string(COOPATLAS_FIXTURES) + "/" + name, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace coopatlas::indexer::testing
