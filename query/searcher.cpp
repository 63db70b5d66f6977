#include "searcher.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>

#include "core/docid_bitmap.hpp"
#include "core/error.hpp"
#include "core/index_schema.hpp"
#include "core/terms.hpp"
#include "core/text.hpp"
#include "candidate_filter.hpp"
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

/// match_docids keeps the match set of a text/facet query matching at least
/// 1/kFrequentShare of the records (a filter cache, as Lucene's query cache),
/// for the kMatchSetCacheSize most recently used such queries (1 bit per
/// record each: 125 KB at a million records).
constexpr Xapian::doccount kFrequentShare = 100;
constexpr size_t kMatchSetCacheSize = 16;

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

}  // namespace

struct Searcher::Prepared {
    Xapian::Query query;
    MatchTerms match_terms;
    std::string suggestion;  ///< the query with unknown words corrected
    bool corrected = false;  ///< the results are those of `suggestion`
    bool match_all = false;  ///< no word and no facet filter: every record matches
    Xapian::Query membership;  ///< `query` without what only orders: prepare(request, false).query
};

Searcher::Searcher(const std::string& index_dir) : index_dir_(index_dir) {
    std::filesystem::path xapian_dir = std::filesystem::path(index_dir) / "xapian";
    if (!std::filesystem::exists(xapian_dir))
        throw IndexError("no index at '" + index_dir + "' (run coopatlas-index --out " + index_dir + " first)");
    try {
        db_ = Xapian::Database(xapian_dir.string());
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open the index at '" + index_dir + "': " + e.get_description());
    }
    if (db_.get_metadata("coopatlas:schema") != schema::kSchemaVersion)
        throw IndexError("the index at '" + index_dir +
                         "' was written by another version of coopatlas-index; "
                         "rebuild it");
    store_ = std::make_unique<const RecordStore>(index_dir);
    if (store_->size() != db_.get_lastdocid())
        throw IndexError("the index at '" + index_dir + "' holds " + std::to_string(db_.get_lastdocid()) +
                         " documents but " + std::to_string(store_->size()) + " records: rebuild it");
    // Written with the index since the term bitmaps exist; an older index has none.
    const std::filesystem::path bitmaps = std::filesystem::path(index_dir) / schema::kTermBitmapsFile;
    if (std::filesystem::exists(bitmaps))
        bitmaps_ = TermBitmaps(bitmaps.string(), docid_bitmap::words_for(db_.get_lastdocid()));
    // The grid and the record types are read from a database handle of their
    // own (Xapian handles are not thread-safe), on a thread of their own: ~1 s
    // at a million records, while the server already answers.
    loaded_ =
        std::async(std::launch::async, [path = xapian_dir.string()] {
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
    std::lock_guard lock(mutex_);
    Prepared prepared = prepare(request, false);
    std::vector<Xapian::docid> docids;
    if (area_of(request).filters()) return area_members(prepared.query, request);
    Xapian::Enquire enquire(db_);
    enquire.set_query(with_geo(prepared.query, request));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    Xapian::MSet mset = enquire.get_mset(0, db_.get_doccount());
    docids.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it) docids.push_back(*it);
    return docids;
}

std::vector<Xapian::docid> Searcher::top_docids(const SearchRequest& request) const {
    std::lock_guard lock(mutex_);
    Prepared prepared = prepare(request);
    Xapian::Enquire enquire(db_);
    enquire.set_query(with_geo(prepared.query, request));
    std::optional<DistanceKey> distance_key;
    if (request.sort == "distance" && request.near) {
        distance_key.emplace(geo_index(), *request.near);
        enquire.set_sort_by_key(&*distance_key, false);
    }
    Xapian::MSet mset =
        enquire.get_mset(static_cast<Xapian::doccount>(request.offset), static_cast<Xapian::doccount>(request.limit));
    std::vector<Xapian::docid> docids;
    for (auto it = mset.begin(); it != mset.end(); ++it) docids.push_back(*it);
    return docids;
}

std::vector<Xapian::docid> Searcher::area_members(const Xapian::Query& membership,
                                                  const SearchRequest& request) const {
    // A frequent text/facet part: its match set is kept as a bitmap, and
    // the area's candidates are checked against it, without Xapian.
    if (auto set = frequent_match_set(membership)) {
        return docid_bitmap::marked(geo_index().match_ids(area_of(request)), set->data(), set->size());
    }
    // Otherwise the area's candidates are checked against the text/facet
    // part's posting lists directly (candidate_filter.hpp), not by a match.
    return filter_candidates(db_, membership, geo_index().match_ids(area_of(request)), bitmaps());
}

Xapian::doccount Searcher::size() const {
    std::lock_guard lock(mutex_);
    return db_.get_doccount();
}

Searcher::Prepared Searcher::prepare(const SearchRequest& request, bool ranked) const {
    Prepared p;
    ParsedQuery parsed = parse_query_text(request.q);
    TextQuery text = build_text_query(parsed, db_, [this](Xapian::docid d) { return std::string(store_->line(d)); });
    p.match_terms = text.match_terms;
    p.suggestion = text.suggestion;
    p.corrected = !text.suggestion.empty();
    Xapian::Query text_query = text.query;
    if (!text.match_all && !text.relaxed.empty()) {
        Xapian::Enquire probe(db_);
        probe.set_query(text.query);
        if (probe.get_mset(0, 1).empty()) text_query = text.relaxed;  // too strict: all but one word group
    }

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

    Xapian::Query all = text.match_all ? Xapian::Query::MatchAll : text_query;
    auto filtered = [&](const Xapian::Query& q) {
        return filters.empty() ? q
                               : Xapian::Query(Xapian::Query::OP_FILTER, q,
                                               Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
    };
    p.membership = filtered(all);
    if (!text.match_all && ranked) {
        auto* structured = new StructuredBoost(loaded().structured, loaded().structured_count, kStructuredBoost);
        all = Xapian::Query(Xapian::Query::OP_AND_MAYBE, all, Xapian::Query(structured->release()));
    }
    p.query = filtered(all);
    p.match_all = text.match_all && filters.empty();
    return p;
}

json Searcher::search(const SearchRequest& request) const {
    const auto started = std::chrono::steady_clock::now();
    std::lock_guard lock(mutex_);
    Prepared prepared = prepare(request);
    Xapian::Enquire enquire(db_);
    // Facets are counted from the in-memory table by docid: no term list, no
    // value read. When the matches are known without Xapian's matcher
    // (everything; an area: the spatial index's answer, checked against the
    // words and facets as match_docids does), so are the total and the
    // facets, and Xapian only finds the page: making it visit every match
    // would cost ~0.25 s at a million records.
    FacetSpy facet_spy(loaded().facets);
    std::optional<Xapian::doccount> known_total;
    if (area_of(request).filters()) {
        const auto members = prepared.match_all ? geo_index().match_ids(area_of(request))
                                                : area_members(prepared.membership, request);
        for (Xapian::docid d : members) facet_spy.add(d);
        known_total = static_cast<Xapian::doccount>(members.size());
        // Xapian ranks only the known matches: the area is not computed twice.
        enquire.set_query(restricted_to(prepared.query, members));
    } else if (prepared.match_all) {
        facet_spy.add_everything();
        known_total = db_.get_doccount();
        enquire.set_query(prepared.query);
    } else {
        enquire.add_matchspy(&facet_spy);
        enquire.set_query(prepared.query);
    }

    const Xapian::doccount everything = db_.get_doccount();
    // sort=distance: Xapian keeps the top of the page by the nearest-point key
    // (ties by docid), so paging is stable and no match list is sorted here.
    std::optional<DistanceKey> distance_key;
    if (request.sort == "distance" && request.near) {
        distance_key.emplace(geo_index(), *request.near);
        enquire.set_sort_by_key(&*distance_key, false);
    }
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                         static_cast<Xapian::doccount>(request.limit), known_total ? 0 : everything);

    std::vector<std::pair<Xapian::docid, Xapian::MSetIterator>> hits;
    for (auto it = mset.begin(); it != mset.end(); ++it) hits.emplace_back(*it, it);

    json results = json::array();
    for (const auto& [docid, it] : hits) {
        Record r = store_->record(docid);
        json item = {{"id", r.id},
                     {"type", r.type},
                     {"title", r.title},
                     {"snippet", prepared.match_terms.empty() ? html_escape(r.text.substr(0, r.text.find(' ', 200)))
                                                              : make_snippet(r.text, prepared.match_terms)},
                     {"page", r.page},
                     {"section", r.section},
                     {"score", it.get_weight()}};
        json full = to_json(r);
        item["countries"] = full["countries"];
        item["geo"] = full["geo"];
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
        labels["theme"][k] = theme_label_locked(k);
    }
    for (const auto& [k, v] : facet_spy.counts(FacetTable::Facet::odd)) facets["odd"][k] = v;

    json body = {{"total", known_total ? *known_total : mset.get_matches_estimated()},
                 {"results", results},
                 {"facets", facets},
                 {"facet_labels", labels},
                 {"suggestion", prepared.suggestion.empty() ? json(nullptr) : json(prepared.suggestion)},
                 {"corrected_query", prepared.corrected ? json(prepared.suggestion) : json(nullptr)}};
    body["took_ms"] = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return body;
}

Record Searcher::get(const std::string& id) const {
    std::lock_guard lock(mutex_);
    Xapian::PostingIterator it = db_.postlist_begin(std::string(schema::kIdPrefix) + id);
    if (it == db_.postlist_end(std::string(schema::kIdPrefix) + id))
        throw NotFoundError("no record with id '" + id + "'");
    return store_->record(*it);
}

std::vector<Record> Searcher::all_matches(const SearchRequest& request) const {
    SearchRequest everything = request;
    everything.offset = 0;
    everything.limit = static_cast<int>(size());
    std::vector<Record> records;
    std::lock_guard lock(mutex_);
    Prepared prepared = prepare(everything);
    Xapian::Enquire enquire(db_);
    enquire.set_query(with_geo(prepared.query, everything));
    Xapian::MSet mset = enquire.get_mset(0, db_.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it)
        records.push_back(store_->record(*it));
    return records;
}

Searcher::RecordPage Searcher::records(const SearchRequest& request, Xapian::doccount offset, Xapian::doccount limit,
                                       bool located_only) const {
    RecordPage page;
    std::lock_guard lock(mutex_);
    Prepared prepared = prepare(request, false);
    Xapian::Query query = with_geo(prepared.query, request);
    if (located_only && !area_of(request).filters())
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query((new GeoPostingSource(geo_index().located_ids()))->release()));
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    Xapian::MSet mset = enquire.get_mset(offset, limit, db_.get_doccount());
    page.total = mset.get_matches_estimated();  // exact: every match was counted
    for (auto it = mset.begin(); it != mset.end(); ++it)
        page.records.push_back(store_->record(*it));
    return page;
}

