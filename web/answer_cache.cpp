#include "answer_cache.hpp"

namespace coopatlas::web {

namespace {

std::size_t size_of(const std::string& key, const std::string& before, const std::string& after) {
    return key.size() + before.size() + after.size();
}

}  // namespace

std::string AnswerCache::key_of(const std::multimap<std::string, std::string>& params) {
    // Lengths before each part: no two parameter lists give the same key.
    std::string key;
    for (const auto& [name, value] : params) {
        key += std::to_string(name.size()) + ':' + name + std::to_string(value.size()) + ':' + value;
    }
    return key;
}

std::optional<std::string> AnswerCache::find(const std::string& key, double took_ms) {
    if (max_bytes_ == 0) return std::nullopt;
    std::string before, after;
    {
        std::lock_guard lock(mutex_);
        auto it = by_key_.find(key);
        if (it == by_key_.end()) {
            ++misses_;
            return std::nullopt;
        }
        ++hits_;
        entries_.splice(entries_.begin(), entries_, it->second);
        before = it->second->second.before;
        after = it->second->second.after;
    }
    // Written as nlohmann::json writes a double, as the computed answers are.
    return before + nlohmann::json(took_ms).dump() + after;
}

void AnswerCache::keep(const std::string& key, const std::string& body) {
    if (max_bytes_ == 0) return;
    // The text "took_ms": is a key (in a string value its quotes would be
    // escaped), and the top-level one is the last: the members are in key
    // order, and only "total", a number, follows it.
    static const std::string member = "\"took_ms\":";
    const std::size_t at = body.rfind(member);
    if (at == std::string::npos) return;
    const std::size_t value = at + member.size();
    const std::size_t end = body.find_first_of(",}", value);
    if (end == std::string::npos) return;
    Answer answer{body.substr(0, value), body.substr(end)};
    const std::size_t size = size_of(key, answer.before, answer.after);
    if (size > max_bytes_) return;
    std::lock_guard lock(mutex_);
    if (by_key_.count(key)) return;  // kept meanwhile by another request
    entries_.emplace_front(key, std::move(answer));
    by_key_[key] = entries_.begin();
    bytes_ += size;
    while (bytes_ > max_bytes_) {
        const auto& [old_key, old] = entries_.back();
        bytes_ -= size_of(old_key, old.before, old.after);
        by_key_.erase(old_key);
        entries_.pop_back();
    }
}

nlohmann::json AnswerCache::status() const {
    std::lock_guard lock(mutex_);
    return {{"entries", entries_.size()},
            {"bytes", bytes_},
            {"max_bytes", max_bytes_},
            {"hits", hits_},
            {"misses", misses_}};
}

}  // namespace coopatlas::web
