#pragma once
/// @file record_store.hpp
/// The records of an index, read from its entities.jsonl through
/// entities.offsets (docs/index-format.md): record `docid` is line docid - 1.
/// The Xapian documents carry no data of their own, so the build compresses
/// and stores each record once, not twice: at 100k records, storing it as
/// document data too cost a quarter of the build's CPU (zlib compression and
/// B-tree writes; bench/README.md, "Indexing speed").

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "core/record.hpp"
#include "mapped_file.hpp"

namespace coopatlas::query {

class RecordStore {
public:
    /// Maps `index_dir`/entities.jsonl and its offsets; throws IndexError when
    /// either is missing or they disagree (an index of another version).
    explicit RecordStore(const std::string& index_dir);
    RecordStore(const RecordStore&) = delete;
    RecordStore& operator=(const RecordStore&) = delete;

    Xapian::doccount size() const { return count_; }
    /// The JSON line of a record (no newline); throws IndexError for a docid
    /// the store does not hold.
    std::string_view line(Xapian::docid docid) const;
    Record record(Xapian::docid docid) const;

private:
    std::string index_dir_;
    MappedFile lines_, offsets_;
    Xapian::doccount count_ = 0;
};

}  // namespace coopatlas::query
