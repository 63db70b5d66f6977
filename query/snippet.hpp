#pragma once
/// @file snippet.hpp
/// The best fragment of a text for a query: HTML-escaped, matched words in
/// <mark>, cut on word boundaries so that accented letters stay whole.

#include <string>
#include <unordered_set>
#include <vector>

namespace coopatlas::query {

/// What a word must be to be highlighted: its folded form or its stem.
struct MatchTerms {
    std::unordered_set<std::string> words;     ///< folded words
    std::unordered_set<std::string> stems;     ///< French stems of folded words
    std::unordered_set<std::string> prefixes;  ///< from wildcard queries "coop*"
    bool empty() const { return words.empty() && stems.empty() && prefixes.empty(); }
};

/// A word of a text as snippets match it: where it is, folded, and its stem
/// (a stopword is never highlighted and has none).
struct TextWord {
    size_t begin = 0, end = 0;  ///< bytes of the text
    std::string folded;
    std::string stem;
    bool stopword = false;
};

/// Every word of `text`, in order: the part of a snippet that does not depend
/// on the query, computed once for a record that many answers show.
std::vector<TextWord> text_words(const std::string& text);

std::string html_escape(const std::string& utf8);

/// At most about `max_words` words around the densest cluster of matches.
std::string make_snippet(const std::string& text, const MatchTerms& terms, size_t max_words = 30);
/// The same with the text's words already known (`words` = text_words(text)).
std::string make_snippet(const std::string& text, const std::vector<TextWord>& words, const MatchTerms& terms,
                         size_t max_words = 30);

}  // namespace coopatlas::query
