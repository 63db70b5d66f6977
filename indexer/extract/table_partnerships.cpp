#include "indexer/extract/table_partnerships.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <string_view>

#include "core/text.hpp"
#include "indexer/extract/associations.hpp"
#include "indexer/guide/glossary.hpp"
#include "indexer/guide/index_tables.hpp"

namespace coopatlas::indexer {

namespace {

/// What the tokenizer skipped before token i (spaces, punctuation).
std::string_view gap_before(std::string_view s, const std::vector<text::Token>& ts, std::size_t i) {
    std::size_t from = i == 0 ? 0 : ts[i - 1].end;
    std::size_t to = i < ts.size() ? ts[i].begin : s.size();
    return s.substr(from, to - from);
}

bool has(std::string_view gap, char c) { return gap.find(c) != std::string_view::npos; }

/// The longest country name of at most 5 words starting at token i (0 if none); one name has
/// no comma or parenthesis inside.
std::size_t country_at(std::string_view s, const std::vector<text::Token>& ts, std::size_t i,
                       const PartyLexicon& lexicon, std::optional<Country>& country) {
    for (std::size_t n = std::min<std::size_t>(5, ts.size() - i); n > 0; --n) {
        std::string key;
        bool one_name = true;
        for (std::size_t k = i; k < i + n; ++k) {
            if (k > i) {
                auto g = gap_before(s, ts, k);
                one_name = one_name && !has(g, ',') && !has(g, '(') && !has(g, ')');
            }
            key += (key.empty() ? "" : " ") + ts[k].folded;
        }
        if (!one_name) continue;
        if (auto c = lexicon.country_of_key(key)) {
            country = c;
            return n;
        }
    }
    return 0;
}

/// A misspelt country between two separators of a list ("Mali, Bukina Faso, Niger"): the words
/// up to the next "," (at most 3) one letter away from a country's name.
std::size_t misspelt_country_at(std::string_view s, const std::vector<text::Token>& ts, std::size_t i,
                                const PartyLexicon& lexicon, std::optional<Country>& country) {
    std::string key;
    for (std::size_t k = i; k < ts.size() && k < i + 3; ++k) {
        key += (key.empty() ? "" : " ") + ts[k].folded;
        if (k + 1 < ts.size() && !has(gap_before(s, ts, k + 1), ',')) continue;
        if ((country = lexicon.countries().lookup_typo(key))) return k + 1 - i;
        return 0;
    }
    return 0;
}

/// Countries joined by "," or "et" from token i; `next` is set past the last one.
std::vector<PartyMention> country_list(std::string_view s, const std::vector<text::Token>& ts, std::size_t i,
                                       const PartyLexicon& lexicon, std::size_t& next) {
    std::vector<PartyMention> out;
    while (i < ts.size()) {
        std::optional<Country> c;
        std::size_t n = country_at(s, ts, i, lexicon, c);
        if (!n && !out.empty()) n = misspelt_country_at(s, ts, i, lexicon, c);
        if (!n) break;
        PartyMention m;
        m.begin = ts[i].begin;
        m.end = ts[i + n - 1].end;
        m.raw = std::string(s.substr(m.begin, m.end - m.begin));
        m.kind = "pays";
        m.place = m.name = c->name;
        m.country = c;
        m.french = c->code == "FR" ? 1 : 0;
        out.push_back(std::move(m));
        i += n;
        next = i;
        if (i < ts.size() && has(gap_before(s, ts, i), ',')) continue;
        if (i + 1 < ts.size() && ts[i].folded == "et" && !has(gap_before(s, ts, i), '(')) {
            ++i;
            continue;
        }
        break;
    }
    return out;
}

/// One lead of a lead cell: a body the guide shows acting ("Lianes Coopération", "Ass. Cités Unies
/// France"), a collectivité the parties code reads whole ("CR Grand Est", "Orléans"), or, after
/// an abbreviation of a kind, a place of that kind ("Seine-Maritime" in "CD Aude, Seine-Maritime"). A body
/// may be named by the long form of its acronym ("Association internationale des régions francophones").
std::optional<PartyMention> lead_item(const std::string& item, const std::string& list_kind,
                                      const PartyLexicon& lexicon, const LongForms& long_forms) {
    std::string named = item.rfind("Ass. ", 0) == 0 ? "association " + item.substr(5) : item;
    auto body = [&](const std::string& name) -> std::optional<PartyMention> {
        auto a = association_lead(name, lexicon);
        if (!a || !lexicon.body(text::words_key(a->name))) return std::nullopt;
        a->raw = item;
        return a;
    };
    if (auto a = body(named)) return a;
    // "Association internationale des régions francophones": the long form of a body's acronym
    if (auto it = long_forms.find(text::words_key(named)); it != long_forms.end())
        if (auto a = body(it->second)) return a;
    auto mentions = find_party_mentions(item, lexicon);
    if (mentions.size() == 1) {
        const auto& m = mentions.front();
        bool whole =
            text::collapse_whitespace(item.substr(0, m.begin)).empty() && text::words(item.substr(m.end)).empty();
        if (whole && m.french == 1 && m.kind != "pays") return m;
    }
    bool capitalised = !item.empty() && item[0] >= 'A' && item[0] <= 'Z';
    if (!list_kind.empty())
        if (auto* p = lexicon.french(item, list_kind)) return french_place_mention(*p, item, lexicon);
    if (capitalised)
        if (auto* p = lexicon.french(item, "commune")) return french_place_mention(*p, item, lexicon);
    return std::nullopt;
}

/// The leads of `s` when the whole of it is a list of leads ("Arles, CR Sud-PACA"); each item
/// is the longest run up to a "," or "et" that reads as a lead, so "Sites et Cités remarquables
/// de France" stays one.
std::vector<PartyMention> lead_list(const std::string& s, const PartyLexicon& lexicon, const LongForms& long_forms) {
    std::vector<PartyMention> out;
    std::string list_kind;
    std::size_t pos = 0;
    while (pos < s.size()) {
        std::vector<std::pair<std::size_t, std::size_t>> ends;  // (item end, next item start)
        for (std::size_t k = s.find(',', pos); k != std::string::npos; k = s.find(',', k + 1))
            ends.emplace_back(k, k + 1);
        for (std::size_t k = s.find(" et ", pos); k != std::string::npos; k = s.find(" et ", k + 1))
            ends.emplace_back(k, k + 4);
        ends.emplace_back(s.size(), s.size());
        std::sort(ends.begin(), ends.end(), std::greater<>());
        bool read = false;
        for (const auto& [end, next] : ends) {
            std::string item = text::collapse_whitespace(s.substr(pos, end - pos));
            if (item.empty()) continue;
            auto m = lead_item(item, list_kind, lexicon, long_forms);
            if (!m) continue;
            if (m->kind != "association") list_kind = m->kind;
            m->begin = s.find_first_not_of(' ', pos);
            m->end = end;
            out.push_back(std::move(*m));
            pos = next;
            read = true;
            break;
        }
        if (!read) return {};
    }
    return out;
}

}  // namespace

std::vector<PartyMention> table_countries(const std::string& cells, const PartyLexicon& lexicon, std::size_t& end) {
    auto ts = text::tokenize(cells);
    std::size_t next = 0;
    auto countries = country_list(cells, ts, 0, lexicon, next);
    if (!countries.empty()) {
        end = ts[next - 1].end;
        return countries;
    }
    // "Afrique de l’Ouest (Mauritanie, Mali, ...)": a region's countries in parentheses
    for (std::size_t i = 1; i < ts.size() && i <= 6; ++i) {
        if (!has(gap_before(cells, ts, i), '(')) continue;
        countries = country_list(cells, ts, i, lexicon, next);
        std::string_view after = gap_before(cells, ts, next);
        if (countries.empty() || !has(after, ')')) return {};
        end = ts[next - 1].end + after.find(')') + 1;
        return countries;
    }
    return {};
}

LongForms acronym_long_forms(const Guide& guide) {
    LongForms out;
    const auto& lines = guide.lines();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        // a glossary entry wrapped over the next line: "AirF : Association internationale des régions" / "francophones"
        std::string entry = lines[i].text;
        for (std::size_t k = i; lines[k].wrapped && k + 1 < lines.size() && k < i + 2; ++k)
            entry += " " + lines[k + 1].text;
        if (auto a = glossary_entry(text::collapse_whitespace(entry)))
            out.emplace(text::words_key(a->expansion), a->acronym);
        if (lines[i].text.find('(') == std::string::npos) continue;
        // "l'Assemblée des départements de France (ADF)", the long form maybe on the line before
        std::string around = (i > 0 ? lines[i - 1].text + " " : "") + lines[i].text;
        if (i + 1 < lines.size()) around += " " + lines[i + 1].text;
        for (const auto& d : defined_acronyms(text::collapse_whitespace(around)))
            out.emplace(text::words_key(d.expansion), d.acronym);
    }
    return out;
}

