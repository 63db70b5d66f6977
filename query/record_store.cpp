#include "record_store.hpp"

#include <cstring>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/index_schema.hpp"

namespace coopatlas::query {

namespace {

uint64_t offset_at(const char* offsets, size_t i) {
    uint64_t v;
    std::memcpy(&v, offsets + i * sizeof v, sizeof v);  // written little-endian on the same machine kind
    return v;
}

}  // namespace

RecordStore::RecordStore(const std::string& index_dir)
    : index_dir_(index_dir),
      lines_(index_dir + "/" + std::string(schema::kRecordsFile)),
      offsets_(index_dir + "/" + std::string(schema::kRecordOffsetsFile)) {
    // N + 1 offsets: where each line starts, then the file's size.
    if (offsets_.size() < sizeof(uint64_t) || offsets_.size() % sizeof(uint64_t) != 0 ||
        offset_at(offsets_.data(), offsets_.size() / sizeof(uint64_t) - 1) != lines_.size())
        throw IndexError("'" + index_dir + "/" + std::string(schema::kRecordOffsetsFile) + "' does not match '" +
                         std::string(schema::kRecordsFile) + "': rebuild the index");
    count_ = static_cast<Xapian::doccount>(offsets_.size() / sizeof(uint64_t) - 1);
}

std::string_view RecordStore::line(Xapian::docid docid) const {
    if (docid == 0 || docid > count_)
        throw IndexError("record " + std::to_string(docid) + " is not in '" + index_dir_ + "/" +
                         std::string(schema::kRecordsFile) + "' (" + std::to_string(count_) +
                         " records): rebuild the index");
    const uint64_t begin = offset_at(offsets_.data(), docid - 1), end = offset_at(offsets_.data(), docid);
    if (begin > end || end > lines_.size())
        throw IndexError("corrupt offsets in '" + index_dir_ + "': rebuild the index");
    std::string_view line(lines_.data() + begin, end - begin);
    if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
    return line;
}

Record RecordStore::record(Xapian::docid docid) const {
    const std::string_view l = line(docid);
    auto j = nlohmann::json::parse(l.begin(), l.end(), nullptr, false);
    if (j.is_discarded())
        throw IndexError("record " + std::to_string(docid) + " of '" + index_dir_ +
                         "' is not valid JSON: rebuild the index");
    return record_from_json(j);
}

}  // namespace coopatlas::query
