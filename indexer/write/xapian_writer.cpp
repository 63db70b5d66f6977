#include "indexer/write/xapian_writer.hpp"

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/error.hpp"
#include "core/index_schema.hpp"
#include "core/terms.hpp"
#include "core/text.hpp"
#include "indexer/extract/contacts.hpp"
#include "indexer/guide/definitions.hpp"
#include "indexer/guide/glossary.hpp"
#include "indexer/write/jsonl_writer.hpp"
#include "indexer/write/term_bitmaps_writer.hpp"

namespace coopatlas::indexer {

namespace {

/// What a record's document holds besides its text: the boolean filter terms
/// and the values. A sharded index's catalogue (docs/scaling.md) holds only this.
Xapian::Document make_catalogue_document(const Record& r) {
    Xapian::Document doc;
    doc.add_boolean_term(std::string(schema::kIdPrefix) + r.id);
    doc.add_boolean_term(std::string(schema::kTypePrefix) + r.type);
    for (const auto& c : r.countries) doc.add_boolean_term(std::string(schema::kCountryPrefix) + text::fold(c.code));
    for (const auto& t : r.themes) doc.add_boolean_term(std::string(schema::kThemePrefix) + slugify(t));
    for (int o : r.odd) doc.add_boolean_term(std::string(schema::kOddPrefix) + std::to_string(o));
    if (r.type == "passage" && glossary_entry(r.text))
        doc.add_boolean_term(std::string(schema::kKindPrefix) + std::string(schema::kGlossaryKind));
    else if (r.type == "passage" && contact_block(r.text))
        doc.add_boolean_term(std::string(schema::kKindPrefix) + std::string(schema::kContactBlockKind));
    doc.add_value(schema::kSlotType, r.type);
    doc.add_value(schema::kSlotPage, Xapian::sortable_serialise(r.page));
    if (!r.geo.empty()) {
        Xapian::LatLongCoords coords;
        for (const auto& g : r.geo) coords.append(Xapian::LatLongCoord(g.lat, g.lon));
        doc.add_value(schema::kSlotPoints, coords.serialise());
    }
    return doc;
}

/// The document of a record: terms and values only. The record itself is
/// stored once, in the record store (write_record_store), not as document data.
Xapian::Document make_document(const Record& r, terms::Positions positions) {
    Xapian::Document doc = make_catalogue_document(r);
    // Title words count three times and also go under the title prefix; the body
    // follows after a gap so that phrases do not run from title into text.
    Xapian::termpos pos = terms::index_text(doc, r.title, "", 3, 0, positions);
    // The title field is searched by word, never by phrase (query/query_text.cpp
    // builds phrases over unprefixed terms): no positions to store.
    terms::index_text(doc, r.title, schema::kTitlePrefix, 1, 0, terms::Positions::dropped);
    // A passage's section heading, which ranking uses (query/query_text.hpp,
    // TextQuery::heading_boost): "Tunisie" ranks the passages of "11.11 Tunisie"
    // up. Structured records have their own boost and are not concerned.
    if (r.type == "passage" && !r.section.empty())
        terms::index_text(doc, r.section.back(), schema::kHeadingPrefix, 1, 0, terms::Positions::dropped);
    pos = terms::index_text(doc, r.text, "", 1, pos + 100, positions);
    // What the passage defines, for a question asking what it is (its opening
    // sentence "La DAECT ... est le service ..."): a filter term, no weight of its own.
    if (r.type == "passage")
        for (const auto& w : defined_subject(r.text)) doc.add_boolean_term(terms::defined_term(w));
    // Structured fields (name, organisation, email, lead, ...) weigh like the
    // title: they are what a programme or a contact is about.
    for (const auto& [key, value] : r.fields.items()) {
        if (value.is_string()) pos = terms::index_text(doc, value.get<std::string>(), "", 2, pos + 100, positions);
        if (value.is_array())
            for (const auto& v : value)
                if (v.is_string()) pos = terms::index_text(doc, v.get<std::string>(), "", 2, pos + 100, positions);
    }
    // A passage's words are the guide's own, and its countries a facet only:
    // its rubric's country is weighed by the heading boost, and country names
    // indexed for passages that only use the adjective ("japonaises") or sit
    // in the rubric ranked them above the passages naming the country
    // (golden queries on "Japon", "Madagascar").
    if (r.type != "passage")
        for (const auto& c : r.countries) pos = terms::index_text(doc, c.name, "", 1, pos + 100, positions);
    for (const auto& t : r.themes) pos = terms::index_text(doc, t, "", 1, pos + 100, positions);
    return doc;
}

}  // namespace

namespace {

/// Which record each document holds, in docid order: every record once,
/// except that a record whose id came before replaces that earlier record in
/// place (the later one wins, as a replace_document would do). Documents and
/// record-store lines then correspond one to one.
std::vector<size_t> documents_of(const std::vector<Record>& records) {
    std::vector<size_t> order(records.size());
    std::unordered_map<std::string_view, size_t> first;  // id -> its slot in order
    first.reserve(records.size());
    size_t n = 0;
    for (size_t i = 0; i < records.size(); ++i) {
        auto [it, fresh] = first.emplace(records[i].id, n);
        if (fresh)
            order[n++] = i;
        else
            order[it->second] = i;
    }
    order.resize(n);
    return order;
}

/// Position of a point on a Z-order (Morton) curve over 2^16 x 2^16 cells of
/// longitude x latitude: points close on the map get close keys.
uint32_t z_order(double lat, double lon) {
    auto cell = [](double v, double lo, double span) {
        return static_cast<uint32_t>(std::clamp((v - lo) / span, 0.0, 1.0) * 65535.0);
    };
    auto spread = [](uint32_t v) {  // bit i -> bit 2i
        v = (v | (v << 8)) & 0x00FF00FFu;
        v = (v | (v << 4)) & 0x0F0F0F0Fu;
        v = (v | (v << 2)) & 0x33333333u;
        return (v | (v << 1)) & 0x55555555u;
    };
    return spread(cell(lon, -180, 360)) | spread(cell(lat, -90, 180)) << 1;
}

/// Large collections are numbered in spatial order of their first point
/// (records without a point last, each group in record order), as search
/// engines sort an index: the records of an area then hold a few runs of
/// docids, so checking an area's candidates against a frequent word's
/// posting list skips whole blocks of it (bench/README.md, K10+R50).
void sort_spatially(const std::vector<Record>& records, std::vector<size_t>& order) {
    std::vector<std::pair<uint64_t, size_t>> keyed;  // (curve key, then place in order: ties keep record order)
    keyed.reserve(order.size());
    for (size_t d = 0; d < order.size(); ++d) {
        const Record& r = records[order[d]];
        const uint64_t key = r.geo.empty() ? (uint64_t{1} << 32) : z_order(r.geo.front().lat, r.geo.front().lon);
        keyed.emplace_back(key, d);
    }
    std::sort(keyed.begin(), keyed.end());
    std::vector<size_t> sorted(order.size());
    for (size_t d = 0; d < order.size(); ++d) sorted[d] = order[keyed[d].second];
    order = std::move(sorted);
}

/// Acronyms of the guide both ways (glossary.hpp) and the dictionaries'
/// synonyms of `options` (search_dictionaries.hpp).
void add_synonyms(Xapian::WritableDatabase& db, const std::vector<Record>& records, const XapianWriteOptions& options) {
    for (const auto& [key, value] : synonym_pairs(records)) db.add_synonym(key, value);
    if (options.synonyms)
        for (const auto& [key, value] : *options.synonyms) db.add_synonym(key, value);
}

/// Which documents of `order` a database holds: positions begin, begin + step, ... below end.
struct Slice {
    size_t begin, end, step = 1;
};

/// Writes the documents of `slice` into a new database at `path`; the
/// glossary's synonyms too when `synonyms` is set.
void write_range(const std::vector<Record>& records, const std::vector<size_t>& order, Slice slice,
                 const std::string& path, const XapianWriteOptions& options, bool synonyms) {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC |
                                          (options.termlists ? 0 : Xapian::DB_NO_TERMLIST));
    const size_t batch = std::max(1u, options.documents_per_commit);
    // Spelling frequencies (documents holding the word), added once per
    // distinct word at the end rather than once per document.
    std::unordered_map<std::string, Xapian::termcount> spelling;
    size_t written = 0;
    for (size_t d = slice.begin; d < slice.end; d += slice.step) {
        const Record& r = records[order[d]];
        if (options.lines) (*options.lines)[d] = record_line(r);
        Xapian::Document doc = make_document(r, options.positions ? terms::Positions::kept : terms::Positions::dropped);
        // Unprefixed terms are the folded words: they feed the spelling suggestions.
        if (options.spelling)
            for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
                const std::string& term = *t;
                if (!term.empty() && std::islower(static_cast<unsigned char>(term[0]))) ++spelling[term];
            }
        db.add_document(doc);
        if (++written % batch == 0) db.commit();
    }
    for (const auto& [word, documents] : spelling) db.add_spelling(word, documents);
    if (synonyms) add_synonyms(db, records, options);
    db.set_metadata("coopatlas:schema", std::string(schema::kSchemaVersion));
    db.commit();
}