void Searcher::set_match_set_cache(bool enabled) {
    std::lock_guard<std::mutex> lock(mutex_);
    match_set_cache_ = enabled;
    if (!enabled) match_sets_.clear();
}

void Searcher::set_term_bitmaps(bool enabled) {
    std::lock_guard<std::mutex> lock(mutex_);
    use_bitmaps_ = enabled;
    match_sets_.clear();  // made with or without them
}

std::shared_ptr<const std::vector<uint64_t>> Searcher::frequent_match_set(const Xapian::Query& query) const {
    if (!match_set_cache_) return nullptr;
    const std::string key = query.get_description();
    for (auto it = match_sets_.begin(); it != match_sets_.end(); ++it)
        if (it->first == key) {
            auto set = it->second;
            match_sets_.splice(match_sets_.begin(), match_sets_, it);  // most recently used first
            return set;
        }
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    // Only a query matching many records is worth a bitmap (and its one full match).
    const Xapian::doccount everything = db_.get_doccount();
    if (enquire.get_mset(0, 0).get_matches_estimated() < everything / kFrequentShare) return nullptr;
    // Read from the posting lists, not from an MSet of every match (1M
    // records, a 10% word: 19 ms -> ~3 ms at load ~5).
    auto set = std::make_shared<const std::vector<uint64_t>>(match_bitmap(db_, query, bitmaps()));
    match_sets_.emplace_front(key, set);
    if (match_sets_.size() > kMatchSetCacheSize) match_sets_.pop_back();
    return set;
}

