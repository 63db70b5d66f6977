#pragma once
/// @file place_knowledge.hpp
/// What coopatlas knows about places beside the gazetteer and the official lists: the
/// reviewed tables of data/places/ (demonyms, country aliases, brand names of régions, the
/// French overseas territories). They are compiled in (place_tables.cpp.in), like the
/// synonyms, and read here only: the party extraction, the country table, the gazetteer
/// and its builder share them.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/string_map.hpp"

namespace coopatlas::indexer {

/// An adjective of nationality: its masculine singular, folded ("tunisien"), and the
/// French name of its country ("Tunisie").
struct Demonym {
    std::string stem;
    std::string country;
};

/// Where a country alias counts: everywhere (it joins the country table) or only
/// for the parties of a cooperation ("Québec" is a Canadian partner, not Canada).
enum class AliasScope { kCountries, kParties };

/// Another name of a country ("RDC" for CD).
struct CountryAlias {
    std::string alias;
    std::string code;  ///< ISO 3166-1 alpha-2
    AliasScope scope = AliasScope::kCountries;
};

/// A brand name of a French région ("Sud" for "Provence-Alpes-Côte d'Azur").
struct RegionAlias {
    std::string alias;
    std::string region;       ///< official name, as in the Etalab list of régions
    bool standalone = false;  ///< means the région wherever it stands ("PACA"), not only after "région" ("Sud")
};

/// A French overseas territory: ISO 3166-1 gives it a code of its own, coopatlas counts it as France.
struct OverseasTerritory {
    std::string code;        ///< ISO 3166-1 alpha-2 ("GP")
    std::string name;        ///< French name ("Guadeloupe")
    std::string party_kind;  ///< the collectivité a party named after it is: "région", "département", "collectivité"
    bool insee = false;      ///< the INSEE/Etalab lists hold its communes (the overseas départements)
};

/// The text of each table, as in data/places/ (tab-separated: '#' comment lines, a header, rows).
struct PlaceTables {
    std::string_view demonyms, country_aliases, region_aliases, overseas_territories;
};

struct PlaceKnowledge {
    std::vector<Demonym> demonyms;
    std::vector<CountryAlias> country_aliases;
    std::vector<RegionAlias> region_aliases;
    std::vector<OverseasTerritory> overseas;

    /// The overseas territory of an ISO code, or nullptr ("FR", "TN").
    const OverseasTerritory* overseas_territory(std::string_view code) const;
    /// The French country name of an adjective of nationality in any of its
    /// forms (stem + "", e, s, es, ne, nes; folded: "tunisiennes" -> "Tunisie"),
    /// the first demonym of the table winning a shared form; nullptr if none.
    const std::string* country_of_demonym(std::string_view folded_word) const;

    /// Reads the four tables; throws Error naming the table and the line when a header or a
    /// row is malformed, or when a table has no rows.
    static PlaceKnowledge parse(const PlaceTables& tables);

    /// The tables of data/places/ compiled into the indexer, read once.
    static const PlaceKnowledge& builtin();

private:
    /// Every inflected form of every demonym -> its country (one lookup per word of the guide).
    StringMap<std::string> demonym_forms_;
};

/// The text of the data/places/ tables, compiled in (generated from place_tables.cpp.in).
PlaceTables builtin_place_tables();

}  // namespace coopatlas::indexer
