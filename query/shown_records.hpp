#pragma once
/// @file shown_records.hpp
/// The records that pages of search results show, each parsed from its JSON
/// line and cut into words once, then kept for the next answers that show it:
/// a search no longer parses JSON nor stems words for every hit (they were a
/// third of an uncached keyword search's CPU, bench/README.md). Bounded in
/// memory: past the budget, the records kept longest leave first.

#include <xapian.h>

#include <array>
#include <deque>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "core/record.hpp"
#include "record_store.hpp"
#include "snippet.hpp"

namespace coopatlas::query {

class ShownRecords {
public:
    /// A record as a result shows it: the record and its text's words.
    struct Shown {
        Record record;
        std::vector<TextWord> words;  ///< text_words(record.text)
    };

    /// Reads from `store`, which must outlive this; keeps about `max_bytes`.
    ShownRecords(const RecordStore& store, size_t max_bytes);

    /// Record `docid`, parsed now or kept from an earlier answer; throws
    /// IndexError as RecordStore::record does. Safe from several threads.
    std::shared_ptr<const Shown> get(Xapian::docid docid) const;

private:
    /// Records are spread over shards by docid so that threads seldom wait for each other.
    struct Shard {
        std::mutex mutex;
        std::unordered_map<Xapian::docid, std::shared_ptr<const Shown>> kept;
        std::deque<std::pair<Xapian::docid, size_t>> order;  ///< oldest first, with each one's bytes
        size_t bytes = 0;
    };
    static constexpr size_t kShards = 16;
    const RecordStore& store_;
    size_t shard_bytes_;
    mutable std::array<Shard, kShards> shards_;
};

}  // namespace coopatlas::query
