#include "server.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "http.hpp"
#include "query/clusters.hpp"
#include "query/request.hpp"

namespace coopatlas::web {

using nlohmann::json;

Server::Server(ServerOptions options) : options_(std::move(options)) {
    try {
        searcher_ = std::make_unique<query::Searcher>(options_.index_dir);
    } catch (const IndexError& e) {
        index_error_ = e.what();
    }
    http_.new_task_queue = [threads = options_.threads] {
        return new httplib::ThreadPool(static_cast<size_t>(threads));
    };
    http_.set_payload_max_length(64 * 1024);
    routes();
}

const query::Searcher& Server::searcher() {
    if (!searcher_) throw IndexError(index_error_);
    return *searcher_;
}

void Server::routes() {
    if (!options_.static_dir.empty()) http_.set_mount_point("/", options_.static_dir);
    if (!options_.vendor_dir.empty()) {
        http_.set_mount_point("/vendor/leaflet", options_.vendor_dir + "/leaflet/dist");
        http_.set_mount_point("/vendor/world-atlas", options_.vendor_dir + "/world-atlas");
        http_.set_mount_point("/vendor/topojson-client", options_.vendor_dir + "/topojson-client/dist");
    }
    http_.Get("/healthz", guarded([this](const httplib::Request&, httplib::Response& res) {
                  json body = {{"status", searcher_ ? "ok" : "no index"}};
                  if (searcher_) {
                      body["records"] = searcher_->size();
                      // Keyword search answers at once; geographic search waits for the points' grid.
                      body["geo_index"] = searcher_->geo_index_ready() ? "ready" : "loading";
                  } else
                      body["error"] = index_error_;
                  send_json(res, body, searcher_ ? 200 : 503);
              }));
    http_.Get("/api/search", guarded([this](const httplib::Request& req, httplib::Response& res) {
                  send_json(res, searcher().search(query::parse_request(params_of(req))));
              }));
    http_.Get("/api/clusters", guarded([this](const httplib::Request& req, httplib::Response& res) {
                  send_json(res, query::clusters(searcher(), params_of(req)));
              }));
    http_.Get(R"(/api/entity/(.+))", guarded([this](const httplib::Request& req, httplib::Response& res) {
                  send_json(res, to_json(searcher().get(req.matches[1])));
              }));
    api_routes();
    ogc_routes();
    export_routes();
    metrics_hooks();
    http_.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (res.status == 404 && res.body.empty())
            send_json(res, {{"error", "no route for " + req.method + " " + req.path}}, 404);
        else if (res.status == 413 && res.body.empty())  // cpp-httplib's own 413 (body over the limit)
            send_json(res, {{"error", "request too large"}}, 413);
        else if (res.body.empty())
            send_json(res, {{"error", "HTTP " + std::to_string(res.status)}}, res.status);
    });
    http_.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string message = "internal error";
        try {
            if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            message += std::string(": ") + e.what();
        } catch (...) {
        }
        send_json(res, {{"error", message}}, 500);
    });
}

void Server::listen(const std::string& host, int port) {
    if (!http_.bind_to_port(host.c_str(), port))
        throw Error("cannot listen on " + host + ":" + std::to_string(port) + " (port in use or address invalid)");
    serve();
}

int Server::bind_any_port(const std::string& host) {
    int port = http_.bind_to_any_port(host.c_str());
    if (port < 0) throw Error("cannot bind to " + host);
    return port;
}

void Server::serve() {
    if (!http_.listen_after_bind()) throw Error("the server stopped with an error");
}

void Server::stop() { http_.stop(); }

}  // namespace coopatlas::web
