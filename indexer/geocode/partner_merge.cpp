#include "indexer/geocode/partner_merge.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

namespace coopatlas::indexer {

namespace {

/// Kinds that name the same sort of party.
std::string kind_family(const std::string& kind) {
    if (kind == "intercommunalité" || kind == "métropole") return "epci";
    if (kind == "commune" || kind == "municipalité") return "commune";
    return kind;
}

/// The place a partner was found at, or "" when it cannot be merged by place: no point, a
/// country fallback, or a party that names no place of its own (a country, an association).
std::string place_key(const Record& r) {
    const std::string kind = r.fields.value("kind", "");
    if (r.geo.empty() || r.geo.front().precision == "country" || r.geo.front().source.empty()) return "";
    if (kind == "pays" || kind == "association" || kind == "établissement") return "";
    return r.geo.front().source + "|" + (r.fields.value("french", false) ? "fr" : "abroad") + "|" + kind_family(kind);
}

}  // namespace

std::size_t merge_partners_by_place(std::vector<Record>& records) {
    // The partner kept for each place: the first named in the guide.
    std::map<std::string, std::size_t> keeper;
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (records[i].type != "partner") continue;
        std::string key = place_key(records[i]);
        if (key.empty()) continue;
        auto [it, fresh] = keeper.emplace(key, i);
        const Record& kept = records[it->second];
        if (!fresh && (records[i].line < kept.line || (records[i].line == kept.line && records[i].id < kept.id)))
            it->second = i;
    }
    std::unordered_map<std::string, std::size_t> merged_into;  // partner id -> index of the kept partner
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (records[i].type != "partner") continue;
        std::string key = place_key(records[i]);
        if (key.empty() || keeper[key] == i) continue;
        merged_into[records[i].id] = keeper[key];
    }
    if (merged_into.empty()) return 0;

    // The kept partner takes the other spellings.
    for (const auto& [merged_id, k] : merged_into) {
        // A lambda may not capture a structured binding before clang 16: capture a reference by name.
        auto it =
            std::find_if(records.begin(), records.end(), [&id = merged_id](const Record& r) { return r.id == id; });
        Record& kept = records[k];
        std::set<std::string> mentions;
        for (const auto& m : kept.fields.value("mentions", nlohmann::json::array()))
            mentions.insert(m.get<std::string>());
        for (const auto& m : it->fields.value("mentions", nlohmann::json::array())) {
            if (mentions.insert(m.get<std::string>()).second) kept.text += " · " + m.get<std::string>();
        }
        kept.fields["mentions"] = std::vector<std::string>(mentions.begin(), mentions.end());
        if (kept.countries.empty() && !it->countries.empty()) kept.countries = it->countries;
    }

    // Partnerships re-pointed; a pair stated under both spellings is one partnership.
    std::unordered_map<std::string, std::string> id_of;  // partner id -> kept id
    for (const auto& [id, k] : merged_into) id_of[id] = records[k].id;
    std::unordered_map<std::string, std::string> title_of;
    for (const auto& r : records)
        if (r.type == "partner") title_of[r.id] = r.title;
    std::map<std::string, std::size_t> partnership_at;
    std::vector<bool> drop(records.size(), false);
    for (std::size_t i = 0; i < records.size(); ++i) {
        Record& r = records[i];
        if (r.type == "partnership") {
            std::vector<std::string> parties = r.fields["parties"].get<std::vector<std::string>>();
            bool changed = false;
            for (auto& p : parties)
                if (auto it = id_of.find(p); it != id_of.end()) {
                    p = it->second;
                    changed = true;
                }
            if (changed && parties.size() == 2) {
                r.id = "partnership/" + parties[0].substr(8) + "--" + parties[1].substr(8);
                r.title = title_of[parties[0]] + " – " + title_of[parties[1]];
                r.fields["parties"] = parties;
            }
            auto [it, fresh] = partnership_at.emplace(r.id, i);
            if (fresh) continue;
            Record& first = records[it->second];
            auto& occurrences = first.fields["occurrences"];
            for (const auto& o : r.fields["occurrences"])
                if (std::none_of(occurrences.begin(), occurrences.end(),
                                 [&](const nlohmann::json& x) { return x["line"] == o["line"]; }))
                    occurrences.push_back(o);
            if (first.fields.value("theme", "").empty() && !r.fields.value("theme", "").empty())
                first.fields["theme"] = r.fields["theme"];
            drop[i] = true;
        } else if (r.type == "partner" && merged_into.count(r.id)) {
            drop[i] = true;
        }
    }
    // Each partner lists its partnerships in the order of the records.
    std::unordered_map<std::string, std::vector<std::string>> listed;
    for (std::size_t i = 0; i < records.size(); ++i)
        if (records[i].type == "partnership" && !drop[i])
            for (const auto& p : records[i].fields["parties"]) listed[p.get<std::string>()].push_back(records[i].id);
    for (std::size_t i = 0; i < records.size(); ++i)
        if (records[i].type == "partner" && !drop[i]) records[i].fields["partnerships"] = listed[records[i].id];
    std::vector<Record> kept;
    kept.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i)
        if (!drop[i]) kept.push_back(std::move(records[i]));
    records = std::move(kept);
    return merged_into.size();
}

}  // namespace coopatlas::indexer
