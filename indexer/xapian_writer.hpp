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
/// buffered in memory between automatic commits; default 10000).
struct XapianWriteOptions {
    bool spelling = true;  ///< feed the spelling dictionary (suggestions) with every word
    /// > 1: contiguous slices of the records are written as shards by parallel
    /// threads, then compacted into `dir` (docids stay in record order).
    unsigned shards = 1;
};

void write_xapian(const std::vector<Record>& records, const std::string& dir, const XapianWriteOptions& options);

}  // namespace coopatlas::indexer
