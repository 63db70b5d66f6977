#include "indexer/dictionaries/french_synonyms.hpp"

#include <algorithm>
#include <cstdint>
#include <set>
#include <tuple>
#include <unordered_map>

#include "core/string_map.hpp"
#include "core/terms.hpp"
#include "core/text.hpp"

namespace coopatlas::indexer {

namespace {

/// The thesaurus's texts folded (text::words_key) and numbered: a synonym is
/// listed by many entries, and comparing lists of numbers needs no hashing.
class FoldedTexts {
public:
    /// The number of the folded `written`, folded once per distinct text.
    uint32_t id(const std::string& written) {
        if (auto it = of_written_.find(written); it != of_written_.end()) return it->second;
        std::string folded = text::words_key(written);
        auto [it, added] = of_folded_.try_emplace(folded, static_cast<uint32_t>(folded_.size()));
        if (added) folded_.push_back(std::move(folded));
        of_written_.emplace(written, it->second);
        return it->second;
    }
    const std::string& folded(uint32_t id) const { return folded_[id]; }
    size_t size() const { return folded_.size(); }

private:
    StringMap<uint32_t> of_written_, of_folded_;
    std::vector<std::string> folded_;
};

}  // namespace

std::vector<std::pair<std::string, std::string>> french_synonyms(
    const std::vector<ThesaurusEntry>& thesaurus, const std::function<bool(const std::string& folded)>& usable) {
    FoldedTexts texts;
    std::vector<uint32_t> word_of(thesaurus.size());
    std::vector<std::vector<uint32_t>> synonyms_of(thesaurus.size());
    for (size_t e = 0; e < thesaurus.size(); ++e) {
        word_of[e] = texts.id(thesaurus[e].word);
        for (const auto& s : thesaurus[e].synonyms) synonyms_of[e].push_back(texts.id(s));
    }
    // Folded word -> its folded synonyms (sorted, once each), to check that a synonym lists the word back.
    std::vector<std::vector<uint32_t>> listed(texts.size());
    for (size_t e = 0; e < thesaurus.size(); ++e)
        listed[word_of[e]].insert(listed[word_of[e]].end(), synonyms_of[e].begin(), synonyms_of[e].end());
    for (auto& l : listed) {
        std::sort(l.begin(), l.end());
        l.erase(std::unique(l.begin(), l.end()), l.end());
    }
    std::vector<int8_t> used(texts.size(), -1);             // usable(), asked once per folded text
    std::vector<size_t> mine_mark(texts.size(), SIZE_MAX);  // == e: listed by entry e's word

    std::vector<std::pair<std::string, std::string>> out;
    std::set<std::pair<std::string, std::string>> seen;
    std::unordered_map<std::string, size_t> kept;  // per key: "finance", "financer" share "th~financ"
    for (size_t e = 0; e < thesaurus.size(); ++e) {
        const auto& entry = thesaurus[e];
        const uint32_t word = word_of[e];
        const std::string key = terms::thesaurus_key(entry.word);
        if (texts.folded(word).empty() || key.empty()) continue;
        for (const uint32_t s : listed[word]) mine_mark[s] = e;
        // (shared synonyms, position, synonym) of the mutual synonyms the guide uses.
        std::vector<std::tuple<size_t, size_t, const std::string*>> candidates;
        for (size_t k = 0; k < entry.synonyms.size(); ++k) {
            const uint32_t synonym = synonyms_of[e][k];
            if (texts.folded(synonym).empty() || synonym == word) continue;
            if (used[synonym] < 0) used[synonym] = usable(texts.folded(synonym)) ? 1 : 0;
            if (!used[synonym]) continue;
            const auto& back = listed[synonym];
            if (!std::binary_search(back.begin(), back.end(), word)) continue;
            const auto shared = static_cast<size_t>(
                std::count_if(back.begin(), back.end(), [&](uint32_t s) { return mine_mark[s] == e; }));
            candidates.emplace_back(shared, k, &entry.synonyms[k]);
        }
        std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
            return std::get<0>(a) != std::get<0>(b) ? std::get<0>(a) > std::get<0>(b) : std::get<1>(a) < std::get<1>(b);
        });
        for (const auto& [shared, position, synonym] : candidates) {
            if (kept[key] == kMaxFrenchSynonyms) break;
            if (seen.emplace(key, *synonym).second) out.emplace_back(key, *synonym), ++kept[key];
        }
    }
    return out;
}

}  // namespace coopatlas::indexer