std::vector<PartyMention> table_leads(const std::string& cells, const PartyLexicon& lexicon, std::size_t& begin,
                                      const LongForms& long_forms) {
    // word starts, the first word kept for the theme
    for (std::size_t k = cells.find(' '); k != std::string::npos; k = cells.find(' ', k + 1)) {
        std::size_t start = k + 1;
        if (start >= cells.size() || cells[start] == ' ') continue;
        auto leads = lead_list(cells.substr(start), lexicon, long_forms);
        if (leads.empty()) continue;
        for (auto& m : leads) {
            m.begin += start;
            m.end += start;
        }
        begin = start;
        return leads;
    }
    return {};
}

std::vector<TablePair> table_pairs(const Guide& guide, const PartyLexicon& lexicon) {
    std::vector<TablePair> pairs;
    auto long_forms = acronym_long_forms(guide);
    for (const auto& row : index_table_rows(guide.lines())) {
        if (!row.has_lead_column()) continue;
        std::string cells = row.text();
        std::size_t countries_end = 0, leads_begin = 0;
        auto countries = table_countries(cells, lexicon, countries_end);
        if (countries.empty()) continue;
        std::string rest = cells.substr(countries_end);
        auto leads = table_leads(rest, lexicon, leads_begin, long_forms);
        std::string theme = text::collapse_whitespace(rest.substr(0, leads_begin));
        std::string statement = cells + " – page " + std::to_string(row.pages.front());
        for (const auto& lead : leads)
            for (const auto& country : countries) {
                TablePair p{lead, country, row.lines.front().first, {}, theme, statement};
                p.lines = {row.line_at(country.begin), row.line_at(countries_end + lead.begin)};
                pairs.push_back(std::move(p));
            }
    }
    return pairs;
}

}  // namespace coopatlas::indexer
