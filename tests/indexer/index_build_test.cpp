#include "indexer/index_build.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/error.hpp"

namespace fs = std::filesystem;
using namespace coopatlas;
using namespace coopatlas::indexer;

namespace {
fs::path scratch(const std::string& name) {
    fs::path p = fs::temp_directory_path() / ("coopatlas-test-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(p);
    return p;
}
}  // namespace

TEST(IndexBuild, WritesXapianAndJsonl) {
    fs::path out = scratch("build");
    auto summary = build_index({std::string(COOPATLAS_FIXTURES) + "/pages_excerpt.txt", out.string(), ""},
                               [](const std::string&) {});
    EXPECT_GT(summary.records_by_type["passage"], 0);
    EXPECT_TRUE(fs::exists(out / "xapian"));
    std::ifstream jsonl(out / "entities.jsonl");
    int lines = 0;
    for (std::string l; std::getline(jsonl, l);) ++lines;
    EXPECT_EQ(lines, summary.records_by_type["passage"]);
    fs::remove_all(out);
}

TEST(IndexBuild, FailedBuildLeavesPreviousIndexUntouched) {
    fs::path out = scratch("atomic");
    build_index({std::string(COOPATLAS_FIXTURES) + "/pages_excerpt.txt", out.string(), ""}, [](const std::string&) {});
    auto before = fs::last_write_time(out / "entities.jsonl");
    EXPECT_THROW(build_index({"/no/such/guide.txt", out.string(), ""}, [](const std::string&) {}), Error);
    EXPECT_TRUE(fs::exists(out / "entities.jsonl"));
    EXPECT_EQ(fs::last_write_time(out / "entities.jsonl"), before);
    // no staging folder left behind
    for (const auto& e : fs::directory_iterator(out.parent_path()))
        EXPECT_EQ(e.path().filename().string().find(".coopatlas-test-atomic"), std::string::npos);
    fs::remove_all(out);
}

TEST(IndexBuild, RebuildReplacesTheIndex) {
    fs::path out = scratch("swap");
    build_index({std::string(COOPATLAS_FIXTURES) + "/pages_excerpt.txt", out.string(), ""}, [](const std::string&) {});
    std::ofstream(out / "stale-marker") << "old";
    build_index({std::string(COOPATLAS_FIXTURES) + "/pages_excerpt.txt", out.string(), ""}, [](const std::string&) {});
    EXPECT_FALSE(fs::exists(out / "stale-marker"));
    EXPECT_TRUE(fs::exists(out / "xapian"));
    fs::remove_all(out);
}
