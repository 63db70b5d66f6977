#pragma once
/// @file display_text.hpp
/// Repairs the small-caps damage of the PDF extraction for display: the guide
/// set its headings, acronyms and some names in small capitals, which the
/// extraction turned into mixed case ("ConTACTs", "dAeCt", "meAe", "AimF",
/// "virginie Rouquette", "nice"). The repair uses only what the guide itself
/// shows: its glossary of abbreviations, acronyms written in capitals inside
/// ordinary sentences, the capitalised form of a word seen in mid-sentence, and
/// the position of a word (start of a title or sentence, part of a name).
/// E-mail and web addresses are never touched. Search keeps indexing the raw
/// text: folding makes both forms equal.

#include <unicode/unistr.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "indexer/guide/guide.hpp"

namespace coopatlas::indexer {

class DisplayText {
public:
    /// Learns acronyms, proper nouns and the glossary from the whole guide.
    explicit DisplayText(const Guide& guide);
    /// Learns from raw lines (tests).
    explicit DisplayText(const std::vector<std::string>& lines);

    /// Word-level repair only: damaged acronyms to capitals ("dAeCt" -> "DAECT"),
    /// other damaged words to their usual form ("ConTACTs" -> "contacts"),
    /// lower-case proper nouns to their capitalised form ("nice" -> "Nice").
    std::string text(std::string_view raw) const;
    /// For long running text (a passage): only damaged words are repaired
    /// ("dAeCt" -> "DAECT", "ConTACTs" -> "contacts", "Ue" -> "UE"); a lower-case
    /// word stays as printed, since in prose it is far more often a common noun
    /// ("sites", "valeurs") than a proper noun the small caps lowered.
    std::string prose(std::string_view raw) const;
    /// text() and a capital first letter ("depuis 2009" -> "Depuis 2009").
    std::string sentence(std::string_view raw) const;
    /// For headings set in capitals: also lower-cases all-capital words that are
    /// not acronyms, then capitalises the first word ("3 EnvIRonnEMEnT" -> "3 Environnement").
    std::string heading(std::string_view raw) const;
    /// For a person's name: every part capitalised except particles
    /// ("mikaël roux" -> "Mikaël Roux", "onDoUA" -> "Ondoua", "jean-yves" -> "Jean-Yves").
    std::string name(std::string_view raw) const;

    /// The guide's glossary: acronym (capitals) -> expansion, e.g. "DAECT" ->
    /// "délégation pour l’action extérieure des collectivités territoriales (MEAE)".
    const std::map<std::string, std::string>& glossary() const { return glossary_; }
    /// True if the folded word is a known acronym ("daect").
    bool is_acronym(const std::string& folded) const { return acronyms_.count(folded) > 0; }

private:
    enum class Mode { text, prose, heading, name };
    void learn(const std::vector<std::string>& lines);
    void learn_glossary(const std::vector<std::string>& lines);
    std::string repair(std::string_view raw, Mode mode) const;
    /// repair() of a stretch holding no e-mail or web address.
    std::string repair_words(std::string_view raw, Mode mode, bool starts_text) const;
    /// `uword`: the same word in UTF-16, as map_words has it.
    std::string repair_word(const std::string& word, const icu::UnicodeString& uword, Mode mode, bool first) const;

    std::unordered_map<std::string, std::string> acronyms_;  // folded -> capitals
    std::unordered_map<std::string, int> upper_count_;       // folded -> uses in capitals
    std::unordered_map<std::string, int> lower_count_;       // folded -> uses in lower case
    std::unordered_map<std::string, int> capital_count_;     // folded -> capitalised uses in mid-sentence
    std::unordered_map<std::string, std::string> capital_form_;
    std::map<std::string, std::string> glossary_;
    std::set<int32_t> damaged_initials_;  // lower-case letters that small caps made of capitals
};

/// Upper-cases the first letter of a UTF-8 string ("énergie" -> "Énergie").
std::string capitalize_first(std::string_view utf8);

}  // namespace coopatlas::indexer
