// Hot reload: a new index swapped into the served folder is picked up while
// requests run, none fails, and a broken one is refused.
#include "web/live_index.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "excerpt_indexes.hpp"
#include "indexer/write/index_build.hpp"
#include "running_server.hpp"

namespace fs = std::filesystem;
using namespace coopatlas;
using nlohmann::json;
using web::testing::RunningServer;

namespace {

// The indexes of two small guides: "paragraphe" is only in the second, "santini" only in the first.
std::string index_a() { return coopatlas::test_support::search_excerpt_index(); }
std::string index_b() { return coopatlas::test_support::pages_excerpt_index(); }

/// A new build of `index` in `dir`, as a server sees one: a copy of the index
/// built once per run, swapped into place as coopatlas-index does (how a build
/// is written and swapped in is IndexBuild's test).
void build(const std::string& index, const std::string& dir) { coopatlas::test_support::publish_copy(index, dir); }

std::string scratch(const std::string& name) {
    fs::path p = fs::temp_directory_path() / ("coopatlas-reload-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(p);
    return p.string();
}

/// total of /api/search?q=WORD, or -1 when the request failed.
long total_for(const RunningServer& running, const std::string& word) {
    auto res = running.get("/api/search?q=" + word);
    if (!res || res->status != 200) return -1;
    return json::parse(res->body)["total"].get<long>();
}

/// Waits (up to a generous bound, for a loaded machine) until `done` holds.
template <typename F>
bool eventually(F done) {
    for (int i = 0; i < 600; ++i) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return done();
}

web::ServerOptions options_for(const std::string& dir) {
    web::ServerOptions options;
    options.index_dir = dir;
    options.reload_poll = std::chrono::milliseconds(20);
    options.log = [](const std::string&) {};
    return options;
}

}  // namespace

TEST(LiveIndex, RebuildsSwappedInPlaceAreServedWithoutAFailedRequest) {
    const std::string dir = scratch("load");
    build(index_a(), dir);
    RunningServer running(options_for(dir));
    ASSERT_EQ(total_for(running, "paragraphe"), 0);

    std::atomic<bool> stop{false};
    std::atomic<long> answered{0}, failed{0};
    std::vector<std::thread> clients;
    const std::vector<std::string> paths = {"/api/search?q=cooperation", "/healthz", "/api/geojson?q=cooperation",
                                            "/ogc/collections/passage/items?limit=5", "/api/suggest?q=coop"};
    for (int c = 0; c < 3; ++c)
        clients.emplace_back([&, c] {
            httplib::Client client("127.0.0.1", running.port());
            client.set_keep_alive(true);
            for (size_t i = static_cast<size_t>(c); !stop; ++i) {
                auto res = client.Get(paths[i % paths.size()].c_str());
                (res && res->status == 200 ? answered : failed) += 1;
            }
        });
    for (int rebuild = 0; rebuild < 4; ++rebuild) {
        const bool second = rebuild % 2 == 0;
        build(second ? index_b() : index_a(), dir);
        EXPECT_TRUE(eventually([&] { return (total_for(running, "paragraphe") > 0) == second; }))
            << "rebuild " << rebuild << " was not picked up";
    }
    stop = true;
    for (auto& t : clients) t.join();
    EXPECT_EQ(failed, 0);
    EXPECT_GT(answered, 0);
    auto health = json::parse(running.get("/healthz")->body);
    EXPECT_GE(health["index"]["reloads"].get<int>(), 4);
    EXPECT_FALSE(health["index"]["built_at"].get<std::string>().empty());
    EXPECT_GT(health["index"]["records_by_type"]["passage"].get<int>(), 0);
    fs::remove_all(dir);
}

TEST(LiveIndex, ABrokenNewIndexIsRefusedAndTheOldOneKept) {
    const std::string dir = scratch("broken");
    build(index_a(), dir);
    web::ServerOptions options = options_for(dir);
    options.reload_poll = std::chrono::milliseconds(0);  // reloads by reload_index() only (SIGHUP)
    RunningServer running(options);
    const long before = total_for(running, "santini");
    ASSERT_GT(before, 0);

    // A build whose record store does not match its database, swapped in as coopatlas-index would.
    const std::string broken = scratch("broken-staging");
    build(index_b(), broken);
    fs::remove(fs::path(broken) / "entities.offsets");
    indexer::swap_into_place(broken, dir);
    EXPECT_FALSE(running.server().reload_index());
    EXPECT_EQ(total_for(running, "santini"), before);
    auto health = json::parse(running.get("/healthz")->body);
    EXPECT_EQ(health["status"], "ok");
    EXPECT_TRUE(health["index"].contains("refused")) << health.dump();

    // A good build afterwards is taken.
    build(index_b(), dir);
    EXPECT_TRUE(running.server().reload_index());
    EXPECT_GT(total_for(running, "paragraphe"), 0);
    health = json::parse(running.get("/healthz")->body);
    EXPECT_FALSE(health["index"].contains("refused")) << health.dump();
    EXPECT_EQ(health["index"]["reloads"].get<int>(), 1);
    fs::remove_all(dir);
}

TEST(LiveIndex, AnIndexThatAppearsLaterIsServed) {
    const std::string dir = scratch("later");
    RunningServer running(options_for(dir));
    auto res = running.get("/api/search?q=santini");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 503);
    build(index_a(), dir);
    EXPECT_TRUE(eventually([&] { return total_for(running, "santini") > 0; }));
    fs::remove_all(dir);
}

TEST(IndexIdentity, ChangesWithEachBuild) {
    const std::string dir = scratch("identity");
    EXPECT_EQ(web::IndexIdentity::of(dir), web::IndexIdentity{});
    build(index_a(), dir);
    const auto first = web::IndexIdentity::of(dir);
    EXPECT_NE(first.folder, 0u);
    EXPECT_NE(first.meta, 0u);
    build(index_a(), dir);
    EXPECT_NE(web::IndexIdentity::of(dir), first);
    fs::remove_all(dir);
}
