#include "admission.hpp"

namespace coopatlas::web {

namespace {

using Clock = std::chrono::steady_clock;

/// How long the connection a worker thread is serving waited in the queue, from
/// its acceptance to a worker taking it; cleared once its first request is
/// admitted: a later request on the same keep-alive connection did not wait in
/// the queue. (Not measured up to the first request: a browser may open a
/// connection long before it sends anything on it.)
thread_local std::optional<Clock::duration> connection_queued;

}  // namespace

/// httplib's ThreadPool, with a count of the connections queued or served.
class Admission::CountingQueue : public httplib::TaskQueue {
public:
    CountingQueue(std::size_t threads, std::atomic<std::size_t>& inflight) : pool_(threads), inflight_(inflight) {}

    void enqueue(std::function<void()> fn) override {
        inflight_.fetch_add(1, std::memory_order_relaxed);
        pool_.enqueue([this, fn = std::move(fn), accepted = Clock::now()] {
            connection_queued = Clock::now() - accepted;
            fn();  // httplib catches what a connection throws
            connection_queued.reset();
            inflight_.fetch_sub(1, std::memory_order_relaxed);
        });
    }
    void shutdown() override { pool_.shutdown(); }

private:
    httplib::ThreadPool pool_;
    std::atomic<std::size_t>& inflight_;
};

httplib::TaskQueue* Admission::make_queue(std::size_t threads) { return new CountingQueue(threads, inflight_); }

std::optional<std::string> Admission::refusal() {
    const std::size_t now_inflight = inflight();
    if (now_inflight > limits_.max_inflight)
        return "server busy: " + std::to_string(now_inflight) + " connections in flight, more than --max-inflight " +
               std::to_string(limits_.max_inflight) + "; retry shortly";
    if (connection_queued) {
        const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(*connection_queued);
        connection_queued.reset();
        if (limits_.request_timeout.count() > 0 && waited > limits_.request_timeout)
            return "server busy: the request waited " + std::to_string(waited.count()) +
                   " ms for a worker, more than --request-timeout-ms " +
                   std::to_string(limits_.request_timeout.count()) + "; retry shortly";
    }
    return std::nullopt;
}

}  // namespace coopatlas::web
