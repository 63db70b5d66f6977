#include "term_bitmaps.hpp"

#include <cstring>
#include <vector>

#include "core/error.hpp"
#include "core/index_schema.hpp"

namespace coopatlas::query {

TermBitmaps::TermBitmaps(const std::string& path, size_t words) : file_(path), words_(words) {
    const char* const data = file_.data();
    const size_t size = file_.size();
    size_t at = 0;
    auto broken = [&](const std::string& why) { return IndexError("'" + path + "' " + why + ": rebuild the index"); };
    auto read_u64 = [&] {
        if (size - at < sizeof(uint64_t)) throw broken("is cut short");
        uint64_t v;
        std::memcpy(&v, data + at, sizeof v);  // written little-endian on the same machine kind
        at += sizeof v;
        return v;
    };
    const std::string_view magic = schema::kTermBitmapsMagic;
    if (size < magic.size() || std::string_view(data, magic.size()) != magic)
        throw broken("is not a term-bitmaps file");
    at = magic.size();
    if (read_u64() != words) throw broken("does not cover the index's documents");
    const uint64_t count = read_u64();
    std::vector<std::string> terms;
    for (uint64_t k = 0; k < count; ++k) {
        const uint64_t length = read_u64();
        if (length > size - at) throw broken("is cut short");
        terms.emplace_back(data + at, length);
        at += length;
    }
    at = (at + 7) / 8 * 8;
    const size_t bytes = words * sizeof(uint64_t);
    if (at > size || (size - at) / bytes < count || size - at != count * bytes) throw broken("has the wrong size");
    for (const auto& term : terms) {
        terms_.emplace(term, reinterpret_cast<const uint64_t*>(data + at));  // 8-aligned in a page-aligned mapping
        at += bytes;
    }
}

const uint64_t* TermBitmaps::find(const std::string& term) const {
    const auto it = terms_.find(term);
    return it == terms_.end() ? nullptr : it->second;
}

}  // namespace coopatlas::query
