#pragma once
/// @file contacts.hpp
/// CONTACT(S) blocks and programme "Coordonnées" -> contact records (issue 3).

#include <string>
#include <vector>

#include "core/record.hpp"
#include "guide.hpp"

namespace coopatlas::indexer {

std::vector<Record> extract_contacts(const Guide& guide, const std::vector<std::vector<std::string>>& sections);

}  // namespace coopatlas::indexer