/// Runs job(0) .. job(jobs - 1) on one worker per core taking them in turn;
/// rethrows the first failure once every worker is done.
void in_turn(size_t jobs, const std::function<void(size_t)>& job) {
    std::vector<std::exception_ptr> failures(jobs);
    std::atomic<size_t> next{0};
    std::vector<std::thread> workers;
    const size_t cores = std::max(1u, std::thread::hardware_concurrency());
    for (size_t w = 0; w < std::min(jobs, cores); ++w)
        workers.emplace_back([&] {
            for (size_t k = next++; k < jobs; k = next++) {
                try {
                    job(k);
                } catch (...) {
                    failures[k] = std::current_exception();
                }
            }
        });
    for (auto& t : workers) t.join();
    for (auto& f : failures)
        if (f) std::rethrow_exception(f);
}

/// The catalogue of a sharded index: every document's filter terms and
/// values in docid order, the spelling dictionary of all the shards and the
/// glossary's synonyms (what the front server reads locally: facets, points,
/// ids, suggestions; docs/scaling.md).
void write_catalogue(const std::vector<Record>& records, const std::vector<size_t>& order,
                     const std::vector<std::string>& shard_paths, const std::string& path,
                     const XapianWriteOptions& options) {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC |
                                          (options.termlists ? 0 : Xapian::DB_NO_TERMLIST));
    const size_t batch = std::max(1u, options.documents_per_commit);
    for (size_t d = 0; d < order.size(); ++d) {
        db.add_document(make_catalogue_document(records[order[d]]));
        if ((d + 1) % batch == 0) db.commit();
    }
    for (const auto& shard_path : shard_paths) {
        const Xapian::Database shard(shard_path);
        for (auto w = shard.spellings_begin(); w != shard.spellings_end(); ++w) db.add_spelling(*w, w.get_termfreq());
    }
    add_synonyms(db, records, options);
    db.set_metadata("coopatlas:schema", std::string(schema::kSchemaVersion));
    db.commit();
}

