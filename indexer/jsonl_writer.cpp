#include "jsonl_writer.hpp"

#include <fstream>

#include "core/error.hpp"

namespace coopatlas::indexer {

void write_jsonl(const std::vector<Record>& records, const std::string& path) {
    std::ofstream out(path, std::ios::binary);
    if (!out) throw Error("cannot write '" + path + "'");
    for (const auto& r : records) out << to_json(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    out.close();
    if (!out) throw Error("error while writing '" + path + "' (disk full?)");
}

}  // namespace coopatlas::indexer
