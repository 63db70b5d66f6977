#pragma once
/// @file terms.hpp
/// Text -> index terms, shared by the indexer and the query parser so that a
/// word is turned into the same terms on both sides.
///
/// Every word of a field gives two terms: the folded word itself (exact
/// match, positional, for phrases) and "Z" + stem (inflections). The stem is
/// computed from the *folded* word, because that is all a query typed without
/// accents gives us; see stem() for the guards that keep French stemming from
/// merging unrelated words.

#include <xapian.h>

#include <string>
#include <string_view>

namespace coopatlas::terms {

/// Stems shorter than this are not trusted (Snowball turns "chatiment" into
/// "chat"): the word then keeps only its plural/feminine-stripped form.
inline constexpr std::size_t kMinStemLength = 5;

/// The French stem of a folded word: Xapian's Snowball French stemmer applied
/// to the folded word, then
///  - trailing "e"s dropped ("jumelees" and "jumele" both give "jumel": on
///    folded text Snowball no longer sees the "ée"/"é" endings);
///  - the nominal suffix "-age" dropped ("jumelages" -> "jumel", like "jumelé");
///  - a stem shorter than kMinStemLength is refused and light_stem() used
///    instead, so "chatiment" does not become "chat".
/// Because folding happens first, "collectivites" keeps its "-ite" ("collectivit")
/// and does not meet "collections" ("collect"). Words with digits are kept as is.
std::string stem(const std::string& folded);

/// stem(folded), memoised per thread (bounded): for callers that stem the same
/// words again and again, as the snippets of every page of results do.
const std::string& cached_stem(const std::string& folded);

/// Only the inflection of number and gender: a final "s"/"x", then one or two
/// final "e" removed ("chatiments" -> "chatiment", "eaux" -> "eau").
std::string light_stem(const std::string& folded);

/// The term of a stem in a field: "Z" + prefix + stem (Xapian's convention).
std::string stem_term(std::string_view prefix, const std::string& stem);

/// The term saying that a passage defines the folded word `folded`
/// (schema::kDefinedPrefix + its stem, "daect" -> "XDdaect"): a question
/// asking what "DAECT" is finds the passage however the word is inflected.
std::string defined_term(const std::string& folded);

/// The key under which a synonym is stored in the index: the folded words of
/// `utf8` without stop words, joined by one space ("Agence française de
/// développement" -> "agence francaise developpement").
std::string synonym_key(std::string_view utf8);

/// An English word is `only` English, or English `and_french` (a French
/// word too, that the guide does not use: "station", "desert"); a query with
/// such a word is not taken for an English one (query/query_text.hpp).
enum class EnglishKey { only, and_french };

/// The key of an English word or phrase among the synonyms
/// (indexer/dictionaries/english_french.hpp): "en:" (or "en+fr:") + its folded words
/// joined by one space ("Twin towns" -> "en:twin towns"). Empty for text without a word.
std::string english_key(std::string_view utf8, EnglishKey kind = EnglishKey::only);

/// The regular English plural of a folded word or phrase (its last word):
/// "town" -> "towns", "city" -> "cities", "tax" -> "taxes"; empty when the
/// last word is not plain letters. The indexer stores a headword's
/// translations under its plural too, so that "towns" finds "ville".
std::string english_plural(const std::string& folded);

/// The key of a French word or phrase among the thesaurus's synonyms
/// (indexer/dictionaries/french_synonyms.hpp): "th~" + the light stems of its folded words
/// ("ordures" and "ordure" -> "th~ordur"; not the full stem, which would
/// merge "jumelage" with "jumelles", binoculars). Empty for text without a word.
std::string thesaurus_key(std::string_view utf8);

/// Whether index_text records the positions of the exact terms (phrase
/// search needs them; a field never searched by phrase saves their cost).
enum class Positions { kept, dropped };

/// Adds the words of `utf8` to `doc` at positions starting after `position`
/// (returned updated): each word as an unstemmed term and as "Z"+stem, both
/// with `prefix`, with `wdf_inc` per occurrence. Stop words are skipped (their
/// position is kept, so phrases still need the right gap). Stems never carry
/// positions (phrases are matched on exact words only).
Xapian::termpos index_text(Xapian::Document& doc, std::string_view utf8, std::string_view prefix,
                           Xapian::termcount wdf_inc, Xapian::termpos position, Positions positions = Positions::kept);

}  // namespace coopatlas::terms
