#include "indexer/guide/display_text.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <regex>
#include <utility>

#include "core/text.hpp"

namespace coopatlas::indexer {

namespace {

icu::UnicodeString u(std::string_view s) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}
std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}
bool is_letter(UChar32 c) { return u_isalpha(c) || u_charType(c) == U_NON_SPACING_MARK; }

struct Shape {
    int upper = 0;
    int lower = 0;
    bool first_upper = false;
    int length = 0;
};
Shape shape_of(const icu::UnicodeString& w) {
    Shape s;
    for (int32_t i = 0; i < w.length();) {
        UChar32 c = w.char32At(i);
        if (u_isupper(c)) {
            ++s.upper;
            if (s.length == 0) s.first_upper = true;
        } else if (u_islower(c)) {
            ++s.lower;
        }
        ++s.length;
        i += U16_LENGTH(c);
    }
    return s;
}
bool all_upper(const Shape& s) { return s.upper > 0 && s.lower == 0; }
bool all_lower(const Shape& s) { return s.lower > 0 && s.upper == 0; }
bool title_case(const Shape& s) { return s.first_upper && s.upper == 1 && s.lower > 0; }

// A capital after these (or first on its line) may just open a sentence, a bullet or a quote
// (after a dash it is kept: "mutualisable – Orléans et Parakou" names a place):
// it says nothing about the word being a proper noun. Headings ("3.2 Biodiversité") and
// index rows ("Page 49") put a capital after a number.
bool opens_sentence(UChar32 before) {
    return before == 0 || before == '.' || before == '!' || before == '?' || before == ':' || before == 0x2022 ||
           before == 0x00AB || before == 0x201C || before == '"' || before == 0x2026 || u_isdigit(before);
}

// "PlatformAwards", "AéroMontréal": capitalised parts of four letters or more joined, a name's
// own case. Small caps damage leaves shorter parts ("FeiCom", "l’AmAie") or a capital last or
// two together ("SirenA", "TERRInCLUs").
bool camel_case(const icu::UnicodeString& w) {
    int parts = 0, part_length = 0;
    for (int32_t i = 0; i < w.length(); i += U16_LENGTH(w.char32At(i))) {
        UChar32 c = w.char32At(i);
        if (u_isupper(c)) {
            if (parts > 0 && part_length < 4) return false;
            ++parts;
            part_length = 1;
        } else if (u_islower(c) && parts > 0) {
            ++part_length;
        } else {
            return false;
        }
    }
    return parts >= 2 && part_length >= 4;
}

// "IIIe", "Ier", "IIe": roman ordinals keep their case.
bool roman_ordinal(const std::string& w) {
    static const std::regex re("^[IVX]+(e|er|re|es)$");
    return std::regex_match(w, re);
}

// Letters (and the marks on them) make a word; everything else is kept as it is. `f` gets
// the word (UTF-8 and UTF-16: callers need both, converting once), its index, the last
// character before it that is not a space (0 for the first) and the character right
// after it (0 at the end).
template <typename F>
std::string map_words(const icu::UnicodeString& s, F&& f) {
    std::string out;
    int32_t i = 0;
    int index = 0;
    UChar32 previous = 0;  // the last character before the word that is not a space; 0 at the start
    while (i < s.length()) {
        UChar32 c = s.char32At(i);
        if (!is_letter(c)) {
            // kept as it is: its UTF-8 bytes, without a UnicodeString per space or comma
            char bytes[U8_MAX_LENGTH];
            int32_t length = 0;
            U8_APPEND_UNSAFE(bytes, length, c);
            out.append(bytes, static_cast<std::size_t>(length));
            if (!u_isspace(c)) previous = c;
            i += U16_LENGTH(c);
            continue;
        }
        int32_t start = i;
        while (i < s.length() && is_letter(s.char32At(i))) i += U16_LENGTH(s.char32At(i));
        const icu::UnicodeString word = s.tempSubStringBetween(start, i);
        out += f(utf8(word), word, index++, previous, i < s.length() ? s.char32At(i) : 0);
        previous = s.char32At(s.moveIndex32(i, -1));
    }
    return out;
}

