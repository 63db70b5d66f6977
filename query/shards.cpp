#include "shards.hpp"

#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "core/index_schema.hpp"

namespace coopatlas::query {

namespace fs = std::filesystem;

namespace {

/// The non-blank, non-comment lines of a stub file.
std::vector<std::string> stub_lines(const fs::path& stub) {
    std::ifstream in(stub);
    if (!in) throw IndexError("cannot read the stub database '" + stub.string() + "'");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        const auto first = line.find_first_not_of(" \t\r");
        if (first != std::string::npos && line[first] != '#') lines.push_back(line.substr(first));
    }
    return lines;
}

}  // namespace

IndexLocation locate_index(const std::string& path) {
    IndexLocation at;
    fs::path stub;
    if (fs::is_regular_file(path)) {
        stub = path;
        at.folder = fs::path(path).parent_path().string();
        if (at.folder.empty()) at.folder = ".";
    } else if (fs::exists(fs::path(path) / "xapian")) {
        at.folder = path;
        at.database = at.catalogue = (fs::path(path) / "xapian").string();
        return at;
    } else if (fs::exists(fs::path(path) / schema::kShardsStubFile)) {
        stub = fs::path(path) / schema::kShardsStubFile;
        at.folder = path;
    } else {
        throw IndexError("no index at '" + path + "' (run coopatlas-index --out " + path + " first)");
    }
    at.sharded = true;
    at.database = stub.string();
    at.catalogue = (fs::path(at.folder) / schema::kCatalogueDir).string();
    at.shards = stub_lines(stub);
    if (at.shards.empty()) throw IndexError("the stub database '" + stub.string() + "' lists no shard");
    if (!fs::exists(at.catalogue))
        throw IndexError("no catalogue beside the stub '" + stub.string() + "': a stub is read from the folder of a " +
                         "sharded index (coopatlas-index --shards N, docs/scaling.md)");
    return at;
}

Xapian::Query remote_structured_boost(double weight) {
    auto* source = new Xapian::ValueMapPostingSource(schema::kSlotType);
    for (const char* type : {"programme", "contact", "partner", "partnership"}) source->add_mapping(type, weight);
    source->set_default_weight(0);
    return Xapian::Query(source->release());
}

Xapian::Query remote_id_filter(const std::vector<std::string>& ids) {
    std::vector<Xapian::Query> terms;
    terms.reserve(ids.size());
    for (const auto& id : ids) terms.emplace_back(std::string(schema::kIdPrefix) + id);
    return terms.empty() ? Xapian::Query::MatchNothing
                         : Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

std::string shard_failure(const IndexLocation& location, const Xapian::Error& e) {
    std::string shards;
    for (const auto& s : location.shards) shards += (shards.empty() ? "" : ", ") + s;
    return "a shard of the index '" + location.database + "' failed (" + e.get_description() +
           "); its shards: " + shards;
}

}  // namespace coopatlas::query
