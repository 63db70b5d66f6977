#include "indexer/write/jsonl_writer.hpp"

#include <cstdint>
#include <fstream>

#include "core/error.hpp"
#include "core/index_schema.hpp"

namespace coopatlas::indexer {

std::string record_line(const Record& r) {
    return to_json(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

/// Calls write(out) on an open file at `path`, then checks that it all reached the disk.
template <typename Write>
void write_file(const std::string& path, Write write) {
    std::ofstream out(path, std::ios::binary);
    if (!out) throw Error("cannot write '" + path + "'");
    write(out);
    out.close();
    if (!out) throw Error("error while writing '" + path + "' (disk full?)");
}

}  // namespace

void write_jsonl(const std::vector<Record>& records, const std::string& path) {
    write_file(path, [&](std::ofstream& out) {
        for (const auto& r : records) out << record_line(r) << '\n';
    });
}

void write_jsonl(const std::vector<std::string>& lines, const std::string& path) {
    write_file(path, [&](std::ofstream& out) {
        for (const auto& l : lines) out << l << '\n';
    });
}

void write_record_store(const std::vector<std::string>& lines, const std::string& index_dir) {
    write_jsonl(lines, index_dir + "/" + std::string(schema::kRecordsFile));
    std::vector<uint64_t> offsets;
    offsets.reserve(lines.size() + 1);
    uint64_t at = 0;
    for (const auto& l : lines) {
        offsets.push_back(at);
        at += l.size() + 1;
    }
    offsets.push_back(at);
    write_file(index_dir + "/" + std::string(schema::kRecordOffsetsFile), [&](std::ofstream& out) {
        out.write(reinterpret_cast<const char*>(offsets.data()),
                  static_cast<std::streamsize>(offsets.size() * sizeof(uint64_t)));
    });
}

}  // namespace coopatlas::indexer
