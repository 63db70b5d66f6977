#pragma once
/// @file xapian_writer.hpp
/// records -> Xapian database, laid out as core/index_schema.hpp says.

#include <string>
#include <vector>

#include "core/record.hpp"

namespace coopatlas::indexer {

/// Writes every record into a new Xapian database at `dir`.
void write_xapian(const std::vector<Record>& records, const std::string& dir);

}  // namespace coopatlas::indexer