Xapian::doccount Searcher::count(const SearchRequest& request) const { return records(request, 0, 0).total; }

std::string Searcher::theme_label(const std::string& slug) const {
    std::lock_guard lock(mutex_);
    return theme_label_locked(slug);
}

std::string Searcher::theme_label_locked(const std::string& slug) const {
    if (auto known = theme_labels_.find(slug); known != theme_labels_.end()) return known->second;
    std::string label = slug;
    const std::string term = std::string(schema::kThemePrefix) + slug;
    // The first record holding the theme writes it as the guide does.
    if (auto it = db_.postlist_begin(term); it != db_.postlist_end(term)) {
        for (const auto& theme : store_->record(*it).themes)
            if (slugify(theme) == slug) {
                label = theme;
                break;
            }
    }
    theme_labels_.emplace(slug, label);
    return label;
}

json Searcher::suggest(const std::string& prefix, int limit) const {
    json out = {{"q", prefix}, {"suggestions", json::array()}};
    auto words = text::words(prefix);
    if (words.empty()) return out;
    std::string last = words.back();
    std::lock_guard lock(mutex_);
    std::vector<std::pair<Xapian::doccount, std::string>> candidates;
    for (auto it = db_.allterms_begin(last); it != db_.allterms_end(last); ++it)
        candidates.emplace_back(it.get_termfreq(), *it);
    std::sort(candidates.begin(), candidates.end(), [](auto& a, auto& b) { return a.first > b.first; });
    for (size_t i = 0; i < candidates.size() && static_cast<int>(i) < limit; ++i)
        out["suggestions"].push_back(candidates[i].second);
    return out;
}

}  // namespace coopatlas::query
