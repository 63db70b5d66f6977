#pragma once
/// @file passages.hpp
/// Cuts the guide into paragraph-sized passages: every word of the guide is in
/// exactly one passage, which knows its printed page and its section.

#include <vector>

#include "core/record.hpp"
#include "guide.hpp"

namespace coopatlas::indexer {

std::vector<Record> extract_passages(const Guide& guide, const std::vector<std::vector<std::string>>& sections);

}  // namespace coopatlas::indexer
