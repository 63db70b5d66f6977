// A sharded index of the guide (coopatlas-index --shards 2) answers as the
// one index does: through its local stub, and through two xapian-tcpsrv
// servers on loopback ports; a stopped shard server gives the documented
// error (IndexError naming it, HTTP 503). See docs/scaling.md.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/error.hpp"
#include "core/index_schema.hpp"
#include "query/searcher.hpp"
#include "web/running_server.hpp"

namespace fs = std::filesystem;
using namespace coopatlas;
using nlohmann::json;

namespace {

/// A port nobody listens on now (the kernel's choice for a socket bound to port 0).
int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof addr;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), size) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size) != 0)
        throw std::runtime_error("no free loopback port");
    ::close(fd);
    return ntohs(addr.sin_port);
}

bool accepts(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    if (fd >= 0) ::close(fd);
    return ok;
}

/// xapian-tcpsrv serving one shard on a loopback port, killed with the
/// object, or with this process should it die first (PR_SET_PDEATHSIG). A
/// server left behind keeps ctest's output pipe open and stalls the whole run.
class ShardServer {
public:
    ShardServer(std::string shard, int port) : shard_(std::move(shard)), port_(port) { start(); }
    ~ShardServer() { stop(); }
    void start() {
        pid_ = ::fork();
        if (pid_ == 0) {
            ::setpgid(0, 0);  // its connection handlers too are killed by stop()
            // Once, a connection handler with SIGTERM blocked outlived a SIGTERM stop():
            // start with no signal blocked, and stop() kills.
            sigset_t none;
            ::sigemptyset(&none);
            ::sigprocmask(SIG_SETMASK, &none, nullptr);
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            const std::string port = std::to_string(port_);
            ::execlp(COOPATLAS_XAPIAN_TCPSRV, COOPATLAS_XAPIAN_TCPSRV, "--quiet", "--interface", "127.0.0.1", "--port",
                     port.c_str(), "--timeout", "60000", shard_.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        // Bounded wait until it listens.
        for (int i = 0; i < 200 && !accepts(port_); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (!accepts(port_)) throw std::runtime_error("xapian-tcpsrv did not listen on port " + std::to_string(port_));
    }
    void stop() {
        if (pid_ <= 0) return;
        ::kill(-pid_, SIGKILL);  // the server and the handlers it forked per connection; no state to save
        ::waitpid(pid_, nullptr, 0);
        pid_ = 0;
    }
    int port() const { return port_; }

private:
    std::string shard_;
    int port_;
    pid_t pid_ = 0;
};

/// A search body without its timing.
json answer(const query::Searcher& s, const query::SearchRequest& r) {
    json body = s.search(r);
    body.erase("took_ms");
    return body;
}

std::vector<std::string> ids(const std::vector<Record>& records) {
    std::vector<std::string> out;
    for (const auto& r : records) out.push_back(r.id);
    return out;
}

query::SearchRequest request(const std::string& q) {
    query::SearchRequest r;
    r.q = q;
    return r;
}

/// Keyword, radius, box, facet and distance-sorted requests, with paging.
std::vector<query::SearchRequest> requests() {
    std::vector<query::SearchRequest> all;
    for (const char* q : {"assainissement", "eau potable", "AFD", "cooperaton decentralisee",
                          "\"coopération décentralisée\" jeunesse", "pays:ma eau*", "agriculture -eau"})
        all.push_back(request(q));
    auto dakar = request("");
    dakar.near = geo::LatLon{14.69, -17.44};
    dakar.radius_km = 1500;
    all.push_back(dakar);
    dakar.q = "commune";
    all.push_back(dakar);
    dakar.sort = "distance";
    dakar.offset = 5;
    all.push_back(dakar);
    auto nearest = request("eau");
    nearest.near = geo::LatLon{48.85, 2.35};
    nearest.sort = "distance";
    nearest.limit = 40;
    all.push_back(nearest);
    nearest.q.clear();
    nearest.offset = 30;
    all.push_back(nearest);
    auto box = request("");
    box.bbox = geo::BBox{-20, 10, 10, 20};
    all.push_back(box);
    box.q = "eau";
    all.push_back(box);
    box.bbox = geo::BBox{-180, -90, 180, 90};
    box.limit = 50;
    box.offset = 20;
    all.push_back(box);
    auto facets = request("");
    facets.type = "programme";
    facets.country = "sn";
    all.push_back(facets);
    facets = request("développement");
    facets.theme = "eau";
    facets.offset = 3;
    all.push_back(facets);
    return all;
}

}  // namespace

class ShardedSearch : public ::testing::Test {
protected:
    // The guide's index and the same split in two shards are built once for every
    // test process, by the CTest fixtures golden.index and golden.index_sharded.
    static void SetUpTestSuite() {
        const fs::path two = std::string(COOPATLAS_GOLDEN_INDEX) + "-sharded";
        ASSERT_TRUE(fs::exists(two)) << "run the CTest fixture golden.index_sharded first";
        one_ = new query::Searcher(COOPATLAS_GOLDEN_INDEX);
        local_ = new query::Searcher(two.string());
        for (int k = 0; k < 2; ++k)
            servers_[k] = new ShardServer((two / "shards" / std::to_string(k)).string(), free_port());
        // Xapian 1.4's stub syntax for a TCP shard: "remote HOST:PORT"; one stub per test process.
        stub_ = (two / ("remote-" + std::to_string(::getpid()) + ".stub")).string();
        std::ofstream(stub_) << "remote 127.0.0.1:" << servers_[0]->port() << "\n"
                             << "remote 127.0.0.1:" << servers_[1]->port() << "\n";
        remote_ = new query::Searcher(stub_);
    }
    static void TearDownTestSuite() {
        delete remote_;
        for (auto*& s : servers_) delete s, s = nullptr;
        delete local_;
        delete one_;
        fs::remove(stub_);
    }
    static void expect_same_answers(const query::Searcher& sharded) {
        for (const auto& r : requests()) {
            SCOPED_TRACE("q=" + r.q + " sort=" + r.sort + " offset=" + std::to_string(r.offset));
            const json expected = answer(*one_, r);
            EXPECT_EQ(answer(sharded, r), expected);
            EXPECT_EQ(ids(sharded.records(r, 2, 7).records), ids(one_->records(r, 2, 7).records));
            EXPECT_EQ(sharded.count(r), one_->count(r));
            EXPECT_EQ(sharded.match_docids(r), one_->match_docids(r));
        }
    }
    static std::string stub_;
    static query::Searcher *one_, *local_, *remote_;
    static ShardServer* servers_[2];
};
std::string ShardedSearch::stub_;
query::Searcher *ShardedSearch::one_ = nullptr, *ShardedSearch::local_ = nullptr, *ShardedSearch::remote_ = nullptr;
ShardServer* ShardedSearch::servers_[2] = {nullptr, nullptr};

TEST_F(ShardedSearch, TheRequestsFindSomething) {
    // Otherwise equal answers would prove little: words, areas and the sort all select.
    for (const auto& r : requests()) {
        SCOPED_TRACE(r.q);
        EXPECT_GT(answer(*one_, r)["total"].get<int>(), 0);
    }
}

TEST_F(ShardedSearch, TheStubNumbersDocumentsAsOneIndex) {
    ASSERT_TRUE(local_->sharded());
    ASSERT_FALSE(one_->sharded());
    EXPECT_EQ(local_->size(), one_->size());
    Xapian::Database stub(
        (fs::path(std::string(COOPATLAS_GOLDEN_INDEX) + "-sharded") / schema::kShardsStubFile).string());
    EXPECT_EQ(stub.size(), 2u);
    EXPECT_EQ(stub.get_lastdocid(), Xapian::Database(std::string(COOPATLAS_GOLDEN_INDEX) + "/xapian").get_lastdocid());
}

TEST_F(ShardedSearch, LocalShardsAnswerAsOneIndex) { expect_same_answers(*local_); }

TEST_F(ShardedSearch, RemoteShardsAnswerAsOneIndex) {
    expect_same_answers(*remote_);
    const std::string id = answer(*one_, request("assainissement"))["results"][0]["id"];
    EXPECT_EQ(to_json(remote_->get(id)), to_json(one_->get(id)));
    EXPECT_EQ(remote_->suggest("assain"), one_->suggest("assain"));
    auto dakar = request("eau");
    dakar.near = geo::LatLon{14.69, -17.44};
    dakar.radius_km = 3000;
    EXPECT_EQ(ids(remote_->all_matches(dakar)), ids(one_->all_matches(dakar)));
}

TEST_F(ShardedSearch, AStoppedShardIsA503NamingItUntilItIsBack) {
    web::ServerOptions options;
    options.index_dir = stub_;
    options.static_dir = std::string(COOPATLAS_SOURCE_DIR) + "/web/static";
    web::testing::RunningServer front(options);
    ASSERT_EQ(front.get("/api/search?q=eau")->status, 200);

    servers_[1]->stop();
    const std::string port = std::to_string(servers_[1]->port());
    try {
        remote_->search(request("eau"));
        ADD_FAILURE() << "no error with a shard stopped";
    } catch (const IndexError& e) {
        EXPECT_NE(std::string(e.what()).find("127.0.0.1:" + port), std::string::npos) << e.what();
    }
    auto res = front.get("/api/search?q=eau");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 503);
    const json body = json::parse(res->body);
    EXPECT_NE(body["error"].get<std::string>().find("127.0.0.1:" + port), std::string::npos) << res->body;

    servers_[1]->start();
    EXPECT_EQ(answer(*remote_, request("eau")), answer(*one_, request("eau")));
    EXPECT_EQ(front.get("/api/search?q=eau")->status, 200);
}
