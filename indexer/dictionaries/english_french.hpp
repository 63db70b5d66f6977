#pragma once
/// @file english_french.hpp
/// English -> French translations, so that an English query finds the guide's
/// French passages ("twin towns Germany youth", "waste management Tunisia").
/// Built at index time from Debian's FreeDict dictionaries (dictd format,
/// /usr/share/dictd) and stored among the index's synonyms under English keys
/// (terms::english_key, terms::english_stem_key):
///  1. direct pairs: FreeDict English-French (every headword with its
///     translations), FreeDict French-English read backwards ("jumelage" ->
///     "twinning" gives twinning -> jumelage), and the English names of the
///     countries with their French names (i18n-iso-countries);
///  2. pairs through German: FreeDict English-German (large, from Ding) then
///     French-German read backwards and German-French (from Wiktionary):
///     "waste" -> "Abfall" -> "déchet". A pivot is noisy ("Abfall" is also a
///     "chute"), so only the French words reached through the most German
///     words are kept. A German compound without a translation is read as
///     its head and modifier, in French order ("Partnerstadt", twin town ->
///     "ville partenaire"); the guide's own phrases then sort out the
///     combinations that mean something.
/// Only translations whose words the guide uses are kept (others could never
/// match), and no English key is stored for a word that is also French
/// ("culture", "transport", "guide": a French query must stay French).

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/string_map.hpp"
#include "indexer/dictionaries/dictd.hpp"

namespace coopatlas::indexer {

class EnglishFrench {
public:
    /// English `english` translates to French `french` (as written).
    void add_direct(const std::string& english, const std::string& french);
    /// Every pair of a FreeDict English -> French dictionary.
    void add_english_french(const Dictd& eng_fra);
    /// Every pair of a FreeDict French -> English dictionary, read backwards.
    void add_french_english(const Dictd& fra_eng);
    /// English -> German pairs of the pivot (FreeDict eng-deu), for the German
    /// words add_german_french() gave a French translation (call it first).
    void add_english_german(const Dictd& eng_deu);
    /// German -> French pairs of the pivot: `fra_deu` read backwards, `deu_fra` as it is.
    void add_german_french(const Dictd& fra_deu, const Dictd& deu_fra);

    /// Whether the folded French text is worth storing (its words are in the guide).
    using Usable = std::function<bool(const std::string& french)>;
    /// (English as folded words, French as written) for every English
    /// headword: its usable direct translations, and up to kMaxPivot usable
    /// pivot translations reached through at least half as many German words
    /// as the best one (FreeDict's English-French alone is thin and sometimes
    /// odd: "management" -> "administration" only, the pivot adds "gestion").
    std::vector<std::pair<std::string, std::string>> translations(const Usable& usable) const;

    static constexpr size_t kMaxPivot = 3;
    /// A compound's parts have at least this many letters; each part's first
    /// kCompoundSenses translations are combined.
    static constexpr size_t kMinCompoundPart = 4, kCompoundSenses = 3;

private:
    // Hash maps looked up by string_view: add_compound() asks for every split
    // of every long German word of FreeDict's English-German (millions of lookups).
    StringMap<std::vector<std::string>> direct_;         ///< folded English -> French, in order
    StringMap<std::vector<std::string>> german_;         ///< folded English -> folded German words
    StringMap<std::vector<std::string>> german_french_;  ///< folded German -> French
    StringMap<bool> compounds_;                          ///< German words already tried as compounds

    /// Adds the translations of the compound `german` (folded) from its parts'; false when it is not one.
    bool add_compound(std::string_view german);
};

/// How an English headword is stored: not at all (`skip`: a French word the
/// guide uses, "culture", "transport": a French query must stay French), or
/// under terms::english_key of that kind.
enum class EnglishKind { skip, only, and_french };

/// The synonyms to store for `pairs` (folded English, French): under
/// terms::english_key of the English and of its plural (terms::english_plural),
/// of the kind `kind` says, without repeats.
std::vector<std::pair<std::string, std::string>> english_synonyms(
    const std::vector<std::pair<std::string, std::string>>& pairs,
    const std::function<EnglishKind(const std::string& folded)>& kind);

}  // namespace coopatlas::indexer
