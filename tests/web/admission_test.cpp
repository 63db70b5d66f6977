// The concurrency cap and the time budget: 503 with a JSON error past them.
#include "web/admission.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>

#include "fixture_index.hpp"
#include "running_server.hpp"

using namespace coopatlas;
using nlohmann::json;
using web::testing::RunningServer;

namespace {

/// A connection that sends nothing: it holds a worker thread, which waits for
/// its request, until closed.
class IdleConnection {
public:
    explicit IdleConnection(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) ADD_FAILURE() << "connect";
    }
    ~IdleConnection() { close(); }
    void close() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }

private:
    int fd_;
};

web::ServerOptions options_with(size_t threads, web::AdmissionLimits limits) {
    static const std::string dir = fixture::write_fixture_index("coopatlas-admission");
    web::ServerOptions options;
    options.index_dir = dir;
    options.threads = static_cast<int>(threads);
    options.admission = limits;
    options.log = [](const std::string&) {};
    return options;
}

bool eventually_ok(const RunningServer& running) {
    for (int i = 0; i < 200; ++i) {
        auto res = running.get("/healthz");
        if (res && res->status == 200) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

}  // namespace

TEST(Admission, PastTheConnectionCapIs503WithAJsonError) {
    RunningServer running(options_with(2, {1, std::chrono::milliseconds(0)}));
    IdleConnection idle(running.port());  // one connection in flight: the cap
    auto res = running.get("/api/search?q=eau");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 503);
    EXPECT_EQ(res->get_header_value("Retry-After"), "1");
    EXPECT_NE(json::parse(res->body)["error"].get<std::string>().find("--max-inflight"), std::string::npos);
    idle.close();
    EXPECT_TRUE(eventually_ok(running));  // the idle connection's worker sees it closed
}

TEST(Admission, ARequestWaitingForAWorkerPastTheBudgetIs503) {
    RunningServer running(options_with(1, {100, std::chrono::milliseconds(100)}));
    IdleConnection idle(running.port());  // holds the only worker
    auto waiting = std::async(std::launch::async, [&] { return running.get("/api/search?q=eau"); });
    // The request cannot be read before the idle connection closes: it waits at least this long.
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    idle.close();
    auto res = waiting.get();
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 503);
    EXPECT_NE(json::parse(res->body)["error"].get<std::string>().find("--request-timeout-ms"), std::string::npos);
    EXPECT_TRUE(eventually_ok(running));  // a request that does not wait is answered
}

TEST(Admission, WithinTheLimitsRequestsAreAnswered) {
    RunningServer running(options_with(2, {2, std::chrono::milliseconds(1000)}));
    for (int i = 0; i < 20; ++i) {
        auto res = running.get("/api/search?q=eau");
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 200);
    }
}
