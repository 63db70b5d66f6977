#include "server.hpp"

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "http.hpp"
#include "query/clusters.hpp"
#include "query/request.hpp"

namespace coopatlas::web {

using nlohmann::json;

namespace {

std::function<void(const std::string&)> log_or_stderr(std::function<void(const std::string&)> log) {
    if (log) return log;
    return [](const std::string& line) { std::cerr << "coopatlas-serve: " << line << std::endl; };
}

/// The index snapshot of the request a worker thread is answering: taken when
/// the request is routed, released once its answer is written, so that a
/// request answers from one index even when a new one is published meanwhile.
thread_local std::shared_ptr<const OpenIndex> request_index;
thread_local std::chrono::steady_clock::time_point request_started{};

}  // namespace

Server::Server(ServerOptions options)
    : options_(std::move(options)),
      live_(options_.index_dir, log_or_stderr(options_.log), options_.answer_cache_bytes),
      admission_(options_.admission) {
    http_.new_task_queue = [this] { return admission_.make_queue(static_cast<size_t>(options_.threads)); };
    http_.set_payload_max_length(64 * 1024);
    // A response goes out as two writes (headers, then body): with Nagle's algorithm the
    // body waits for the client's delayed ACK, 40 ms on Linux loopback, for every request.
    http_.set_tcp_nodelay(true);
    routes();
    if (options_.reload_poll.count() > 0) live_.watch(options_.reload_poll);
}

const query::Searcher& Server::searcher() {
    if (!request_index) request_index = live_.current();  // throws IndexError when there is none
    return request_index->searcher();
}

const std::map<std::string, std::optional<geo::BBox>>& Server::extents() {
    searcher();  // throws IndexError (503) without an index
    return request_index->extents();
}

void Server::request_hooks() {
    http_.set_pre_routing_handler([this](const httplib::Request&, httplib::Response& res) {
        request_started = std::chrono::steady_clock::now();
        if (auto refusal = admission_.refusal()) {
            res.set_header("Retry-After", "1");
            send_json(res, {{"error", *refusal}}, 503);
            return httplib::Server::HandlerResponse::Handled;
        }
        request_index = live_.current_or_null();
        return httplib::Server::HandlerResponse::Unhandled;
    });
    // The logger runs on the worker thread that answered, after the response is written.
    http_.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        request_index.reset();
        double seconds = 0;
        if (request_started != std::chrono::steady_clock::time_point{})
            seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - request_started).count();
        request_started = {};
        metrics_.observe(route_label(req.method, req.path, res.status), res.status, seconds);
    });
}

void Server::routes() {
    if (!options_.static_dir.empty()) http_.set_mount_point("/", options_.static_dir);
    if (!options_.vendor_dir.empty()) {
        http_.set_mount_point("/vendor/leaflet", options_.vendor_dir + "/leaflet/dist");
        http_.set_mount_point("/vendor/world-atlas", options_.vendor_dir + "/world-atlas");
        http_.set_mount_point("/vendor/topojson-client", options_.vendor_dir + "/topojson-client/dist");
    }
    http_.Get("/healthz", guarded([this](const httplib::Request&, httplib::Response& res) {
                  json body = {{"status", request_index ? "ok" : "no index"}};
                  if (request_index) {
                      body["records"] = request_index->searcher().size();
                      // Keyword search answers at once; geographic search waits for the points' grid.
                      body["geo_index"] = request_index->searcher().geo_index_ready() ? "ready" : "loading";
                  }
                  body["index"] = live_.status();
                  if (!request_index) body["error"] = body["index"].value("error", "no index");
                  body["inflight"] = admission_.inflight();
                  send_json(res, body, request_index ? 200 : 503);
              }));
    http_.Get(
        "/api/search", guarded([this](const httplib::Request& req, httplib::Response& res) {
            const auto params = params_of(req);
            const query::SearchRequest request = query::parse_request(params);  // a bad one is never kept
            const query::Searcher& index = searcher();
            AnswerCache& answers = request_index->answers();
            const std::string key = AnswerCache::key_of(params);
            const double took_ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - request_started).count();
            if (auto kept = answers.find(key, took_ms)) {
                res.set_content(std::move(*kept), kJsonContentType);
                return;
            }
            send_json(res, index.search(request));
            answers.keep(key, res.body);
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
    request_hooks();
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
