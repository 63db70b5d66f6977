#pragma once
/// @file jsonl_writer.hpp
/// records -> entities.jsonl: one record per line, the JSON form of record.hpp.

#include <string>
#include <vector>

#include "core/record.hpp"

namespace coopatlas::indexer {

void write_jsonl(const std::vector<Record>& records, const std::string& path);

}  // namespace coopatlas::indexer
