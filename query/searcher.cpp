#include "searcher.hpp"

#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <functional>
#include <map>

#include "candidate_filter.hpp"
#include "core/docid_bitmap.hpp"
#include "core/error.hpp"
#include "core/index_schema.hpp"
#include "core/terms.hpp"
#include "core/text.hpp"
#include "geo_index.hpp"
#include "query_text.hpp"
#include "snippet.hpp"

namespace coopatlas::query {

using nlohmann::json;

namespace {

/// Sort key of sort=distance: the distance of the record's nearest point, read
/// from the in-memory GeoIndex (no document data is read); records without a
/// point sort last.
class DistanceKey : public Xapian::KeyMaker {
public:
    DistanceKey(const GeoIndex& geo, geo::LatLon from) : geo_(geo), from_(from) {}
    std::string operator()(const Xapian::Document& doc) const override {
        auto d = geo_.nearest_km(doc.get_docid(), from_);
        return d ? Xapian::sortable_serialise(*d) : std::string(16, '\xff');
    }

private:
    const GeoIndex& geo_;
    geo::LatLon from_;
};

GeoArea area_of(const SearchRequest& r) { return {r.near, r.radius_km, r.bbox}; }

/// Weight added to structured records (programme, contact, partner,
/// partnership) that match the text, so that they come before the passages
/// that merely mention the same words; BM25 still orders each type.
constexpr double kStructuredBoost = 4.0;

/// Weight of the query's words in a passage's section heading, relative to
/// the same words in its text (TextQuery::heading_boost).
constexpr double kHeadingWeight = 2.0;

/// Ranking: BM25 with a stronger term-frequency saturation constant (k1 = 2,
/// Xapian's default 1) and no bonus for passages shorter than average
/// (min_normlen = 1, default 0.5): a one-line passage that only names a body
/// no longer outranks the passages that explain it. Tuned on
/// bench/search/tuned_queries.json with tests/query/golden_queries.json and the public sample.
Xapian::BM25Weight ranking_weight() { return Xapian::BM25Weight(2.0, 0, 1, 0.5, 1.0); }

/// An answer with fewer records than this (a page of results) is answered
/// with the looser query instead (filled_up).
constexpr Xapian::doccount kFillUpTo = 10;

/// Meilisearch's matching strategy: when fewer than kFillUpTo records hold
/// every word, the looser query answers (TextQuery::relaxed: those records
/// first, then those holding all words but one, but two, ...). The records
/// are counted within `filters` (the request's facets), as the answer will
/// be: a page of programmes is filled with programmes.
Xapian::Query filled_up(const Xapian::Database& db, const Xapian::Query& strict, const Xapian::Query& relaxed,
                        const std::function<Xapian::Query(const Xapian::Query&)>& filters) {
    if (relaxed.empty()) return strict;
    Xapian::Enquire probe(db);
    probe.set_weighting_scheme(Xapian::BoolWeight());
    probe.set_query(filters(strict));
    return probe.get_mset(0, kFillUpTo).size() >= kFillUpTo ? strict : relaxed;
}

/// A glossary line ("AFd : Agence française de développement") or a contact
/// block ("ConTACT | DAECT", "Constance Koukoui groupe-pays Israël à CUF
/// c.koukoui@...") weighs this share of its text match: short, it would
/// otherwise outrank the passages that explain the body. A query for a person
/// or an address still finds the block: only such passages and the contact
/// records hold those words.
constexpr double kMinorPassageWeight = 0.3;

/// `q` with the passages of a minor kind (schema::kKindPrefix) weighed
/// kMinorPassageWeight.
Xapian::Query minor_passages_lowered(const Xapian::Query& q) {
    const std::string kind(schema::kKindPrefix);
    const Xapian::Query minor(Xapian::Query::OP_OR, Xapian::Query(kind + std::string(schema::kGlossaryKind)),
                              Xapian::Query(kind + std::string(schema::kContactBlockKind)));
    return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(Xapian::Query::OP_AND_NOT, q, minor),
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                       Xapian::Query(Xapian::Query::OP_FILTER, q, minor), kMinorPassageWeight));
}

/// match_docids keeps the match set of a text/facet query matching at least
/// 1/kFrequentShare of the records (a filter cache, as Lucene's query cache),
/// for the kMatchSetCacheSize most recently used such queries (1 bit per
/// record each: 125 KB at a million records).
constexpr Xapian::doccount kFrequentShare = 100;
constexpr size_t kMatchSetCacheSize = 16;

