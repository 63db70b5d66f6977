// coopatlas-bench-facets: the cost of the facets of GET /api/search.
// Times Searcher::search with an empty q over an area (default: 500 km
// around Paris) and over the whole index, the first call and the later ones,
// with the load average; and, when the query library has one, the time to
// load the in-memory facet table (query/facet_table.hpp).
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "query/searcher.hpp"
#if __has_include("query/facet_table.hpp")
#include "query/facet_table.hpp"
#define COOPATLAS_HAS_FACET_TABLE 1
#endif

using namespace coopatlas;

namespace {

const char* kUsage =
    "usage: coopatlas-bench-facets --index DIR [--calls N] [--radius-km R] [--q WORDS]\n"
    "  times Searcher::search (q empty, limit 10, facets counted over every match)\n"
    "  around Paris within R km (default 500) and over the whole index:\n"
    "  the first call after opening, then N more (default 20): min and median\n"
    "  --q WORDS: also WORDS alone and WORDS in the area (facets counted by the matcher)\n";

double ms_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string one, five;
    in >> one >> five;
    return one + " " + five;
}

/// First call, then `calls` more: {first, min, median} in ms, and the last answer.
nlohmann::json time_search(const query::Searcher& searcher, const query::SearchRequest& request, int calls) {
    auto t = std::chrono::steady_clock::now();
    nlohmann::json body = searcher.search(request);
    const double first = ms_since(t);
    std::vector<double> later;
    for (int i = 0; i < calls; ++i) {
        t = std::chrono::steady_clock::now();
        body = searcher.search(request);
        later.push_back(ms_since(t));
    }
    std::sort(later.begin(), later.end());
    nlohmann::json out = {{"total", body["total"]}, {"first_ms", first}, {"facets", body["facets"]}};
    if (!later.empty()) {
        out["later_min_ms"] = later.front();
        out["later_median_ms"] = later[later.size() / 2];
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        std::string index;
        int calls = 20;
        double radius_km = 500;
        std::string words;
        for (int i = 1; i < argc; ++i) {
            std::string a = argv[i];
            auto value = [&]() -> std::string {
                if (i + 1 >= argc) throw UsageError(a + " needs a value");
                return argv[++i];
            };
            if (a == "--index")
                index = value();
            else if (a == "--calls")
                calls = std::stoi(value());
            else if (a == "--radius-km")
                radius_km = std::stod(value());
            else if (a == "--q")
                words = value();
            else if (a == "--help") {
                std::cout << kUsage;
                return 0;
            } else
                throw UsageError("unknown option " + a);
        }
        if (index.empty()) throw UsageError("--index DIR is required");

        nlohmann::json report = {{"index", index}, {"load_before", load_average()}};
        auto t = std::chrono::steady_clock::now();
        query::Searcher searcher(index);
        report["open_ms"] = ms_since(t);
        searcher.geo_index();  // what loads in the background: wait for it, it is part of opening
        report["open_and_load_ms"] = ms_since(t);
        report["records"] = searcher.size();
#ifdef COOPATLAS_HAS_FACET_TABLE
        {
            Xapian::Database db(index + "/xapian");
            t = std::chrono::steady_clock::now();
            query::FacetTable table = query::FacetTable::load(db);
            report["facet_table"] = {
                {"load_ms", ms_since(t)}, {"values", table.value_count()}, {"bytes", table.memory_bytes()}};
        }
#endif
        query::SearchRequest area;
        area.near = geo::LatLon{48.8566, 2.3522};
        area.radius_km = radius_km;
        area.limit = 10;
        report["area"] = time_search(searcher, area, calls);
        query::SearchRequest everything;
        everything.limit = 10;
        report["everything"] = time_search(searcher, everything, calls);
        if (!words.empty()) {
            area.q = everything.q = words;
            report["words_area"] = time_search(searcher, area, calls);
            report["words"] = time_search(searcher, everything, calls);
        }
        report["load_after"] = load_average();
        std::cout << report.dump(1) << "\n";
        return 0;
    } catch (const UsageError& e) {
        std::cerr << "coopatlas-bench-facets: " << e.what() << "\n" << kUsage;
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "coopatlas-bench-facets: " << e.what() << "\n";
        return 1;
    }
}