/// Writes the record store from `lines` and the term bitmaps from the
/// database at `xapian_path` (a folder or a stub), side by side.
void write_store_and_bitmaps(const std::vector<std::string>& lines, const std::string& index_dir,
                             const std::string& xapian_path) {
    auto store = std::async(std::launch::async, [&] { write_record_store(lines, index_dir); });
    try {
        write_term_bitmaps(Xapian::Database(xapian_path), index_dir + "/" + std::string(schema::kTermBitmapsFile));
    } catch (const Xapian::Error& e) {
        store.wait();
        throw Error("Xapian: cannot read the index at '" + xapian_path + "' back: " + e.get_description());
    }
    store.get();
}

}  // namespace

void write_xapian(const std::vector<Record>& records, const std::string& dir) { write_xapian(records, dir, {}); }

void write_xapian(const std::vector<Record>& records, const std::string& dir, const XapianWriteOptions& options) {
    std::vector<size_t> order = documents_of(records);
    if (order.size() >= options.spatial_order_from) sort_spatially(records, order);
    if (options.lines) options.lines->assign(order.size(), std::string());
    try {
        const size_t shards = std::clamp<size_t>(options.shards, 1, std::max<size_t>(1, order.size() / 1000));
        if (shards == 1) {
            write_range(records, order, {0, order.size()}, dir, options, true);
            return;
        }
        // Contiguous slices, so compacting renumbers the documents in record order.
        std::vector<std::string> paths;
        for (size_t k = 0; k < shards; ++k) paths.push_back(dir + ".shard" + std::to_string(k));
        // One worker per core takes the shards in turn: small shards keep each
        // position table small, whose B-tree inserts otherwise grow costlier
        // with its size (bench/README.md). The synonyms once, in the first shard.
        in_turn(shards, [&](size_t k) {
            write_range(records, order, {order.size() * k / shards, order.size() * (k + 1) / shards}, paths[k], options,
                        k == 0);
        });
        Xapian::Database all;
        for (const auto& path : paths) all.add_database(Xapian::Database(path));
        if (options.progress) options.progress("compacting " + std::to_string(shards) + " shards into " + dir);
        const auto started = std::chrono::steady_clock::now();
        all.compact(dir);
        if (options.progress)
            options.progress(
                "compacted in " +
                std::to_string(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()) +
                " s");
        for (const auto& path : paths) std::filesystem::remove_all(path);
    } catch (const Xapian::Error& e) {
        throw Error("Xapian: cannot write the index at '" + dir + "': " + e.get_description());
    }
}

