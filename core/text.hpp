#pragma once
/// @file text.hpp
/// The one text normalisation of coopatlas, applied identically when indexing
/// and when querying: Unicode NFD then marks removed (so "é" and "e" + U+0301
/// agree), case folded, ligatures split (œ -> oe), apostrophes unified, French
/// elision removed (l' d' qu' jusqu' lorsqu' ...).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace coopatlas::text {

/// Folds a UTF-8 string: no accents, lower case, ligatures split, typographic
/// apostrophes and dashes made ASCII, every other character kept.
std::string fold(std::string_view utf8);

/// A word of the original text with its folded form and its byte span in the
/// original string (so snippets can highlight the original, accents included).
struct Token {
    std::string folded;
    std::size_t begin = 0;  ///< byte offset in the original text
    std::size_t end = 0;    ///< one past the last byte
};

/// Splits UTF-8 text into words (letters and digits), folded, French elided
/// articles removed: "l’Agence" gives one token "agence" spanning "Agence".
std::vector<Token> tokenize(std::string_view utf8);

/// Folded words only.
std::vector<std::string> words(std::string_view utf8);

/// The folded words joined by single spaces: the lookup key of a name
/// ("Côte d’Ivoire" -> "cote ivoire" once elided, "Saint-Étienne" -> "saint etienne").
std::string words_key(std::string_view utf8);

/// True for French (and a few English) function words that carry no meaning
/// for search ("de", "la", "les", "the"...). Expects a folded word.
bool is_stopword(std::string_view folded);

/// Collapses runs of spaces, tabs and line breaks into one space and trims both ends.
std::string collapse_whitespace(std::string_view utf8);

/// The fields of a line between each `sep`, empty ones kept ("a\t\tb" -> "a", "", "b"):
/// how the reviewed TSV tables and the Etalab/GeoNames extracts are read.
std::vector<std::string> split(std::string_view line, char sep);

}  // namespace coopatlas::text
