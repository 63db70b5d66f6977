#include "xapian_writer.hpp"

#include <xapian.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/error.hpp"
#include "core/index_schema.hpp"
#include "core/terms.hpp"
#include "core/text.hpp"
#include "glossary.hpp"
#include "jsonl_writer.hpp"

namespace coopatlas::indexer {

namespace {

Xapian::Document make_document(const Record& r, const std::string& data) {
    Xapian::Document doc;
    doc.set_data(data);
    doc.add_boolean_term(std::string(schema::kIdPrefix) + r.id);
    doc.add_boolean_term(std::string(schema::kTypePrefix) + r.type);
    for (const auto& c : r.countries) doc.add_boolean_term(std::string(schema::kCountryPrefix) + text::fold(c.code));
    for (const auto& t : r.themes) doc.add_boolean_term(std::string(schema::kThemePrefix) + slugify(t));
    for (int o : r.odd) doc.add_boolean_term(std::string(schema::kOddPrefix) + std::to_string(o));
    doc.add_value(schema::kSlotType, r.type);
    doc.add_value(schema::kSlotPage, Xapian::sortable_serialise(r.page));
    if (!r.geo.empty()) {
        Xapian::LatLongCoords coords;
        for (const auto& g : r.geo) coords.append(Xapian::LatLongCoord(g.lat, g.lon));
        doc.add_value(schema::kSlotPoints, coords.serialise());
    }
    // Title words count three times and also go under the title prefix; the body
    // follows after a gap so that phrases do not run from title into text.
    Xapian::termpos pos = terms::index_text(doc, r.title, "", 3, 0);
    // The title field is searched by word, never by phrase (query/query_text.cpp
    // builds phrases over unprefixed terms): no positions to store.
    terms::index_text(doc, r.title, schema::kTitlePrefix, 1, 0, terms::Positions::dropped);
    pos = terms::index_text(doc, r.text, "", 1, pos + 100);
    // Structured fields (name, organisation, email, lead, ...) weigh like the
    // title: they are what a programme or a contact is about.
    for (const auto& [key, value] : r.fields.items()) {
        if (value.is_string()) pos = terms::index_text(doc, value.get<std::string>(), "", 2, pos + 100);
        if (value.is_array())
            for (const auto& v : value)
                if (v.is_string()) pos = terms::index_text(doc, v.get<std::string>(), "", 2, pos + 100);
    }
    for (const auto& c : r.countries) pos = terms::index_text(doc, c.name, "", 1, pos + 100);
    for (const auto& t : r.themes) pos = terms::index_text(doc, t, "", 1, pos + 100);
    return doc;
}

}  // namespace

namespace {

/// Writes records [begin, end) into a new database at `path`.
void write_range(const std::vector<Record>& records, size_t begin, size_t end, const std::string& path,
                 const XapianWriteOptions& options) {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC |
                                (options.termlists ? 0 : Xapian::DB_NO_TERMLIST));
    const size_t batch = std::max(1u, options.documents_per_commit);
    // Spelling frequencies (documents holding the word), added once per
    // distinct word at the end rather than once per document.
    std::unordered_map<std::string, Xapian::termcount> spelling;
    std::unordered_set<std::string> ids;  // the database is new: only a repeated id needs a replace
    for (size_t i = begin; i < end; ++i) {
        const Record& r = records[i];
        std::string line = record_line(r);
        Xapian::Document doc = make_document(r, line);
        if (options.lines) (*options.lines)[i] = std::move(line);
        // Unprefixed terms are the folded words: they feed the spelling suggestions.
        if (options.spelling)
            for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
                const std::string& term = *t;
                if (!term.empty() && std::islower(static_cast<unsigned char>(term[0]))) ++spelling[term];
            }
        if (ids.insert(r.id).second)
            db.add_document(doc);
        else
            db.replace_document(std::string(schema::kIdPrefix) + r.id, doc);
        if ((i - begin + 1) % batch == 0) db.commit();
    }
    for (const auto& [word, documents] : spelling) db.add_spelling(word, documents);
    if (begin == 0)  // once, in the first shard
        // Acronyms of the guide both ways and the English -> French table (glossary.hpp).
        for (const auto& [key, value] : synonym_pairs(records)) db.add_synonym(key, value);
    db.set_metadata("coopatlas:schema", std::string(schema::kSchemaVersion));
    db.commit();
}

}  // namespace

void write_xapian(const std::vector<Record>& records, const std::string& dir) { write_xapian(records, dir, {}); }

void write_xapian(const std::vector<Record>& records, const std::string& dir, const XapianWriteOptions& options) {
    if (options.lines) options.lines->assign(records.size(), std::string());
    try {
        const size_t shards = std::clamp<size_t>(options.shards, 1, std::max<size_t>(1, records.size() / 1000));
        if (shards == 1) {
            write_range(records, 0, records.size(), dir, options);
            return;
        }
        // Contiguous slices, so compacting renumbers the documents in record order.
        std::vector<std::string> paths;
        std::vector<std::thread> threads;
        std::vector<std::exception_ptr> failures(shards);
        for (size_t k = 0; k < shards; ++k) {
            paths.push_back(dir + ".shard" + std::to_string(k));
            const size_t begin = records.size() * k / shards, end = records.size() * (k + 1) / shards;
            threads.emplace_back([&, k, begin, end] {
                try {
                    write_range(records, begin, end, paths[k], options);
                } catch (...) {
                    failures[k] = std::current_exception();
                }
            });
        }
        for (auto& t : threads) t.join();
        for (auto& f : failures)
            if (f) std::rethrow_exception(f);
        Xapian::Database all;
        for (const auto& path : paths) all.add_database(Xapian::Database(path));
        all.compact(dir);
        for (const auto& path : paths) std::filesystem::remove_all(path);
    } catch (const Xapian::Error& e) {
        throw Error("Xapian: cannot write the index at '" + dir + "': " + e.get_description());
    }
}

}  // namespace coopatlas::indexer
