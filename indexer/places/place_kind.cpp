#include "indexer/places/place_kind.hpp"

#include <array>
#include <utility>

namespace coopatlas::indexer {

namespace {

constexpr std::array<std::pair<PlaceKind, std::string_view>, 6> kNames = {{{PlaceKind::country, "country"},
                                                                           {PlaceKind::admin1, "admin1"},
                                                                           {PlaceKind::admin2, "admin2"},
                                                                           {PlaceKind::epci, "epci"},
                                                                           {PlaceKind::commune, "commune"},
                                                                           {PlaceKind::city, "city"}}};

}  // namespace

std::string_view to_string(PlaceKind kind) {
    for (const auto& [k, name] : kNames)
        if (k == kind) return name;
    return "";  // unreachable: every enumerator is in kNames
}

std::optional<PlaceKind> parse_place_kind(std::string_view name) {
    for (const auto& [k, known] : kNames)
        if (known == name) return k;
    return std::nullopt;
}

}  // namespace coopatlas::indexer
