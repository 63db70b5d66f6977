#pragma once
/// @file searcher.hpp
/// The only reader of the Xapian index: keyword + geographic search with
/// facets, snippets and a spelling suggestion. The CLI and the server are thin
/// shells around it.

#include <xapian.h>

#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/record.hpp"
#include "geo_index.hpp"
#include "request.hpp"

namespace coopatlas::query {

class Searcher {
public:
    /// Opens the index folder written by coopatlas-index; throws IndexError
    /// with a hint when it is missing or of another layout.
    explicit Searcher(const std::string& index_dir);

    /// The body of GET /api/search (docs/architecture.md section 3).
    nlohmann::json search(const SearchRequest& request) const;

    /// The whole record; throws NotFoundError for an unknown id.
    Record get(const std::string& id) const;

    /// Completions for a prefix: {"q", "suggestions": [..]}.
    nlohmann::json suggest(const std::string& prefix, int limit = 10) const;

    /// Every record matching `request` (ignoring limit/offset), for exports.
    std::vector<Record> all_matches(const SearchRequest& request) const;

    /// The docids of every record matching `request` (ignoring limit, offset
    /// and sort), ascending; for clusters and benchmarks.
    std::vector<Xapian::docid> match_docids(const SearchRequest& request) const;

    /// The docids of one page of `request` (as search() orders them), without
    /// facets, snippets or the exact total; for benchmarks.
    std::vector<Xapian::docid> top_docids(const SearchRequest& request) const;

    /// The in-memory index of every record's points, loaded when the index opens.
    const GeoIndex& geo_index() const { return *geo_; }

    Xapian::doccount size() const;
    const std::string& index_dir() const { return index_dir_; }

private:
    struct Prepared;
    Prepared prepare(const SearchRequest& request) const;
    /// `base` restricted to the records with a point in the request's circle/box.
    Xapian::Query with_geo(const Xapian::Query& base, const SearchRequest& request) const;

    std::string index_dir_;
    mutable std::mutex mutex_;  // Xapian::Database objects are not thread-safe
    mutable Xapian::Database db_;
    std::shared_ptr<const GeoIndex> geo_;
};

}  // namespace coopatlas::query
