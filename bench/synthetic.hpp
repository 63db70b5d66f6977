#pragma once
/// @file synthetic.hpp
/// Deterministic synthetic records and queries for the geographic benchmark
/// (bench/README.md): French-like text, points clustered around real cities
/// plus a uniform share. Same seed, same records, same queries.

#include <string>
#include <vector>

#include "core/geo.hpp"
#include "core/record.hpp"

namespace coopatlas::bench {

/// The word present in exactly 10% of the records (query K10).
inline constexpr const char* kTenPercentWord = "jumelage";

/// Record `i` (0-based) of a collection; independent of the collection size,
/// so the 10k records are the first tenth of the 100k ones.
Record synthetic_record(size_t i);

/// One benchmark query: kind is R50, R500, K10+R50, K10+R500, BBOX or K10.
struct BenchQuery {
    std::string kind;
    geo::LatLon near;      ///< unused for BBOX and K10
    double radius_km = 0;  ///< 0 for BBOX and K10
    geo::BBox bbox;        ///< BBOX only
    bool keyword = false;  ///< the query also needs kTenPercentWord
};

/// `per_kind` queries of each kind, centred like the records (mostly near
/// cities, some anywhere).
std::vector<BenchQuery> synthetic_queries(size_t per_kind, unsigned seed = 20261126);

}  // namespace coopatlas::bench
