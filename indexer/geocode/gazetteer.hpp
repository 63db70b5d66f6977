#pragma once
/// @file gazetteer.hpp
/// The offline gazetteer: places from GeoNames, INSEE/Etalab and the
/// reviewed override file, built once by coopatlas-gazetteer into a GeoPackage
/// (var/gazetteer.gpkg, layers `places` and `country_shapes`) and loaded here
/// into memory for the geocoder.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/geo.hpp"
#include "indexer/places/place_kind.hpp"

namespace coopatlas::indexer {

/// One gazetteer entry.
struct Place {
    std::string name;                   ///< display name ("Angoulême")
    std::string key;                    ///< place_key(name); filled by Gazetteer::add() when empty
    std::vector<std::string> alt_keys;  ///< other names, already as place_key()
    PlaceKind kind = PlaceKind::city;
    std::string country;  ///< ISO 3166-1 alpha-2 ("FR" for the overseas départements too)
    std::string admin1;   ///< GeoNames admin1 code (INSEE région code in France)
    std::string admin2;   ///< GeoNames admin2 code (INSEE département code in France)
    std::string insee;    ///< INSEE commune / département / région code, EPCI SIREN
    long population = 0;
    geo::LatLon point;
    std::string source;        ///< "geonames:3037598", "insee:16015", "override:...", ...
    bool approximate = false;  ///< point estimated (EPCI members' centroid, département seat...)
};

/// The one normalisation of place names, built on text::words (the search's
/// folding: case, accents, apostrophes, elision): words joined by single
/// spaces, hyphens and punctuation as spaces, "st"/"ste" spelled "saint"/
/// "sainte", a leading article (le, la, les) dropped.
/// "Saint-Étienne" == "St Etienne"; "Le Lamentin" == "lamentin".
std::string place_key(std::string_view name);

/// place_key() without spaces, to compare with an e-mail domain label
/// ("grand est" -> "grandest").
std::string compact_key(std::string_view name);

/// Precision of a point taken from a place of that kind: "city", "admin" or "country".
std::string precision_of(PlaceKind kind);

/// What a lookup may keep or prefer.
struct PlaceFilter {
    std::vector<std::string> countries;          ///< hard filter when any candidate matches
    std::vector<PlaceKind> kinds;                ///< preferred kinds (hard when any candidate matches)
    std::vector<std::string> context_countries;  ///< soft preference (the section's countries)
    /// Areas as "CC/code" (country and admin1 or admin2 code, "FR/89"): kept
    /// when any candidate lies in one of them.
    std::vector<std::string> admins;
};

class Gazetteer {
public:
    Gazetteer();
    ~Gazetteer();
    Gazetteer(Gazetteer&&) noexcept;
    Gazetteer& operator=(Gazetteer&&) noexcept;

    /// Loads var/gazetteer.gpkg (only the columns the geocoder needs); throws
    /// Error naming the file and telling how to build it when it cannot.
    static Gazetteer load(const std::string& gpkg_path);

    /// Builds an in-memory gazetteer (tests, and the builder's own checks).
    void add(Place place);
    /// Adds a country outline (WKB, EPSG:4326) used by in_country().
    void add_country_shape(const std::string& code, const unsigned char* wkb, std::size_t size);

    const std::vector<Place>& places() const { return places_; }

    /// Every place whose name or alternate name has this key.
    std::vector<const Place*> find(std::string_view name) const;

    /// Candidates for `name` ranked: hard filters first (country, kind, admin area),
    /// then the section's countries, then a country or a region before a homonymous
    /// village, then France before abroad, then population; an area named after its
    /// seat gives the seat. Empty when nothing matches.
    std::vector<const Place*> lookup(std::string_view name, const PlaceFilter& filter = {}) const;

    /// The country entry (at its capital) for an ISO code, or nullptr.
    const Place* country(std::string_view code) const;
    /// A country from its French or English name or its ISO alpha-2 code, or nullptr.
    const Place* find_country(std::string_view name_or_code) const;

    /// French places (commune, EPCI, département, région) whose compact_key()
    /// equals `label`, ranked like lookup(). Used for e-mail domains.
    std::vector<const Place*> find_compact(std::string_view label) const;
    /// Every place whose compact_key() equals `label`, ranked like lookup(): a
    /// name whose hyphen the PDF extraction lost ("Edingenneckarhausen").
    std::vector<const Place*> find_compact_any(std::string_view label, const PlaceFilter& filter = {}) const;
    /// Admin areas (admin1, admin2) of filter.countries whose name starts with
    /// the words of `name` ("Tamil" -> "Tamil Nadu"); empty without a country.
    std::vector<const Place*> find_area_prefix(std::string_view name, const PlaceFilter& filter) const;

    /// True when `p` lies in (or within ~10 km of) the outline of `code`, the
    /// overseas territories counting as France; true when no outline is known.
    bool in_country(std::string_view code, geo::LatLon p) const;
    bool has_country_shapes() const;

private:
    /// A name index entry: the hash of a key and the place carrying it. Kept
    /// sorted by (hash, place); a lookup checks the place really has the key.
    struct KeyRef {
        std::uint64_t hash;
        std::size_t place;
        bool operator<(const KeyRef& o) const { return hash != o.hash ? hash < o.hash : place < o.place; }
    };
    /// Appends place i's entries to by_key_ and by_compact_ (unsorted) and to countries_.
    void index(std::size_t i);
    /// Sorts by_key_ and by_compact_ and drops duplicate entries.
    void sort_indexes();

    std::vector<Place> places_;
    std::vector<KeyRef> by_key_;      ///< place_key() and alternate keys
    std::vector<KeyRef> by_compact_;  ///< compact_key() of every place
    std::unordered_map<std::string, std::size_t> countries_;
    struct Shapes;
    std::unique_ptr<Shapes> shapes_;
};

}  // namespace coopatlas::indexer
