#include "index_build.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "core/error.hpp"
#include "extract.hpp"
#include "jsonl_writer.hpp"
#include "xapian_writer.hpp"

namespace fs = std::filesystem;

namespace coopatlas::indexer {

namespace {

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
        progress("reading the guide " + options.guide_path);
        Guide guide = Guide::load(options.guide_path);
        progress("extracting records from " + std::to_string(guide.lines().size()) + " lines");
        std::vector<Record> records = extract_records(guide);

        BuildSummary summary;
        for (const auto& r : records) {
            ++summary.records_by_type[r.type];
            for (const auto& g : r.geo) ++summary.points_by_precision[g.precision];
        }
        progress("writing the Xapian database (" + std::to_string(records.size()) + " records)");
        write_xapian(records, (staging / "xapian").string());
        progress("writing entities.jsonl");
        write_jsonl(records, (staging / "entities.jsonl").string());

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
