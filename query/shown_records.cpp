#include "shown_records.hpp"

namespace coopatlas::query {

ShownRecords::ShownRecords(const RecordStore& store, size_t max_bytes)
    : store_(store), shard_bytes_(max_bytes / kShards) {}

std::shared_ptr<const ShownRecords::Shown> ShownRecords::get(Xapian::docid docid) const {
    Shard& shard = shards_[docid % kShards];
    {
        std::lock_guard lock(shard.mutex);
        if (auto it = shard.kept.find(docid); it != shard.kept.end()) return it->second;
    }
    // Parsed without the lock: two threads may parse the same record at once, and the first one is kept.
    auto shown = std::make_shared<Shown>();
    shown->record = store_.record(docid);
    shown->words = text_words(shown->record.text);
    // What it holds, roughly: its JSON line's text about twice (strings and
    // their containers), then each word's place, folded form and stem.
    const size_t bytes = 2 * store_.line(docid).size() + shown->words.size() * sizeof(TextWord);
    std::lock_guard lock(shard.mutex);
    auto [it, added] = shard.kept.emplace(docid, std::move(shown));
    if (!added) return it->second;
    shard.order.emplace_back(docid, bytes);
    shard.bytes += bytes;
    while (shard.bytes > shard_bytes_ && shard.order.size() > 1) {
        const auto [oldest, size] = shard.order.front();
        shard.order.pop_front();
        shard.kept.erase(oldest);
        shard.bytes -= size;
    }
    return it->second;
}

}  // namespace coopatlas::query
