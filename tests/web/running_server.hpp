#pragma once
// A coopatlas server on a free loopback port for the web tests.
#include <httplib.h>

#include <string>
#include <thread>

#include "web/server.hpp"

namespace coopatlas::web::testing {

/// Served by a background thread for as long as the object lives.
class RunningServer {
public:
    explicit RunningServer(ServerOptions options) : server_(std::move(options)) {
        port_ = server_.bind_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.serve(); });
    }
    ~RunningServer() {
        server_.stop();
        thread_.join();
    }
    RunningServer(const RunningServer&) = delete;
    RunningServer& operator=(const RunningServer&) = delete;

    int port() const { return port_; }
    Server& server() { return server_; }
    httplib::Result get(const std::string& path) const {
        httplib::Client client("127.0.0.1", port_);
        return client.Get(path.c_str());
    }

private:
    Server server_;
    int port_ = 0;
    std::thread thread_;
};

}  // namespace coopatlas::web::testing