/// On a sharded index, an area's matches are ranked by a filter on their id
/// terms up to this many of them (the query grows with them); past it, the
/// unrestricted ranking is read in growing windows and filtered on the front.
constexpr size_t kIdFilterLimit = 2000;

/// The records shown by recent answers, kept parsed and cut into words
/// (shown_records.hpp): a few thousand records at the guide's size.
constexpr size_t kShownRecordsBytes = 32u << 20;

/// At most this many requests read the index at once, each with its own
/// Xapian handles (the others wait for one): a server's worker threads.
constexpr size_t kMaxReaders = 64;

bool is_structured(const std::string& type) {
    return type == "programme" || type == "contact" || type == "partner" || type == "partnership";
}

/// The structured records as a posting list of constant weight, from a flag
/// per docid loaded when the index opens: under OP_AND_MAYBE it is asked
/// about each text match, and answers in O(1) without reading any value
/// (Xapian::ValueMapPostingSource decodes the type's value stream and looks
/// the string up for each).
class StructuredBoost : public Xapian::PostingSource {
public:
    StructuredBoost(std::shared_ptr<const std::vector<uint8_t>> flags, Xapian::doccount count, double weight)
        : flags_(std::move(flags)), weight_(weight), count_(count) {}
    Xapian::doccount get_termfreq_min() const override { return count_; }
    Xapian::doccount get_termfreq_est() const override { return count_; }
    Xapian::doccount get_termfreq_max() const override { return count_; }
    void init(const Xapian::Database&) override {
        pos_ = 0;
        set_maxweight(weight_);
    }
    void next(double) override { advance(pos_ + 1); }
    void skip_to(Xapian::docid did, double) override {
        if (did > pos_) advance(did);
    }
    bool check(Xapian::docid did, double) override {
        // Not flagged: an indeterminate position from which next() moves past did.
        pos_ = did;
        return did < flags_->size() && (*flags_)[did];
    }
    bool at_end() const override { return pos_ >= flags_->size(); }
    Xapian::docid get_docid() const override { return pos_; }
    double get_weight() const override { return weight_; }
    Xapian::PostingSource* clone() const override { return new StructuredBoost(flags_, count_, weight_); }
    std::string get_description() const override { return "coopatlas::StructuredBoost"; }

private:
    void advance(Xapian::docid from) {
        pos_ = from;
        while (pos_ < flags_->size() && !(*flags_)[pos_]) ++pos_;
    }
    std::shared_ptr<const std::vector<uint8_t>> flags_;
    double weight_;
    Xapian::doccount count_;
    Xapian::docid pos_ = 0;
};

/// Xapian's remote backend writes to its sockets without MSG_NOSIGNAL: a
/// shard server that died would end the whole process with SIGPIPE, where a
/// NetworkError (HTTP 503) is wanted. Left alone if the program set its own handler.
void ignore_broken_pipes() {
    struct sigaction current {};
    if (::sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL) ::signal(SIGPIPE, SIG_IGN);
}

}  // namespace

struct Searcher::Prepared {
    Xapian::Query query;
    MatchTerms match_terms;
    std::string suggestion;            ///< the query with unknown words corrected
    bool corrected = false;            ///< the results are those of `suggestion`
    std::vector<std::string> ignored;  ///< unknown words left out of the query (TextQuery::ignored)
    bool match_all = false;            ///< no word and no facet filter: every record matches
    Xapian::Query membership;          ///< `query` without what only orders: prepare(request, false).query
};

