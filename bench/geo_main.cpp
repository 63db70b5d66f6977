// coopatlas-bench-geo: p50/p99 latency of the query library on the synthetic
// queries (bench/synthetic.hpp), single thread, in process. Writes the queries
// and each answer's count and id sum so bench/geo/peers.py can check that
// PostGIS and SQLite return the same result sets.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "query/searcher.hpp"
#include "synthetic.hpp"

using namespace coopatlas;

namespace {

query::SearchRequest request_of(const bench::BenchQuery& q) {
    query::SearchRequest r;
    if (q.keyword) r.q = bench::kTenPercentWord;
    if (q.radius_km > 0) {
        r.near = q.near;
        r.radius_km = q.radius_km;
    }
    if (q.kind == "BBOX") r.bbox = q.bbox;
    r.limit = 10;
    return r;
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

const char* kUsage =
    "usage: coopatlas-bench-geo --index DIR [--queries N] [--out DIR]\n"
    "  N queries of each kind (default 1000): R50 R500 K10+R50 K10+R500 BBOX K10\n"
    "  geo kinds return the whole set of matching records; K10 the top 10 by relevance\n"
    "  --out DIR: writes queries.tsv and answers.tsv (kind, count, sum of record numbers)\n"
    "  --no-match-cache: keyword+area queries without the match-set cache (each pays its word in full)\n"
    "  --no-term-bitmaps: frequent terms read from their posting lists, not from the index's term bitmaps\n"
    "  --kinds K1,K2: only these kinds (e.g. K10+R50), for profiling one kind\n"
    "  --passes P: run the whole query list P times and keep each query's best time\n"
    "              (on a shared machine: removes the time slices lost to other processes)\n"
    "  --geo-only N: no index; the spatial index alone over the points of N synthetic\n"
    "                records, timing GeoIndex::match on the geographic kinds\n";

/// The spatial index alone (query/geo_index.hpp) over N synthetic records,
/// built in memory: what a geographic query costs before Xapian is involved.
int run_geo_only(size_t records, size_t per_kind) {
    std::vector<query::GeoIndex::Entry> entries;
    for (size_t i = 0; i < records; ++i)
        for (const auto& g : bench::synthetic_record(i).geo)
            entries.push_back({static_cast<Xapian::docid>(i + 1), {g.lat, g.lon}});
    auto t = std::chrono::steady_clock::now();
    const size_t points = entries.size();
    query::GeoIndex index(std::move(entries));
    const double build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
    std::map<std::string, std::vector<double>> ms;
    std::map<std::string, double> mean_count;
    for (const auto& q : bench::synthetic_queries(per_kind)) {
        if (q.keyword) continue;
        query::GeoArea area;
        if (q.radius_km > 0) {
            area.near = q.near;
            area.radius_km = q.radius_km;
        }
        if (q.kind == "BBOX") area.bbox = q.bbox;
        const auto start = std::chrono::steady_clock::now();
        const auto hits = index.match_ids(area);
        ms[q.kind].push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        mean_count[q.kind] += static_cast<double>(hits.size()) / static_cast<double>(per_kind);
    }
    nlohmann::json report = {{"system", "coopatlas GeoIndex alone"},
                             {"records", records},
                             {"points", points},
                             {"grid_build_ms", build_ms},
                             {"queries", nlohmann::json::object()}};
    for (const auto& [kind, v] : ms)
        report["queries"][kind] = {{"p50_ms", percentile(v, 0.5)},
                                   {"p99_ms", percentile(v, 0.99)},
                                   {"mean_results", mean_count[kind]},
                                   {"n", v.size()}};
    std::cout << report.dump(2) << '\n';
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        std::string index, out, kinds;
        size_t per_kind = 1000, geo_only = 0, passes = 1;
        bool match_cache = true;
        bool term_bitmaps = true;
        for (int i = 1; i < argc; ++i) {
            std::string a = argv[i];
            auto value = [&]() -> std::string {
                if (i + 1 >= argc) throw UsageError(a + " needs a value");
                return argv[++i];
            };
            if (a == "--index")
                index = value();
            else if (a == "--queries")
                per_kind = std::stoul(value());
            else if (a == "--out")
                out = value();
            else if (a == "--geo-only")
                geo_only = std::stoul(value());
            else if (a == "--no-match-cache")
                match_cache = false;
            else if (a == "--no-term-bitmaps")
                term_bitmaps = false;
            else if (a == "--kinds")
                kinds = "," + value() + ",";
            else if (a == "--passes")
                passes = std::max<size_t>(1, std::stoul(value()));
            else if (a == "--help") {
                std::cout << kUsage;
                return 0;
            } else
                throw UsageError("unknown option " + a);
        }
        if (geo_only > 0) return run_geo_only(geo_only, per_kind);
        if (index.empty()) throw UsageError("--index DIR is required");

        auto t = std::chrono::steady_clock::now();
        query::Searcher searcher(index);
        searcher.geo_index();  // the grid loads in the background: wait for it, it is part of opening
        searcher.set_match_set_cache(match_cache);
        searcher.set_term_bitmaps(term_bitmaps);
        const double open_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();

        auto queries = bench::synthetic_queries(per_kind);
        std::ofstream qout, aout;
        if (!out.empty()) {
            qout.open(out + "/queries.tsv");
            aout.open(out + "/answers.tsv");
            qout << std::setprecision(17);
        }
        std::map<std::string, std::vector<double>> ms;
        std::map<std::string, double> mean_count;
        std::vector<std::string> order;
        std::vector<double> best(queries.size(), std::numeric_limits<double>::infinity());
        for (size_t pass = 0; pass < passes; ++pass) {
            for (size_t n = 0; n < queries.size(); ++n) {
                const auto& q = queries[n];
                if (!kinds.empty() && kinds.find("," + q.kind + ",") == std::string::npos) continue;
                if (std::find(order.begin(), order.end(), q.kind) == order.end()) order.push_back(q.kind);
                const auto r = request_of(q);
                const auto start = std::chrono::steady_clock::now();
                std::vector<Xapian::docid> ids = q.kind == "K10" ? searcher.top_docids(r) : searcher.match_docids(r);
                best[n] = std::min(
                    best[n],
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
                if (pass > 0) continue;
                mean_count[q.kind] += static_cast<double>(ids.size()) / static_cast<double>(per_kind);
                if (qout) {
                    qout << n << '\t' << q.kind << '\t' << q.near.lat << '\t' << q.near.lon << '\t' << q.radius_km
                         << '\t' << q.bbox.west << '\t' << q.bbox.south << '\t' << q.bbox.east << '\t' << q.bbox.north
                         << '\t' << (q.keyword ? bench::kTenPercentWord : "") << '\n';
                    unsigned long long sum = 0;  // record number = docid - 1 (records are indexed in order)
                    for (auto d : ids) sum += d - 1;
                    aout << n << '\t' << q.kind << '\t' << ids.size() << '\t' << (q.kind == "K10" ? 0 : sum) << '\n';
                }
            }
        }
        for (size_t n = 0; n < queries.size(); ++n)
            if (best[n] != std::numeric_limits<double>::infinity()) ms[queries[n].kind].push_back(best[n]);
        nlohmann::json report = {{"system", "coopatlas"},
                                 {"records", searcher.size()},
                                 {"open_ms", open_ms},
                                 {"points", searcher.geo_index().point_count()},
                                 {"queries", nlohmann::json::object()}};
        for (const auto& kind : order)
            report["queries"][kind] = {{"p50_ms", percentile(ms[kind], 0.5)},
                                       {"p99_ms", percentile(ms[kind], 0.99)},
                                       {"mean_results", mean_count[kind]},
                                       {"n", ms[kind].size()}};
        std::cout << report.dump(2) << '\n';
        return 0;
    } catch (const UsageError& e) {
        std::cerr << "coopatlas-bench-geo: " << e.what() << "\n" << kUsage;
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "coopatlas-bench-geo: " << e.what() << '\n';
        return 1;
    }
}
