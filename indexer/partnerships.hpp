#pragma once
/// @file partnerships.hpp
/// cooperations stated in prose and blocks -> partner and partnership records (issue 3).

#include <string>
#include <vector>

#include "core/record.hpp"
#include "guide.hpp"

namespace coopatlas::indexer {

std::vector<Record> extract_partnerships(const Guide& guide, const std::vector<std::vector<std::string>>& sections);

}  // namespace coopatlas::indexer
