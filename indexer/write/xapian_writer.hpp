#pragma once
/// @file xapian_writer.hpp
/// records -> Xapian database, laid out as core/index_schema.hpp says.

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/record.hpp"

namespace coopatlas::indexer {

/// Writes every record into a new Xapian database at `dir`.
void write_xapian(const std::vector<Record>& records, const std::string& dir);

/// Tuning of write_xapian for large collections (bench/). The
/// defaults are what coopatlas-index uses for the guide. Xapian's own flush
/// threshold is the environment variable XAPIAN_FLUSH_THRESHOLD (documents
/// buffered in memory between automatic commits; default 10000); the writer
/// commits more often than that (documents_per_commit).
struct XapianWriteOptions {
    bool spelling = true;  ///< feed the spelling dictionary (suggestions) with every word
    /// > 1: contiguous slices of the records are written as shards, by one
    /// thread per core taking them in turn, then compacted into `dir` (docids
    /// stay in record order). Shards of ~100k records build fastest here
    /// (bench/README.md); at most one per 1,000 records.
    unsigned shards = 1;
    /// Documents buffered between two commits. Small batches keep Xapian's
    /// in-memory posting maps small: at 100k records, 1,000 cost 2/3 of the
    /// CPU of Xapian's default 10,000 (bench/README.md). The database is
    /// opened without fsync (DB_NO_SYNC): it is built in a staging folder.
    unsigned documents_per_commit = 1000;
    /// When set, receives the JSON line (record_line()) of every document, in
    /// docid order, serialised by the shard threads: the record store
    /// (write_record_store) is written from it. A record whose id repeats an
    /// earlier one replaces it, so there may be fewer lines than records.
    std::vector<std::string>* lines = nullptr;
    /// Told about the steps of a long build (compaction), when set.
    std::function<void(const std::string&)> progress;
    /// Per-document term lists. Off (Xapian::DB_NO_TERMLIST) they save about
    /// a quarter of the build's CPU and a third of the disk: the query library
    /// never reads them (facets come from posting lists, query/facet_table.hpp;
    /// records from the record store). The price, that a document can no
    /// longer be replaced or deleted in place, is none here: an index is
    /// always rebuilt whole and swapped in.
    bool termlists = false;
    /// Word positions, which phrase queries and multi-word synonyms need.
    /// Off only to measure what they cost (coopatlas-bench-gen --no-positions):
    /// every index the tools write keeps them.
    bool positions = true;
    /// From this many records on, documents (and the record store's lines)
    /// are numbered in the spatial order of each record's first point, not in
    /// record order: an area's records then sit in a few docid runs, which
    /// makes a word + area query skip most of the word's postings. The guide
    /// (a few thousand records) keeps its reading order.
    size_t spatial_order_from = 50000;
    /// More synonyms to store beside the glossary's acronyms (key, value):
    /// the dictionaries' (search_dictionaries.hpp), when set.
    const std::vector<std::pair<std::string, std::string>>* synonyms = nullptr;
};

void write_xapian(const std::vector<Record>& records, const std::string& dir, const XapianWriteOptions& options);

/// What the query library reads of an index folder: `index_dir`/xapian, the
/// record store (entities.jsonl + entities.offsets), from the same
/// serialisation of the records, and the frequent terms' bitmaps
/// (terms.bitmaps, term_bitmaps_writer.hpp). `options.lines` is ignored.
void write_search_index(const std::vector<Record>& records, const std::string& index_dir,
                        XapianWriteOptions options = {});

/// A sharded index (docs/scaling.md) at `index_dir`: `shards` Xapian
/// databases `index_dir`/shards/K, document d of the one-index numbering in
/// shard (d - 1) % shards, listed by the stub database `index_dir`/shards.stub
/// (relative "auto" lines), which numbers them back as one index does; the
/// catalogue `index_dir`/catalogue (filter terms, values, spelling, synonyms
/// of every document, for the front server); and the record store and term
/// bitmaps of write_search_index, in the same docid order. `options.shards`
/// (build slices) and `options.lines` are ignored.
void write_sharded_search_index(const std::vector<Record>& records, const std::string& index_dir, unsigned shards,
                                XapianWriteOptions options = {});

}  // namespace coopatlas::indexer
