#include "metrics.hpp"

#include <sstream>
#include <vector>

namespace coopatlas::web {

namespace {

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

/// Label values escape backslash, double quote and newline (exposition format).
std::string escape_label(const std::string& v) {
    std::string out;
    for (char c : v) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

}  // namespace

std::string route_label(const std::string& method, const std::string& path, int status) {
    static const std::vector<std::string> exact = {"/",
                                                   "/healthz",
                                                   "/metrics",
                                                   "/api/search",
                                                   "/api/geojson",
                                                   "/api/suggest",
                                                   "/api/clusters",
                                                   "/ogc",
                                                   "/ogc/conformance",
                                                   "/ogc/api",
                                                   "/ogc/collections",
                                                   "/export/atlas.gpkg"};
    std::string label;
    const std::string trimmed = path.size() > 1 && path.back() == '/' ? path.substr(0, path.size() - 1) : path;
    for (const auto& e : exact)
        if (trimmed == e) label = e;
    if (!label.empty()) {
    } else if (starts_with(path, "/api/entity/")) {
        label = "/api/entity/{id}";
    } else if (starts_with(path, "/ogc/collections/")) {
        std::string rest = path.substr(17);
        size_t items = rest.find("/items");
        if (items == std::string::npos)
            label = "/ogc/collections/{type}";
        else if (rest.size() == items + 6)
            label = "/ogc/collections/{type}/items";
        else
            label = "/ogc/collections/{type}/items/{id}";
    } else if (starts_with(path, "/export/")) {
        label = "/export/{file}";
    } else if (starts_with(path, "/vendor/")) {
        label = "/vendor";
    } else if (starts_with(path, "/api/") || starts_with(path, "/ogc") || status == 404) {
        label = "unknown";  // unknown routes share one label so scanners cannot grow the registry
    } else {
        label = "static";
    }
    if (method.empty()) return "unknown";  // the request line could not be parsed (e.g. 414)
    return method == "GET" || method == "HEAD" ? label : method + " " + label;
}

void Metrics::observe(const std::string& route, int status, double seconds) {
    std::lock_guard lock(mutex_);
    ++requests_[{route, status}];
    Histogram& h = latency_[route];
    for (size_t i = 0; i < kBuckets.size(); ++i)
        if (seconds <= kBuckets[i]) {
            ++h.buckets[i];
            break;
        }
    ++h.count;
    h.sum += seconds;
}

std::string Metrics::text() const {
    std::lock_guard lock(mutex_);
    std::ostringstream out;
    out << "# HELP coopatlas_http_requests_total HTTP requests answered, by route and status.\n"
        << "# TYPE coopatlas_http_requests_total counter\n";
    for (const auto& [key, n] : requests_)
        out << "coopatlas_http_requests_total{route=\"" << escape_label(key.first) << "\",status=\"" << key.second
            << "\"} " << n << "\n";
    out << "# HELP coopatlas_http_request_duration_seconds Time to answer a request, by route.\n"
        << "# TYPE coopatlas_http_request_duration_seconds histogram\n";
    for (const auto& [route, h] : latency_) {
        std::string r = escape_label(route);
        unsigned long cumulative = 0;
        for (size_t i = 0; i < kBuckets.size(); ++i) {
            cumulative += h.buckets[i];
            out << "coopatlas_http_request_duration_seconds_bucket{route=\"" << r << "\",le=\"" << kBuckets[i] << "\"} "
                << cumulative << "\n";
        }
        out << "coopatlas_http_request_duration_seconds_bucket{route=\"" << r << "\",le=\"+Inf\"} " << h.count << "\n"
            << "coopatlas_http_request_duration_seconds_sum{route=\"" << r << "\"} " << h.sum << "\n"
            << "coopatlas_http_request_duration_seconds_count{route=\"" << r << "\"} " << h.count << "\n";
    }
    return out.str();
}

}  // namespace coopatlas::web
