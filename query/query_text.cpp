#include "query_text.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>

#include "core/index_schema.hpp"
#include "core/terms.hpp"
#include "core/text.hpp"

namespace coopatlas::query {

namespace {

/// Longest multi-word synonym key tried against the query's words.
constexpr size_t kMaxSynonymWords = 6;
/// Wildcards expand to at most this many terms (the most frequent ones).
constexpr Xapian::termcount kMaxWildcardTerms = 200;
/// Records read to find how the guide writes a corrected word.
constexpr int kWrittenFormRecords = 5;
/// A thesaurus synonym weighs this much of the word typed: "ordures" finds
/// "déchets", but a record with "ordures" itself comes first.
constexpr double kThesaurusWeight = 0.5;
/// Below this many records holding its stem, a word is rare enough to take
/// the thesaurus's synonyms ("ordures": 3 records; "eau": hundreds).
constexpr Xapian::doccount kRareWordRecords = 10;

std::string lower(const std::string& utf8) {
    std::string out;
    icu::UnicodeString::fromUTF8(utf8).toLower(icu::Locale::getFrench()).toUTF8String(out);
    return out;
}

/// French interrogative words: in a question they say that it is one, not
/// what it is about; a folded word.
bool is_question_word(const std::string& w) {
    static constexpr std::string_view kWords[] = {"comment",  "quel",     "quelle",    "quels", "quelles",
                                                  "pourquoi", "combien",  "quand",     "quoi",  "lequel",
                                                  "laquelle", "lesquels", "lesquelles"};
    return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

bool is_field(const std::string& name) {
    return name == "type" || name == "pays" || name == "country" || name == "theme" || name == "odd";
}

/// A chunk of text -> one item: a word, or a phrase when punctuation joins
/// several words ("diplomatie.gouv.fr"). Stop words are gaps in a phrase and
/// nothing on their own.
std::optional<TextItem> item_of(std::string_view chunk, bool quoted) {
    auto tokens = text::tokenize(chunk);
    TextItem item;
    item.original = std::string(chunk);
    item.quoted = quoted;
    size_t content = 0;
    for (const auto& t : tokens) {
        bool stop = text::is_stopword(t.folded);
        item.words.push_back(stop ? std::string() : t.folded);
        content += !stop;
    }
    if (content == 0) return std::nullopt;
    // Gaps at either end of a phrase mean nothing.
    while (item.words.front().empty()) item.words.erase(item.words.begin());
    while (item.words.back().empty()) item.words.pop_back();
    if (content == 1) {
        item.words = {*std::find_if(item.words.begin(), item.words.end(), [](auto& w) { return !w.empty(); })};
        item.kind = TextItem::Kind::word;
    } else {
        item.kind = TextItem::Kind::phrase;
    }
    return item;
}

}  // namespace

ParsedQuery parse_query_text(std::string_view q) {
    ParsedQuery parsed;
    parsed.raw = std::string(q);
    bool join_or = false, exclude_next = false;
    auto add = [&](TextItem item, bool excluded) {
        if (excluded) {
            parsed.excluded.push_back(std::move(item));
        } else if (join_or && !parsed.groups.empty()) {
            parsed.groups.back().push_back(std::move(item));
        } else {
            parsed.groups.push_back({std::move(item)});
        }
        join_or = false;
    };
    size_t i = 0;
    while (i < q.size()) {
        if (std::isspace(static_cast<unsigned char>(q[i]))) {
            ++i;
            continue;
        }
        bool excluded = exclude_next;
        exclude_next = false;
        if ((q[i] == '-' || q[i] == '+') && i + 1 < q.size() && !std::isspace(static_cast<unsigned char>(q[i + 1]))) {
            excluded = excluded || q[i] == '-';
            ++i;
        }
        if (q[i] == '"') {
            size_t close = q.find('"', i + 1);
            size_t end = close == std::string_view::npos ? q.size() : close;
            std::string_view inner = q.substr(i + 1, end - i - 1);
            parsed.has_text = parsed.has_text || !text::words(inner).empty();
            if (auto item = item_of(inner, true)) add(std::move(*item), excluded);
            i = close == std::string_view::npos ? q.size() : close + 1;
            continue;
        }
        size_t end = i;
        while (end < q.size() && !std::isspace(static_cast<unsigned char>(q[end]))) ++end;
        std::string chunk(q.substr(i, end - i));
        i = end;
        if (chunk == "OR" || chunk == "|" || chunk == "||") {
            join_or = !parsed.groups.empty();
            continue;
        }
        if (chunk == "AND" || chunk == "&&" || chunk == "&") continue;
        if (chunk == "NOT") {
            exclude_next = true;
            continue;
        }
        if (size_t colon = chunk.find(':'); colon != std::string::npos && colon > 0) {
            std::string field = text::fold(chunk.substr(0, colon));
            std::string value = chunk.substr(colon + 1);
            if (is_field(field) && !value.empty()) {
                if (value.front() == '"') {  // theme:"eau potable"
                    value.erase(0, 1);
                    if (value.empty() || value.back() != '"') {
                        size_t close = q.find('"', i);
                        size_t stop = close == std::string_view::npos ? q.size() : close;
                        value += std::string(q.substr(i, stop - i));
                        i = close == std::string_view::npos ? q.size() : close + 1;
                    } else {
                        value.pop_back();
                    }
                }
                if (field == "type")
                    parsed.types.push_back(text::fold(value));
                else if (field == "pays" || field == "country")
                    parsed.countries.push_back(text::fold(value));
                else if (field == "theme")
                    parsed.themes.push_back(value);
                else if (auto n = std::atoi(value.c_str()); n >= 1 && n <= 17)
                    parsed.odds.push_back(n);
                continue;
            }
        }
        auto words = text::words(chunk);
        if (words.empty()) continue;
        parsed.has_text = true;
        if (chunk.size() > 1 && chunk.back() == '*') {
            // "coop*": the words before the last one as words, the last as a prefix.
            for (size_t k = 0; k + 1 < words.size(); ++k)
                if (auto item = item_of(words[k], false)) add(std::move(*item), excluded);
            if (words.back().size() >= 2) {
                add({TextItem::Kind::prefix, {words.back()}, chunk}, excluded);
            } else if (auto item = item_of(words.back(), false)) {
                add(std::move(*item), excluded);
            }
            continue;
        }
        if (auto item = item_of(chunk, false)) add(std::move(*item), excluded);
    }
    return parsed;
}

std::string written_form(const Xapian::Database& db, const RecordLines& lines, const std::string& folded) {
    // How often each spelling of the word appears in the first records holding it.
    std::map<std::string, int> forms;
    int read = 0;
    try {
        for (auto it = db.postlist_begin(folded); it != db.postlist_end(folded) && read < kWrittenFormRecords;
             ++it, ++read) {
            const auto data = nlohmann::json::parse(lines(*it), nullptr, false);
            if (!data.is_object()) continue;
            for (const char* field : {"title", "text"}) {
                if (!data.contains(field) || !data[field].is_string()) continue;
                const std::string text = data[field].get<std::string>();
                for (const auto& t : text::tokenize(text))
                    if (t.folded == folded) ++forms[lower(text.substr(t.begin, t.end - t.begin))];
            }
        }
    } catch (const Xapian::Error&) {
        return folded;  // the folded word still reads correctly, only without accents
    }
    std::string best = folded;
    int best_count = 0;
    for (const auto& [form, count] : forms)
        if (count > best_count) best = form, best_count = count;
    return best;
}

namespace {

class Builder {
public:
    Builder(const Xapian::Database& db, const Xapian::Database& lexicon, const RecordLines& lines, TextQuery& out,
            bool sharded)
        : db_(db), lexicon_(lexicon), lines_(lines), out_(out), sharded_(sharded) {}

