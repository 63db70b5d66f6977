#pragma once
/// @file live_index.hpp
/// The index a server answers from, and its replacement while the server runs.
///
/// coopatlas-index builds a new index beside the old one and swaps the folders
/// (indexer/write/index_build.hpp). LiveIndex notices the swap (the folder's and its
/// meta.json's identity change; polled) or is asked to reload (SIGHUP), opens
/// the new index completely, checks it, and only then publishes it. Requests
/// hold a shared_ptr snapshot of the OpenIndex they started with: those in
/// flight finish on the old index, which is closed when the last one ends. A
/// broken new index is refused and the old one kept.

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>

#include "answer_cache.hpp"
#include "core/geo.hpp"
#include "query/searcher.hpp"

namespace coopatlas::web {

/// What tells one build of an index folder from the next: the folder's inode
/// (the indexer swaps whole folders) and its meta.json's inode and mtime.
struct IndexIdentity {
    dev_t dev = 0;
    ino_t folder = 0;
    ino_t meta = 0;
    long long meta_mtime_ns = 0;
    bool operator==(const IndexIdentity&) const = default;

    /// The identity of `index_dir` now; all zero when it does not exist.
    static IndexIdentity of(const std::string& index_dir);
};

/// One opened index and what is derived from it once: a snapshot that
/// requests share (std::shared_ptr<const OpenIndex>).
class OpenIndex {
public:
    /// Opens the index; with `wait_for_load`, also waits for its background
    /// load (points, facets) and runs a search, so that an index replacing
    /// another answers every route once published (the first one answers at
    /// once, geographic requests waiting for the points). Throws IndexError
    /// when the index is missing or unreadable.
    /// `answer_cache_bytes`: the size of its AnswerCache (0: none).
    OpenIndex(const std::string& index_dir, IndexIdentity identity, bool wait_for_load,
              std::size_t answer_cache_bytes = 0);

    const query::Searcher& searcher() const { return *searcher_; }
    const IndexIdentity& identity() const { return identity_; }
    /// meta.json of the index (an empty object when it has none).
    const nlohmann::json& meta() const { return meta_; }
    std::chrono::system_clock::time_point opened_at() const { return opened_at_; }

    /// The search answers given from this index, kept for the same request again.
    AnswerCache& answers() const { return answers_; }

    /// Box of the points of each record type (OGC collections), computed on first use.
    const std::map<std::string, std::optional<geo::BBox>>& extents() const;

private:
    std::unique_ptr<query::Searcher> searcher_;
    IndexIdentity identity_;
    nlohmann::json meta_;
    std::chrono::system_clock::time_point opened_at_;
    mutable AnswerCache answers_;
    mutable std::once_flag extents_once_;
    mutable std::map<std::string, std::optional<geo::BBox>> extents_;
};

class LiveIndex {
public:
    /// Tries to open `index_dir` at once; a missing or broken index is not
    /// fatal: current() throws IndexError (HTTP 503) until one is loaded.
    /// `log` receives one line per reload or refusal (the server prints them on stderr).
    /// Each index opened keeps search answers up to `answer_cache_bytes` (answer_cache.hpp).
    LiveIndex(std::string index_dir, std::function<void(const std::string&)> log, std::size_t answer_cache_bytes = 0);
    ~LiveIndex();
    LiveIndex(const LiveIndex&) = delete;
    LiveIndex& operator=(const LiveIndex&) = delete;

    /// The index to answer a request from; throws IndexError when there is none.
    std::shared_ptr<const OpenIndex> current() const;
    /// current(), or null when there is none.
    std::shared_ptr<const OpenIndex> current_or_null() const;

    /// Opens the folder again and publishes it when it opens and answers; else
    /// keeps the current index and records why. Returns true when published.
    /// One reload at a time; safe from any thread.
    bool reload();

    /// Reloads whenever the folder's identity changes (checked every `period`)
    /// from a thread of its own, until the LiveIndex is destroyed.
    void watch(std::chrono::milliseconds period);

    /// For /healthz: the index's build (meta.json built_at, records by type),
    /// when it was opened, the number of reloads, the last refusal (or why
    /// there is no index: "error").
    nlohmann::json status() const;

    const std::string& index_dir() const { return index_dir_; }

private:
    /// Opens and publishes, or records the refusal. With reload_mutex_ held.
    bool open_and_publish(bool wait_for_load);

    std::string index_dir_;
    std::function<void(const std::string&)> log_;
    std::size_t answer_cache_bytes_;
    mutable std::mutex mutex_;  ///< guards current_, error_, refused_, reloads_
    std::shared_ptr<const OpenIndex> current_;
    std::string error_;                     ///< why there is no index, or why the last one was refused
    std::optional<IndexIdentity> refused_;  ///< the build last refused: not retried until it changes
    std::string refused_at_;
    unsigned long reloads_ = 0;
    std::mutex reload_mutex_;  ///< one reload at a time

    std::mutex watch_mutex_;
    std::condition_variable watch_stop_;
    bool stopping_ = false;
    std::thread watcher_;
};

}  // namespace coopatlas::web
