#include "indexer/places/countries.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.hpp"
#include "core/text.hpp"
#include "indexer/places/place_knowledge.hpp"

#ifndef COOPATLAS_COUNTRIES_JSON
#define COOPATLAS_COUNTRIES_JSON "node_modules/i18n-iso-countries/langs/fr.json"
#endif

namespace coopatlas::indexer {

namespace {

std::string key_of(std::string_view name) { return text::words_key(name); }

// Names that are also first names or common words: found only as a whole name.
bool ambiguous(const std::string& key) { return key == "maurice" || key == "dominique" || key == "reunion"; }

}  // namespace

void CountryTable::add(const std::string& name, const Country& country, bool searchable) {
    std::string key = key_of(name);
    if (key.empty()) return;
    names_.try_emplace(key, Entry{country, searchable && !ambiguous(key)});
    first_words_.insert(key.substr(0, key.find(' ')));
    max_words_ = std::max<std::size_t>(max_words_, std::count(key.begin(), key.end(), ' ') + 1);
}

std::vector<std::pair<std::string, std::vector<std::string>>> country_names(std::string_view json_text,
                                                                            const std::string& origin) {
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(json_text);
    } catch (const nlohmann::json::exception& e) {
        throw Error("country table '" + origin + "' is not valid JSON: " + e.what());
    }
    if (!doc.is_object() || !doc.contains("countries") || !doc["countries"].is_object())
        throw Error("country table '" + origin + "' has no \"countries\" object (expected i18n-iso-countries format)");
    std::vector<std::pair<std::string, std::vector<std::string>>> all;
    for (const auto& [code, value] : doc["countries"].items()) {
        std::vector<std::string> names;
        if (value.is_string()) names.push_back(value.get<std::string>());
        if (value.is_array())
            for (const auto& v : value)
                if (v.is_string()) names.push_back(v.get<std::string>());
        if (!names.empty()) all.emplace_back(code, std::move(names));
    }
    return all;
}

std::string read_country_file(const std::string& json_path) {
    std::ifstream in(json_path, std::ios::binary);
    if (!in)
        throw Error("cannot read the country table '" + json_path +
                    "': run scripts/setup.sh (npm install) to install i18n-iso-countries");
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

CountryTable CountryTable::parse(std::string_view json_text, const std::string& origin) {
    CountryTable table;
    std::unordered_map<std::string, std::string> official;  // code -> display name
    for (const auto& [code, names] : country_names(json_text, origin)) {
        official[code] = names.front();
        for (const auto& n : names) table.add(n, Country{code, names.front()}, true);
    }
    // the guide's short or everyday names ("Corée" for the Republic of Korea, "RDC")
    for (const auto& a : PlaceKnowledge::builtin().country_aliases) {
        auto it = official.find(a.code);
        if (a.scope == AliasScope::kCountries && it != official.end())
            table.add(a.alias, Country{a.code, it->second}, true);
    }
    for (auto& [code, name] : official) table.by_code_.emplace(code, Country{code, std::move(name)});
    return table;
}

CountryTable CountryTable::load(const std::string& json_path) { return parse(read_country_file(json_path), json_path); }

std::string CountryTable::default_path() { return COOPATLAS_COUNTRIES_JSON; }

const CountryTable& CountryTable::default_table() {
    static const CountryTable table = load(default_path());
    return table;
}

std::optional<Country> CountryTable::lookup(std::string_view name) const { return lookup_key(key_of(name)); }

std::optional<Country> CountryTable::lookup_key(std::string_view key) const {
    auto it = names_.find(key);
    if (it == names_.end()) return std::nullopt;
    return it->second.country;
}

namespace {

/// True when a and b differ by one inserted, deleted or replaced byte.
bool one_edit_apart(std::string_view a, std::string_view b) {
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > 1) return false;
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    if (a.size() == b.size()) return i < a.size() && a.substr(i + 1) == b.substr(i + 1);
    return a.substr(i) == b.substr(i + 1);
}

}  // namespace

std::optional<Country> CountryTable::lookup_typo(std::string_view key) const {
    if (key.size() < 8) return std::nullopt;
    std::optional<Country> found;
    for (const auto& [name, entry] : names_) {
        if (!one_edit_apart(name, key)) continue;
        if (found && found->code != entry.country.code) return std::nullopt;
        found = entry.country;
    }
    return found;
}

std::optional<Country> CountryTable::by_code(std::string_view code) const {
    auto it = by_code_.find(code);
    if (it == by_code_.end()) return std::nullopt;
    return it->second;
}

std::vector<Country> CountryTable::find_in(std::string_view text_utf8) const {
    std::vector<Country> found;
    auto ws = text::words(text_utf8);
    for (std::size_t i = 0; i < ws.size();) {
        std::size_t matched = 0;
        for (std::size_t n = std::min(max_words_, ws.size() - i); n >= 1 && !matched; --n) {
            std::string key = ws[i];
            for (std::size_t k = 1; k < n; ++k) key += ' ' + ws[i + k];
            auto it = names_.find(key);
            if (it == names_.end() || !it->second.searchable) continue;
            matched = n;
            const auto& c = it->second.country;
            bool seen = std::any_of(found.begin(), found.end(), [&](const Country& f) { return f.code == c.code; });
            if (!seen) found.push_back(c);
        }
        i += matched ? matched : 1;
    }
    return found;
}

}  // namespace coopatlas::indexer
