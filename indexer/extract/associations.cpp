#include "indexer/extract/associations.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "indexer/guide/glossary.hpp"

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

/// "SEDIF" from "Sedif", "AIMF" from "AimF": an acronym in capitals.
std::string upper_ascii(std::string word) {
    std::transform(word.begin(), word.end(), word.begin(),
                   [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
    return word;
}

/// An acronym as the guide prints it: 2 to 8 ASCII letters, a capital after the first
/// ("AimF", "SiAAP") or Title case for a short name ("Sedif", "Syctom").
bool acronym_like(std::string_view word) {
    return word.size() >= 2 && word.size() <= 8 && ascii_letters(word) && word[0] >= 'A' && word[0] <= 'Z';
}

/// The kind of the body that folded words open with: "syndicat ..." an établissement, "association
/// ...", "reseau ..." or "rrma ..." an association; empty for any other words.
std::string body_kind(std::string_view folded) {
    if (folded.rfind("syndicat", 0) == 0) return "établissement";
    for (std::string_view opening : {"rrma", "reseau", "association"})
        if (folded.rfind(opening, 0) == 0) return "association";
    return "";
}

/// True when folded words hold a proper name ("reseau des grands sites de france"), false for words
/// naming a kind of body ("reseau regional multi acteurs", the RRMA: a network, not one body).
bool names_something(std::string_view folded, const PartyLexicon& lexicon) {
    for (const auto& w : text::words(folded))
        if (w.size() > 2 && !text::is_stopword(w) && lexicon.looks_proper(w)) return true;
    return false;
}

/// True when `text` names a foreign country or nationality ("au maroc", "camerounaises").
bool names_abroad(std::string_view text, const PartyLexicon& lexicon) {
    for (const auto& m : find_party_mentions(text, lexicon))
        if (m.kind == "pays" && m.country && m.country->code != "FR") return true;
    for (const auto& w : text::words(text))
        if (auto c = lexicon.country_of_adjective(w); c && c->code != "FR") return true;
    return false;
}

/// "AimF : Association internationale des maires" (glossary: the acronym), "CUF : Cités Unies France"
/// (the acronym and the name), "Gescod (Grand Est) : Burkina Faso" (a network with its région): the
/// names of the body a line introduces, none when it introduces no body.
std::vector<std::string> introduced_body(const std::string& line, const PartyLexicon& lexicon) {
    std::size_t colon = line.find(" : ");
    if (colon == std::string::npos || colon > 60) return {};
    std::string head = text::collapse_whitespace(line.substr(0, colon));
    std::string expansion = text::collapse_whitespace(line.substr(colon + 3));
    std::string rest = text::fold(expansion);
    bool french_name = rest.size() > 7 && rest.compare(rest.size() - 7, 7, " france") == 0;
    if (acronym_like(head) && has_upper_after_first(head) && (rest.rfind("association", 0) == 0 || french_name)) {
        if (french_name && text::words(rest).size() <= 4) return {upper_ascii(head), expansion};
        return {upper_ascii(head)};
    }
    std::size_t open = head.rfind(" (");
    if (open == std::string::npos || head.back() != ')') return {};
    const FrenchPlace* region = lexicon.french(head.substr(open + 2, head.size() - open - 3), "région");
    if (!region) return {};
    std::string name = head.substr(0, open);
    if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 'a' + 'A');
    return {name};
}

}  // namespace

void learn_acting_bodies(const Guide& guide, const std::vector<std::string>& programme_leads, PartyLexicon& lexicon) {
    for (const auto& lead : programme_leads) lexicon.add_body(lead, "association");
    const auto& lines = guide.lines();
    // "le Sedif (Syndicat des eaux d'Île-de-France)": an acronym and its expansion in parentheses,
    // possibly across a line end
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string text = text::collapse_whitespace(lines[i].text);
        if (i + 1 < lines.size()) text += " " + text::collapse_whitespace(lines[i + 1].text);
        for (std::size_t open = text.find(" ("); open != std::string::npos; open = text.find(" (", open + 2)) {
            if (open == 0) continue;
            std::size_t start = text.rfind(' ', open - 1);
            start = start == std::string::npos ? 0 : start + 1;
            std::string word = text.substr(start, open - start);
            if (word.rfind("l’", 0) == 0) word = word.substr(std::string("l’").size());
            if (word.rfind("l'", 0) == 0) word = word.substr(2);
            if (!acronym_like(word)) continue;
            std::size_t close = text.find(')', open);
            std::string inside =
                text.substr(open + 2, close == std::string::npos ? std::string::npos : close - open - 2);
            std::string kind = body_kind(text::fold(inside));
            if (!kind.empty() && !names_abroad(inside, lexicon)) lexicon.add_body(upper_ascii(word), kind);
        }
        // the other way round, "Le réseau des grands sites de France (RGSF)": the body acts under its
        // acronym and under the words that spell it out
        if (text.find(" (") == std::string::npos) continue;
        for (const auto& d : defined_acronyms(text)) {
            std::string kind = body_kind(d.expansion);
            if (kind.empty() || !names_something(d.expansion, lexicon) || names_abroad(d.expansion, lexicon)) continue;
            lexicon.add_body(upper_ascii(d.acronym), kind);
            lexicon.add_body(upper_ascii(d.acronym), kind, d.expansion);
        }
    }
    for (const auto& line : lines) {
        for (const auto& name : introduced_body(text::collapse_whitespace(line.text), lexicon))
            lexicon.add_body(name, "association");
    }
}

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
