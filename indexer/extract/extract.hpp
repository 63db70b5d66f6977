#pragma once
/// @file extract.hpp
/// guide -> records: every record type the indexer extracts, before geocoding.

#include <vector>

#include "core/record.hpp"
#include "indexer/guide/guide.hpp"

namespace coopatlas::indexer {

std::vector<Record> extract_records(const Guide& guide);

}  // namespace coopatlas::indexer
