#pragma once
/// @file searcher.hpp
/// The only reader of the Xapian index: keyword + geographic search with
/// facets, snippets and a spelling suggestion. The CLI and the server are thin
/// shells around it.

#include <xapian.h>

#include <future>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "core/record.hpp"
#include "facet_table.hpp"
#include "geo_index.hpp"
#include "record_store.hpp"
#include "request.hpp"
#include "shards.hpp"
#include "term_bitmaps.hpp"

namespace coopatlas::query {

class Searcher {
public:
    /// Opens the index folder written by coopatlas-index, or a sharded index
    /// through its folder or a stub file in it (shards.hpp, docs/scaling.md);
    /// throws IndexError with a hint when it is missing or of another layout.
    /// A shard that does not answer is not an error here: every request
    /// then answers IndexError naming it (HTTP 503) and tries again to reach it.
    explicit Searcher(const std::string& index_dir);

    /// The body of GET /api/search (docs/architecture.md section 3).
    nlohmann::json search(const SearchRequest& request) const;

    /// The whole record; throws NotFoundError for an unknown id.
    Record get(const std::string& id) const;

    /// Completions for a prefix: {"q", "suggestions": [..]}.
    nlohmann::json suggest(const std::string& prefix, int limit = 10) const;

    /// Every record matching `request` (ignoring limit/offset). Reads every
    /// match: callers that may face a large answer use count() or records().
    std::vector<Record> all_matches(const SearchRequest& request) const;

    /// One page of the records matching `request` (its limit and sort are
    /// ignored), in the index's order (stable across pages), and the exact
    /// number of matches; with `located_only`, only records with a point.
    struct RecordPage {
        std::vector<Record> records;
        Xapian::doccount total = 0;
    };
    RecordPage records(const SearchRequest& request, Xapian::doccount offset, Xapian::doccount limit,
                       bool located_only = false) const;

    /// The exact number of records matching `request`.
    Xapian::doccount count(const SearchRequest& request) const;

    /// The display label of a theme facet key (its slug), as the guide writes
    /// it ("eau-et-assainissement" -> "Eau et assainissement"); the slug itself
    /// when no record holds the theme.
    std::string theme_label(const std::string& slug) const;

    /// The docids of every record matching `request` (ignoring limit, offset
    /// and sort), ascending; for clusters and benchmarks. With an area and a
    /// text/facet part matching >= 1% of the records, that part's match set is
    /// computed once, kept (16 most recent) and the area's candidates checked
    /// against it: the cost then follows the area, not the word's frequency.
    std::vector<Xapian::docid> match_docids(const SearchRequest& request) const;
    /// Turns the match-set cache of match_docids off (or on again): benchmarks
    /// report the cost of a first query with a word, not only of a repeated one.
    void set_match_set_cache(bool enabled);
    /// Turns the use of the index's term bitmaps (term_bitmaps.hpp) off (or on
    /// again): benchmarks compare them with reading the posting lists.
    void set_term_bitmaps(bool enabled);

    /// The docids of one page of `request` (as search() orders them), without
    /// facets, snippets or the exact total; for benchmarks.
    std::vector<Xapian::docid> top_docids(const SearchRequest& request) const;

    /// The in-memory index of every record's points. It is loaded in the
    /// background when the index opens (so a server answers at once); the
    /// first caller waits for it. Throws IndexError when the points cannot be read.
    const GeoIndex& geo_index() const;
    /// True once geo_index() no longer waits (nor does a ranked search).
    bool geo_index_ready() const;