Searcher::Searcher(const std::string& index_dir) : location_(locate_index(index_dir)), index_dir_(location_.folder) {
    auto first = std::make_unique<Reader>();
    try {
        first->catalogue = Xapian::Database(location_.catalogue);
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open the index at '" + index_dir + "': " + e.get_description());
    }
    const Xapian::Database& catalogue = first->catalogue;
    if (catalogue.get_metadata("coopatlas:schema") != schema::kSchemaVersion)
        throw IndexError("the index at '" + index_dir +
                         "' was written by another version of coopatlas-index; "
                         "rebuild it");
    store_ = std::make_unique<const RecordStore>(index_dir_);
    shown_ = std::make_unique<const ShownRecords>(*store_, kShownRecordsBytes);
    if (store_->size() != catalogue.get_lastdocid())
        throw IndexError("the index at '" + index_dir + "' holds " + std::to_string(catalogue.get_lastdocid()) +
                         " documents but " + std::to_string(store_->size()) + " records: rebuild it");
    uuid_ = catalogue.get_uuid();
    doccount_ = catalogue.get_doccount();
    if (location_.sharded) ignore_broken_pipes();
    connect(*first);
    readers_ = std::make_unique<HandlePool<Reader>>(
        std::move(first), [this] { return open_reader(); }, kMaxReaders);
    // Written with the index since the term bitmaps exist; an older index has none.
    const std::filesystem::path bitmaps = std::filesystem::path(index_dir_) / schema::kTermBitmapsFile;
    if (std::filesystem::exists(bitmaps))
        bitmaps_ = TermBitmaps(bitmaps.string(), docid_bitmap::words_for(catalogue.get_lastdocid()));
    // The grid and the record types are read from a database handle of their
    // own (Xapian handles are not thread-safe), on a thread of their own: ~1 s
    // at a million records, while the server already answers. A sharded
    // index reads them from its local catalogue.
    loaded_ = std::async(std::launch::async, [path = location_.catalogue] {
                  Xapian::Database db(path);
                  // Facets from posting lists, never term lists (the index may have none).
                  FacetTable facets = FacetTable::load(db);
                  auto structured = std::make_shared<std::vector<uint8_t>>(db.get_lastdocid() + 1, 0);
                  Xapian::doccount count = 0;
                  for (Xapian::docid d = 1; d < structured->size(); ++d)
                      count += (*structured)[d] = is_structured(facets.type(d));
                  return std::make_shared<const Loaded>(
                      Loaded{GeoIndex::load(db), std::move(structured), count, std::move(facets)});
              }).share();
}

std::unique_ptr<Searcher::Reader> Searcher::open_reader() const {
    auto reader = std::make_unique<Reader>();
    reader->catalogue = Xapian::Database(location_.catalogue);
    // The folder may hold a newer build by now: its files are not those of the record store.
    if (reader->catalogue.get_uuid() != uuid_) return nullptr;
    connect(*reader);
    return reader;
}

void Searcher::connect(Reader& reader) const {
    if (!location_.sharded) {
        reader.db = reader.catalogue;
        return;
    }
    try {
        connect_shards(reader);
    } catch (const Xapian::NetworkError&) {
        reader.disconnected = true;  // each request answers 503 naming the shards until they answer
    }
}

void Searcher::connect_shards(Reader& reader) const {
    reader.db = Xapian::Database(location_.database);
    reader.disconnected = false;
    // The shards must number their documents as the catalogue and the record store do.
    if (reader.db.get_lastdocid() != reader.catalogue.get_lastdocid() ||
        reader.db.get_doccount() != reader.catalogue.get_doccount())
        throw IndexError("the shards of '" + location_.database + "' hold " + std::to_string(reader.db.get_doccount()) +
                         " documents (last docid " + std::to_string(reader.db.get_lastdocid()) +
                         ") but its catalogue " + std::to_string(reader.catalogue.get_doccount()) +
                         ": serve the shards written with this catalogue, in the stub's order");
}

Xapian::Query Searcher::structured_boost() const {
    if (location_.sharded) return remote_structured_boost(kStructuredBoost);
    auto* structured = new StructuredBoost(loaded().structured, loaded().structured_count, kStructuredBoost);
    return Xapian::Query(structured->release());
}

const Searcher::Loaded& Searcher::loaded() const {
    try {
        return *loaded_.get();
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot read the points of the index at '" + index_dir_ + "': " + e.get_description());
    }
}

const GeoIndex& Searcher::geo_index() const { return loaded().geo; }