/// The e-mail and web addresses of a text, as [begin, end) byte ranges: each
/// space-delimited token holding an "@" or starting "http" or "www.".
std::vector<std::pair<size_t, size_t>> address_spans(std::string_view s) {
    std::vector<std::pair<size_t, size_t>> spans;
    size_t i = 0;
    while (i < s.size()) {
        size_t begin = s.find_first_not_of(" \t\n", i);
        if (begin == std::string_view::npos) break;
        size_t end = std::min(s.find_first_of(" \t\n", begin), s.size());
        std::string_view token = s.substr(begin, end - begin);
        if (token.find('@') != std::string_view::npos || token.starts_with("http") || token.starts_with("www."))
            spans.emplace_back(begin, end);
        i = end;
    }
    return spans;
}

bool particle(const std::string& folded) {
    static const char* const kParticles[] = {"de", "du", "des", "d", "la", "le", "van", "von", "da", "di", "del", "y"};
    for (const char* p : kParticles)
        if (folded == p) return true;
    return false;
}

}  // namespace

std::string capitalize_first(std::string_view raw) {
    icu::UnicodeString s = u(raw);
    for (int32_t i = 0; i < s.length();) {
        UChar32 c = s.char32At(i);
        if (is_letter(c)) {
            icu::UnicodeString head = s.tempSubStringBetween(i, i + U16_LENGTH(c));
            head.toUpper();
            s.replace(i, U16_LENGTH(c), head);
            break;
        }
        i += U16_LENGTH(c);
    }
    return utf8(s);
}

DisplayText::DisplayText(const Guide& guide) {
    std::vector<std::string> lines;
    lines.reserve(guide.lines().size());
    for (const auto& l : guide.lines()) lines.push_back(l.text);
    learn(lines);
}

DisplayText::DisplayText(const std::vector<std::string>& lines) { learn(lines); }

void DisplayText::learn(const std::vector<std::string>& lines) {
    // 1. Acronyms written in capitals inside ordinary sentences ("La DAECT a proposé"):
    //    lines set wholly in capitals (titles) are skipped, their words are not acronyms.
    //    Capitalised words in mid-sentence ("avec Nice") are proper nouns.
    std::unordered_map<UChar32, int> lower_in_acronyms;
    for (const auto& line : lines) {
        const icu::UnicodeString uline = u(line);
        Shape whole = shape_of(uline);
        bool ordinary = whole.lower > 2 * whole.upper;
        map_words(uline, [&](const std::string& w, const icu::UnicodeString& uw, int, UChar32 before, UChar32 after) {
            Shape s = shape_of(uw);
            std::string f = text::fold(w);
            // A damaged word alone in brackets after a name is the acronym it defines:
            // "l’Association des communes de roumanie (ACor)", "(iCd)", "(FAq)".
            if (before == '(' && after == ')' && s.upper > 0 && s.lower > 0 && !title_case(s) && s.length <= 8 &&
                !roman_ordinal(w))
                acronyms_.try_emplace(f, utf8(icu::UnicodeString(uw).toUpper()));
            if (s.upper >= 2 && s.lower >= 1 && s.length <= 8 && !roman_ordinal(w))
                for (int32_t i = 0; i < uw.length(); i += U16_LENGTH(uw.char32At(i)))
                    if (u_islower(uw.char32At(i))) ++lower_in_acronyms[uw.char32At(i)];
            if (all_upper(s) && s.length >= 2 && ordinary) {
                acronyms_.try_emplace(f, w);
                ++upper_count_[f];
            } else if (all_lower(s)) {
                ++lower_count_[f];
            } else if (title_case(s) && !opens_sentence(before)) {
                ++capital_count_[f];
                capital_form_.try_emplace(f, w);
            }
            return std::string();
        });
    }
    // 1b. Which capitals the small-caps fonts lost: the first letters of sentences the
    //     extraction wrote in lower case ("... en 2019. devant l’ampleur", "hongrie" at the start
    //     of a line after a full stop). A lower-case word is only taken for a damaged proper noun
    //     when its first letter is one of them: "alimentation", "biodiversité" stay common nouns
    //     even if an organisation's name capitalises them elsewhere.
    std::unordered_map<UChar32, std::pair<int, int>> starts;  // folded letter -> (in lower case, all)
    bool after_end = true;
    for (const auto& line : lines) {
        std::string t = text::collapse_whitespace(line);
        if (t.empty()) continue;  // the extraction breaks sentences with blank lines: they end nothing
        // a letter opening the line after a sentence end, or following ". " (not "gouv.fr")
        icu::UnicodeString ut = u(t);
        UChar32 previous = 0, before_space = 0;
        for (int32_t i = 0; i < ut.length(); i += U16_LENGTH(ut.char32At(i))) {
            UChar32 c = ut.char32At(i);
            bool opens = (i == 0 && after_end) ||
                         (u_isspace(previous) && (before_space == '.' || before_space == '!' || before_space == '?'));
            if (is_letter(c) && opens) {
                auto& [lower, all] = starts[u_tolower(c)];
                ++all;
                if (u_islower(c)) ++lower;
            }
            if (!u_isspace(c)) before_space = c;
            previous = c;
        }
        char last = t.back();
        after_end = last == '.' || last == '!' || last == '?';  // not ':', lists go on in lower case
    }
    int observed = 0;
    for (const auto& [letter, counts] : starts) observed += counts.second;
    if (observed < 20) return learn_glossary(lines);  // too few sentences to tell (a short excerpt)
    for (const auto& [letter, counts] : starts)
        if ((counts.first >= 3 && 5 * counts.first >= counts.second) ||
            (counts.first >= 1 && 2 * counts.first >= counts.second))
            damaged_initials_.insert(letter);
    // ... and the letters set in lower case inside damaged acronyms ("dAeCt", "CUf", "GAoK").
    for (const auto& [letter, n] : lower_in_acronyms)
        if (n >= 12) damaged_initials_.insert(letter);

    learn_glossary(lines);
}

