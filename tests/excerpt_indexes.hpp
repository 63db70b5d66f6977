#pragma once
/// @file excerpt_indexes.hpp
/// The indexes of two guide excerpts (tests/fixtures/search_excerpt.txt and
/// pages_excerpt.txt, no gazetteer), built once per CTest run by the fixture
/// tests fixture.search_excerpt_index and cli.coopatlas-index.no_geocode
/// (tests/CMakeLists.txt) for the suites that
/// search or serve an index without testing how it is built (IndexBuild and
/// the golden tests do). Each build reads the dictionaries for ~5 s: built in
/// every test process, as before, they took minutes of the suite. Run the
/// binaries through ctest (or run those two fixture tests first).

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "indexer/write/index_build.hpp"

namespace coopatlas::test_support {

/// The index of an excerpt, to read only; fails the test when CTest has not built it.
inline std::string excerpt_index(const std::string& excerpt) {
    const std::string dir = std::string(COOPATLAS_EXCERPT_INDEXES) + "/" + excerpt;
    EXPECT_TRUE(std::filesystem::is_directory(dir))
        << "no index at " << dir << ": run the tests through ctest (its fixture tests build it)";
    return dir;
}
inline std::string search_excerpt_index() { return excerpt_index("search"); }
inline std::string pages_excerpt_index() { return excerpt_index("pages"); }

/// A copy of `index` swapped into `target` as coopatlas-index publishes each
/// new build (indexer::swap_into_place): for a server, a new index in place.
inline void publish_copy(const std::string& index, const std::string& target) {
    namespace fs = std::filesystem;
    const fs::path staging = fs::path(target).parent_path() / (fs::path(target).filename().string() + ".copying");
    fs::remove_all(staging);
    fs::copy(index, staging, fs::copy_options::recursive);
    indexer::swap_into_place(staging.string(), target);
}

}  // namespace coopatlas::test_support
