#pragma once
/// @file passages.hpp
/// Cuts the guide into paragraph-sized passages: every word of the guide is in
/// exactly one passage, which knows its printed page and its section.
/// The text is kept as the guide has it (search folds case away); the title,
/// its beginning, is display text repaired like the other records' fields.

#include <vector>

#include "core/record.hpp"
#include "indexer/guide/display_text.hpp"
#include "indexer/guide/guide.hpp"

namespace coopatlas::indexer {

std::vector<Record> extract_passages(const Guide& guide, const std::vector<std::vector<std::string>>& sections);
/// The same with a display repair already learnt from `guide`.
std::vector<Record> extract_passages(const Guide& guide, const std::vector<std::vector<std::string>>& sections,
                                     const DisplayText& display);

}  // namespace coopatlas::indexer
