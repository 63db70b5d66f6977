#pragma once
/// @file server.hpp
/// coopatlas-serve's HTTP routes (docs/architecture.md section 3) around one
/// query::Searcher. Every error becomes {"error": "..."} with 400/404/413/503.

#include <httplib.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/geo.hpp"
#include "metrics.hpp"
#include "query/searcher.hpp"

namespace coopatlas::web {

struct ServerOptions {
    std::string index_dir = "var/index";
    std::string static_dir;  ///< the page: web/static
    std::string vendor_dir;  ///< node_modules, for Leaflet and the basemap
    int threads = 4;
    /// An export of more records is refused with a 413 (GDAL writes it whole first).
    size_t max_export_records = 50000;
};

class Server {
public:
    /// Opens the index; a missing index is not fatal: routes answer 503 until
    /// it exists, so the page can tell the user what to do.
    explicit Server(ServerOptions options);

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
    const query::Searcher& searcher();
    /// Box of the points of each record type, computed once (OGC collections).
    const std::map<std::string, std::optional<geo::BBox>>& extents();

    ServerOptions options_;
    httplib::Server http_;
    std::unique_ptr<query::Searcher> searcher_;
    std::string index_error_;
    Metrics metrics_;
    std::once_flag extents_once_;
    std::map<std::string, std::optional<geo::BBox>> extents_;
};

}  // namespace coopatlas::web
