#include "terms.hpp"

#include <algorithm>
#include <unordered_map>

#include "index_schema.hpp"
#include "text.hpp"

namespace coopatlas::terms {

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool plain_word(const std::string& w) {
    return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

void drop_final_e(std::string& s, std::size_t keep) {
    while (s.size() > keep && s.back() == 'e') s.pop_back();
}

// Words whose Snowball stem is another common word of the guide
// ("departement" -> "depart", "communication" -> "commun", "avantage" ->
// "avant"): they keep their light stem.
bool derivation_changes_meaning(const std::string& light) {
    static constexpr std::string_view kWords[] = {"departement", "communication", "avantag", "communiqu"};
    return std::find(std::begin(kWords), std::end(kWords), light) != std::end(kWords);
}

}  // namespace

std::string light_stem(const std::string& folded) {
    std::string s = folded;
    if (!plain_word(s) || s.size() < 4) return s;
    if ((s.back() == 's' || s.back() == 'x') && !ends_with(s, "ss") && !ends_with(s, "us") && !ends_with(s, "is"))
        s.pop_back();
    if (s.back() == 'e') s.pop_back();
    if (s.back() == 'e') s.pop_back();  // "ee" of a folded feminine participle
    return s;
}

std::string stem(const std::string& folded) {
    if (!plain_word(folded) || folded.size() < 4) return folded;
    if (derivation_changes_meaning(light_stem(folded))) return light_stem(folded);
    thread_local Xapian::Stem french("french");
    std::string s = french(folded);
    drop_final_e(s, kMinStemLength - 1);
    // "jumelage", "jardinage", "recyclage": the noun of the verb's action.
    if (ends_with(s, "ag") && s.size() - 2 >= kMinStemLength) s.resize(s.size() - 2);
    if (s.size() < kMinStemLength) return light_stem(folded);
    return s;
}

const std::string& cached_stem(const std::string& folded) {
    thread_local std::unordered_map<std::string, std::string> memo;
    if (auto it = memo.find(folded); it != memo.end()) return it->second;
    if (memo.size() > (1u << 20)) memo.clear();  // bounded for endless vocabularies (numbers, codes)
    return memo.emplace(folded, stem(folded)).first->second;
}

std::string defined_term(const std::string& folded) { return std::string(schema::kDefinedPrefix) + stem(folded); }

std::string stem_term(std::string_view prefix, const std::string& stem) {
    std::string t = "Z";
    t += prefix;
    t += stem;
    return t;
}

std::string synonym_key(std::string_view utf8) {
    std::string key;
    for (const auto& w : text::words(utf8)) {
        if (text::is_stopword(w)) continue;
        if (!key.empty()) key += ' ';
        key += w;
    }
    return key;
}

std::string english_key(std::string_view utf8, EnglishKey kind) {
    std::string key;
    for (const auto& w : text::words(utf8))
        key += (key.empty() ? (kind == EnglishKey::only ? "en:" : "en+fr:") : " ") + w;
    return key;
}

std::string english_plural(const std::string& folded) {
    if (folded.empty() || !plain_word(folded.substr(folded.rfind(' ') + 1))) return {};
    const char last = folded.back();
    if (ends_with(folded, "s") || ends_with(folded, "x") || ends_with(folded, "z") || ends_with(folded, "ch") ||
        ends_with(folded, "sh"))
        return folded + "es";
    if (last == 'y' && folded.size() > 1 &&
        std::string_view("aeiou").find(folded[folded.size() - 2]) == std::string_view::npos)
        return folded.substr(0, folded.size() - 1) + "ies";
    return folded + "s";
}

std::string thesaurus_key(std::string_view utf8) {
    std::string key;
    for (const auto& w : text::words(utf8)) key += (key.empty() ? "th~" : " ") + light_stem(w);
    return key;
}

namespace {

/// What one folded word adds to a document: nothing (stop word, too long), or
/// its exact term and its stem. Memoised per thread: the stemmer and the stop
/// list cost far more than a hash lookup, and a text repeats its words.
struct WordTerms {
    bool indexed = false;
    std::string stem;
};

const WordTerms& analyse(const std::string& folded) {
    thread_local std::unordered_map<std::string, WordTerms> memo;
    auto it = memo.find(folded);
    if (it != memo.end()) return it->second;
    WordTerms w;
    w.indexed = !text::is_stopword(folded) && folded.size() <= 64;
    if (w.indexed) w.stem = stem(folded);
    if (memo.size() > (1u << 20)) memo.clear();  // bounded for endless vocabularies (numbers, codes)
    return memo.emplace(folded, std::move(w)).first->second;
}

}  // namespace

Xapian::termpos index_text(Xapian::Document& doc, std::string_view utf8, std::string_view prefix,
                           Xapian::termcount wdf_inc, Xapian::termpos position, Positions positions) {
    std::string term(prefix), stem_term_buf = "Z" + std::string(prefix);
    const size_t pre = prefix.size();
    for (const auto& token : text::tokenize(utf8)) {
        ++position;
        const WordTerms& w = analyse(token.folded);
        if (!w.indexed) continue;
        term.resize(pre);
        term += token.folded;
        if (positions == Positions::kept)
            doc.add_posting(term, position, wdf_inc);
        else
            doc.add_term(term, wdf_inc);
        stem_term_buf.resize(pre + 1);
        stem_term_buf += w.stem;
        doc.add_term(stem_term_buf, wdf_inc);
    }
    return position;
}

}  // namespace coopatlas::terms
