#pragma once
/// @file glossary.hpp
/// Synonyms stored in the Xapian database (Xapian::WritableDatabase::add_synonym)
/// so that a query finds a record in the words of the other side:
///  - the acronyms of the guide's glossary (part III, "Glossaire des
///    abréviations": "AFd : Agence française de développement", p. 126);
///  - acronyms defined in running text ("Agence française de développement (AFD)").
/// The dictionaries' synonyms (English -> French, French thesaurus) come from
/// search_dictionaries.hpp.
/// Keys are terms::synonym_key() of the source words; values are plain text.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/record.hpp"

namespace coopatlas::indexer {

struct Acronym {
    std::string acronym;    ///< as written, e.g. "AFd" (small caps of the PDF)
    std::string expansion;  ///< e.g. "Agence française de développement"
    bool operator==(const Acronym&) const = default;
};

/// A glossary entry when `text` is one: "ACR : Expansion" on its own, the
/// acronym 2 to 8 letters (maybe two words, "dG deVCo"), the expansion at
/// least two words starting with the acronym's first letter; a trailing
/// "(de l'AFD)" is dropped.
std::optional<Acronym> glossary_entry(std::string_view text);

/// Acronyms defined in running text, "long form (ACR)", the long form found
/// by the algorithm of Schwartz & Hearst (2003, "A simple algorithm for
/// identifying abbreviation definitions in biomedical text"): the acronym's
/// letters matched right to left in the preceding words, its first letter at
/// the start of a word. The expansion is given as its folded words
/// (text::words joined by spaces: "office franco allemand pour la jeunesse").
std::vector<Acronym> defined_acronyms(std::string_view text);

/// Glossary entries and in-text definitions of every passage, without duplicates.
std::vector<Acronym> find_acronyms(const std::vector<Record>& records);

/// Every synonym to store: (key, value) with key = terms::synonym_key().
/// Acronyms go both ways; the reverse way (expansion -> acronym) only for
/// acronyms written with a capital, so that "mot" (mission opérationnelle
/// transfrontalière) does not make its expansion match the French word "mot".
std::vector<std::pair<std::string, std::string>> synonym_pairs(const std::vector<Record>& records);

}  // namespace coopatlas::indexer
