#include "indexer/write/index_build.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "scratch_dir.hpp"

namespace fs = std::filesystem;
using namespace coopatlas;
using namespace coopatlas::indexer;
using coopatlas::test_support::scratch_path;

namespace {
/// Runs `body` with the working directory set to `dir`, then restores it.
template <typename F>
void in_directory(const fs::path& dir, F body) {
    const fs::path before = fs::current_path();
    fs::create_directories(dir);
    fs::current_path(dir);
    try {
        body();
    } catch (...) {
        fs::current_path(before);
        throw;
    }
    fs::current_path(before);
}

const std::string kGuide = std::string(COOPATLAS_FIXTURES) + "/pages_excerpt.txt";
}  // namespace

TEST(IndexBuild, NoGazetteerIsAnErrorThatSaysHowToBuildOne) {
    fs::path dir = scratch_path("no-gazetteer");
    in_directory(dir, [&] {
        try {
            find_gazetteer("", "var/index");
            FAIL() << "found a gazetteer in an empty folder";
        } catch (const Error& e) {
            EXPECT_NE(std::string(e.what()).find("coopatlas-gazetteer --out var/gazetteer.gpkg"), std::string::npos)
                << e.what();
            EXPECT_NE(std::string(e.what()).find("--no-geocode"), std::string::npos) << e.what();
        }
        // A build that would geocode writes nothing rather than an index without points.
        EXPECT_THROW(build_index({kGuide, "var/index", ""}, [](const std::string&) {}), Error);
        EXPECT_FALSE(fs::exists("var"));
    });
    fs::remove_all(dir);
}

TEST(IndexBuild, GivenGazetteerMustExist) {
    EXPECT_THROW(find_gazetteer("/no/such/gazetteer.gpkg", "var/index"), Error);
}

TEST(IndexBuild, FindsTheGazetteerWhereTheReadmeBuildsItOrBesideTheIndex) {
    fs::path dir = scratch_path("find-gazetteer");
    in_directory(dir, [&] {
        fs::create_directories("elsewhere");
        std::ofstream("elsewhere/gazetteer.gpkg") << "stand-in";
        EXPECT_EQ(fs::path(find_gazetteer("", "elsewhere/index")).filename(), "gazetteer.gpkg");
        EXPECT_EQ(fs::path(find_gazetteer("", "elsewhere/index")).parent_path().filename(), "elsewhere");
        fs::create_directories("var");
        std::ofstream("var/gazetteer.gpkg") << "stand-in";
        EXPECT_EQ(find_gazetteer("", "elsewhere/index"), "var/gazetteer.gpkg");
    });
    fs::remove_all(dir);
}

TEST(IndexBuild, MetaJsonRecordsTheInputs) {
    fs::path out = scratch_path("meta");
    auto summary = build_index({kGuide, out.string(), "", false}, [](const std::string&) {});
    std::ifstream in(out / "meta.json");
    const auto meta = nlohmann::json::parse(in);
    EXPECT_FALSE(meta["geocoded"].get<bool>());
    EXPECT_TRUE(meta["inputs"]["gazetteer"].is_null());
    const auto& guide = meta["inputs"]["guide"];
    EXPECT_EQ(guide["bytes"].get<std::uintmax_t>(), fs::file_size(kGuide));
    EXPECT_EQ(guide["sha256"].get<std::string>().size(), 64u);
    EXPECT_EQ(fs::path(guide["path"].get<std::string>()), fs::absolute(kGuide).lexically_normal());
    EXPECT_FALSE(meta["inputs"]["etalab_lists"]["version"].get<std::string>().empty());
    EXPECT_EQ(meta["inputs"]["etalab_lists"]["name"], "@etalab/decoupage-administratif");
    EXPECT_EQ(meta["inputs"]["country_names"]["sha256"].get<std::string>().size(), 64u);
    EXPECT_EQ(meta["records"]["passage"].get<int>(), summary.records_by_type["passage"]);
    EXPECT_FALSE(meta["built_at"].get<std::string>().empty());

    // Another guide, another digest.
    fs::path other = scratch_path("meta-other");
    build_index({std::string(COOPATLAS_FIXTURES) + "/search_excerpt.txt", other.string(), "", false},
                [](const std::string&) {});
    std::ifstream in_other(other / "meta.json");
    EXPECT_NE(nlohmann::json::parse(in_other)["inputs"]["guide"]["sha256"], guide["sha256"]);
    fs::remove_all(out);
    fs::remove_all(other);
}

TEST(IndexBuild, WritesXapianAndJsonl) {
    fs::path out = scratch_path("build");
    auto summary = build_index({std::string(COOPATLAS_FIXTURES) + "/pages_excerpt.txt", out.string(), "", false},
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
    fs::path out = scratch_path("atomic");
    build_index({std::string(COOPATLAS_FIXTURES) + "/pages_excerpt.txt", out.string(), "", false},
                [](const std::string&) {});
    auto before = fs::last_write_time(out / "entities.jsonl");
    EXPECT_THROW(build_index({"/no/such/guide.txt", out.string(), "", false}, [](const std::string&) {}), Error);
    EXPECT_TRUE(fs::exists(out / "entities.jsonl"));
    EXPECT_EQ(fs::last_write_time(out / "entities.jsonl"), before);
    // no staging folder left behind
    for (const auto& e : fs::directory_iterator(out.parent_path()))
        EXPECT_EQ(e.path().filename().string().find(".coopatlas-test-atomic"), std::string::npos);
    fs::remove_all(out);
}

TEST(IndexBuild, RebuildReplacesTheIndex) {
    fs::path out = scratch_path("swap");
    build_index({std::string(COOPATLAS_FIXTURES) + "/pages_excerpt.txt", out.string(), "", false},
                [](const std::string&) {});
    std::ofstream(out / "stale-marker") << "old";
    build_index({std::string(COOPATLAS_FIXTURES) + "/pages_excerpt.txt", out.string(), "", false},
                [](const std::string&) {});
    EXPECT_FALSE(fs::exists(out / "stale-marker"));
    EXPECT_TRUE(fs::exists(out / "xapian"));
    fs::remove_all(out);
}
