#pragma once
/// @file snippet.hpp
/// The best fragment of a text for a query: HTML-escaped, matched words in
/// <mark>, cut on word boundaries so that accented letters stay whole.

#include <string>
#include <unordered_set>

namespace coopatlas::query {

/// What a word must be to be highlighted: its folded form or its stem.
struct MatchTerms {
    std::unordered_set<std::string> words;     ///< folded words
    std::unordered_set<std::string> stems;     ///< French stems of folded words
    std::unordered_set<std::string> prefixes;  ///< from wildcard queries "coop*"
    bool empty() const { return words.empty() && stems.empty() && prefixes.empty(); }
};

std::string html_escape(const std::string& utf8);

/// At most about `max_words` words around the densest cluster of matches.
std::string make_snippet(const std::string& text, const MatchTerms& terms, size_t max_words = 30);

}  // namespace coopatlas::query
