// Requests answered on several threads at once, as coopatlas-serve's workers
// answer them, give the answers they give one at a time: each request reads
// the index through Xapian handles of its own (query/handle_pool.hpp), and
// nothing they share is changed without a lock. Runs on the golden index
// (the whole guide with its points), like golden_queries_test.cpp.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <thread>

#include "query/request.hpp"
#include "query/searcher.hpp"

namespace fs = std::filesystem;
using namespace coopatlas;
using nlohmann::json;

namespace {

/// Search parameters as the server receives them: words, areas, sorting, facets, paging.
const std::vector<std::multimap<std::string, std::string>> kRequests = {
    {{"q", "eau"}},
    {{"q", "jumelage"}, {"type", "partnership"}},
    {{"q", "cooperation decentralisee"}, {"limit", "50"}},
    {{"q", "\"gestion des dechets\""}},
    {{"q", "AFD"}},
    {{"q", "formation OR jeunesse"}, {"offset", "5"}},
    {{"q", "cooperaton"}},
    {{"q", "coop*"}},
    {},
    {{"type", "partner"}},
    {{"q", "eau"}, {"near", "14.69,-17.44"}, {"radius_km", "500"}},
    {{"near", "34.02,-6.83"}, {"radius_km", "200"}, {"sort", "distance"}, {"type", "partner"}},
    {{"bbox", "-20,0,20,40"}},
    {{"q", "sante"}, {"bbox", "-20,0,20,40"}, {"sort", "distance"}, {"near", "6.37,2.43"}},
};

/// Everything the requests answer, with the duration left out.
std::vector<std::string> answers(const query::Searcher& searcher) {
    std::vector<std::string> out;
    for (const auto& params : kRequests) {
        const query::SearchRequest request = query::parse_request(params);
        json body = searcher.search(request);
        body.erase("took_ms");
        out.push_back(body.dump());
        out.push_back(std::to_string(searcher.match_docids(request).size()));
        out.push_back(std::to_string(searcher.records(request, 0, 20, true).total));
        if (!body["results"].empty()) out.push_back(searcher.get(body["results"][0]["id"]).id);
    }
    out.push_back(searcher.suggest("dev", 5).dump());
    return out;
}

}  // namespace

TEST(ConcurrentSearch, ThreadsAtOnceAnswerAsOneAtATime) {
    const std::string dir = COOPATLAS_GOLDEN_INDEX;
    ASSERT_TRUE(fs::exists(fs::path(dir) / "entities.jsonl"))
        << "no golden index at " << dir << ": run through ctest (fixture golden.index: cd build && ctest -R golden)";
    const query::Searcher searcher(dir);
    searcher.geo_index();  // the points are loaded: every thread runs its requests in full
    const std::vector<std::string> expected = answers(searcher);

    constexpr int kThreads = 8, kRounds = 3;
    std::atomic<int> differing = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&] {
            for (int round = 0; round < kRounds; ++round)
                if (answers(searcher) != expected) ++differing;
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(differing, 0);
}