    /// The exact word or its stem; `correct` allows a spelling correction.
    Xapian::Query word(const std::string& w, bool correct, bool expand, std::string* corrected) {
        std::string stem = terms::stem(w);
        std::vector<Xapian::Query> alternatives = {Xapian::Query(w), Xapian::Query(terms::stem_term("", stem))};
        bool known = db_.get_termfreq(w) > 0 || db_.get_termfreq(terms::stem_term("", stem)) > 0;
        if (expand) {
            for (auto it = lexicon_.synonyms_begin(w); it != lexicon_.synonyms_end(w); ++it) {
                alternatives.push_back(expansion(*it));
                known = true;
            }
            for (const auto& french : english_translations({w})) {
                alternatives.push_back(expansion(french));
                known = true;
            }
            // A word the guide uses often is how the guide says it: only a
            // rare or absent word borrows the thesaurus's synonyms, and not
            // an acronym or an English word (their synonyms say what they mean).
            const std::string thesaurus = terms::thesaurus_key(w);
            if (alternatives.size() == 2 && db_.get_termfreq(terms::stem_term("", stem)) < kRareWordRecords)
                for (auto it = lexicon_.synonyms_begin(thesaurus); it != lexicon_.synonyms_end(thesaurus); ++it) {
                    alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, expansion(*it), kThesaurusWeight);
                    known = true;
                }
        }
        if (!known && correct) {
            std::string fix = spelling(w);
            if (!fix.empty()) {
                if (corrected) *corrected = written_form(db_, lines_, fix);
                return word(fix, false, expand, nullptr);
            }
            out_.unknown.push_back(w);
        }
        out_.match_terms.words.insert(w);
        out_.match_terms.stems.insert(stem);
        if (expand) {  // one of the query's own words, not a synonym's
            const std::string heading(schema::kHeadingPrefix);
            headings_.emplace_back(heading + w);
            headings_.emplace_back(terms::stem_term(heading, stem));
        }
        return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    }

