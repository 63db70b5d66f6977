#pragma once
/// @file place_kind.hpp
/// Kinds of gazetteer entries, from the widest to the narrowest. Strings only at
/// the edges: the gazetteer's GeoPackage (column `kind`), data/places-override.tsv,
/// data/aliases.tsv and the builder's JSON test fixtures.

#include <optional>
#include <string_view>

namespace coopatlas::indexer {

enum class PlaceKind {
    country,  ///< a country (at its capital)
    admin1,   ///< région, province, state, gouvernorat...
    admin2,   ///< département, cercle, county...
    epci,     ///< French intercommunalité (SIREN)
    commune,  ///< French commune (INSEE code)
    city,     ///< any other populated place
};

/// "country", "admin1", "admin2", "epci", "commune", "city": the name stored in the gazetteer.
std::string_view to_string(PlaceKind kind);

/// The kind a stored name gives; nullopt for any other text.
std::optional<PlaceKind> parse_place_kind(std::string_view name);

}  // namespace coopatlas::indexer
