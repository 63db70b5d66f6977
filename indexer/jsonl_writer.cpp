#include "jsonl_writer.hpp"

#include <fstream>

#include "core/error.hpp"

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

}  // namespace coopatlas::indexer