    /// The query's words in section headings (TextQuery::heading_boost).
    Xapian::Query heading_boost() const {
        return headings_.empty() ? Xapian::Query()
                                 : Xapian::Query(Xapian::Query::OP_OR, headings_.begin(), headings_.end());
    }

    /// A synonym's text: one word, or its words as a phrase with room for stop words.
    Xapian::Query expansion(const std::string& synonym) {
        auto words = text::words(synonym);
        std::vector<std::string> content;
        for (auto& w : words)
            if (!text::is_stopword(w)) content.push_back(w);
        if (content.size() == 1) return word(content[0], false, false, nullptr);
        return phrase(content, static_cast<Xapian::termcount>(words.size() + 1));
    }

    Xapian::Query phrase(const std::vector<std::string>& words, Xapian::termcount window) {
        std::vector<Xapian::Query> parts;
        for (const auto& w : words) {
            if (w.empty()) continue;
            parts.emplace_back(w);
            out_.match_terms.words.insert(w);
        }
        if (parts.size() == 1) return parts[0];
        return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), window);
    }

    Xapian::Query item(const TextItem& item, bool expand, std::string* corrected) {
        switch (item.kind) {
            case TextItem::Kind::word:
                return word(item.words[0], expand, expand, corrected);
            case TextItem::Kind::phrase:
                return phrase(item.words, static_cast<Xapian::termcount>(item.words.size()));
            case TextItem::Kind::prefix:
                out_.match_terms.prefixes.insert(item.words[0]);
                if (sharded_) return expanded_wildcard(item.words[0]);
                return Xapian::Query(Xapian::Query::OP_WILDCARD, item.words[0], kMaxWildcardTerms,
                                     Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        }
        return {};
    }

    /// A multi-word synonym for the words of groups [from, from+n), if the
    /// index has one: an acronym's expansion, or (`english` set) an English phrase's translations.
    std::vector<std::string> synonyms_of(const std::vector<std::string>& words, bool& english) {
        std::string key;
        for (const auto& w : words) key += (key.empty() ? "" : " ") + w;
        std::vector<std::string> found;
        for (auto it = lexicon_.synonyms_begin(key); it != lexicon_.synonyms_end(key); ++it) found.push_back(*it);
        english = found.empty();
        if (english) found = english_translations(words);
        return found;
    }

    /// The French translations stored for English words (indexer/dictionaries/english_french.hpp).
    /// Only a word that is English alone says that the query is English: one
    /// that is French too ("station") is translated, no more.
    std::vector<std::string> english_translations(const std::vector<std::string>& words) {
        std::string text;
        for (const auto& w : words) text += (text.empty() ? "" : " ") + w;
        std::vector<std::string> found;
        for (auto kind : {terms::EnglishKey::only, terms::EnglishKey::and_french}) {
            const std::string key = terms::english_key(text, kind);
            for (auto it = lexicon_.synonyms_begin(key); it != lexicon_.synonyms_end(key); ++it) found.push_back(*it);
            if (kind == terms::EnglishKey::only) english_ = english_ || !found.empty();
        }
        return found;
    }

    /// Whether some word of the query was read as English (it had a translation).
    bool english() const { return english_; }

private:
    /// OP_WILDCARD expanded here, over the terms of every shard: each shard
    /// would expand it over its own terms, and weigh the synonym by those.
    Xapian::Query expanded_wildcard(const std::string& prefix) {
        std::vector<std::pair<Xapian::doccount, std::string>> terms;
        for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t)
            terms.emplace_back(t.get_termfreq(), *t);
        std::stable_sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        if (terms.size() > kMaxWildcardTerms) terms.resize(kMaxWildcardTerms);
        std::sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
        std::vector<Xapian::Query> parts;
        for (const auto& [freq, term] : terms) parts.emplace_back(term);
        return parts.empty() ? Xapian::Query::MatchNothing
                             : Xapian::Query(Xapian::Query::OP_SYNONYM, parts.begin(), parts.end());
    }