bool Searcher::geo_index_ready() const {
    return loaded_.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

Xapian::Query Searcher::with_geo(const Xapian::Query& base, const SearchRequest& request) const {
    GeoArea area = area_of(request);
    if (!area.filters()) return base;
    // Membership only: distances of the shown results come from nearest_km.
    return restricted_to(base, geo_index().match_ids(area));
}

Xapian::Query Searcher::restricted_to(const Xapian::Query& base, std::vector<Xapian::docid> docids) {
    if (docids.empty()) return Xapian::Query::MatchNothing;
    auto shared = std::make_shared<const std::vector<Xapian::docid>>(std::move(docids));
    return Xapian::Query(Xapian::Query::OP_FILTER, base, Xapian::Query((new GeoPostingSource(shared))->release()));
}

std::vector<Xapian::docid> Searcher::match_docids(const SearchRequest& request) const {
    const bool text_or_facets = request.q.find_first_not_of(" \t\n") != std::string::npos || !request.type.empty() ||
                                !request.country.empty() || !request.theme.empty() || request.odd;
    if (!text_or_facets && area_of(request).filters()) {
        // A purely geographic request: the spatial index alone is the answer.
        return geo_index().match_ids(area_of(request));
    }
    return with_reader([&](Reader& reader) {
        Prepared prepared = prepare(reader, request, false);
        if (area_of(request).filters() || location_.sharded) return every_match(reader, prepared.query, request);
        std::vector<Xapian::docid> docids;
        Xapian::Enquire enquire(reader.db);
        enquire.set_query(prepared.query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        Xapian::MSet mset = enquire.get_mset(0, reader.db.get_doccount());
        docids.reserve(mset.size());
        for (auto it = mset.begin(); it != mset.end(); ++it) docids.push_back(*it);
        return docids;
    });
}

std::vector<Xapian::docid> Searcher::every_match(Reader& reader, const Xapian::Query& membership,
                                                 const SearchRequest& request) const {
    if (area_of(request).filters()) return area_members(reader, membership, request);
    if (membership.get_type() == Xapian::Query::LEAF_MATCH_ALL) {
        // Docids run from 1 without gaps (documents_of in the writer; checked
        // when the shards are opened).
        std::vector<Xapian::docid> all(reader.catalogue.get_lastdocid());
        for (Xapian::docid d = 1; d <= all.size(); ++d) all[d - 1] = d;
        return all;
    }
    return docid_bitmap::all_marked(match_bitmap(reader.db, membership, bitmaps()));
}

std::vector<Searcher::Hit> Searcher::ranked_among(Reader& reader, const Xapian::Query& query,
                                                  const std::vector<Xapian::docid>& members,
                                                  std::optional<geo::LatLon> nearest_first, Xapian::doccount offset,
                                                  Xapian::doccount limit) const {
    std::vector<Hit> hits;
    if (members.empty() || limit == 0 || offset >= members.size()) return hits;
    std::optional<DistanceKey> key;
    if (nearest_first && !location_.sharded) key.emplace(geo_index(), *nearest_first);
    auto page_of = [&](const Xapian::Query& q, Xapian::doccount first, Xapian::doccount count) {
        Xapian::Enquire enquire(reader.db);
        enquire.set_weighting_scheme(ranking_weight());
        enquire.set_query(q);
        if (key) enquire.set_sort_by_key(&*key, false);
        return enquire.get_mset(first, count);
    };
    // On shards, the members named by their id terms (remote shards know no docid list).
    auto among = [&](const std::vector<Xapian::docid>& docids) {
        std::vector<std::string> ids;
        ids.reserve(docids.size());
        for (Xapian::docid d : docids) ids.push_back(store_->record(d).id);
        return Xapian::Query(Xapian::Query::OP_FILTER, query, remote_id_filter(ids));
    };
    if (nearest_first && location_.sharded) {
        // xapian-tcpsrv runs no key maker (1.4: "KeyMaker not supported for
        // the remote backend"): the front orders the members as DistanceKey
        // does (nearest point, records without one last, ties by docid), and
        // the shards only weigh the page.
        std::vector<std::pair<double, Xapian::docid>> keyed;
        keyed.reserve(members.size());
        for (Xapian::docid d : members)
            keyed.emplace_back(geo_index().nearest_km(d, *nearest_first).value_or(HUGE_VAL), d);
        const size_t end = std::min<size_t>(keyed.size(), size_t{offset} + limit);
        std::partial_sort(keyed.begin(), keyed.begin() + static_cast<long>(end), keyed.end());
        std::vector<Xapian::docid> page;
        for (size_t i = offset; i < end; ++i) page.push_back(keyed[i].second);
        std::vector<Xapian::docid> sorted = page;
        std::sort(sorted.begin(), sorted.end());
        std::map<Xapian::docid, double> weights;
        Xapian::MSet mset = page_of(among(sorted), 0, static_cast<Xapian::doccount>(sorted.size()));
        for (auto it = mset.begin(); it != mset.end(); ++it) weights[*it] = it.get_weight();
        for (Xapian::docid d : page) hits.push_back({d, weights[d]});
        return hits;
    }
    if (!location_.sharded || members.size() <= kIdFilterLimit) {
        Xapian::MSet mset = page_of(location_.sharded ? among(members) : restricted_to(query, members), offset, limit);
        for (auto it = mset.begin(); it != mset.end(); ++it) hits.push_back({*it, it.get_weight()});
        return hits;
    }
    // Many members: the unrestricted order, read in growing windows, keeps
    // the members in the same order (a filter adds no weight), until the page is full.
    std::vector<uint64_t> in(docid_bitmap::words_for(members.back()), 0);
    for (Xapian::docid d : members) docid_bitmap::set(in, d);
    for (Xapian::doccount window = std::max<Xapian::doccount>(2 * (offset + limit), 1000);; window *= 4) {
        Xapian::MSet mset = page_of(query, 0, window);
        hits.clear();
        Xapian::doccount seen = 0;
        for (auto it = mset.begin(); it != mset.end() && hits.size() < limit; ++it)
            if (docid_bitmap::test(in.data(), in.size(), *it) && seen++ >= offset)
                hits.push_back({*it, it.get_weight()});
        if (hits.size() == limit || mset.size() < window) return hits;
    }
}

std::vector<Xapian::docid> Searcher::top_docids(const SearchRequest& request) const {
    return with_reader([&](Reader& reader) {
        Prepared prepared = prepare(reader, request);
        const auto nearest_first = request.sort == "distance" ? request.near : std::nullopt;
        std::vector<Xapian::docid> docids;
        if (location_.sharded && (area_of(request).filters() || nearest_first)) {
            for (const Hit& h : ranked_among(reader, prepared.query, every_match(reader, prepared.membership, request),
                                             nearest_first, static_cast<Xapian::doccount>(request.offset),
                                             static_cast<Xapian::doccount>(request.limit)))
                docids.push_back(h.docid);
            return docids;
        }
        Xapian::Enquire enquire(reader.db);
        enquire.set_weighting_scheme(ranking_weight());
        enquire.set_query(with_geo(prepared.query, request));
        std::optional<DistanceKey> key;
        if (nearest_first) {
            key.emplace(geo_index(), *nearest_first);
            enquire.set_sort_by_key(&*key, false);
        }
        Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                             static_cast<Xapian::doccount>(request.limit));
        for (auto it = mset.begin(); it != mset.end(); ++it) docids.push_back(*it);
        return docids;
    });
}

std::vector<Xapian::docid> Searcher::area_members(Reader& reader, const Xapian::Query& membership,
                                                  const SearchRequest& request) const {
    // A frequent text/facet part: its match set is kept as a bitmap, and
    // the area's candidates are checked against it, without Xapian.
    if (auto set = frequent_match_set(reader, membership)) {
        return docid_bitmap::marked(geo_index().match_ids(area_of(request)), set->data(), set->size());
    }
    // Otherwise the area's candidates are checked against the text/facet
    // part's posting lists directly (candidate_filter.hpp), not by a match.
    return filter_candidates(reader.db, membership, geo_index().match_ids(area_of(request)), bitmaps(),
                             location_.sharded);
}

Xapian::doccount Searcher::size() const { return doccount_; }

Searcher::Prepared Searcher::prepare(Reader& reader, const SearchRequest& request, bool ranked) const {
    Prepared p;
    ParsedQuery parsed = parse_query_text(request.q);
    TextQuery text = build_text_query(parsed, reader.db, reader.catalogue,
                                      [this](Xapian::docid d) { return std::string(store_->line(d)); });
    p.match_terms = text.match_terms;
    p.suggestion = text.suggestion;
    p.corrected = !text.suggestion.empty();
    p.ignored = text.ignored;

    std::vector<Xapian::Query> filters;
    auto filter = [&](std::string_view prefix, const std::string& value) {
        filters.emplace_back(std::string(prefix) + value);
    };
    if (!request.type.empty()) filter(schema::kTypePrefix, request.type);
    if (!request.country.empty()) filter(schema::kCountryPrefix, text::fold(request.country));
    if (!request.theme.empty()) filter(schema::kThemePrefix, slugify(request.theme));
    if (request.odd) filter(schema::kOddPrefix, std::to_string(*request.odd));
    for (const auto& t : parsed.types) filter(schema::kTypePrefix, t);
    for (const auto& c : parsed.countries) filter(schema::kCountryPrefix, c);
    for (const auto& t : parsed.themes) filter(schema::kThemePrefix, slugify(t));
    for (int o : parsed.odds) filter(schema::kOddPrefix, std::to_string(o));
    auto filtered = [&](const Xapian::Query& q) {
        return filters.empty() ? q
                               : Xapian::Query(Xapian::Query::OP_FILTER, q,
                                               Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
    };
    const Xapian::Query text_query =
        text.match_all ? text.query : filled_up(reader.db, text.query, text.relaxed, filtered);

    // Query("") is Xapian's MatchAll, made anew: copies of the shared static
    // Query::MatchAll count their references without atomics, and requests
    // run on several threads at once.
    Xapian::Query all = text.match_all ? Xapian::Query(std::string()) : text_query;
    p.membership = filtered(all);
    if (!text.match_all && ranked) {
        if (!text.heading_boost.empty())
            all = Xapian::Query(Xapian::Query::OP_AND_MAYBE, all,
                                Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, text.heading_boost, kHeadingWeight));
        if (!text.definition_boost.empty())
            all = Xapian::Query(Xapian::Query::OP_AND_MAYBE, all, text.definition_boost);
        all = minor_passages_lowered(all);
        all = Xapian::Query(Xapian::Query::OP_AND_MAYBE, all, structured_boost());
    }
    p.query = filtered(all);
    p.match_all = text.match_all && filters.empty();
    return p;
}

json Searcher::search(const SearchRequest& request) const {
    const auto started = std::chrono::steady_clock::now();
    return with_reader([&](Reader& reader) {
        Prepared prepared = prepare(reader, request);
        // Facets are counted from the in-memory table by docid: no term list, no
        // value read. When the matches are known without Xapian's matcher
        // (everything; an area: the spatial index's answer, checked against the
        // words and facets as match_docids does; any query on a sharded index,
        // whose remote shards cannot run the spy), so are the total and the
        // facets, and Xapian only finds the page: making it visit every match
        // would cost ~0.25 s at a million records.
        FacetSpy facet_spy(loaded().facets);
        std::optional<Xapian::doccount> known_total;
        std::vector<Xapian::docid> members;
        const bool area = area_of(request).filters();
        const auto nearest_first = request.sort == "distance" ? request.near : std::nullopt;
        // On shards the front ranks by distance itself (ranked_among).
        const bool front_ranked = area || (location_.sharded && nearest_first);
        if (front_ranked || (location_.sharded && !prepared.match_all)) {
            members = prepared.match_all && area ? geo_index().match_ids(area_of(request))
                                                 : every_match(reader, prepared.membership, request);
            for (Xapian::docid d : members) facet_spy.add(d);
            known_total = static_cast<Xapian::doccount>(members.size());
        } else if (prepared.match_all) {
            facet_spy.add_everything();
            known_total = doccount_;
        }

        // sort=distance: Xapian keeps the top of the page by the nearest-point key
        // (ties by docid), so paging is stable and no match list is sorted here.
        const auto offset = static_cast<Xapian::doccount>(request.offset);
        const auto limit = static_cast<Xapian::doccount>(request.limit);
        std::vector<Hit> hits;
        if (front_ranked) {
            // Xapian ranks only the known matches: the area is not computed twice.
            hits = ranked_among(reader, prepared.query, members, nearest_first, offset, limit);
        } else {
            Xapian::Enquire enquire(reader.db);
            enquire.set_weighting_scheme(ranking_weight());
            enquire.set_query(prepared.query);
            std::optional<DistanceKey> key;
            if (nearest_first) {
                key.emplace(geo_index(), *nearest_first);
                enquire.set_sort_by_key(&*key, false);
            }
            if (!known_total) enquire.add_matchspy(&facet_spy);
            Xapian::MSet mset = enquire.get_mset(offset, limit, known_total ? 0 : reader.db.get_doccount());
            for (auto it = mset.begin(); it != mset.end(); ++it) hits.push_back({*it, it.get_weight()});
            if (!known_total) known_total = mset.get_matches_estimated();  // exact: every match was counted
        }

        json results = json::array();
        for (const auto& [docid, weight] : hits) {
            const auto shown = shown_->get(docid);
            const Record& r = shown->record;
            json item = {
                {"id", r.id},
                {"type", r.type},
                {"title", r.title},
                {"snippet", prepared.match_terms.empty() ? html_escape(r.text.substr(0, r.text.find(' ', 200)))
                                                         : make_snippet(r.text, shown->words, prepared.match_terms)},
                {"page", r.page},
                {"section", r.section},
                {"score", weight}};
            item["countries"] = countries_json(r);
            item["geo"] = geo_json(r);
            std::optional<double> distance = request.near ? geo_index().nearest_km(docid, *request.near) : std::nullopt;
            item["distance_km"] = distance ? json(std::round(*distance * 1000) / 1000) : json(nullptr);
            results.push_back(std::move(item));
        }

        json facets = {
            {"type", json::object()}, {"country", json::object()}, {"theme", json::object()}, {"odd", json::object()}};
        for (const auto& [k, v] : facet_spy.counts(FacetTable::Facet::type)) facets["type"][k] = v;
        for (const auto& [k, v] : facet_spy.counts(FacetTable::Facet::country)) facets["country"][k] = v;
        json labels = {{"theme", json::object()}};
        for (const auto& [k, v] : facet_spy.counts(FacetTable::Facet::theme)) {
            facets["theme"][k] = v;
            labels["theme"][k] = theme_label(reader, k);
        }
        for (const auto& [k, v] : facet_spy.counts(FacetTable::Facet::odd)) facets["odd"][k] = v;

        json body = {{"total", *known_total},
                     {"results", results},
                     {"facets", facets},
                     {"facet_labels", labels},
                     {"suggestion", prepared.suggestion.empty() ? json(nullptr) : json(prepared.suggestion)},
                     {"corrected_query", prepared.corrected ? json(prepared.suggestion) : json(nullptr)},
                     {"ignored_words", prepared.ignored}};
        body["took_ms"] = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        return body;
    });
}

Record Searcher::get(const std::string& id) const {
    return with_reader([&](Reader& reader) {
        Xapian::PostingIterator it = reader.catalogue.postlist_begin(std::string(schema::kIdPrefix) + id);
        if (it == reader.catalogue.postlist_end(std::string(schema::kIdPrefix) + id))
            throw NotFoundError("no record with id '" + id + "'");
        return store_->record(*it);
    });
}

std::vector<Record> Searcher::all_matches(const SearchRequest& request) const {
    SearchRequest everything = request;
    everything.offset = 0;
    everything.limit = static_cast<int>(size());
    std::vector<Record> records;
    return with_reader([&](Reader& reader) {
        Prepared prepared = prepare(reader, everything);
        if (location_.sharded && area_of(everything).filters()) {
            const auto members = every_match(reader, prepared.membership, everything);
            for (const Hit& h : ranked_among(reader, prepared.query, members, std::nullopt, 0,
                                             static_cast<Xapian::doccount>(members.size())))
                records.push_back(store_->record(h.docid));
            return records;
        }
        Xapian::Enquire enquire(reader.db);
        enquire.set_weighting_scheme(ranking_weight());
        enquire.set_query(with_geo(prepared.query, everything));
        Xapian::MSet mset = enquire.get_mset(0, reader.db.get_doccount());
        for (auto it = mset.begin(); it != mset.end(); ++it) records.push_back(store_->record(*it));
        return records;
    });
}

Searcher::RecordPage Searcher::records(const SearchRequest& request, Xapian::doccount offset, Xapian::doccount limit,
                                       bool located_only) const {
    RecordPage page;
    return with_reader([&](Reader& reader) {
        Prepared prepared = prepare(reader, request, false);
        if (location_.sharded) {
            // The matches in docid order are known on the front: the page is a slice.
            std::vector<Xapian::docid> docids = every_match(reader, prepared.query, request);
            if (located_only && !area_of(request).filters()) {
                const auto& located = *geo_index().located_ids();
                std::vector<Xapian::docid> kept;
                std::set_intersection(docids.begin(), docids.end(), located.begin(), located.end(),
                                      std::back_inserter(kept));
                docids = std::move(kept);
            }
            page.total = static_cast<Xapian::doccount>(docids.size());
            for (size_t i = offset; i < docids.size() && i < size_t{offset} + limit; ++i)
                page.records.push_back(store_->record(docids[i]));
            return page;
        }
        Xapian::Query query = with_geo(prepared.query, request);
        if (located_only && !area_of(request).filters())
            query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                                  Xapian::Query((new GeoPostingSource(geo_index().located_ids()))->release()));
        Xapian::Enquire enquire(reader.db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        Xapian::MSet mset = enquire.get_mset(offset, limit, reader.db.get_doccount());
        page.total = mset.get_matches_estimated();  // exact: every match was counted
        for (auto it = mset.begin(); it != mset.end(); ++it) page.records.push_back(store_->record(*it));
        return page;
    });
}

void Searcher::set_match_set_cache(bool enabled) {
    std::lock_guard lock(cache_mutex_);
    match_set_cache_ = enabled;
    if (!enabled) match_sets_.clear();
}

void Searcher::set_term_bitmaps(bool enabled) {
    std::lock_guard lock(cache_mutex_);
    use_bitmaps_ = enabled;
    match_sets_.clear();  // made with or without them
}

std::shared_ptr<const std::vector<uint64_t>> Searcher::frequent_match_set(Reader& reader,
                                                                          const Xapian::Query& query) const {
    if (!match_set_cache_) return nullptr;
    const std::string key = query.get_description();
    auto cached = [&]() -> std::shared_ptr<const std::vector<uint64_t>> {
        for (auto it = match_sets_.begin(); it != match_sets_.end(); ++it)
            if (it->first == key) {
                match_sets_.splice(match_sets_.begin(), match_sets_, it);  // most recently used first
                return it->second;
            }
        return nullptr;
    };
    {
        std::lock_guard lock(cache_mutex_);
        if (auto set = cached()) return set;
    }
    // Computed without the lock: two requests may compute the same set at
    // once, and the first one kept.
    Xapian::Enquire enquire(reader.db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    // Only a query matching many records is worth a bitmap (and its one full match).
    const Xapian::doccount everything = reader.db.get_doccount();
    if (enquire.get_mset(0, 0).get_matches_estimated() < everything / kFrequentShare) return nullptr;
    // Read from the posting lists, not from an MSet of every match (1M
    // records, a 10% word: 19 ms -> ~3 ms at load ~5).
    auto set = std::make_shared<const std::vector<uint64_t>>(match_bitmap(reader.db, query, bitmaps()));
    std::lock_guard lock(cache_mutex_);
    if (auto first = cached()) return first;
    match_sets_.emplace_front(key, set);
    if (match_sets_.size() > kMatchSetCacheSize) match_sets_.pop_back();
    return set;
}

Xapian::doccount Searcher::count(const SearchRequest& request) const { return records(request, 0, 0).total; }

std::string Searcher::theme_label(const std::string& slug) const {
    return with_reader([&](Reader& reader) { return theme_label(reader, slug); });
}

std::string Searcher::theme_label(Reader& reader, const std::string& slug) const {
    {
        std::lock_guard lock(cache_mutex_);
        if (auto known = theme_labels_.find(slug); known != theme_labels_.end()) return known->second;
    }
    std::string label = slug;
    const std::string term = std::string(schema::kThemePrefix) + slug;
    // The first record holding the theme writes it as the guide does.
    if (auto it = reader.catalogue.postlist_begin(term); it != reader.catalogue.postlist_end(term)) {
        for (const auto& theme : store_->record(*it).themes)
            if (slugify(theme) == slug) {
                label = theme;
                break;
            }
    }
    std::lock_guard lock(cache_mutex_);
    theme_labels_.emplace(slug, label);
    return label;
}

json Searcher::suggest(const std::string& prefix, int limit) const {
    json out = {{"q", prefix}, {"suggestions", json::array()}};
    auto words = text::words(prefix);
    if (words.empty()) return out;
    std::string last = words.back();
    return with_reader([&](Reader& reader) {
        std::vector<std::pair<Xapian::doccount, std::string>> candidates;
        for (auto it = reader.db.allterms_begin(last); it != reader.db.allterms_end(last); ++it)
            candidates.emplace_back(it.get_termfreq(), *it);
        std::sort(candidates.begin(), candidates.end(), [](auto& a, auto& b) { return a.first > b.first; });
        for (size_t i = 0; i < candidates.size() && static_cast<int>(i) < limit; ++i)
            out["suggestions"].push_back(candidates[i].second);
        return out;
    });
}

}  // namespace coopatlas::query
