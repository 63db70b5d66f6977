#pragma once
/// @file searcher.hpp
/// The only reader of the Xapian index: keyword + geographic search with
/// facets, snippets and a spelling suggestion. The CLI and the server are thin
/// shells around it.

#include <xapian.h>

#include <atomic>
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
#include "handle_pool.hpp"
#include "record_store.hpp"
#include "request.hpp"
#include "shards.hpp"
#include "shown_records.hpp"
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
    /// What one request reads the index with: Xapian::Database objects are
    /// not thread-safe, so requests running at once each borrow their own
    /// from readers_ (handle_pool.hpp).
    struct Reader {
        Xapian::Database db;         ///< the documents: the index, or the stub of its shards
        Xapian::Database catalogue;  ///< ids, spelling, synonyms: db, or a sharded index's catalogue
        bool disconnected = false;   ///< a shard failed: reopen the stub at the next request
    };
    /// A new Reader on the index; null when its folder now holds another
    /// build than the one this Searcher opened (the indexer swaps folders).
    std::unique_ptr<Reader> open_reader() const;
    /// Points the reader's db at the documents: its catalogue, or the shards
    /// (a shard that does not answer leaves it disconnected).
    void connect(Reader& reader) const;
    /// The request as a Xapian query; `ranked` false leaves out what only
    /// orders the matches (the boost of structured records), for membership.
    Prepared prepare(Reader& reader, const SearchRequest& request, bool ranked = true) const;
    /// `base` restricted to the records with a point in the request's circle/box.
    Xapian::Query with_geo(const Xapian::Query& base, const SearchRequest& request) const;
    /// `base` restricted to `docids` (ascending).
    static Xapian::Query restricted_to(const Xapian::Query& base, std::vector<Xapian::docid> docids);
    /// The match set (bitmap over docids) of a membership query that matches
    /// many records, computed once and kept (LRU); null for a rarer query.
    std::shared_ptr<const std::vector<uint64_t>> frequent_match_set(Reader& reader, const Xapian::Query& query) const;
    /// The docids (ascending) matching a membership query (Prepared::membership)
    /// within the request's circle/box, which must filter: the area's
    /// candidates checked against a frequent query's match set or by the
    /// candidate filter, without a full match.
    std::vector<Xapian::docid> area_members(Reader& reader, const Xapian::Query& membership,
                                            const SearchRequest& request) const;
    /// theme_label with a Reader already borrowed.
    std::string theme_label(Reader& reader, const std::string& slug) const;

    /// One result of a ranked page: docid and weight.
    struct Hit {
        Xapian::docid docid;
        double weight;
    };
    /// The page [offset, offset + limit) of `query`'s order (nearest point
    /// to `nearest_first` first when given, else by relevance; ties by docid)
    /// among `members` (ascending), every one a match of `query`.
    std::vector<Hit> ranked_among(Reader& reader, const Xapian::Query& query, const std::vector<Xapian::docid>& members,
                                  std::optional<geo::LatLon> nearest_first, Xapian::doccount offset,
                                  Xapian::doccount limit) const;
    /// Every docid matching a membership query (prepare(request, false))
    /// within the request's area, ascending, computed on the front from the
    /// term bitmaps, the posting lists and the points (sharded indexes).
    std::vector<Xapian::docid> every_match(Reader& reader, const Xapian::Query& membership,
                                           const SearchRequest& request) const;
    /// The structured records' boost (StructuredBoost, or its remote form).
    Xapian::Query structured_boost() const;
    /// Opens the reader's db (again) on the stub and checks it against the catalogue.
    void connect_shards(Reader& reader) const;
    /// Runs `work` with a Reader borrowed for it; on a sharded index, a network
    /// error of a shard becomes an IndexError naming the shards (HTTP 503),
    /// and the reader reconnects at its next use.
    template <typename Work>
    auto with_reader(Work&& work) const {
        auto reader = readers_->borrow();
        if (!location_.sharded) return work(*reader);
        try {
            if (reader->disconnected) connect_shards(*reader);
            return work(*reader);
        } catch (const Xapian::NetworkError& e) {
            reader->disconnected = true;
            throw IndexError(shard_failure(location_, e));
        }
    }

    IndexLocation location_;
    std::string index_dir_;
    std::string uuid_;  ///< the catalogue's: every Reader reads this build
    Xapian::doccount doccount_ = 0;
    mutable std::unique_ptr<HandlePool<Reader>> readers_;
    std::unique_ptr<const RecordStore> store_;                 ///< docid -> record (the documents hold no data)
    std::unique_ptr<const ShownRecords> shown_;                ///< the records of recent results, parsed
    mutable std::mutex cache_mutex_;                           ///< guards theme_labels_ and match_sets_
    mutable std::map<std::string, std::string> theme_labels_;  ///< slug -> label, filled on first use
    mutable std::list<std::pair<std::string, std::shared_ptr<const std::vector<uint64_t>>>> match_sets_;
    std::atomic<bool> match_set_cache_ = true;
    TermBitmaps bitmaps_;  ///< the frequent terms' bitmaps (none in an index written before them)
    std::atomic<bool> use_bitmaps_ = true;
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