    /// The closest word of the index's vocabulary; short words allow one
    /// edit only, so that an unknown short word is not "corrected" into noise.
    std::string spelling(const std::string& w) {
        if (w.size() < 4 ||
            std::any_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
            return {};
        unsigned distance = w.size() >= 8 ? 2 : 1;
        return lexicon_.get_spelling_suggestion(w, distance);
    }

    const Xapian::Database& db_;
    const Xapian::Database& lexicon_;  ///< synonyms and spelling
    const RecordLines& lines_;
    TextQuery& out_;
    bool sharded_;  ///< built for a stub of shards (build_text_query with a lexicon)
    std::vector<Xapian::Query> headings_;
    bool english_ = false;
};

/// Records with every group but one (any one).
Xapian::Query all_but_one(const std::vector<Xapian::Query>& groups) {
    std::vector<Xapian::Query> leave_one_out;
    for (size_t skip = 0; skip < groups.size(); ++skip) {
        std::vector<Xapian::Query> rest;
        for (size_t k = 0; k < groups.size(); ++k)
            if (k != skip) rest.push_back(groups[k]);
        leave_one_out.emplace_back(Xapian::Query::OP_AND, rest.begin(), rest.end());
    }
    return Xapian::Query(Xapian::Query::OP_OR, leave_one_out.begin(), leave_one_out.end());
}

/// A group of one word, or of words joined by punctuation ("franco-allemand"):
/// it can be part of a multi-word synonym.
bool plain(const std::vector<TextItem>& group) {
    return group.size() == 1 && !group[0].quoted && group[0].kind != TextItem::Kind::prefix;
}

bool question_word(const std::vector<TextItem>& group) {
    return plain(group) && group[0].kind == TextItem::Kind::word && is_question_word(group[0].words[0]);
}

}  // namespace

