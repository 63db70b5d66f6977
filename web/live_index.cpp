#include "live_index.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "core/record.hpp"
#include "core/utc_time.hpp"

namespace coopatlas::web {

namespace {

nlohmann::json read_meta(const std::string& index_dir) {
    std::ifstream in(std::filesystem::path(index_dir) / "meta.json");
    if (!in) return nlohmann::json::object();  // an index written before meta.json, or by a benchmark
    auto meta = nlohmann::json::parse(in, nullptr, false);
    if (!meta.is_object())
        throw IndexError("the meta.json of '" + index_dir + "' is not a JSON object: rebuild the index");
    return meta;
}

/// How many times LiveIndex::reload opens a folder that is swapped again while
/// it opens, before it gives up until the next change.
constexpr int kOpenAttempts = 3;

}  // namespace

IndexIdentity IndexIdentity::of(const std::string& index_path) {
    IndexIdentity id;
    struct stat st {};
    if (::stat(index_path.c_str(), &st) != 0) return id;
    // A stub file of a sharded index (docs/scaling.md): its folder is the index.
    const std::string index_dir =
        S_ISREG(st.st_mode) ? (std::filesystem::path(index_path).parent_path() / ".").string() : index_path;
    if (::stat(index_dir.c_str(), &st) != 0) return id;
    id.dev = st.st_dev;
    id.folder = st.st_ino;
    if (::stat((index_dir + "/meta.json").c_str(), &st) == 0) {
        id.meta = st.st_ino;
        id.meta_mtime_ns = static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
    }
    return id;
}

// ------------------------------------------------------------------ OpenIndex

OpenIndex::OpenIndex(const std::string& index_dir, IndexIdentity identity, bool wait_for_load,
                     std::size_t answer_cache_bytes)
    : searcher_(std::make_unique<query::Searcher>(index_dir)),
      identity_(identity),
      meta_(read_meta(searcher_->index_dir())),  // the folder, also when a stub file was named
      opened_at_(std::chrono::system_clock::now()),
      // Remote shards may fail (a 503 naming them) or be served anew behind the
      // front's back: a sharded index's answers are not kept.
      answers_(searcher_->sharded() ? 0 : answer_cache_bytes) {
    if (!wait_for_load) return;
    // An index whose points cannot be read is refused here rather than failing
    // geographic requests once published.
    searcher_->geo_index();
    searcher_->search(query::SearchRequest{});
}

const std::map<std::string, std::optional<geo::BBox>>& OpenIndex::extents() const {
    std::call_once(extents_once_, [&] {
        for (const auto& type : record_types()) {
            query::SearchRequest request;
            request.type = type;
            // From the points' grid: no record is read, even at a million. The
            // grid keeps the index's coordinates (Xapian's, ~2 m): the box is
            // widened by 5e-5 degree (~5 m) and rounded outward to 1e-4 degree.
            auto box = searcher_->geo_index().extent(searcher_->match_docids(request));
            if (box) {
                box->west = std::max(-180.0, std::floor((box->west - 5e-5) * 1e4) / 1e4);
                box->south = std::max(-90.0, std::floor((box->south - 5e-5) * 1e4) / 1e4);
                box->east = std::min(180.0, std::ceil((box->east + 5e-5) * 1e4) / 1e4);
                box->north = std::min(90.0, std::ceil((box->north + 5e-5) * 1e4) / 1e4);
            }
            extents_[type] = box;
        }
    });
    return extents_;
}

// ------------------------------------------------------------------ LiveIndex

LiveIndex::LiveIndex(std::string index_dir, std::function<void(const std::string&)> log, std::size_t answer_cache_bytes)
    : index_dir_(std::move(index_dir)), log_(std::move(log)), answer_cache_bytes_(answer_cache_bytes) {
    std::lock_guard reload_lock(reload_mutex_);
    open_and_publish(false);  // answer at once; the points load in the background
}

LiveIndex::~LiveIndex() {
    {
        std::lock_guard lock(watch_mutex_);
        stopping_ = true;
    }
    watch_stop_.notify_all();
    if (watcher_.joinable()) watcher_.join();
}

std::shared_ptr<const OpenIndex> LiveIndex::current_or_null() const {
    std::lock_guard lock(mutex_);
    return current_;
}

std::shared_ptr<const OpenIndex> LiveIndex::current() const {
    std::lock_guard lock(mutex_);
    if (!current_) throw IndexError(error_);
    return current_;
}

bool LiveIndex::reload() {
    std::lock_guard reload_lock(reload_mutex_);
    return open_and_publish(current_or_null() != nullptr);
}

bool LiveIndex::open_and_publish(bool wait_for_load) {
    std::string error;
    IndexIdentity before;
    for (int attempt = 0; attempt < kOpenAttempts; ++attempt) {
        before = IndexIdentity::of(index_dir_);
        try {
            auto fresh = std::make_shared<const OpenIndex>(index_dir_, before, wait_for_load, answer_cache_bytes_);
            // The indexer swapped the folder again while it was being opened:
            // the files read may come from two builds. Open the newer one.
            if (!(IndexIdentity::of(index_dir_) == before)) continue;
            bool first;
            {
                std::lock_guard lock(mutex_);
                first = !current_;
                current_ = fresh;
                refused_.reset();
                error_.clear();
                if (!first) ++reloads_;
            }
            log_(std::string(first ? "opened" : "reloaded") + " the index " + index_dir_ + " (" +
                 std::to_string(fresh->searcher().size()) + " records, built " +
                 fresh->meta().value("built_at", std::string("at an unknown time")) + ")");
            return true;
        } catch (const std::exception& e) {
            error = e.what();
            if (!(IndexIdentity::of(index_dir_) == before)) continue;
            break;
        }
    }
    if (error.empty()) error = "the index at '" + index_dir_ + "' kept changing while it was opened";
    std::lock_guard lock(mutex_);
    refused_ = before;
    refused_at_ = iso8601_utc(std::chrono::system_clock::now());
    error_ = error;
    if (current_)
        log_("refused the new index at " + index_dir_ + ", still answering from the one built " +
             current_->meta().value("built_at", std::string("at an unknown time")) + ": " + error);
    else
        log_("no index: " + error);
    return false;
}

void LiveIndex::watch(std::chrono::milliseconds period) {
    watcher_ = std::thread([this, period] {
        std::unique_lock lock(watch_mutex_);
        while (!watch_stop_.wait_for(lock, period, [this] { return stopping_; })) {
            const IndexIdentity now = IndexIdentity::of(index_dir_);
            bool changed;
            {
                std::lock_guard state(mutex_);
                const bool seen = current_ && current_->identity() == now;
                const bool refused = refused_ && *refused_ == now;
                changed = !seen && !refused && now.folder != 0;
            }
            if (changed) {
                lock.unlock();
                reload();
                lock.lock();
            }
        }
    });
}

nlohmann::json LiveIndex::status() const {
    std::lock_guard lock(mutex_);
    nlohmann::json body = {{"dir", index_dir_}, {"reloads", reloads_}};
    if (current_) {
        const auto& meta = current_->meta();
        body["built_at"] = meta.value("built_at", nlohmann::json());
        body["records_by_type"] = meta.value("records", nlohmann::json::object());
        body["opened_at"] = iso8601_utc(current_->opened_at());
        body["answer_cache"] = current_->answers().status();
    }
    if (!current_)
        body["error"] = error_;
    else if (refused_)
        body["refused"] = {{"at", refused_at_}, {"error", error_}};
    return body;
}

}  // namespace coopatlas::web
