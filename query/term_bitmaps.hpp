#pragma once
/// @file term_bitmaps.hpp
/// The bitmaps of an index's frequent terms (terms.bitmaps, written by
/// indexer/write/term_bitmaps_writer.hpp; docs/index-format.md, "Term bitmaps").
///
/// Why: checking an area's candidates against a frequent word's Xapian
/// posting list decodes most of it, since glass decodes a chunk of postings
/// from its start and the candidates (a partnership is placed by its first end
/// only) fall into most chunks: 0.64 ms p50 at 1M records for a 10% word in
/// 50 km (bench/README.md). A bitmap answers each candidate with one bit test,
/// the first time a word is used as well as later.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "mapped_file.hpp"

namespace coopatlas::query {

class TermBitmaps {
public:
    /// No bitmaps: every term is read from its posting list.
    TermBitmaps() = default;
    /// Maps the file at `path`; throws IndexError when it is not a term-bitmaps
    /// file with bitmaps of `words` 64-bit words (rebuild the index).
    TermBitmaps(const std::string& path, size_t words);

    /// The bitmap of `term` (words() words: bit d % 64 of word d / 64 for docid
    /// d), or null when the term has none (it is rarer, or absent).
    const uint64_t* find(const std::string& term) const;
    size_t words() const { return words_; }
    /// How many terms have a bitmap.
    size_t size() const { return terms_.size(); }

private:
    MappedFile file_;
    size_t words_ = 0;
    std::unordered_map<std::string, const uint64_t*> terms_;
};

}  // namespace coopatlas::query
