#include "indexer/dictionaries/english_french.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/terms.hpp"
#include "core/text.hpp"

namespace coopatlas::indexer {

namespace {

void add_unique(std::vector<std::string>& list, std::string value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

/// A translation worth storing: at least one word that is not a stop word
/// ("le", "de": the translations of "the" and "of" would match everything).
bool meaningful(const std::string& french) {
    for (const auto& w : text::words(french))
        if (!text::is_stopword(w)) return true;
    return false;
}

}  // namespace

void EnglishFrench::add_direct(const std::string& english, const std::string& french) {
    const std::string key = text::words_key(english);
    if (!key.empty() && meaningful(french)) add_unique(direct_[key], french);
}

void EnglishFrench::add_english_french(const Dictd& eng_fra) {
    for (const auto& entry : eng_fra.entries)
        for (auto& french : dictd_translations(eng_fra.body(entry))) add_direct(entry.headword, french);
}

void EnglishFrench::add_french_english(const Dictd& fra_eng) {
    for (const auto& entry : fra_eng.entries) {
        const std::string french = fra_eng.written_headword(entry);
        for (const auto& english : dictd_translations(fra_eng.body(entry))) add_direct(english, french);
    }
}

void EnglishFrench::add_english_german(const Dictd& eng_deu) {
    // Sized once: growing rehashes every key (the maps hash string_views and keep no hash codes).
    german_.reserve(german_.size() + eng_deu.entries.size());
    compounds_.reserve(compounds_.size() + eng_deu.entries.size());
    german_french_.reserve(german_french_.size() + eng_deu.entries.size());
    for (const auto& entry : eng_deu.entries) {
        const std::string key = text::words_key(entry.headword);
        if (key.empty()) continue;
        auto& german = german_[key];
        for (const auto& g : dictd_translations(eng_deu.body(entry))) {
            std::string folded = text::words_key(g);
            if (german_french_.count(folded) || add_compound(folded)) add_unique(german, std::move(folded));
        }
        if (german.empty()) german_.erase(key);
    }
}

void EnglishFrench::add_german_french(const Dictd& fra_deu, const Dictd& deu_fra) {
    german_french_.reserve(german_french_.size() + fra_deu.entries.size() + deu_fra.entries.size());
    for (const auto& entry : fra_deu.entries) {
        const std::string french = fra_deu.written_headword(entry);
        for (const auto& g : dictd_translations(fra_deu.body(entry))) {
            const std::string folded = text::words_key(g);
            if (!folded.empty() && meaningful(french)) add_unique(german_french_[folded], french);
        }
    }
    for (const auto& entry : deu_fra.entries) {
        const std::string folded = text::words_key(entry.headword);
        if (folded.empty()) continue;
        for (auto& french : dictd_translations(deu_fra.body(entry)))
            if (meaningful(french)) add_unique(german_french_[folded], std::move(french));
    }
}

bool EnglishFrench::add_compound(std::string_view german) {
    if (german.find(' ') != std::string_view::npos || german.size() < 2 * kMinCompoundPart) return false;
    if (auto known = compounds_.find(german); known != compounds_.end()) return known->second;
    auto french_of = [&](std::string_view part) -> const std::vector<std::string>* {
        auto it = german_french_.find(part);
        return it == german_french_.end() ? nullptr : &it->second;
    };
    // The longest head first: "partnerstadt" -> "partner" + "stadt".
    for (size_t split = kMinCompoundPart; split + kMinCompoundPart <= german.size(); ++split) {
        const auto* head = french_of(german.substr(split));
        if (!head) continue;
        const std::string_view modifier = german.substr(0, split);
        const auto* before = french_of(modifier);
        if (!before && modifier.back() == 's') before = french_of(modifier.substr(0, modifier.size() - 1));  // Fugen-s
        if (!before) continue;
        // head and before stay valid: an unordered_map's elements do not move when it grows.
        auto& french = german_french_[std::string(german)];
        for (size_t h = 0; h < head->size() && h < kCompoundSenses; ++h)
            for (size_t m = 0; m < before->size() && m < kCompoundSenses; ++m)
                add_unique(french, (*head)[h] + " " + (*before)[m]);
        return compounds_[std::string(german)] = true;
    }
    return compounds_[std::string(german)] = false;
}

std::vector<std::pair<std::string, std::string>> EnglishFrench::translations(const Usable& usable) const {
    auto is_usable = [&](const std::string& french) { return usable(text::words_key(french)); };
    // The usable French translations of each German word, judged once: many
    // English words share a German one ("town", "city" -> "Stadt").
    std::unordered_map<const std::vector<std::string>*, std::vector<const std::string*>> usable_of;
    auto usable_french = [&](const std::vector<std::string>& all) -> const std::vector<const std::string*>& {
        auto [it, added] = usable_of.try_emplace(&all);
        if (added)
            for (const auto& french : all)
                if (is_usable(french)) it->second.push_back(&french);
        return it->second;
    };
    std::vector<std::string_view> keys;  // every English key, sorted
    keys.reserve(direct_.size() + german_.size());
    for (const auto& [key, _] : direct_) keys.emplace_back(key);
    for (const auto& [key, _] : german_) keys.emplace_back(key);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());

    std::vector<std::pair<std::string, std::string>> out;
    for (const std::string_view key : keys) {
        std::vector<std::string> kept;
        if (auto it = direct_.find(key); it != direct_.end())
            for (const auto& french : it->second)
                if (is_usable(french)) add_unique(kept, french);
        for (const auto& french : kept) out.emplace_back(key, french);
        auto it = german_.find(key);
        if (it == german_.end()) continue;
        // Usable French word -> how many German words of the English one lead to it, in first-reached order.
        std::vector<std::pair<const std::string*, size_t>> reached;
        for (const auto& german : it->second) {
            auto g = german_french_.find(german);
            if (g == german_french_.end()) continue;
            for (const std::string* french : usable_french(g->second)) {
                auto r =
                    std::find_if(reached.begin(), reached.end(), [&](const auto& p) { return *p.first == *french; });
                if (r == reached.end())
                    reached.emplace_back(french, 1);
                else
                    ++r->second;
            }
        }
        std::stable_sort(reached.begin(), reached.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        for (size_t k = 0; k < reached.size() && k < kMaxPivot && 2 * reached[k].second >= reached[0].second; ++k)
            if (std::find(kept.begin(), kept.end(), *reached[k].first) == kept.end())
                out.emplace_back(key, *reached[k].first);
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> english_synonyms(
    const std::vector<std::pair<std::string, std::string>>& pairs,
    const std::function<EnglishKind(const std::string& folded)>& kind) {
    std::vector<std::pair<std::string, std::string>> out;
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& [english, french] : pairs) {
        if (!meaningful(french)) continue;
        for (const std::string& form : {english, terms::english_plural(english)}) {
            const EnglishKind k = form.empty() ? EnglishKind::skip : kind(form);
            if (k == EnglishKind::skip) continue;
            std::string key = terms::english_key(
                form, k == EnglishKind::only ? terms::EnglishKey::only : terms::EnglishKey::and_french);
            if (!key.empty() && seen.emplace(key, french).second) out.emplace_back(std::move(key), french);
        }
    }
    return out;
}

}  // namespace coopatlas::indexer
