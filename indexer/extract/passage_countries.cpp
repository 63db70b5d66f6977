#include "indexer/extract/passage_countries.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"
#include "indexer/places/place_knowledge.hpp"

namespace coopatlas::indexer {

namespace {

/// A word before an adjective of nationality that makes it name something
/// else than the country: "océan Indien", "latino-américain", "sud-américain".
bool names_something_else(std::string_view previous_folded) {
    static constexpr std::array<std::string_view, 4> kWords = {"ocean", "latino", "sud", "centre"};
    return std::find(kWords.begin(), kWords.end(), previous_folded) != kWords.end();
}

bool french(const Country& c, const PlaceKnowledge& places) {
    return c.code == "FR" || places.overseas_territory(c.code) != nullptr;
}

}  // namespace

std::vector<Country> passage_countries(std::string_view text, const std::vector<std::string>& section,
                                       const CountryTable& countries) {
    const PlaceKnowledge& places = PlaceKnowledge::builtin();
    std::vector<Country> found;
    auto add = [&](const Country& c) {
        if (french(c, places)) return;
        if (std::none_of(found.begin(), found.end(), [&](const Country& f) { return f.code == c.code; }))
            found.push_back(c);
    };
    if (section.size() > 1 && section.front() == "Géographies")
        for (const auto& c : countries.find_in(section.back())) add(c);
    for (const auto& c : countries.find_in(text)) add(c);
    const auto tokens = text::tokenize(text);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string* name = places.country_of_demonym(tokens[i].folded);
        if (!name || (i > 0 && names_something_else(tokens[i - 1].folded))) continue;
        if (auto c = countries.lookup(*name)) add(*c);
    }
    return found;
}

}  // namespace coopatlas::indexer
