#include "index_build.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "core/error.hpp"
#include "extract.hpp"
#include "gazetteer.hpp"
#include "geocoder.hpp"
#include "gpkg_writer.hpp"
#include "jsonl_writer.hpp"
#include "xapian_writer.hpp"

namespace fs = std::filesystem;

namespace coopatlas::indexer {

namespace {

/// Where scripts/index.sh builds the gazetteer (relative to the working directory).
constexpr const char* kDefaultGazetteer = "var/gazetteer.gpkg";

std::string unique_suffix() {
    std::random_device rd;
    return std::to_string(::getpid()) + "-" + std::to_string(rd() % 1000000);
}

}  // namespace

void swap_into_place(const std::string& staging, const std::string& target) {
    if (!fs::exists(target)) {
        if (::rename(staging.c_str(), target.c_str()) != 0)
            throw Error("cannot move '" + staging + "' to '" + target + "': " + std::strerror(errno));
        return;
    }
    if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0)
        throw Error("cannot swap the new index into '" + target + "': " + std::strerror(errno) +
                    " (the previous index is untouched)");
    std::error_code ignored;
    fs::remove_all(staging, ignored);  // now holds the previous index
}

BuildSummary build_index(const BuildOptions& options, const std::function<void(const std::string&)>& progress) {
    const auto started = std::chrono::steady_clock::now();
    fs::path target = fs::absolute(options.out_dir).lexically_normal();
    if (target.filename().empty()) target = target.parent_path();
    if (fs::exists(target) && !fs::is_directory(target))
        throw Error("--out '" + target.string() + "' exists and is not a folder");
    fs::create_directories(target.parent_path());
    fs::path staging = target.parent_path() / ("." + target.filename().string() + ".building-" + unique_suffix());

    try {
        fs::create_directories(staging);
        // Geocoding (issue 4): the default gazetteer is optional so that a fresh
        // checkout can index before scripts/index.sh has built it; one asked for must exist.
        const std::string gazetteer_path =
            options.gazetteer_path.empty() ? std::string(kDefaultGazetteer) : options.gazetteer_path;
        const bool geocoding = !options.gazetteer_path.empty() || fs::exists(gazetteer_path);
        // The gazetteer loads while the guide is read and its records extracted:
        // neither needs the other and each takes about a second.
        std::future<Gazetteer> gazetteer_loaded;
        if (geocoding) {
            progress("loading the gazetteer " + gazetteer_path);
            gazetteer_loaded = std::async(std::launch::async, [&gazetteer_path] { return Gazetteer::load(gazetteer_path); });
        }
        progress("reading the guide " + options.guide_path);
        Guide guide = Guide::load(options.guide_path);
        progress("extracting records from " + std::to_string(guide.lines().size()) + " lines");
        std::vector<Record> records = extract_records(guide);

        std::vector<Unresolved> unresolved;
        if (geocoding) {
            Gazetteer gazetteer = gazetteer_loaded.get();
            progress("geocoding with " + std::to_string(gazetteer.places().size()) + " places");
            Geocoder geocoder(gazetteer);
            geocoder.geocode(records);
            unresolved = geocoder.unresolved();
            for (const auto& c : geocoder.corrections())
                progress("note: " + c.record_id + ": '" + c.place + "' lies in " + c.to + ", not " + c.from +
                         ": country corrected");
            for (const auto& m : geocoder.mismatches())
                progress("warning: " + m.record_id + ": point '" + m.place + "' outside its country " + m.country);
        } else {
            progress("no gazetteer at " + gazetteer_path + " (build it with coopatlas-gazetteer): records are not geocoded");
        }

        BuildSummary summary;
        for (const auto& r : records) {
            ++summary.records_by_type[r.type];
            for (const auto& g : r.geo) ++summary.points_by_precision[g.precision];
        }
        progress("writing the Xapian database and entities.jsonl (" + std::to_string(records.size()) + " records)");
        XapianWriteOptions xapian_options;
        xapian_options.shards = std::max(1u, std::thread::hardware_concurrency());  // at most one per 1,000 records
        write_search_index(records, staging.string(), xapian_options);
        progress("writing atlas.gpkg and unresolved.tsv (" + std::to_string(unresolved.size()) + " names to review)");
        write_atlas_gpkg(records, (staging / "atlas.gpkg").string());
        write_unresolved_tsv(unresolved, (staging / "unresolved.tsv").string());

        nlohmann::json meta = {{"guide", options.guide_path}, {"records", summary.records_by_type}};
        std::ofstream(staging / "meta.json") << meta.dump(2) << '\n';

        progress("moving the new index into " + target.string());
        swap_into_place(staging.string(), target.string());
        summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return summary;
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(staging, ignored);
        throw;
    }
}

}  // namespace coopatlas::indexer
