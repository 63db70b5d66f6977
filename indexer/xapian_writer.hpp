#pragma once
/// @file xapian_writer.hpp
/// records -> Xapian database, laid out as core/index_schema.hpp says.

#include <string>
#include <vector>

#include "core/record.hpp"

namespace coopatlas::indexer {

/// Writes every record into a new Xapian database at `dir`.
void write_xapian(const std::vector<Record>& records, const std::string& dir);

/// Tuning of write_xapian for large collections (bench/, issue 6). The
/// defaults are what coopatlas-index uses for the guide. Xapian's own flush
/// threshold is the environment variable XAPIAN_FLUSH_THRESHOLD (documents
/// buffered in memory between automatic commits; default 10000); the writer
/// commits more often than that (documents_per_commit).
struct XapianWriteOptions {
    bool spelling = true;  ///< feed the spelling dictionary (suggestions) with every word
    /// > 1: contiguous slices of the records are written as shards by parallel
    /// threads, then compacted into `dir` (docids stay in record order).
    unsigned shards = 1;
    /// Documents buffered between two commits. Small batches keep Xapian's
    /// in-memory posting maps small: at 100k records, 1,000 cost 2/3 of the
    /// CPU of Xapian's default 10,000 (bench/README.md). The database is
    /// opened without fsync (DB_NO_SYNC): it is built in a staging folder.
    unsigned documents_per_commit = 1000;
    /// When set, receives every record's JSON (record_line(), the document
    /// data), in record order, so that entities.jsonl is written from it
    /// (write_jsonl(lines)) without serialising the records a second time.
    std::vector<std::string>* lines = nullptr;
    /// false: no per-document term lists (Xapian::DB_NO_TERMLIST), about a
    /// quarter of the build's CPU. The query library never reads them (the
    /// facets come from posting lists, query/facet_table.hpp); the price is
    /// that a document can no longer be replaced or deleted in place.
    bool termlists = true;
};

void write_xapian(const std::vector<Record>& records, const std::string& dir, const XapianWriteOptions& options);

}  // namespace coopatlas::indexer