namespace {

TextQuery build(const ParsedQuery& parsed, const Xapian::Database& db, const Xapian::Database& lexicon,
                const RecordLines& lines, bool sharded) {
    TextQuery out;
    out.match_all = !parsed.has_text;
    if (parsed.groups.empty()) return out;
    Builder build(db, lexicon, lines, out, sharded);

    // Original words and their corrections, to write the corrected query back.
    std::vector<std::pair<std::string, std::string>> corrections;
    std::vector<Xapian::Query> groups;
    std::vector<size_t> unknown_groups;  ///< positions in `groups` of a word found nowhere
    std::vector<std::vector<TextItem>> g;
    for (const auto& group : parsed.groups)
        if (!question_word(group)) g.push_back(group);
    if (g.empty()) g = parsed.groups;  // only question words: they are what was asked for
    for (size_t i = 0; i < g.size();) {
        // Longest run of plain words that the index knows as a synonym key
        // ("agence francaise developpement" -> "afd", "water sanitation" -> ...).
        size_t run = 0;
        while (i + run < g.size() && plain(g[i + run]) && run < kMaxSynonymWords) ++run;
        bool merged = false;
        for (size_t n = run; n >= 1 && !merged; --n) {
            std::vector<std::string> words;
            for (size_t k = 0; k < n; ++k)
                for (const auto& w : g[i + k][0].words)
                    if (!w.empty()) words.push_back(w);
            if (words.size() < 2) continue;  // one word: its synonyms come with it in Builder::word
            bool english_phrase = false;
            auto synonyms = build.synonyms_of(words, english_phrase);
            if (synonyms.empty()) continue;
            // The words one by one too: an English phrase's words each with their translations.
            std::vector<Xapian::Query> all_words;
            for (const auto& w : words) all_words.push_back(build.word(w, false, english_phrase, nullptr));
            std::vector<Xapian::Query> alternatives = {
                Xapian::Query(Xapian::Query::OP_AND, all_words.begin(), all_words.end())};
            for (const auto& s : synonyms) {
                // An acronym stands for all the words: weigh it like half of them,
                // so that passages saying only "OFAJ" are not buried.
                double scale = text::words(s).size() == 1 ? std::max(1.0, static_cast<double>(words.size()) / 2) : 1.0;
                alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, build.expansion(s), scale);
            }
            groups.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
            i += n;
            merged = true;
        }
        if (merged) continue;
        std::vector<Xapian::Query> alternatives;
        const size_t unknown_before = out.unknown.size();
        for (const auto& item : g[i]) {
            std::string corrected;
            alternatives.push_back(build.item(item, true, &corrected));
            if (!corrected.empty()) corrections.emplace_back(item.words[0], corrected);
        }
        if (plain(g[i]) && out.unknown.size() > unknown_before) unknown_groups.push_back(groups.size());
        groups.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
        ++i;
    }
    // An English query: a word without a translation (or a French word the
    // guide lacks) would empty the answer; the words that have one decide,
    // and when no record has them all, any of them ranks (BM25).
    const bool english = build.english();
    if (english && unknown_groups.size() < groups.size()) {
        for (auto k = unknown_groups.rbegin(); k != unknown_groups.rend(); ++k)
            groups.erase(groups.begin() + static_cast<long>(*k));
    }
    out.query = Xapian::Query(Xapian::Query::OP_AND, groups.begin(), groups.end());
    out.heading_boost = build.heading_boost();
    // A looser query, for the Searcher to fill a short answer with: any of the
    // groups, ranked by BM25 (the records holding the rarer words first). Not
    // when a French query has a word the guide does not know at all (even
    // corrected): it is about something else, only the exact answer counts
    // (nothing). When a word was corrected, a lone group could be only the
    // guess ("pommes" -> "hommes"): from 4 groups, every group but one, no
    // looser. An English query's unknown words were dropped above.
    if (groups.size() >= 2 && (english || out.unknown.empty())) {
        if (english || corrections.empty())
            out.relaxed.emplace_back(Xapian::Query::OP_OR, groups.begin(), groups.end());
        else if (groups.size() >= 4)
            out.relaxed.push_back(all_but_one(groups));
    }
    if (!parsed.excluded.empty()) {
        std::vector<Xapian::Query> excluded;
        TextQuery ignored;
        Builder quiet(db, lexicon, lines, ignored, sharded);  // excluded words are not highlighted
        for (const auto& item : parsed.excluded) excluded.push_back(quiet.item(item, false, nullptr));
        Xapian::Query none(Xapian::Query::OP_OR, excluded.begin(), excluded.end());
        out.query = Xapian::Query(Xapian::Query::OP_AND_NOT, out.query, none);
        for (auto& looser : out.relaxed) looser = Xapian::Query(Xapian::Query::OP_AND_NOT, looser, none);
    }
    if (!corrections.empty()) {
        // The query as typed, each unknown word replaced by its correction.
        std::string fixed = parsed.raw;
        for (const auto& [from, to] : corrections) {
            for (const auto& t : text::tokenize(fixed)) {
                if (t.folded != from) continue;
                fixed.replace(t.begin, t.end - t.begin, to);
                break;
            }
        }
        out.suggestion = fixed;
    }
    return out;
}

}  // namespace

TextQuery build_text_query(const ParsedQuery& parsed, const Xapian::Database& db, const RecordLines& lines) {
    return build(parsed, db, db, lines, false);
}

TextQuery build_text_query(const ParsedQuery& parsed, const Xapian::Database& db, const Xapian::Database& lexicon,
                           const RecordLines& lines) {
    return build(parsed, db, lexicon, lines, true);
}

}  // namespace coopatlas::query
