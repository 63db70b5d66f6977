// libFuzzer target: a URL (path and query string) sent to coopatlas-serve over
// loopback, as the page, QGIS or curl send them: the server's own parsing of
// every parameter (search filters, bbox, near + radius_km, limit/offset, zoom,
// OGC paging, suggest, exports) and the work each route then does with them.
// The server runs once, over the web tests' small index with points.
//
// What must hold: the server answers, never with a 5xx (a 500 is an uncaught
// exception, a 503 here a refusal no request deserves), and every JSON body
// parses (no invalid UTF-8 copied from the URL into an answer).
#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "web/fixture_index.hpp"
#include "web/running_server.hpp"

namespace {

struct Served {
    std::string dir = coopatlas::fixture::write_fixture_index("coopatlas-fuzz-request");
    std::unique_ptr<coopatlas::web::testing::RunningServer> server;
    std::unique_ptr<httplib::Client> client;
    Served() {
        coopatlas::web::ServerOptions options;
        options.index_dir = dir;
        options.reload_poll = std::chrono::milliseconds(0);
        options.log = [](const std::string&) {};
        server = std::make_unique<coopatlas::web::testing::RunningServer>(options);
        connect();
    }
    /// A new keep-alive connection. No time limit of the client's own (5 s by
    /// default, less than a loaded machine may take): libFuzzer's -timeout judges.
    void connect() {
        client = std::make_unique<httplib::Client>("127.0.0.1", server->port());
        client->set_keep_alive(true);
        client->set_url_encode(false);  // the target encodes: what it sends is what the server reads
        client->set_read_timeout(3600);
        client->set_write_timeout(3600);
    }
    ~Served() {
        client.reset();
        server.reset();
        std::filesystem::remove_all(dir);
    }
};

/// The input as a request target: a path (default /api/search) and the query
/// string as typed, with the bytes a request line cannot hold percent-encoded
/// (the server decodes them back, so every byte still reaches the parameters).
std::string request_target(std::string_view input) {
    std::string target = input.empty() || input.front() != '/' ? "/api/search?" : "";
    static const char* hex = "0123456789ABCDEF";
    for (unsigned char c : input) {
        if (c <= 0x20 || c >= 0x7f || c == '#') {
            target += '%';
            target += hex[c >> 4];
            target += hex[c & 15];
        } else {
            target += static_cast<char>(c);
        }
    }
    return target;
}

[[noreturn]] void fail(const std::string& target, const std::string& why) {
    std::fprintf(stderr, "request_params_fuzz: GET %s: %s\n", target.c_str(), why.c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static Served served;
    const std::string target = request_target(std::string_view(reinterpret_cast<const char*>(data), size));
    auto res = served.client->Get(target.c_str());
    if (!res) {
        // The server may close a kept-alive connection as the request leaves
        // (its idle timeout): once more on a new connection, which must answer.
        served.connect();
        res = served.client->Get(target.c_str());
    }
    if (!res) fail(target, "no answer (" + httplib::to_string(res.error()) + ")");
    if (res->status >= 500) fail(target, std::to_string(res->status) + " " + res->body);
    const std::string type = res->get_header_value("Content-Type");
    if (type.find("json") != std::string::npos && !nlohmann::json::accept(res->body))
        fail(target, "a " + std::to_string(res->status) + " answer that is not JSON: " + res->body.substr(0, 200));
    return 0;
}
