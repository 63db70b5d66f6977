#pragma once
/// @file index_build.hpp
/// The whole indexing run: guide -> records -> geocoded -> index folder,
/// built beside the target and swapped into place atomically.

#include <functional>
#include <map>
#include <string>

namespace coopatlas::indexer {

struct BuildOptions {
    std::string guide_path;
    std::string out_dir;
    std::string gazetteer_path;  ///< empty: the default gazetteer if present
};

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
