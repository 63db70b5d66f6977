// coopatlas-bench-gen: writes N synthetic records (bench/synthetic.hpp) as
// entities.jsonl and a Xapian index, through the indexer's own writers.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "core/error.hpp"
#include "core/index_schema.hpp"
#include "indexer/write/gpkg_writer.hpp"
#include "indexer/write/jsonl_writer.hpp"
#include "indexer/write/term_bitmaps_writer.hpp"
#include "indexer/write/xapian_writer.hpp"
#include "synthetic.hpp"

namespace fs = std::filesystem;
using namespace coopatlas;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

uintmax_t size_on_disk(const fs::path& p) {
    uintmax_t total = 0;
    for (const auto& e : fs::recursive_directory_iterator(p))
        if (e.is_regular_file()) total += e.file_size();
    return total;
}

const char* kUsage =
    "usage: coopatlas-bench-gen --records N --out DIR [--shards K] [--no-spelling] [--per-commit N] [--gpkg]\n"
    "  writes DIR/entities.jsonl and DIR/xapian (the layout coopatlas-query reads)\n"
    "  --shards K       build K shards, one thread per core taking them in turn, then compact\n"
    "                   (default: one per 100,000 records, at least 2)\n"
    "  --no-spelling    skip the spelling dictionary (faster; no suggestions)\n"
    "  --no-positions   no word positions (faster; no phrase search): to measure their cost\n"
    "  --per-commit N   documents between two commits (default 1000)\n"
    "  --gpkg           also write DIR/atlas.gpkg (as coopatlas-index does) and time it\n"
    "  --serve-shards N write a sharded index (coopatlas-index --shards N, docs/scaling.md) instead\n";

}  // namespace

int main(int argc, char** argv) {
    try {
        size_t records = 0;
        std::string out;
        bool gpkg = false;
        unsigned serve_shards = 1;
        indexer::XapianWriteOptions options;
        options.shards = 0;  // not given: from the number of records
        for (int i = 1; i < argc; ++i) {
            std::string a = argv[i];
            auto value = [&]() -> std::string {
                if (i + 1 >= argc) throw UsageError(a + " needs a value");
                return argv[++i];
            };
            if (a == "--records")
                records = std::stoul(value());
            else if (a == "--out")
                out = value();
            else if (a == "--shards")
                options.shards = static_cast<unsigned>(std::stoul(value()));
            else if (a == "--no-spelling")
                options.spelling = false;
            else if (a == "--no-positions")
                options.positions = false;
            else if (a == "--gpkg")
                gpkg = true;
            else if (a == "--serve-shards")
                serve_shards = static_cast<unsigned>(std::stoul(value()));
            else if (a == "--per-commit")
                options.documents_per_commit = static_cast<unsigned>(std::stoul(value()));
            else if (a == "--help") {
                std::cout << kUsage;
                return 0;
            } else
                throw UsageError("unknown option " + a);
        }
        if (records == 0 || out.empty()) throw UsageError("--records N and --out DIR are required");
        if (options.shards == 0)
            options.shards = static_cast<unsigned>(std::max<size_t>(2, (records + 99999) / 100000));

        // Only what this writes: the folder may hold the caller's files (run.sh's build.json, load.txt).
        for (const char* part :
             {"xapian", "entities.jsonl", "entities.offsets", "atlas.gpkg", "shards", "catalogue", "shards.stub"})
            fs::remove_all(fs::path(out) / part);
        fs::create_directories(out);
        auto t = std::chrono::steady_clock::now();
        std::vector<Record> all;
        all.reserve(records);
        for (size_t i = 0; i < records; ++i) all.push_back(bench::synthetic_record(i));
        const double generate_s = seconds_since(t);

        if (serve_shards > 1) {
            t = std::chrono::steady_clock::now();
            indexer::write_sharded_search_index(all, out, serve_shards, options);
            std::cout << nlohmann::json{{"records", records},
                                        {"serve_shards", serve_shards},
                                        {"generate_s", generate_s},
                                        {"write_s", seconds_since(t)},
                                        {"shards_bytes", size_on_disk(fs::path(out) / "shards")},
                                        {"catalogue_bytes", size_on_disk(fs::path(out) / "catalogue")},
                                        {"jsonl_bytes", fs::file_size(fs::path(out) / "entities.jsonl")}}
                             .dump()
                      << '\n';
            return 0;
        }

        // As coopatlas-index does: the Xapian writer serialises the records,
        // the record store (entities.jsonl + offsets) is written from those lines.
        std::vector<std::string> lines;
        options.lines = &lines;
        options.progress = [](const std::string& step) { std::cerr << "coopatlas-bench-gen: " << step << '\n'; };
        t = std::chrono::steady_clock::now();
        indexer::write_xapian(all, (fs::path(out) / "xapian").string(), options);
        const double xapian_s = seconds_since(t);

        t = std::chrono::steady_clock::now();
        indexer::write_record_store(lines, out);
        const double jsonl_s = seconds_since(t);

        // Timed on its own here; coopatlas-index writes it beside the record store.
        t = std::chrono::steady_clock::now();
        const std::string bitmaps_path = (fs::path(out) / schema::kTermBitmapsFile).string();
        indexer::write_term_bitmaps(Xapian::Database((fs::path(out) / "xapian").string()), bitmaps_path);
        const double bitmaps_s = seconds_since(t);

        double gpkg_s = 0;
        if (gpkg) {
            t = std::chrono::steady_clock::now();
            indexer::write_atlas_gpkg(all, (fs::path(out) / "atlas.gpkg").string());
            gpkg_s = seconds_since(t);
        }

        nlohmann::json summary = {{"records", records},
                                  {"shards", options.shards},
                                  {"spelling", options.spelling},
                                  {"positions", options.positions},
                                  {"documents_per_commit", options.documents_per_commit},
                                  {"generate_s", generate_s},
                                  {"jsonl_s", jsonl_s},
                                  {"bitmaps_s", bitmaps_s},
                                  {"bitmaps_bytes", fs::file_size(bitmaps_path)},
                                  {"xapian_s", xapian_s},
                                  {"xapian_bytes", size_on_disk(fs::path(out) / "xapian")},
                                  {"jsonl_bytes", fs::file_size(fs::path(out) / "entities.jsonl")}};
        if (gpkg) {
            summary["gpkg_s"] = gpkg_s;
            summary["gpkg_bytes"] = fs::file_size(fs::path(out) / "atlas.gpkg");
        }
        std::cout << summary.dump() << '\n';
        return 0;
    } catch (const UsageError& e) {
        std::cerr << "coopatlas-bench-gen: " << e.what() << "\n" << kUsage;
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "coopatlas-bench-gen: " << e.what() << '\n';
        return 1;
    }
}
