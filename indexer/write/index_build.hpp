#pragma once
/// @file index_build.hpp
/// The whole indexing run: guide -> records -> geocoded -> index folder,
/// built beside the target and swapped into place atomically.

#include <functional>
#include <map>
#include <string>

#include "indexer/dictionaries/search_dictionaries.hpp"

namespace coopatlas::indexer {

struct BuildOptions {
    std::string guide_path;
    std::string out_dir;
    std::string gazetteer_path;  ///< empty: find_gazetteer() looks in the usual places
    bool geocode = true;         ///< false (--no-geocode): no gazetteer, records without points
    /// > 1: the index is split into this many shards listed by a stub
    /// (write_sharded_search_index, docs/scaling.md).
    unsigned shards = 1;
    /// The dictionaries read for English queries and French synonyms (required).
    DictionaryPaths dictionaries = {};
};

/// The gazetteer a build geocodes with: `given` when not empty, else
/// var/gazetteer.gpkg of the working directory (where scripts/index.sh builds
/// it), else gazetteer.gpkg beside the index folder `out_dir`. Throws Error
/// naming the paths tried and how to build a gazetteer: an index without
/// points is only written on purpose (BuildOptions::geocode false).
std::string find_gazetteer(const std::string& given, const std::string& out_dir);

struct BuildSummary {
    std::map<std::string, int> records_by_type;
    std::map<std::string, int> points_by_precision;
    double seconds = 0;
};

/// Progress messages go to `progress` (the CLI prints them on stderr).
BuildSummary build_index(const BuildOptions& options, const std::function<void(const std::string&)>& progress);

/// Moves `staging` to `target` atomically: on Linux the two folders are
/// exchanged with renameat2(RENAME_EXCHANGE) and the old one removed, so a
/// reader sees either the whole old index or the whole new one.
void swap_into_place(const std::string& staging, const std::string& target);

}  // namespace coopatlas::indexer
