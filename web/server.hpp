#pragma once
/// @file server.hpp
/// coopatlas-serve's HTTP routes (docs/architecture.md section 3) around one
/// query::Searcher. Every error becomes {"error": "..."} with 400/404/413/503.

#include <httplib.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "admission.hpp"
#include "core/geo.hpp"
#include "live_index.hpp"
#include "metrics.hpp"
#include "query/searcher.hpp"

namespace coopatlas::web {

struct ServerOptions {
    std::string index_dir = "var/index";
    std::string static_dir;  ///< the page: web/static
    std::string vendor_dir;  ///< node_modules, for Leaflet and the basemap
    /// A keep-alive connection keeps its worker between its requests: enough
    /// workers for the connections of a few browsers (6 each) and of a load test.
    int threads = 16;
    /// An export of more records is refused with a 413 (GDAL writes it whole first).
    size_t max_export_records = 50000;
    /// How often the index folder is checked for a new build (0: only reload_index()).
    std::chrono::milliseconds reload_poll{1000};
    AdmissionLimits admission;
    /// Search answers kept per opened index for the same request again (answer_cache.hpp); 0: none.
    std::size_t answer_cache_bytes = 32u << 20;
    /// Where the server's log lines go (reloads, refusals); default stderr.
    std::function<void(const std::string&)> log;
};

class Server {
public:
    /// Opens the index; a missing index is not fatal: routes answer 503 until
    /// it exists, so the page can tell the user what to do. A new build swapped
    /// into the folder is picked up (live_index.hpp).
    explicit Server(ServerOptions options);

    /// Opens the index folder again now (SIGHUP); false when the new index is
    /// refused and the current one kept.
    bool reload_index() { return live_.reload(); }

    /// Binds and serves until stop(); throws Error when the port is taken.
    void listen(const std::string& host, int port);
    /// Binds to a free port on `host` and returns it (tests); then call serve().
    int bind_any_port(const std::string& host);
    void serve();
    void stop();

private:
    void routes();
    void api_routes();     // GET /api/geojson, /api/suggest (web/routes.cpp)
    void ogc_routes();     // OGC API - Features (web/ogc.hpp)
    void export_routes();  // GET /export/... (web/exports.hpp)
    void metrics_hooks();  // counts every answered request (web/metrics.hpp)
    void request_hooks();  // admission, the request's index snapshot, timing
    /// The searcher of the index the current request started with (held until
    /// its answer is written); throws IndexError (503) when there is none.
    const query::Searcher& searcher();
    /// Box of the points of each record type, computed once (OGC collections).
    const std::map<std::string, std::optional<geo::BBox>>& extents();

    ServerOptions options_;
    LiveIndex live_;
    Admission admission_;
    httplib::Server http_;
    Metrics metrics_;
};

}  // namespace coopatlas::web
