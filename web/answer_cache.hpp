#pragma once
/// @file answer_cache.hpp
/// The answers of GET /api/search for one opened index, kept for when the same
/// parameters are asked again. An opened index never changes (a new build is a
/// new OpenIndex, live_index.hpp, with a cache of its own), so a kept answer
/// is the answer; only `took_ms` differs, and is the time of each request. The
/// least recently used answers go first past `max_bytes`.

#include <cstddef>
#include <list>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>

namespace coopatlas::web {

class AnswerCache {
public:
    /// `max_bytes` 0: nothing is kept.
    explicit AnswerCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

    /// The key of a request: every parameter, in order (a multimap's order).
    static std::string key_of(const std::multimap<std::string, std::string>& params);

    /// The kept answer for `key` with `took_ms` written in, or nothing.
    std::optional<std::string> find(const std::string& key, double took_ms);
    /// Keeps `body` (the text of a JSON object with a top-level "took_ms")
    /// for `key`; a body larger than the whole cache is not kept.
    void keep(const std::string& key, const std::string& body);

    /// For /healthz: entries, bytes, hits, misses.
    nlohmann::json status() const;

private:
    /// A body cut around the value of its "took_ms".
    struct Answer {
        std::string before, after;
    };
    using Entries = std::list<std::pair<std::string, Answer>>;  ///< most recently used first

    const std::size_t max_bytes_;
    mutable std::mutex mutex_;
    Entries entries_;
    std::unordered_map<std::string, Entries::iterator> by_key_;
    std::size_t bytes_ = 0;
    unsigned long hits_ = 0, misses_ = 0;
};

}  // namespace coopatlas::web
