#pragma once
/// @file metrics.hpp
/// Request counters and a latency histogram in the Prometheus text exposition
/// format (https://prometheus.io/docs/instrumenting/exposition_formats/),
/// served at GET /metrics.

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace coopatlas::web {

/// The route a path belongs to, as a low-cardinality label:
/// "/api/entity/passage/x" -> "/api/entity/{id}", a static file -> "static".
std::string route_label(const std::string& method, const std::string& path, int status);

class Metrics {
public:
    /// Upper bounds of the latency buckets, in seconds (the +Inf bucket is implicit).
    static constexpr std::array<double, 10> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 5.0};

    /// Records one answered request. Thread-safe.
    void observe(const std::string& route, int status, double seconds);

    /// The whole registry as Prometheus text (version 0.0.4).
    std::string text() const;

private:
    struct Histogram {
        std::array<unsigned long, kBuckets.size()> buckets{};  // cumulative at render time
        unsigned long count = 0;
        double sum = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, int>, unsigned long> requests_;  // (route, status) -> count
    std::map<std::string, Histogram> latency_;                       // route -> histogram
};

}  // namespace coopatlas::web