    Xapian::doccount size() const;
    const std::string& index_dir() const { return index_dir_; }
    /// True for a sharded index (queries built for remote shards, docs/scaling.md).
    bool sharded() const { return location_.sharded; }

private:
    struct Prepared;
    /// The request as a Xapian query; `ranked` false leaves out what only
    /// orders the matches (the boost of structured records), for membership.
    Prepared prepare(const SearchRequest& request, bool ranked = true) const;
    /// `base` restricted to the records with a point in the request's circle/box.
    Xapian::Query with_geo(const Xapian::Query& base, const SearchRequest& request) const;
    /// `base` restricted to `docids` (ascending).
    static Xapian::Query restricted_to(const Xapian::Query& base, std::vector<Xapian::docid> docids);
    /// The match set (bitmap over docids) of a membership query that matches
    /// many records, computed once and kept (LRU); null for a rarer query.
    /// With mutex_ held.
    std::shared_ptr<const std::vector<uint64_t>> frequent_match_set(const Xapian::Query& query) const;
    /// The docids (ascending) matching a membership query (Prepared::membership)
    /// within the request's circle/box, which must filter: the area's
    /// candidates checked against a frequent query's match set or by the
    /// candidate filter, without a full match. With mutex_ held.
    std::vector<Xapian::docid> area_members(const Xapian::Query& membership, const SearchRequest& request) const;
    /// theme_label with mutex_ held.
    std::string theme_label_locked(const std::string& slug) const;

    /// One result of a ranked page: docid and weight.
    struct Hit {
        Xapian::docid docid;
        double weight;
    };
    /// The page [offset, offset + limit) of `query`'s order (nearest point
    /// to `nearest_first` first when given, else by relevance; ties by docid)
    /// among `members` (ascending), every one a match of `query`. With mutex_ held.
    std::vector<Hit> ranked_among(const Xapian::Query& query, const std::vector<Xapian::docid>& members,
                                  std::optional<geo::LatLon> nearest_first, Xapian::doccount offset,
                                  Xapian::doccount limit) const;
    /// Every docid matching a membership query (prepare(request, false))
    /// within the request's area, ascending, computed on the front from the
    /// term bitmaps, the posting lists and the points (sharded indexes). With mutex_ held.
    std::vector<Xapian::docid> every_match(const Xapian::Query& membership, const SearchRequest& request) const;
    /// The structured records' boost (StructuredBoost, or its remote form).
    Xapian::Query structured_boost() const;
    /// Opens db_ (again) on the stub and checks it against the catalogue. With mutex_ held.
    void connect_shards() const;
    /// Runs `work` (with mutex_ held); on a sharded index, a network error of a
    /// shard becomes an IndexError naming the shards (HTTP 503), and the next
    /// call reconnects.
    template <typename Work>
    auto on_shards(Work&& work) const {
        if (!location_.sharded) return work();
        try {
            if (disconnected_) connect_shards();
            return work();
        } catch (const Xapian::NetworkError& e) {
            disconnected_ = true;
            throw IndexError(shard_failure(location_, e));
        }
    }

    IndexLocation location_;
    std::string index_dir_;
    mutable std::mutex mutex_;                  // Xapian::Database objects are not thread-safe
    mutable Xapian::Database db_;               ///< the documents: the index, or the stub of its shards
    mutable Xapian::Database catalogue_;        ///< ids, spelling, synonyms: db_, or a sharded index's catalogue
    mutable bool disconnected_ = false;         ///< a shard failed: reopen the stub at the next request
    std::unique_ptr<const RecordStore> store_;  ///< docid -> record (the documents hold no data)
    mutable std::map<std::string, std::string> theme_labels_;  ///< slug -> label, filled on first use
    mutable std::list<std::pair<std::string, std::shared_ptr<const std::vector<uint64_t>>>> match_sets_;
    bool match_set_cache_ = true;
    TermBitmaps bitmaps_;  ///< the frequent terms' bitmaps (none in an index written before them)
    bool use_bitmaps_ = true;
    /// bitmaps_ unless turned off.
    const TermBitmaps* bitmaps() const { return use_bitmaps_ ? &bitmaps_ : nullptr; }
    /// What is read from the whole index in the background when it opens.
    struct Loaded {
        GeoIndex geo;
        /// Per docid: 1 for a structured record (boosted when ranking), else 0.
        std::shared_ptr<const std::vector<uint8_t>> structured;
        Xapian::doccount structured_count = 0;
        /// Every record's type, countries, themes and ODD, for the facet counts.
        FacetTable facets;
    };
    const Loaded& loaded() const;
    std::shared_future<std::shared_ptr<const Loaded>> loaded_;
};

}  // namespace coopatlas::query
