#pragma once
/// @file programmes.hpp
/// PROGRAMME / PROJET blocks -> programme records (issue 3).

#include <string>
#include <vector>

#include "core/record.hpp"
#include "guide.hpp"

namespace coopatlas::indexer {

std::vector<Record> extract_programmes(const Guide& guide, const std::vector<std::vector<std::string>>& sections);

}  // namespace coopatlas::indexer
