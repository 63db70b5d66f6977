#include "indexer/write/index_build.hpp"

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
#include "core/utc_time.hpp"
#include "core/version.hpp"
#include "indexer/extract/extract.hpp"
#include "indexer/extract/partnerships.hpp"
#include "indexer/geocode/gazetteer.hpp"
#include "indexer/geocode/geocoder.hpp"
#include "indexer/geocode/partner_merge.hpp"
#include "indexer/places/countries.hpp"
#include "indexer/write/build_inputs.hpp"
#include "indexer/write/gpkg_writer.hpp"
#include "indexer/write/jsonl_writer.hpp"
#include "indexer/write/xapian_writer.hpp"

namespace fs = std::filesystem;

namespace coopatlas::indexer {

namespace {

/// Where scripts/index.sh and the README build the gazetteer (relative to the working directory).
constexpr const char* kDefaultGazetteer = "var/gazetteer.gpkg";
constexpr const char* kBuildGazetteerHint =
    "build it with: build/indexer/coopatlas-gazetteer --out var/gazetteer.gpkg (scripts/index.sh does), "
    "pass --gazetteer PATH, or --no-geocode to index without points";

/// meta.json: what the index was built from and what it holds (docs/index-format.md).
nlohmann::json build_meta(const BuildOptions& options, const std::string& gazetteer_path, size_t gazetteer_places,
                          const nlohmann::json& dictionaries, const BuildSummary& summary) {
    nlohmann::json gazetteer = nullptr;  // --no-geocode
    if (!gazetteer_path.empty()) {
        gazetteer = describe_file(gazetteer_path);
        gazetteer["places"] = gazetteer_places;
    }
    const std::string node_modules = default_partner_options().node_modules;
    return {{"built_at", iso8601_utc(std::chrono::system_clock::now())},
            {"built_by", version_string()},
            {"geocoded", options.geocode},
            {"inputs",
             {{"guide", describe_file(options.guide_path)},
              {"gazetteer", gazetteer},
              {"etalab_lists", describe_npm_package(node_modules + "/@etalab/decoupage-administratif")},
              {"country_names", describe_file(CountryTable::default_path())},
              {"dictionaries", dictionaries}}},
            {"records", summary.records_by_type},
            {"points", summary.points_by_precision}};
}

/// --out as an absolute path without a trailing slash ("var/index/" -> /.../var/index).
fs::path index_folder(const std::string& out_dir) {
    fs::path folder = fs::absolute(out_dir).lexically_normal();
    return folder.filename().empty() ? folder.parent_path() : folder;
}

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

std::string find_gazetteer(const std::string& given, const std::string& out_dir) {
    if (!given.empty()) {
        if (!fs::is_regular_file(given)) throw Error("no gazetteer at '" + given + "': " + kBuildGazetteerHint);
        return given;
    }
    const fs::path beside = index_folder(out_dir).parent_path() / "gazetteer.gpkg";
    for (const fs::path& candidate : {fs::path(kDefaultGazetteer), beside})
        if (fs::is_regular_file(candidate)) return candidate.string();
    throw Error("no gazetteer found (looked for " + std::string(kDefaultGazetteer) + " and " + beside.string() +
                "): " + kBuildGazetteerHint);
}

BuildSummary build_index(const BuildOptions& options, const std::function<void(const std::string&)>& progress) {
    const auto started = std::chrono::steady_clock::now();
    // Without points the map and every geographic search are empty: the
    // gazetteer is required unless the caller asked for no geocoding.
    const std::string gazetteer_path =
        options.geocode ? find_gazetteer(options.gazetteer_path, options.out_dir) : std::string();
    const fs::path target = index_folder(options.out_dir);
    if (fs::exists(target) && !fs::is_directory(target))
        throw Error("--out '" + target.string() + "' exists and is not a folder");
    fs::create_directories(target.parent_path());
    fs::path staging = target.parent_path() / ("." + target.filename().string() + ".building-" + unique_suffix());

    try {
        fs::create_directories(staging);
        // The gazetteer loads while the guide is read and its records extracted:
        // neither needs the other and each takes about a second.
        std::future<Gazetteer> gazetteer_loaded;
        if (options.geocode) {
            progress("loading the gazetteer " + gazetteer_path);
            gazetteer_loaded =
                std::async(std::launch::async, [&gazetteer_path] { return Gazetteer::load(gazetteer_path); });
        }
        // The dictionaries too (a few seconds: FreeDict's English-German is large).
        progress("loading the dictionaries from " + options.dictionaries.dictd_dir + " and " +
                 options.dictionaries.thesaurus);
        std::future<SearchDictionaries> dictionaries_loaded =
            std::async(std::launch::async, [&options] { return SearchDictionaries::load(options.dictionaries); });
        progress("reading the guide " + options.guide_path);
        Guide guide = Guide::load(options.guide_path);
        progress("extracting records from " + std::to_string(guide.lines().size()) + " lines");
        std::vector<Record> records = extract_records(guide);

        std::vector<Unresolved> unresolved;
        size_t gazetteer_places = 0;
        if (options.geocode) {
            Gazetteer gazetteer = gazetteer_loaded.get();
            gazetteer_places = gazetteer.places().size();
            progress("geocoding with " + std::to_string(gazetteer.places().size()) + " places");
            Geocoder geocoder(gazetteer);
            geocoder.geocode(records);
            unresolved = geocoder.unresolved();
            for (const auto& c : geocoder.corrections())
                progress("note: " + c.record_id + ": '" + c.place + "' lies in " + c.to + ", not " + c.from +
                         ": country corrected");
            for (const auto& m : geocoder.mismatches())
                progress("warning: " + m.record_id + ": point '" + m.place + "' outside its country " + m.country);
            if (std::size_t merged = merge_partners_by_place(records))
                progress(std::to_string(merged) + " partners named two ways merged (same gazetteer place)");
        } else {
            progress("--no-geocode: records are not geocoded (no points)");
        }

        BuildSummary summary;
        for (const auto& r : records) {
            ++summary.records_by_type[r.type];
            for (const auto& g : r.geo) ++summary.points_by_precision[g.precision];
        }
        progress("writing the Xapian database and entities.jsonl (" + std::to_string(records.size()) + " records)");
        const SearchDictionaries dictionaries = dictionaries_loaded.get();
        const auto synonyms = dictionaries.synonyms(records);
        progress(std::to_string(synonyms.size()) + " synonyms from the dictionaries");
        XapianWriteOptions xapian_options;
        xapian_options.synonyms = &synonyms;
        xapian_options.shards = std::max(1u, std::thread::hardware_concurrency());  // at most one per 1,000 records
        if (options.shards > 1)
            write_sharded_search_index(records, staging.string(), options.shards, xapian_options);
        else
            write_search_index(records, staging.string(), xapian_options);
        progress("writing atlas.gpkg and unresolved.tsv (" + std::to_string(unresolved.size()) + " names to review)");
        write_atlas_gpkg(records, (staging / "atlas.gpkg").string());
        write_unresolved_tsv(unresolved, (staging / "unresolved.tsv").string());

        std::ofstream meta(staging / "meta.json");
        meta << build_meta(options, gazetteer_path, gazetteer_places, dictionaries.inputs(), summary).dump(2) << '\n';
        if (!meta.flush()) throw Error("cannot write " + (staging / "meta.json").string());
        meta.close();

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
