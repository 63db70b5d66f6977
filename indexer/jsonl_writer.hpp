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
/// serialises every record once for its document data).
void write_jsonl(const std::vector<std::string>& lines, const std::string& path);

}  // namespace coopatlas::indexer
