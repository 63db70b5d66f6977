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
#include "relaxation.hpp"

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
/// A word of a hyphenated phrase matches at most this many inflections,
/// found among the first kInflectionsRead words of the index beginning with its stem.
constexpr size_t kMaxInflections = 8;
constexpr size_t kInflectionsRead = 64;
/// What a passage defining a word of a definitional question gains
/// (TextQuery::definition_boost): above the BM25 weight of a short question
/// (a few tens), below a word group held when a short answer is relaxed.
constexpr double kDefinitionWeight = 100.0;
static_assert(kDefinitionWeight < kGroupWeight);

std::string lower(const std::string& utf8) {
    std::string out;
    icu::UnicodeString::fromUTF8(utf8).toLower(icu::Locale::getFrench()).toUTF8String(out);
    return out;
}

/// French interrogative words, and the modal verbs a question turns on
/// ("la DAECT peut-elle financer", "faut-il", "doivent-ils"): they say that it
/// is a question, not what it is about; a folded word.
bool is_question_word(const std::string& w) {
    static constexpr std::string_view kWords[] = {
        "comment",    "quel",   "quelle",   "quels",    "quelles",    "pourquoi", "combien", "quand",
        "quoi",       "lequel", "laquelle", "lesquels", "lesquelles", "peut",     "peuvent", "pourrait",
        "pourraient", "doit",   "doivent",  "devrait",  "devraient",  "faut",     "faudrait"};
    return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

/// Whether the query asks what something is: "qu'est-ce que la DAECT ?",
/// "qu'est ce qu'un AAP", "c'est quoi le FICOL", "que signifie CUF", "que
/// veut dire...", "what is/are ...". Read on the words as typed, elided
/// ones included ("qu", "c"), which the query's words leave out.
bool asks_for_definition(std::string_view raw) {
    static const std::vector<std::vector<std::string>> kForms = {{"qu", "est", "ce"}, {"c", "est", "quoi"},
                                                                 {"que", "signifie"}, {"que", "veut", "dire"},
                                                                 {"what", "is"},      {"what", "are"}};
    std::vector<std::string> words(1);
    for (const char c : text::fold(raw)) {
        if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80)
            words.back() += c;
        else if (!words.back().empty())
            words.emplace_back();
    }
    return std::any_of(std::begin(kForms), std::end(kForms), [&](const auto& form) {
        return std::search(words.begin(), words.end(), form.begin(), form.end()) != words.end();
    });
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

/// What matches a word, an item or a group, in the two forms one pass
/// builds: `query` ranks, with the thesaurus's synonyms of a rare word;
/// `literal` leaves them out: what counts as holding the words when a short
/// answer is relaxed (relaxation.hpp). They differ only where a word of the
/// query took thesaurus synonyms.
struct Matching {
    Xapian::Query query;
    Xapian::Query literal;
};

/// A query that is the same in both forms.
Matching both(const Xapian::Query& q) { return {q, q}; }

/// The parts joined by `op`, form by form.
Matching joined(Xapian::Query::op op, const std::vector<Matching>& parts) {
    std::vector<Xapian::Query> queries, literals;
    for (const auto& p : parts) {
        queries.push_back(p.query);
        literals.push_back(p.literal);
    }
    return {Xapian::Query(op, queries.begin(), queries.end()), Xapian::Query(op, literals.begin(), literals.end())};
}

class Builder {
public:
    Builder(const Xapian::Database& db, const Xapian::Database& lexicon, const RecordLines& lines, TextQuery& out,
            bool sharded)
        : db_(db), lexicon_(lexicon), lines_(lines), out_(out), sharded_(sharded) {}

    /// How the index knows a word typed: `as_typed` (a word or a stem of its
    /// records, a synonym key such as an acronym, an English word), only
    /// through the thesaurus (`by_thesaurus`: the guide never uses the word,
    /// so its synonyms are a guess), or not at all (`unknown`: corrected or left out, build()).
    enum class Known { as_typed, by_thesaurus, unknown };
    Known known(const std::string& w) {
        if (db_.get_termfreq(w) > 0 || db_.get_termfreq(terms::stem_term("", terms::stem(w))) > 0)
            return Known::as_typed;
        if (lexicon_.synonyms_begin(w) != lexicon_.synonyms_end(w)) return Known::as_typed;
        if (!english_translations({w}).empty()) return Known::as_typed;
        const std::string thesaurus = terms::thesaurus_key(w);
        return lexicon_.synonyms_begin(thesaurus) != lexicon_.synonyms_end(thesaurus) ? Known::by_thesaurus
                                                                                      : Known::unknown;
    }

    /// The exact word or its stem (a synonym's word).
    Xapian::Query word(const std::string& w) {
        const std::string stem = terms::stem(w);
        out_.match_terms.words.insert(w);
        out_.match_terms.stems.insert(stem);
        return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(w), Xapian::Query(terms::stem_term("", stem)));
    }

    /// One of the query's own words: the exact word or its stem, its synonyms
    /// and translations, and for a rare word the thesaurus's synonyms (in
    /// Matching::query only).
    Matching typed_word(const std::string& w) {
        const std::string stem = terms::stem(w);
        std::vector<Xapian::Query> alternatives = {Xapian::Query(w), Xapian::Query(terms::stem_term("", stem))};
        for (auto it = lexicon_.synonyms_begin(w); it != lexicon_.synonyms_end(w); ++it)
            alternatives.push_back(expansion(*it));
        for (const auto& french : english_translations({w})) alternatives.push_back(expansion(french));
        out_.match_terms.words.insert(w);
        out_.match_terms.stems.insert(stem);
        const std::string heading(schema::kHeadingPrefix);
        headings_.emplace_back(heading + w);
        headings_.emplace_back(terms::stem_term(heading, stem));
        Matching m = both(Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()));
        // A word the guide uses often is how the guide says it: only a
        // rare or absent word borrows the thesaurus's synonyms, and not
        // an acronym or an English word (their synonyms say what they mean).
        if (alternatives.size() == 2 && db_.get_termfreq(terms::stem_term("", stem)) < kRareWordRecords) {
            const std::string thesaurus = terms::thesaurus_key(w);
            for (auto it = lexicon_.synonyms_begin(thesaurus); it != lexicon_.synonyms_end(thesaurus); ++it)
                alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, expansion(*it), kThesaurusWeight);
            m.query = Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
        }
        return m;
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
        if (content.size() == 1) return word(content[0]);
        return phrase(content, static_cast<Xapian::termcount>(words.size() + 1));
    }

    /// Its words in this order within `window` positions; with `inflected`,
    /// each word in any of its inflections ("franco-américain" finds
    /// "franco-américains": words joined by a hyphen were not typed as a phrase to be exact).
    Xapian::Query phrase(const std::vector<std::string>& words, Xapian::termcount window, bool inflected = false) {
        std::vector<Xapian::Query> parts;
        for (const auto& w : words) {
            if (w.empty()) continue;
            out_.match_terms.words.insert(w);
            if (!inflected) {
                parts.emplace_back(w);
                continue;
            }
            const std::vector<std::string> forms = inflections(w);
            if (forms.size() > 1) out_.match_terms.stems.insert(terms::stem(w));
            parts.emplace_back(Xapian::Query::OP_OR, forms.begin(), forms.end());
        }
        if (parts.size() == 1) return parts[0];
        return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), window);
    }

    /// `w` and the index's words that begin with its stem and have the same
    /// stem ("americain" -> "americaine", "americains"), at most kMaxInflections.
    std::vector<std::string> inflections(const std::string& w) {
        std::vector<std::string> forms = {w};
        const std::string stem = terms::cached_stem(w);          // a copy: the memo may be cleared below
        if (w.compare(0, stem.size(), stem) != 0) return forms;  // the stemmer rewrote the word: itself only
        size_t read = 0;
        for (auto t = db_.allterms_begin(stem); t != db_.allterms_end(stem) && read < kInflectionsRead; ++t, ++read)
            if (*t != w && terms::cached_stem(*t) == stem && forms.size() < kMaxInflections) forms.push_back(*t);
        return forms;
    }

    /// An item the user typed: a word (typed_word), a phrase or a wildcard prefix.
    Matching item(const TextItem& item) {
        return item.kind == TextItem::Kind::word ? typed_word(item.words[0]) : both(unexpanded(item));
    }

    /// The item's own words, without synonyms (an excluded item).
    Xapian::Query unexpanded(const TextItem& item) {
        switch (item.kind) {
            case TextItem::Kind::word:
                return word(item.words[0]);
            case TextItem::Kind::phrase:
                return phrase(item.words, static_cast<Xapian::termcount>(item.words.size()), !item.quoted);
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

    /// The closest word of the index's vocabulary; short words allow one
    /// edit only, so that an unknown short word is not "corrected" into noise.
    /// From 6 letters, two edits when one finds nothing ("Tunisy" ->
    /// "tunisie", "Maroko" -> "maroc": a country typed the English way), but
    /// below 8 letters only with the first letter kept, the one a writer
    /// rarely gets wrong ("Norvege" is not "cortege").
    std::string spelling(const std::string& w) {
        if (w.size() < 4 ||
            std::any_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
            return {};
        if (w.size() >= 8) return lexicon_.get_spelling_suggestion(w, 2);
        std::string fix = lexicon_.get_spelling_suggestion(w, 1);
        if (fix.empty() && w.size() >= 6) {
            fix = lexicon_.get_spelling_suggestion(w, 2);
            if (!fix.empty() && fix[0] != w[0]) fix.clear();
        }
        return fix;
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

    const Xapian::Database& db_;
    const Xapian::Database& lexicon_;  ///< synonyms and spelling
    const RecordLines& lines_;
    TextQuery& out_;
    bool sharded_;  ///< built for a stub of shards (build_text_query with a lexicon)
    std::vector<Xapian::Query> headings_;
    bool english_ = false;
};

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

/// A run of plain groups whose words the index knows together as a
/// multi-word synonym key ("agence francaise developpement" -> "afd",
/// "water sanitation" -> its translations).
struct SynonymRun {
    size_t groups = 0;  ///< how many groups it covers; 0: none starts here
    std::vector<std::string> words;
    std::vector<std::string> synonyms;
    bool english = false;  ///< an English phrase's translations, not an acronym
};

/// The longest synonym run starting at group `i`, up to kMaxSynonymWords groups.
SynonymRun synonym_run(const std::vector<std::vector<TextItem>>& g, size_t i, Builder& build) {
    size_t run = 0;
    while (i + run < g.size() && plain(g[i + run]) && run < kMaxSynonymWords) ++run;
    for (size_t n = run; n >= 1; --n) {
        SynonymRun found;
        for (size_t k = 0; k < n; ++k)
            for (const auto& w : g[i + k][0].words)
                if (!w.empty()) found.words.push_back(w);
        if (found.words.size() < 2) continue;  // one word: its synonyms come with it in Builder::word
        found.synonyms = build.synonyms_of(found.words, found.english);
        if (found.synonyms.empty()) continue;
        found.groups = n;
        return found;
    }
    return {};
}

/// The query of a synonym run: its words, or any of its synonyms.
Matching run_query(const SynonymRun& run, Builder& build) {
    // The words one by one too: an English phrase's words each with their translations.
    std::vector<Matching> all_words;
    for (const auto& w : run.words) all_words.push_back(run.english ? build.typed_word(w) : both(build.word(w)));
    std::vector<Matching> alternatives = {joined(Xapian::Query::OP_AND, all_words)};
    for (const auto& s : run.synonyms) {
        // An acronym stands for all the words: weigh it like half of them,
        // so that passages saying only "OFAJ" are not buried.
        double scale = text::words(s).size() == 1 ? std::max(1.0, static_cast<double>(run.words.size()) / 2) : 1.0;
        alternatives.push_back(both(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, build.expansion(s), scale)));
    }
    return joined(Xapian::Query::OP_OR, alternatives);
}

/// A group of the query being built: what matches it, how it was typed,
/// whether it is a plain word the index does not know, even corrected, and
/// whether it is a guess (a spelling correction, or a word found only
/// through the thesaurus).
struct BuiltGroup {
    Matching matching;
    std::string typed;
    bool unknown = false;
    bool guess = false;
};

}  // namespace

namespace {

/// TextQuery::definition_boost for the groups `g`: the passages whose
/// defined subject holds every group ("appariement scolaire" is not defined
/// by "Les appariements de villes sont ..."), a group through any of its items.
Xapian::Query definition_boost(const std::vector<std::vector<TextItem>>& g) {
    std::vector<Xapian::Query> groups;
    for (const auto& group : g) {
        std::vector<Xapian::Query> items;
        for (const auto& item : group) {
            std::vector<Xapian::Query> words;
            for (const auto& w : item.words)
                if (!w.empty()) words.emplace_back(terms::defined_term(w));
            if (item.kind != TextItem::Kind::prefix)
                items.emplace_back(Xapian::Query::OP_AND, words.begin(), words.end());
        }
        if (items.empty()) return {};  // a prefix is not a name
        groups.emplace_back(Xapian::Query::OP_OR, items.begin(), items.end());
    }
    if (groups.empty()) return {};
    return weighing_each(Xapian::Query(Xapian::Query::OP_AND, groups.begin(), groups.end()), kDefinitionWeight);
}

TextQuery build(const ParsedQuery& parsed, const Xapian::Database& db, const Xapian::Database& lexicon,
                const RecordLines& lines, bool sharded) {
    TextQuery out;
    out.match_all = !parsed.has_text;
    if (parsed.groups.empty()) return out;
    Builder build(db, lexicon, lines, out, sharded);

    std::vector<std::vector<TextItem>> g;
    for (const auto& group : parsed.groups)
        if (!question_word(group)) g.push_back(group);
    if (g.empty()) g = parsed.groups;  // only question words: they are what was asked for

    // Spelling first, so that a corrected word joins its neighbours in a
    // multi-word synonym ("apel à projets" -> "appel à projets", also "AAP"):
    // a word the index does not know, outside a synonym run of the words as
    // typed, is replaced by the closest word of the index; without one it is unknown.
    std::vector<std::pair<std::string, std::string>> corrections;  ///< folded word typed -> as the guide writes the fix
    std::vector<bool> unknown(g.size(), false);                    ///< a plain group of an unknown word
    std::vector<bool> guess(g.size(), false);                      ///< a plain group of a corrected or thesaurus word
    for (size_t i = 0; i < g.size();) {
        if (const size_t covered = synonym_run(g, i, build).groups) {
            i += covered;
            continue;
        }
        for (auto& item : g[i]) {
            if (item.kind != TextItem::Kind::word) continue;
            const auto known = build.known(item.words[0]);
            guess[i] = plain(g[i]) && known == Builder::Known::by_thesaurus;
            if (known != Builder::Known::unknown) continue;
            if (const std::string fix = build.spelling(item.words[0]); !fix.empty()) {
                corrections.emplace_back(item.words[0], written_form(db, lines, fix));
                item.words[0] = fix;
                guess[i] = plain(g[i]);
            } else {
                out.unknown.push_back(item.words[0]);
                unknown[i] = plain(g[i]);
            }
        }
        ++i;
    }

    std::vector<BuiltGroup> built;
    for (size_t i = 0; i < g.size();) {
        if (const SynonymRun run = synonym_run(g, i, build); run.groups > 0) {
            const bool corrected =
                std::any_of(guess.begin() + static_cast<long>(i), guess.begin() + static_cast<long>(i + run.groups),
                            [](bool b) { return b; });
            built.push_back({run_query(run, build), {}, false, corrected});
            i += run.groups;
            continue;
        }
        std::vector<Matching> alternatives;
        for (const auto& item : g[i]) alternatives.push_back(build.item(item));
        built.push_back({joined(Xapian::Query::OP_OR, alternatives), g[i][0].original, unknown[i], guess[i]});
        ++i;
    }
    // Words the index does not know, even corrected, are left out when they
    // are fewer than the others (in an English query, whose untranslated
    // words say little, whenever another word is known): most of the query
    // is then found. Otherwise the query is about something the guide does
    // not treat ("station de ski en Norvège") and finds nothing.
    const bool english = build.english();
    const auto unknown_groups =
        static_cast<size_t>(std::count_if(built.begin(), built.end(), [](const auto& b) { return b.unknown; }));
    const bool leave_out =
        unknown_groups > 0 && unknown_groups < built.size() && (english || 2 * unknown_groups < built.size());
    // A thesaurus synonym ranks a record, but does not count as holding the
    // word when relaxing (Matching::literal): "trouver un partenaire au
    // Sénégal" is not answered by records with "voir" and "partenaire" before
    // those with "Sénégal".
    std::vector<Xapian::Query> groups, literal, sure;  ///< sure: the literal groups that are no guess
    bool guessed = false;
    for (const auto& b : built) {
        if (leave_out && b.unknown) {
            out.ignored.push_back(b.typed);
            continue;
        }
        groups.push_back(b.matching.query);
        literal.push_back(b.matching.literal);
        if (!b.guess) sure.push_back(b.matching.literal);
        guessed = guessed || b.guess;
    }
    out.query = Xapian::Query(Xapian::Query::OP_AND, groups.begin(), groups.end());
    out.heading_boost = build.heading_boost();
    // A bare name ("DAECT", "OFAJ") or a question asking what something is:
    // its definition first, before the records that merely name it.
    if (g.size() == 1 || asks_for_definition(parsed.raw)) out.definition_boost = definition_boost(g);
    // The looser query, for the Searcher to fill a short answer with
    // (relaxation.hpp): records holding all groups but one, but two, ...
    // down to any one group, ranked by BM25 among those holding as many. A
    // guess ("pommes" corrected to "hommes", "tarte" found only through the
    // thesaurus) does not make a record relevant on its own account: a looser
    // record must hold a group that is no guess. None when an unknown word
    // was kept (nothing can match).
    if (groups.size() >= 2 && (unknown_groups == 0 || leave_out) && !(guessed && sure.empty())) {
        out.relaxed = by_groups_held(groups, literal);
        if (guessed)
            out.relaxed = Xapian::Query(Xapian::Query::OP_FILTER, out.relaxed,
                                        Xapian::Query(Xapian::Query::OP_OR, sure.begin(), sure.end()));
    }
    if (!parsed.excluded.empty()) {
        std::vector<Xapian::Query> excluded;
        TextQuery excluded_terms;
        Builder quiet(db, lexicon, lines, excluded_terms, sharded);  // excluded words are not highlighted
        for (const auto& item : parsed.excluded) excluded.push_back(quiet.unexpanded(item));
        Xapian::Query none(Xapian::Query::OP_OR, excluded.begin(), excluded.end());
        out.query = Xapian::Query(Xapian::Query::OP_AND_NOT, out.query, none);
        if (!out.relaxed.empty()) out.relaxed = Xapian::Query(Xapian::Query::OP_AND_NOT, out.relaxed, none);
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
