#pragma once
/// @file etalab_lists.hpp
/// The French administrative lists of the @etalab/decoupage-administratif npm
/// package (communes.json, departements.json, regions.json, epci.json): arrays
/// of objects, of which the party lexicon keeps only the name, the type and the
/// population of each entry.

#include <string>
#include <string_view>
#include <vector>

namespace coopatlas::indexer {

/// The members of one list entry the lexicon uses (absent members stay empty or 0).
struct EtalabEntry {
    std::string nom, type;
    long population = 0, population_totale = 0;
};

/// Reads one list; throws Error naming the file when it cannot be read or is not
/// valid JSON.
std::vector<EtalabEntry> read_etalab_list(const std::string& path);

/// The same from JSON text already in memory; throws Error (with the byte offset)
/// when it is not valid JSON.
std::vector<EtalabEntry> parse_etalab_list(std::string_view json);

}  // namespace coopatlas::indexer
