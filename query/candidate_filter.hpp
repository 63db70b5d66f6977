#pragma once
/// @file candidate_filter.hpp
/// Which of a few candidate documents (the records in a circle or box, from
/// the GeoIndex) match a membership query (text + facets), without running
/// Xapian's matcher over them.
///
/// Why: under OP_FILTER with a GeoPostingSource, Xapian's matcher builds a
/// posting-list tree, estimates, and calls several virtual methods per
/// candidate and per posting of every term (measured: 1.9 ms for a 10% word in
/// a 50 km circle at 1M records). Here the common query shapes are evaluated
/// directly on the sorted candidates:
///  - a term: its posting list and the candidates are intersected by
///    leapfrogging (PostingIterator::skip_to on the postings, galloping search
///    in the candidates), so whichever side is sparser drives;
///  - AND / FILTER: each part filters the survivors of the previous ones,
///    the rarest part first; AND_MAYBE and SCALE_WEIGHT: their first part;
///  - OR / SYNONYM / MAX: each part on the candidates not matched yet;
///  - AND_NOT: the first part minus the others (on its survivors only);
///  - MatchAll / MatchNothing.
/// Any other node (phrases, wildcards, posting sources, value ranges, XOR...)
/// is given to Xapian with the current candidates as a GeoPostingSource under
/// OP_FILTER, so every query is answered, and exactly.
///
/// One shortcut relies on how the index is written (core/terms.hpp,
/// terms::index_text): every unprefixed word term w is indexed with its stem
/// term "Z" + stem(w), so for membership `w OR Z<stem(w)>` is `Z<stem(w)>`
/// alone, and w's posting list is not read (tests/query/candidate_filter_test.cpp
/// checks the property on an index built by the indexer).

#include <xapian.h>

#include <cstdint>
#include <vector>

#include "term_bitmaps.hpp"

namespace coopatlas::query {

/// The docids of `candidates` (ascending, unique) that `query` matches,
/// ascending. Membership only: weights are ignored. A term with a bitmap in
/// `bitmaps` (if given) is tested bit by bit instead of reading its postings.
/// With `remote` (db may have remote shards, which cannot run the
/// GeoPostingSource), the other shapes are matched whole (match_bitmap) and
/// intersected with the candidates.
std::vector<Xapian::docid> filter_candidates(const Xapian::Database& db, const Xapian::Query& query,
                                             std::vector<Xapian::docid> candidates,
                                             const TermBitmaps* bitmaps = nullptr, bool remote = false);

/// Every document `query` matches, as a bitmap: bit d%64 of word d/64 is
/// set for docid d; db.get_lastdocid() / 64 + 1 words. Evaluated as
/// filter_candidates is (terms' postings read once each, combined word by
/// word), with Xapian's matcher for the other shapes; for match-set caches.
/// A term with a bitmap in `bitmaps` (if given) is copied from it.
std::vector<uint64_t> match_bitmap(const Xapian::Database& db, const Xapian::Query& query,
                                   const TermBitmaps* bitmaps = nullptr);

/// The same answer from Xapian's matcher alone (the candidates as a
/// GeoPostingSource under OP_FILTER, BoolWeight): the fallback of
/// filter_candidates for query shapes it does not evaluate, and its reference
/// in tests.
std::vector<Xapian::docid> filter_candidates_by_xapian(const Xapian::Database& db, const Xapian::Query& query,
                                                       const std::vector<Xapian::docid>& candidates);

}  // namespace coopatlas::query
