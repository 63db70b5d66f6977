#include "web/server.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "indexer/index_build.hpp"
#include "query/request.hpp"
#include "query/searcher.hpp"

namespace fs = std::filesystem;
using namespace coopatlas;
using nlohmann::json;

class ServerTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = (fs::temp_directory_path() / ("coopatlas-server-" + std::to_string(::getpid()))).string();
        indexer::build_index({std::string(COOPATLAS_FIXTURES) + "/search_excerpt.txt", dir_, ""},
                             [](const std::string&) {});
        web::ServerOptions options;
        options.index_dir = dir_;
        options.static_dir = std::string(COOPATLAS_SOURCE_DIR) + "/web/static";
        server_ = new web::Server(options);
        port_ = server_->bind_any_port("127.0.0.1");
        thread_ = new std::thread([] { server_->serve(); });
    }
    static void TearDownTestSuite() {
        server_->stop();
        thread_->join();
        delete thread_;
        delete server_;
        fs::remove_all(dir_);
    }
    static httplib::Result get(const std::string& path) {
        httplib::Client client("127.0.0.1", port_);
        return client.Get(path.c_str());
    }
    static std::string dir_;
    static web::Server* server_;
    static std::thread* thread_;
    static int port_;
};
std::string ServerTest::dir_;
web::Server* ServerTest::server_ = nullptr;
std::thread* ServerTest::thread_ = nullptr;
int ServerTest::port_ = 0;

TEST_F(ServerTest, HealthzAnswers) {
    auto res = get("/healthz");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(json::parse(res->body)["status"], "ok");
}

TEST_F(ServerTest, SearchEqualsTheLibraryAnswer) {
    auto res = get("/api/search?q=assainissement&limit=5");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200);
    json body = json::parse(res->body);
    query::Searcher direct(dir_);
    json expected = direct.search(query::parse_request({{"q", "assainissement"}, {"limit", "5"}}));
    body.erase("took_ms");
    expected.erase("took_ms");
    EXPECT_EQ(body, expected);
    EXPECT_GT(body["results"][0]["page"].get<int>(), 0);
}

TEST_F(ServerTest, BadParameterIs400WithJsonError) {
    auto res = get("/api/search?q=eau&limit=abc");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400);
    EXPECT_TRUE(json::parse(res->body).contains("error"));
}

TEST_F(ServerTest, TooLongQueryIs413) {
    auto res = get("/api/search?q=" + std::string(query::kMaxQueryBytes + 10, 'a'));
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 413);
}

TEST_F(ServerTest, UnknownEntityAndRouteAre404) {
    auto res = get("/api/entity/passage/nope");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404);
    EXPECT_TRUE(json::parse(res->body).contains("error"));
    res = get("/api/nothing-here");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404);
    EXPECT_TRUE(json::parse(res->body).contains("error"));
}

TEST_F(ServerTest, PageIsServed) {
    auto res = get("/");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_NE(res->body.find("<input"), std::string::npos);
}
