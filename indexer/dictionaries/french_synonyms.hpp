#pragma once
/// @file french_synonyms.hpp
/// French synonyms from a thesaurus (Debian's mythes-fr, LibreOffice's French
/// thesaurus), so that a query in other words than the guide's still finds
/// its passages ("ordures" -> "déchets"). A thesaurus lists loose neighbours
/// too ("ordure": "péché", "insulte"), so few are kept: for a word, only
/// synonyms the guide uses whose own entry lists the word back, the closest
/// first (those sharing the most synonyms with the word: "ordure" and
/// "déchet" share "détritus", "résidu", "rebut"...; "ordure" and "tache" few),
/// at most kMaxFrenchSynonyms of them per key, stored under
/// terms::thesaurus_key (the query weighs them below the word typed).

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "indexer/dictionaries/mythes.hpp"

namespace coopatlas::indexer {

inline constexpr size_t kMaxFrenchSynonyms = 3;

/// (terms::thesaurus_key(word), synonym as written) for every entry of
/// `thesaurus`, its synonyms kept as above; `usable` says whether the guide
/// uses a folded text.
std::vector<std::pair<std::string, std::string>> french_synonyms(
    const std::vector<ThesaurusEntry>& thesaurus, const std::function<bool(const std::string& folded)>& usable);

}  // namespace coopatlas::indexer
