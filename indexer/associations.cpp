#include "associations.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace coopatlas::indexer {

namespace {

bool has_upper_after_first(std::string_view word) {
    return std::any_of(word.begin() + (word.empty() ? 0 : 1), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool ascii_letters(std::string_view word) {
    return !word.empty() && std::all_of(word.begin(), word.end(),
                                        [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

/// Words that introduce the association's name without being part of it.
bool introducer(std::string_view folded) {
    return folded == "association" || folded == "rrma" || folded == "gip" || folded == "le" || folded == "la" ||
           folded == "l" || folded == "reseau";
}

}  // namespace

std::string repair_acronyms(std::string_view name) {
    std::string out;
    std::size_t i = 0;
    while (i <= name.size()) {
        std::size_t end = name.find(' ', i);
        if (end == std::string_view::npos) end = name.size();
        std::string word(name.substr(i, end - i));
        if (word.size() >= 3 && word.size() <= 6 && ascii_letters(word) && has_upper_after_first(word))
            std::transform(word.begin(), word.end(), word.begin(),
                           [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
        out += (out.empty() ? "" : " ") + word;
        i = end + 1;
    }
    return out;
}

std::optional<PartyMention> association_lead(std::string_view value, const PartyLexicon& lexicon) {
    // The first organisation of the list: "AimF, collectivité bénéficiaire, ...", "AimF + partenaires"
    std::size_t cut = value.find_first_of(",+(;");
    std::string first = text::collapse_whitespace(value.substr(0, cut));
    std::string name;
    bool introduced = true;
    bool named_as_association = false;  // "association terres en villes": small caps lost its capitals
    std::size_t i = 0;
    while (i < first.size()) {
        std::size_t end = first.find(' ', i);
        if (end == std::string::npos) end = first.size();
        std::string word = first.substr(i, end - i);
        std::string folded = text::fold(word);
        // "l’AimF": the elided article goes
        if (introduced && (word.rfind("l’", 0) == 0 || word.rfind("l'", 0) == 0)) {
            word = word.substr(word.rfind("l’", 0) == 0 ? std::string("l’").size() : 2);
            folded = text::fold(word);
        }
        if (introduced && (introducer(folded) || word == "«")) {
            named_as_association =
                named_as_association || folded == "association" || folded == "rrma" || folded == "gip";
            i = end + 1;
            continue;
        }
        introduced = false;
        if (word != "«" && word != "»") name += (name.empty() ? "" : " ") + word;
        i = end + 1;
    }
    // strip quotes glued to words: "«Lianes", "Coopération»"
    std::string cleaned;
    for (std::size_t k = 0; k < name.size();) {
        if (name.compare(k, std::string("«").size(), "«") == 0) {
            k += std::string("«").size();
            continue;
        }
        if (name.compare(k, std::string("»").size(), "»") == 0) {
            k += std::string("»").size();
            continue;
        }
        cleaned += name[k++];
    }
    cleaned = text::collapse_whitespace(cleaned);
    auto words = text::words(cleaned);
    if (words.empty()) return std::nullopt;
    // a country or a French place alone is no association ("Porteur : Occitanie" is a collectivité)
    if (lexicon.country(cleaned) || lexicon.french(cleaned)) return std::nullopt;
    // "collectivité bénéficiaire", "partenaires français": no name
    unsigned char first_letter = static_cast<unsigned char>(cleaned[0]);
    if (first_letter >= 'a' && first_letter <= 'z' && !has_upper_after_first(cleaned.substr(0, cleaned.find(' ')))) {
        if (!named_as_association) return std::nullopt;
        cleaned[0] = static_cast<char>(first_letter - 'a' + 'A');
    }
    PartyMention m;
    m.raw = std::string(value.substr(0, cut));
    m.kind = "association";
    m.place = m.name = repair_acronyms(cleaned);
    m.french = 1;
    m.country = lexicon.country("France");
    return m;
}

}  // namespace coopatlas::indexer