void write_search_index(const std::vector<Record>& records, const std::string& index_dir, XapianWriteOptions options) {
    std::vector<std::string> lines;
    options.lines = &lines;
    write_xapian(records, index_dir + "/xapian", options);
    write_store_and_bitmaps(lines, index_dir, index_dir + "/xapian");
}

void write_sharded_search_index(const std::vector<Record>& records, const std::string& index_dir, unsigned shards,
                                XapianWriteOptions options) {
    if (shards < 2) throw UsageError("a sharded index needs at least 2 shards (got " + std::to_string(shards) + ")");
    std::vector<size_t> order = documents_of(records);
    if (order.size() >= options.spatial_order_from) sort_spatially(records, order);
    std::vector<std::string> lines(order.size());
    options.lines = &lines;
    const std::filesystem::path dir(index_dir);
    std::vector<std::string> paths;
    std::string stub;
    for (unsigned k = 0; k < shards; ++k) {
        const std::string relative = std::string(schema::kShardsDir) + "/" + std::to_string(k);
        paths.push_back((dir / relative).string());
        stub += "auto " + relative + "\n";  // relative to the stub's folder (Xapian's stub format)
    }
    try {
        std::filesystem::create_directories(dir / schema::kShardsDir);
        // Round robin: document d goes to shard (d - 1) % shards as its
        // ((d - 1) / shards + 1)th document, which is how Xapian numbers the
        // documents of several databases opened together, so the stub gives
        // every record the docid it has in one index (docs/scaling.md).
        in_turn(shards, [&](size_t k) {
            write_range(records, order, {k, order.size(), shards}, paths[k], options, false);
        });
        if (options.progress) options.progress("writing the catalogue of " + std::to_string(shards) + " shards");
        write_catalogue(records, order, paths, (dir / schema::kCatalogueDir).string(), options);
    } catch (const Xapian::Error& e) {
        throw Error("Xapian: cannot write the shards at '" + index_dir + "': " + e.get_description());
    }
    const std::string stub_path = (dir / schema::kShardsStubFile).string();
    std::ofstream out(stub_path);
    out << stub;
    if (!out.flush()) throw Error("cannot write '" + stub_path + "'");
    out.close();
    write_store_and_bitmaps(lines, index_dir, stub_path);
}

}  // namespace coopatlas::indexer
