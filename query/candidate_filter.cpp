#include "candidate_filter.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>

#include "core/docid_bitmap.hpp"
#include "core/terms.hpp"
#include "geo_index.hpp"

namespace coopatlas::query {

namespace {

using Docids = std::vector<Xapian::docid>;

/// A term's postings are read one by one (not skipped to each candidate)
/// when there are at least this many candidates per posting.
constexpr double kMergeShare = 0.3;

/// The first position >= `from` whose docid is >= `did` (size() when none):
/// galloping then binary search, as the skips are mostly short.
size_t gallop(const Docids& v, size_t from, Xapian::docid did) {
    size_t lo = from, step = 1, hi = from;
    while (hi < v.size() && v[hi] < did) {
        lo = hi + 1;
        hi += step;
        step *= 2;
    }
    return static_cast<size_t>(std::lower_bound(v.begin() + static_cast<long>(lo),
                                                v.begin() + static_cast<long>(std::min(hi, v.size())), did) -
                               v.begin());
}

/// The docids of `a` not in `b` (both ascending).
Docids minus(const Docids& a, const Docids& b) {
    Docids out;
    out.reserve(a.size());
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

bool is_term(const Xapian::Query& q) { return q.get_type() == Xapian::Query::LEAF_TERM; }

std::string term_of(const Xapian::Query& q) { return *q.get_terms_begin(); }

/// An unprefixed word term (index_text's exact term: folded, lower case).
bool is_word_term(const std::string& t) { return !t.empty() && !std::isupper(static_cast<unsigned char>(t[0])); }

/// The parts of an OR whose postings must be read: a word w is left out
/// when its stem term Z<stem(w)> is a part too, since every document holding
/// the word holds its stem term (terms::index_text).
std::vector<Xapian::Query> or_parts(const Xapian::Query& q) {
    std::vector<Xapian::Query> parts;
    for (size_t i = 0; i < q.get_num_subqueries(); ++i) parts.push_back(q.get_subquery(i));
    std::vector<std::string> terms;
    for (const auto& p : parts)
        if (is_term(p)) terms.push_back(term_of(p));
    auto subsumed = [&](const Xapian::Query& p) {
        if (!is_term(p)) return false;
        const std::string w = term_of(p);
        if (!is_word_term(w)) return false;
        const std::string stem = terms::stem_term("", terms::stem(w));
        return std::find(terms.begin(), terms.end(), stem) != terms.end();
    };
    parts.erase(std::remove_if(parts.begin(), parts.end(), subsumed), parts.end());
    return parts;
}

/// The stored bitmap of `t`, or null (no bitmaps, or none for this term).
const uint64_t* stored_bitmap(const TermBitmaps* bitmaps, const std::string& t) {
    return bitmaps ? bitmaps->find(t) : nullptr;
}

class Filter {
public:
    Filter(const Xapian::Database& db, const TermBitmaps* bitmaps, bool remote)
        : db_(db), bitmaps_(bitmaps), remote_(remote) {}

    Docids eval(const Xapian::Query& q, Docids cands) {
        if (cands.empty()) return cands;
        switch (q.get_type()) {
            case Xapian::Query::LEAF_MATCH_ALL:
                return cands;
            case Xapian::Query::LEAF_MATCH_NOTHING:
                return {};
            case Xapian::Query::LEAF_TERM: {
                const std::string t = term_of(q);
                return t.empty() ? cands : term(t, cands);  // Query("") matches everything
            }
            case Xapian::Query::OP_AND:
            case Xapian::Query::OP_FILTER:
                return all_of(q, std::move(cands));
            case Xapian::Query::OP_OR:
            case Xapian::Query::OP_SYNONYM:
            case Xapian::Query::OP_MAX:
                return any_of(q, cands);
            case Xapian::Query::OP_AND_NOT: {
                Docids kept = eval(q.get_subquery(0), std::move(cands));
                for (size_t i = 1; i < q.get_num_subqueries() && !kept.empty(); ++i)
                    kept = minus(kept, eval(q.get_subquery(i), kept));
                return kept;
            }
            case Xapian::Query::OP_AND_MAYBE:  // the other parts only add weight
            case Xapian::Query::OP_SCALE_WEIGHT:
                return eval(q.get_subquery(0), std::move(cands));
            default:
                if (remote_) {
                    const auto bits = match_bitmap(db_, q);
                    return docid_bitmap::marked(cands, bits.data(), bits.size());
                }
                return filter_candidates_by_xapian(db_, q, cands);
        }
    }

private:
    /// Leapfrog of the term's postings and the candidates.
    Docids term(const std::string& t, const Docids& cands) {
        if (const uint64_t* bits = stored_bitmap(bitmaps_, t))
            return docid_bitmap::marked(cands, bits, bitmaps_->words());
        Docids out;
        Xapian::PostingIterator it = db_.postlist_begin(t);
        const Xapian::PostingIterator end = db_.postlist_end(t);
        size_t i = 0;
        it.skip_to(cands[0]);
        if (cands.size() >= kMergeShare * db_.get_termfreq(t)) {
            // Nearly as many candidates as postings: a skip_to per candidate
            // costs more than reading every posting and testing a bitmap of
            // the candidates (1M records, a 100k-posting term: 51k candidates
            // 2.0 ms by skip_to, 1.5 ms read in full; 25k: 1.25 vs 1.4 ms).
            const Xapian::docid last = cands.back();
            std::vector<uint64_t> bits(docid_bitmap::words_for(last), 0);
            for (auto d : cands) docid_bitmap::set(bits, d);
            for (; it != end; ++it) {
                const Xapian::docid d = *it;
                if (d > last) break;
                if (docid_bitmap::test(bits.data(), bits.size(), d)) out.push_back(d);
            }
            return out;
        }
        while (it != end) {
            const Xapian::docid d = *it;
            if (d == cands[i]) {
                out.push_back(d);
                if (++i == cands.size()) break;
                it.skip_to(cands[i]);
            } else if (d < cands[i]) {
                it.skip_to(cands[i]);
            } else {
                i = gallop(cands, i, d);
                if (i == cands.size()) break;
            }
        }
        return out;
    }

    /// An upper bound of the documents `q` matches, to order the parts of an AND.
    Xapian::doccount estimate(const Xapian::Query& q) {
        const Xapian::doccount everything = db_.get_doccount();
        switch (q.get_type()) {
            case Xapian::Query::LEAF_MATCH_NOTHING:
                return 0;
            case Xapian::Query::LEAF_TERM:
                return term_of(q).empty() ? everything : db_.get_termfreq(term_of(q));
            case Xapian::Query::OP_AND:
            case Xapian::Query::OP_FILTER: {
                Xapian::doccount least = everything;
                for (size_t i = 0; i < q.get_num_subqueries(); ++i)
                    least = std::min(least, estimate(q.get_subquery(i)));
                return least;
            }
            case Xapian::Query::OP_OR:
            case Xapian::Query::OP_SYNONYM:
            case Xapian::Query::OP_MAX: {
                Xapian::doccount sum = 0;
                for (size_t i = 0; i < q.get_num_subqueries() && sum < everything; ++i)
                    sum += estimate(q.get_subquery(i));
                return std::min(sum, everything);
            }
            case Xapian::Query::OP_AND_NOT:
            case Xapian::Query::OP_AND_MAYBE:
            case Xapian::Query::OP_SCALE_WEIGHT:
                return estimate(q.get_subquery(0));
            default:
                return everything;
        }
    }

    Docids all_of(const Xapian::Query& q, Docids cands) {
        std::vector<std::pair<Xapian::doccount, size_t>> order;
        for (size_t i = 0; i < q.get_num_subqueries(); ++i) order.emplace_back(estimate(q.get_subquery(i)), i);
        std::sort(order.begin(), order.end());
        for (const auto& [est, i] : order) {
            if (cands.empty()) break;
            cands = eval(q.get_subquery(i), std::move(cands));
        }
        return cands;
    }

    Docids any_of(const Xapian::Query& q, const Docids& cands) {
        const std::vector<Xapian::Query> parts = or_parts(q);
        if (parts.size() == 1) return eval(parts[0], cands);
        // Most frequent part first: the later ones only look at what is left.
        std::vector<std::pair<Xapian::doccount, size_t>> order;
        for (size_t i = 0; i < parts.size(); ++i) order.emplace_back(estimate(parts[i]), i);
        std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        Docids found, left = cands;
        for (size_t k = 0; k < order.size() && !left.empty(); ++k) {
            const auto& [est, i] = order[k];
            if (est == 0) continue;
            Docids part = eval(parts[i], left);
            if (part.empty()) continue;
            if (found.empty()) {
                found = std::move(part);
            } else {
                Docids merged;
                merged.reserve(found.size() + part.size());
                std::merge(found.begin(), found.end(), part.begin(), part.end(), std::back_inserter(merged));
                found = std::move(merged);
            }
            if (k + 1 < order.size()) left = minus(left, found);
        }
        return found;
    }

    const Xapian::Database& db_;
    const TermBitmaps* bitmaps_;
    bool remote_;
};

/// The whole match set of a query as a bitmap, with the same shortcuts:
/// each term's postings are read once, in order (no matcher, no MSet).
class BitmapFilter {
public:
    using Bits = std::vector<uint64_t>;
    BitmapFilter(const Xapian::Database& db, const TermBitmaps* bitmaps)
        : db_(db), bitmaps_(bitmaps), words_(docid_bitmap::words_for(db.get_lastdocid())) {}

    Bits eval(const Xapian::Query& q) {
        switch (q.get_type()) {
            case Xapian::Query::LEAF_MATCH_NOTHING:
                return Bits(words_, 0);
            case Xapian::Query::LEAF_TERM:
                if (!term_of(q).empty()) return term(term_of(q));
                break;
            case Xapian::Query::OP_AND:
            case Xapian::Query::OP_FILTER: {
                // MatchAll parts add nothing to the others (all documents exist).
                std::vector<Xapian::Query> parts;
                for (size_t i = 0; i < q.get_num_subqueries(); ++i)
                    if (q.get_subquery(i).get_type() != Xapian::Query::LEAF_MATCH_ALL)
                        parts.push_back(q.get_subquery(i));
                if (parts.empty()) break;
                Bits bits = eval(parts[0]);
                for (size_t i = 1; i < parts.size(); ++i) {
                    const Bits other = eval(parts[i]);
                    for (size_t w = 0; w < words_; ++w) bits[w] &= other[w];
                }
                return bits;
            }
            case Xapian::Query::OP_OR:
            case Xapian::Query::OP_SYNONYM:
            case Xapian::Query::OP_MAX: {
                const auto parts = or_parts(q);
                Bits bits = eval(parts[0]);
                for (size_t i = 1; i < parts.size(); ++i) {
                    const Bits other = eval(parts[i]);
                    for (size_t w = 0; w < words_; ++w) bits[w] |= other[w];
                }
                return bits;
            }
            case Xapian::Query::OP_AND_NOT: {
                Bits bits = eval(q.get_subquery(0));
                for (size_t i = 1; i < q.get_num_subqueries(); ++i) {
                    const Bits other = eval(q.get_subquery(i));
                    for (size_t w = 0; w < words_; ++w) bits[w] &= ~other[w];
                }
                return bits;
            }
            case Xapian::Query::OP_AND_MAYBE:
            case Xapian::Query::OP_SCALE_WEIGHT:
                return eval(q.get_subquery(0));
            default:
                break;
        }
        // MatchAll alone and the other shapes: Xapian's matcher.
        Bits bits(words_, 0);
        Xapian::Enquire enquire(db_);
        enquire.set_query(q);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        Xapian::MSet mset = enquire.get_mset(0, db_.get_doccount());
        for (auto it = mset.begin(); it != mset.end(); ++it) docid_bitmap::set(bits, *it);
        return bits;
    }

private:
    Bits term(const std::string& t) {
        if (const uint64_t* stored = stored_bitmap(bitmaps_, t))
            if (bitmaps_->words() == words_) return Bits(stored, stored + words_);
        return docid_bitmap::of_postings(db_, t);
    }

    const Xapian::Database& db_;
    const TermBitmaps* bitmaps_;
    size_t words_;
};

}  // namespace

std::vector<uint64_t> match_bitmap(const Xapian::Database& db, const Xapian::Query& query, const TermBitmaps* bitmaps) {
    return BitmapFilter(db, bitmaps).eval(query);
}

std::vector<Xapian::docid> filter_candidates(const Xapian::Database& db, const Xapian::Query& query,
                                             std::vector<Xapian::docid> candidates, const TermBitmaps* bitmaps,
                                             bool remote) {
    return Filter(db, bitmaps, remote).eval(query, std::move(candidates));
}

std::vector<Xapian::docid> filter_candidates_by_xapian(const Xapian::Database& db, const Xapian::Query& query,
                                                       const std::vector<Xapian::docid>& candidates) {
    if (candidates.empty()) return {};
    auto docids = std::make_shared<const std::vector<Xapian::docid>>(candidates);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                    Xapian::Query((new GeoPostingSource(std::move(docids)))->release())));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    // At most every candidate matches: no larger result set to prepare for.
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(candidates.size()));
    std::vector<Xapian::docid> out;
    out.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(*it);
    return out;
}

}  // namespace coopatlas::query
