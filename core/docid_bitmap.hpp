#pragma once
/// @file docid_bitmap.hpp
/// Sets of documents as bitmaps: bit d % 64 of 64-bit word d / 64 stands for
/// docid d. The match-set cache, the term bitmaps (terms.bitmaps) and the
/// candidate filter all use this one layout.

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace coopatlas::docid_bitmap {

/// Words of a bitmap holding docids up to `last`.
inline size_t words_for(Xapian::docid last) { return last / 64 + 1; }

/// Marks `d` (ignored past the bitmap's end).
inline void set(std::vector<uint64_t>& bits, Xapian::docid d) {
    if (d / 64 < bits.size()) bits[d / 64] |= uint64_t{1} << (d % 64);
}

/// Whether `d` is marked in the `words` words at `bits`.
inline bool test(const uint64_t* bits, size_t words, Xapian::docid d) {
    return d / 64 < words && (bits[d / 64] >> (d % 64) & 1);
}

/// The documents holding `term`, over words_for(db.get_lastdocid()) words.
inline std::vector<uint64_t> of_postings(const Xapian::Database& db, const std::string& term) {
    std::vector<uint64_t> bits(words_for(db.get_lastdocid()), 0);
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) set(bits, *p);
    return bits;
}

/// The docids of `candidates` marked in the `words` words at `bits`, in their order.
inline std::vector<Xapian::docid> marked(const std::vector<Xapian::docid>& candidates, const uint64_t* bits,
                                         size_t words) {
    std::vector<Xapian::docid> out;
    for (auto d : candidates)
        if (test(bits, words, d)) out.push_back(d);
    return out;
}

/// Every docid marked in `bits`, ascending.
inline std::vector<Xapian::docid> all_marked(const std::vector<uint64_t>& bits) {
    std::vector<Xapian::docid> out;
    for (size_t w = 0; w < bits.size(); ++w)
        for (uint64_t word = bits[w]; word; word &= word - 1)
            out.push_back(static_cast<Xapian::docid>(w * 64 + static_cast<size_t>(__builtin_ctzll(word))));
    return out;
}

}  // namespace coopatlas::docid_bitmap