void DisplayText::learn_glossary(const std::vector<std::string>& lines) {
    // 2. The glossary ("GLOSSAIRE DES ABRÉVIATIONS", part III): "KEY : expansion" entries,
    //    an expansion running over the following lines, up to the page number.
    static const std::regex entry(R"(^(\S{2,10}(?: \S{2,8})?) : (.+)$)");
    static const std::regex lone_number(R"(^\s*\d{1,3}\s*$)");
    for (size_t i = 0; i < lines.size(); ++i) {
        if (text::fold(text::collapse_whitespace(lines[i])).rfind("glossaire", 0) != 0) continue;
        std::string key, expansion;
        auto flush = [&] {
            if (key.empty()) return;
            icu::UnicodeString k = u(key);
            k.toUpper();
            std::string caps = utf8(k);
            acronyms_[text::fold(key)] = caps;
            for (const auto& part : text::words(key)) acronyms_.try_emplace(part, utf8(u(part).toUpper()));
            glossary_[caps] = text::collapse_whitespace(expansion);
            key.clear();
            expansion.clear();
        };
        for (size_t j = i + 1; j < lines.size(); ++j) {
            std::string l = text::collapse_whitespace(lines[j]);
            std::smatch m;
            if (std::regex_match(l, lone_number) || l.find('|') != std::string::npos) break;
            if (std::regex_match(l, m, entry)) {
                flush();
                key = m[1];
                expansion = m[2];
            } else if (!l.empty() && !key.empty()) {
                expansion += " " + l;
            }
        }
        flush();
        break;
    }
    for (auto& [acronym, expansion] : glossary_) expansion = text(expansion);
}

