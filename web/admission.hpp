#pragma once
/// @file admission.hpp
/// Load shedding: a cap on the connections in flight and a time budget for a
/// request to reach a worker. Past either, the request is answered 503 with a
/// JSON error as soon as a worker reads it, without running the route: an
/// overloaded server drains its backlog quickly instead of answering every
/// request too late.
///
/// cpp-httplib hands each accepted connection to a task queue whose worker
/// threads read and answer its requests (several with keep-alive). The
/// queue built here counts those connections and stamps when each arrived.

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

namespace coopatlas::web {

struct AdmissionLimits {
    /// Connections being answered or waiting for a worker; past it, 503.
    std::size_t max_inflight = 256;
    /// How long a request may wait for a worker; past it, 503. 0: no budget.
    std::chrono::milliseconds request_timeout{10000};
};

class Admission {
public:
    explicit Admission(AdmissionLimits limits) : limits_(limits) {}

    /// The server's task queue: `threads` workers, counting the connections in
    /// flight (the server owns and deletes it).
    httplib::TaskQueue* make_queue(std::size_t threads);

    /// Called on the worker thread before a request is routed: the reason to
    /// refuse it (503), or nothing to run it.
    std::optional<std::string> refusal();

    std::size_t inflight() const { return inflight_.load(std::memory_order_relaxed); }
    const AdmissionLimits& limits() const { return limits_; }

private:
    class CountingQueue;
    AdmissionLimits limits_;
    std::atomic<std::size_t> inflight_{0};
};

}  // namespace coopatlas::web
