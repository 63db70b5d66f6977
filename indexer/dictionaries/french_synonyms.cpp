#include "indexer/dictionaries/french_synonyms.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "core/terms.hpp"
#include "core/text.hpp"

namespace coopatlas::indexer {

std::vector<std::pair<std::string, std::string>> french_synonyms(
    const std::vector<ThesaurusEntry>& thesaurus, const std::function<bool(const std::string& folded)>& usable) {
    // Folded word -> its folded synonyms, to check that a synonym lists the word back.
    std::unordered_map<std::string, std::unordered_set<std::string>> listed;
    for (const auto& entry : thesaurus) {
        auto& synonyms = listed[text::words_key(entry.word)];
        for (const auto& s : entry.synonyms) synonyms.insert(text::words_key(s));
    }
    std::vector<std::pair<std::string, std::string>> out;
    std::set<std::pair<std::string, std::string>> seen;
    std::unordered_map<std::string, size_t> kept;  // per key: "finance", "financer" share "th~financ"
    for (const auto& entry : thesaurus) {
        const std::string word = text::words_key(entry.word);
        const std::string key = terms::thesaurus_key(entry.word);
        if (word.empty() || key.empty()) continue;
        const auto& mine = listed[word];
        // (shared synonyms, position, synonym) of the mutual synonyms the guide uses.
        std::vector<std::tuple<size_t, size_t, const std::string*>> candidates;
        for (size_t k = 0; k < entry.synonyms.size(); ++k) {
            const std::string folded = text::words_key(entry.synonyms[k]);
            if (folded.empty() || folded == word || !usable(folded)) continue;
            auto back = listed.find(folded);
            if (back == listed.end() || !back->second.count(word)) continue;
            size_t shared = 0;
            for (const auto& s : back->second) shared += mine.count(s);
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