std::string DisplayText::repair_word(const std::string& w, const icu::UnicodeString& uw, Mode mode, bool first) const {
    Shape s = shape_of(uw);
    std::string f = text::fold(w);
    auto count = [](const std::unordered_map<std::string, int>& m, const std::string& k) {
        auto it = m.find(k);
        return it == m.end() ? 0 : it->second;
    };
    auto proper = [&](const std::string& k) {
        if (s.lower > 0 && !s.first_upper && !damaged_initials_.count(u_tolower(uw.char32At(0))) &&
            !damaged_initials_.empty())
            return false;
        int caps = count(capital_count_, k);
        // Damage lower-cases many proper nouns ("Métropole nice Côte d’Azur"), so a
        // few capitalised uses in mid-sentence outweigh several lower-case ones; a word
        // used in lower case 20 times or more is an ordinary word ("énergie", "région").
        int lower = count(lower_count_, k);
        // ("france": lower case 130 times in small caps, but "France" more often still)
        return caps >= 1 && 5 * caps >= lower && (lower < 20 || caps >= lower);
    };
    auto lowered = [&] {
        icu::UnicodeString l = uw;
        l.toLower();
        return utf8(l);
    };
    std::string out = w;
    bool damaged = s.upper > 0 && s.lower > 0 && !title_case(s) && !roman_ordinal(w);
    auto acronym = acronyms_.find(f);
    if (damaged) {
        if (acronym != acronyms_.end()) return acronym->second;
        // "GEsCoD", "RYCo", "IfECo" in running text: a short word mostly in capitals is an acronym
        // the guide never wrote whole ("ConTACTs", "EURoPE" are headings, "onDoUA" a name).
        if ((mode == Mode::text || mode == Mode::prose) && s.upper >= 3 && s.upper >= s.lower && s.length <= 6)
            return utf8(icu::UnicodeString(uw).toUpper());
        if (proper(f)) return capital_form_.at(f);
        // A damaged word the guide never prints in lower case is no common word set in small caps
        // ("ConTACTs" is "contacts") but an acronym or a name set in capitals ("ViH", "rGre",
        // "TERRInCLUs", "l’otAn"), unless its mixed case is its own ("PlatformAwards").
        if (mode == Mode::prose && count(lower_count_, f) == 0) {
            return camel_case(uw) ? w : utf8(icu::UnicodeString(uw).toUpper());
        }
        out = lowered();
    } else if (all_lower(s)) {
        if (acronym != acronyms_.end() && count(upper_count_, f) >= count(lower_count_, f) && s.length >= 2)
            return acronym->second;
        // Headings keep their lower-case words ("3.1 Agriculture et alimentation").
        // Headings keep their lower-case common nouns ("3.1 Agriculture et alimentation") but
        // get their proper nouns back ("3.2 Burkina faso" -> "3.2 Burkina Faso").
        if (mode != Mode::prose && proper(f)) out = capital_form_.at(f);
    } else if (title_case(s) && s.length <= 3 && acronym != acronyms_.end()) {
        return acronym->second;  // "Ue" -> "UE", "Ct" -> "CT"
    } else if (all_upper(s) && (mode == Mode::heading || mode == Mode::name) && s.length >= 2 &&
               acronym == acronyms_.end() && !roman_ordinal(w)) {
        out = proper(f) && mode != Mode::heading ? capital_form_.at(f) : lowered();
    }
    if (mode == Mode::name && (first || !particle(f))) out = capitalize_first(out);
    return out;
}

std::string DisplayText::repair(std::string_view raw, Mode mode) const {
    // An address is not the guide's prose: "c.koukoui@cites-unies-france.org" has
    // no proper noun "France", and "orleans-metropole.fr" gains no accents.
    std::string out;
    size_t done = 0;
    for (const auto& [begin, end] : address_spans(raw)) {
        out += repair_words(raw.substr(done, begin - done), mode, done == 0);
        out += raw.substr(begin, end - begin);
        done = end;
    }
    return out + repair_words(raw.substr(done), mode, done == 0);
}

std::string DisplayText::repair_words(std::string_view raw, Mode mode, bool starts_text) const {
    return map_words(u(raw), [&](const std::string& w, const icu::UnicodeString& uw, int index, UChar32, UChar32) {
        return repair_word(w, uw, mode, starts_text && index == 0);
    });
}

std::string DisplayText::text(std::string_view raw) const { return repair(raw, Mode::text); }

std::string DisplayText::prose(std::string_view raw) const { return repair(raw, Mode::prose); }

std::string DisplayText::sentence(std::string_view raw) const { return capitalize_first(repair(raw, Mode::text)); }

std::string DisplayText::heading(std::string_view raw) const {
    return capitalize_first(repair(text::collapse_whitespace(raw), Mode::heading));
}

std::string DisplayText::name(std::string_view raw) const { return repair(text::collapse_whitespace(raw), Mode::name); }

}  // namespace coopatlas::indexer
