// coopatlas-bench-dictionaries: the time SearchDictionaries::load takes (every
// index build reads FreeDict's dictionaries and the French thesaurus), and
// optionally a digest of the synonyms it gives for the guide's records, to
// check that a faster load still gives the same synonyms.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "core/cli.hpp"
#include "indexer/dictionaries/search_dictionaries.hpp"
#include "indexer/extract/extract.hpp"
#include "indexer/guide/guide.hpp"

using namespace coopatlas;

namespace {

/// This thread's CPU time in ms: the machine may be shared, and the load runs on one thread.
double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double ms_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

/// "min X ms, median Y ms" of `ms`.
std::string min_median(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    return "min " + std::to_string(static_cast<long>(ms.front())) + " ms, median " +
           std::to_string(static_cast<long>(ms[ms.size() / 2])) + " ms";
}

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string one, five;
    in >> one >> five;
    return one + " " + five;
}

}  // namespace

int main(int argc, char** argv) {
    return cli::run_main("coopatlas-bench-dictionaries", [&] {
        cli::Parser parser("coopatlas-bench-dictionaries", "[--loads N] [--synonyms-of GUIDE]",
                           "Times SearchDictionaries::load (the default dictionary paths) N times "
                           "(default 3): min and median in ms, with the load average.");
        parser.add({"loads", "N", "how many loads to time (default 3)"});
        parser.add({"synonyms-of", "GUIDE",
                    "also print the synonyms the last load gives for GUIDE's records, one "
                    "'key TAB value' a line (diff two builds' outputs)"});
        parser.parse(argc, argv);
        if (parser.answered_help_or_version(std::cout)) return 0;
        const long loads = parser.get_int("loads", 1, 1000).value_or(3);

        std::vector<double> wall, cpu;
        indexer::SearchDictionaries dictionaries;
        for (long i = 0; i < loads; ++i) {
            const auto t = std::chrono::steady_clock::now();
            const double c = cpu_ms();
            dictionaries = indexer::SearchDictionaries::load();
            cpu.push_back(cpu_ms() - c);
            wall.push_back(ms_since(t));
        }
        std::cerr << "SearchDictionaries::load, " << loads << " loads: wall " << min_median(wall) << "; CPU "
                  << min_median(cpu) << " (load average " << load_average() << ")\n";

        if (const auto guide = parser.get("synonyms-of")) {
            const auto records = indexer::extract_records(indexer::Guide::load(*guide));
            const auto t = std::chrono::steady_clock::now();
            const double c = cpu_ms();
            const auto synonyms = dictionaries.synonyms(records);
            std::cerr << "SearchDictionaries::synonyms: " << synonyms.size() << " for " << records.size()
                      << " records: wall " << static_cast<long>(ms_since(t)) << " ms; CPU "
                      << static_cast<long>(cpu_ms() - c) << " ms\n";
            for (const auto& [key, value] : synonyms) std::cout << key << '\t' << value << '\n';
        }
        return 0;
    });
}
