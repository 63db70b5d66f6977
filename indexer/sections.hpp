#pragma once
/// @file sections.hpp
/// The heading path ("section") of every line of the guide.

#include <string>
#include <vector>

#include "guide.hpp"

namespace coopatlas::indexer {

/// For each line of the guide (index = line number - 1), the path of headings
/// that contains it, outermost first.
std::vector<std::vector<std::string>> section_paths(const Guide& guide);

}  // namespace coopatlas::indexer
