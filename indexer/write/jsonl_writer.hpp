#pragma once
/// @file jsonl_writer.hpp
/// records -> entities.jsonl: one record per line, the JSON form of record.hpp.

#include <string>
#include <vector>

#include "core/record.hpp"

namespace coopatlas::indexer {

/// One record's line of entities.jsonl, which is also its Xapian document data
/// (invalid UTF-8 replaced by U+FFFD, no newline).
std::string record_line(const Record& r);

void write_jsonl(const std::vector<Record>& records, const std::string& path);

/// Writes lines already made by record_line (e.g. by write_xapian, which
/// serialises the records in its shard threads).
void write_jsonl(const std::vector<std::string>& lines, const std::string& path);

/// The index's record store (core/index_schema.hpp, docs/index-format.md):
/// `index_dir`/entities.jsonl from `lines` (in docid order) and
/// entities.offsets, where each line starts.
void write_record_store(const std::vector<std::string>& lines, const std::string& index_dir);

}  // namespace coopatlas::indexer
