#pragma once
/// @file query_text.hpp
/// The text part of a search: what a user types -> a Xapian::Query.
///
/// Syntax (docs/api.md, section "search"):
///   words            all must match (AND), in any inflection, accents and case ignored
///   "a phrase"       the words in this order; so is a chunk joined by punctuation
///                    ("diplomatie.gouv.fr", "cites-unies-france", "Saint-Étienne")
///   a OR b           either; AND is the default and may be written
///   -word, NOT word  excluded
///   coop*            any word starting with "coop" (2 letters at least)
///   type:T pays:CC country:CC theme:X odd:N   filters, as the URL parameters
/// Nothing is a syntax error: a stray quote, operator or colon is read as plain text.
///
/// Building the Xapian query (build_text_query) adds, per word: the exact
/// folded word (ranks first), its stem (core/terms.hpp), the synonyms stored
/// in the index (acronyms of the guide's glossary, English translations, thesaurus synonyms of rare words)
/// and, for a word the index does not know, its spelling correction from the
/// index's own vocabulary (made before the multi-word synonyms are looked up,
/// so "apel à projets" meets "appel à projets"), or, failing one, the word is
/// left out when most of the query is known (TextQuery::ignored). Question words ("comment", "quelles") are left out
/// of a query that has other words: "comment financer un projet" is about financing;
/// a question asking what something is ranks its definition first (TextQuery::definition_boost).

#include <xapian.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "snippet.hpp"

namespace coopatlas::query {

/// One thing to match: a word, a phrase or a wildcard prefix.
struct TextItem {
    enum class Kind { word, phrase, prefix };
    Kind kind = Kind::word;
    std::vector<std::string> words;  ///< folded; a phrase keeps its stop words as gaps ("" entries)
    std::string original;            ///< as typed (for the corrected query string)
    bool quoted = false;             ///< a "phrase" in quotes, not punctuation-joined words
    bool operator==(const TextItem&) const = default;
};

/// The parsed query: AND of groups, each group an OR of items; minus the excluded items.
struct ParsedQuery {
    std::vector<std::vector<TextItem>> groups;
    std::vector<TextItem> excluded;
    std::vector<std::string> types, countries, themes;  ///< from type: pays:/country: theme:
    std::vector<int> odds;                              ///< from odd:
    bool has_text = false;  ///< something besides filters was typed (even if only stop words)
    std::string raw;        ///< the query as typed
};

/// Parses the query syntax above; never throws.
ParsedQuery parse_query_text(std::string_view q);

/// A Xapian query built from a ParsedQuery against one database.
struct TextQuery {
    bool match_all = false;  ///< no text typed: every record (the filters do the work)
    Xapian::Query query;     ///< empty (matches nothing) when the text has no real word
    /// The looser query (relaxation.hpp): the records holding any word
    /// group, those holding more groups first; empty (Xapian's MatchNothing)
    /// for one group, when a word the index does not know was kept, or when
    /// every group is a guess. The Searcher answers with it when the query
    /// finds less than a page.
    Xapian::Query relaxed;
    /// The query's words (exact or stem) in the records' section headings
    /// (schema::kHeadingPrefix): what only orders, added with OP_AND_MAYBE,
    /// so that "Tunisie" ranks the section "11.11 Tunisie" up. Empty without a word.
    Xapian::Query heading_boost;
    /// For a question asking what something is ("qu'est-ce que la DAECT ?",
    /// "c'est quoi un AAP", "what is CUF") or a query of one word group (a
    /// bare name, "DAECT"): a fixed weight for each passage defining its words
    /// (indexer/guide/definitions.hpp), added with OP_AND_MAYBE, so that the
    /// definition comes before the records merely naming the thing (the
    /// contacts of a body's staff). Empty for other queries.
    Xapian::Query definition_boost;
    MatchTerms match_terms;            ///< for snippets
    std::string suggestion;            ///< the query with unknown words corrected; empty when none was
    std::vector<std::string> unknown;  ///< folded words found nowhere in the index, even corrected
    /// The unknown words left out of the query, as typed: fewer than the
    /// known ones ("intégrer les personnes marginalisées" is about "intégrer
    /// personnes"), or any in an English query. When they are as many as the
    /// known words or more, they are kept and the query finds nothing.
    std::vector<std::string> ignored;
};

/// A record's JSON line by docid (RecordStore::line for the searcher): the
/// Xapian documents hold no data (docs/index-format.md).
using RecordLines = std::function<std::string(Xapian::docid)>;

/// How the guide writes the folded word `folded`: its most frequent spelling,
/// lower-cased, in the first records holding it ("biodiversite" ->
/// "biodiversité"); `folded` itself when no record holds it. Used to show a
/// spelling correction as a reader would write it.
std::string written_form(const Xapian::Database& db, const RecordLines& lines, const std::string& folded);

/// Builds the query; `db` gives synonyms, spelling and term frequencies,
/// `lines` the records (to write a correction with its accents).
TextQuery build_text_query(const ParsedQuery& parsed, const Xapian::Database& db, const RecordLines& lines);
/// The same for a stub of shards (docs/scaling.md): synonyms and spelling
/// from `lexicon` (the catalogue; remote shards do not serve them), and
/// wildcards expanded over every shard's terms here (each shard would expand
/// them over its own and weigh them differently).
TextQuery build_text_query(const ParsedQuery& parsed, const Xapian::Database& db, const Xapian::Database& lexicon,
                           const RecordLines& lines);

}  // namespace coopatlas::query
