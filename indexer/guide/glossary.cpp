#include "indexer/guide/glossary.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/error.hpp"
#include "core/terms.hpp"
#include "core/text.hpp"

namespace coopatlas::indexer {

namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

/// The text without the spaces, tabs and line breaks at its ends (inner spaces kept).
std::string strip_ends(std::string_view s) {
    size_t b = s.find_first_not_of(" \t\n");
    if (b == std::string_view::npos) return {};
    size_t e = s.find_last_not_of(" \t\n");
    return std::string(s.substr(b, e - b + 1));
}

/// "AFd", "CnCD", "dG deVCo": one or two runs of 2..8 ASCII letters.
bool glossary_acronym(std::string_view s) {
    size_t space = s.find(' ');
    auto run = [](std::string_view r) {
        if (r.size() < 2 || r.size() > 8) return false;
        for (char c : r)
            if (!is_ascii_letter(c)) return false;
        return true;
    };
    if (space == std::string_view::npos) return run(s);
    return run(s.substr(0, space)) && run(s.substr(space + 1));
}

/// An acronym in parentheses: letters (digits allowed after the first), with a
/// capital that is not only the first letter ("CnCD", "dGm"; not "Maroc").
bool text_acronym(std::string_view s) {
    if (s.size() < 2 || s.size() > 10 || !is_ascii_letter(s[0])) return false;
    int letters = 0, inner_capitals = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (!is_ascii_letter(c) && !std::isdigit(static_cast<unsigned char>(c)) && c != '&') return false;
        letters += is_ascii_letter(c);
        inner_capitals += i > 0 && is_upper(c);
    }
    return letters >= 2 && inner_capitals >= 1;
}

/// Schwartz & Hearst: the shortest end of `long_form` whose words hold the
/// letters of `short_form` in order, the first one starting a word.
std::string best_long_form(const std::string& short_form, const std::string& long_form) {
    auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    long s = static_cast<long>(short_form.size()) - 1;
    long l = static_cast<long>(long_form.size()) - 1;
    while (s >= 0) {
        char c = short_form[static_cast<size_t>(s)];
        if (!alnum(c)) {
            --s;
            continue;
        }
        while ((l >= 0 && long_form[static_cast<size_t>(l)] != c) ||
               (s == 0 && l > 0 && alnum(long_form[static_cast<size_t>(l - 1)])))
            --l;
        if (l < 0) return {};
        --l;
        --s;
    }
    size_t start = l < 0 ? 0 : long_form.rfind(' ', static_cast<size_t>(l));
    start = start == std::string::npos ? 0 : start + 1;
    if (l < 0) start = 0;
    return strip_ends(long_form.substr(start));
}

size_t word_count(std::string_view s) { return text::words(s).size(); }

}  // namespace

std::optional<Acronym> glossary_entry(std::string_view text) {
    std::string t = text::collapse_whitespace(text);
    if (t.size() > 200) return std::nullopt;
    size_t colon = t.find(" : ");
    if (colon == std::string::npos) return std::nullopt;
    std::string acronym = strip_ends(t.substr(0, colon));
    std::string expansion = strip_ends(t.substr(colon + 3));
    if (!glossary_acronym(acronym) || expansion.find('@') != std::string::npos) return std::nullopt;
    // "Facilité de financement des collectivités territoriales (de l'AFd)": the
    // parenthesis says whose it is, it is not part of the name.
    if (!expansion.empty() && expansion.back() == ')') {
        size_t open = expansion.rfind('(');
        if (open != std::string::npos && open > 0) expansion = strip_ends(expansion.substr(0, open));
    }
    if (word_count(expansion) < 2) return std::nullopt;
    std::string fa = text::fold(acronym), fe = text::fold(expansion);
    if (fe.empty() || fa[0] != fe[0]) return std::nullopt;
    return Acronym{acronym, expansion};
}

std::vector<Acronym> defined_acronyms(std::string_view text) {
    std::vector<Acronym> found;
    for (size_t open = text.find('('); open != std::string_view::npos; open = text.find('(', open + 1)) {
        size_t close = text.find(')', open);
        if (close == std::string_view::npos) break;
        std::string_view inner = text.substr(open + 1, close - open - 1);
        if (!text_acronym(inner)) continue;
        // The words before the parenthesis, back to the start of the clause.
        size_t from = text.find_last_of(".;:()[]«»\n", open == 0 ? 0 : open - 1);
        from = from == std::string_view::npos || from >= open ? 0 : from + 1;
        std::string before = text::fold(text.substr(from, open - from));
        std::vector<std::string> words = text::words(before);
        size_t letters = inner.size();
        size_t keep = std::min(letters + 5, letters * 2);
        if (words.size() > keep) words.erase(words.begin(), words.end() - static_cast<long>(keep));
        std::string candidate;
        for (const auto& w : words) candidate += (candidate.empty() ? "" : " ") + w;
        std::string long_form = best_long_form(text::fold(inner), candidate);
        if (word_count(long_form) < 2 || long_form.size() <= inner.size()) continue;
        found.push_back({std::string(inner), long_form});
    }
    return found;
}

std::vector<Acronym> find_acronyms(const std::vector<Record>& records) {
    std::vector<Acronym> all;
    std::map<std::pair<std::string, std::string>, bool> seen;
    auto keep = [&](Acronym a) {
        auto key = std::make_pair(text::fold(a.acronym), terms::synonym_key(a.expansion));
        if (seen.emplace(key, true).second) all.push_back(std::move(a));
    };
    for (const auto& r : records) {
        if (r.type != "passage") continue;
        if (auto a = glossary_entry(r.text)) keep(std::move(*a));
        for (auto& a : defined_acronyms(r.text)) keep(std::move(a));
    }
    return all;
}

std::vector<std::pair<std::string, std::string>> synonym_pairs(const std::vector<Record>& records) {
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& a : find_acronyms(records)) {
        std::string acronym_key = terms::synonym_key(a.acronym);
        std::string expansion_key = terms::synonym_key(a.expansion);
        if (acronym_key.empty() || expansion_key.empty()) continue;
        pairs.emplace_back(acronym_key, a.expansion);
        bool capital = std::any_of(a.acronym.begin(), a.acronym.end(), is_upper);
        if (capital && expansion_key.find(' ') != std::string::npos) pairs.emplace_back(expansion_key, a.acronym);
    }
    return pairs;
}

}  // namespace coopatlas::indexer
