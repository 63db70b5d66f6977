#pragma once
/// @file record.hpp
/// The records of docs/architecture.md section 1, as the indexer produces them
/// and as the index stores them (the JSON form is the contract).

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace coopatlas {

/// A point of a record on the map.
struct GeoPoint {
    double lat = 0;
    double lon = 0;
    std::string place;      ///< display name of the gazetteer entry
    std::string precision;  ///< "address", "city", "admin" or "country"
    std::string source;     ///< gazetteer source and id, e.g. "geonames:2988507"
};

struct Country {
    std::string code;  ///< ISO 3166-1 alpha-2
    std::string name;  ///< French name
};

/// One record. Type-specific fields (kind, destinations, lead, email, parties...)
/// live in `fields` and are written at the top level of the JSON form.
struct Record {
    std::string id;    ///< "TYPE/slug", stable for the same input
    std::string type;  ///< passage, programme, contact, partner, partnership
    std::string title;
    std::string text;
    int page = 0;  ///< printed page of the guide; 0 when unknown
    int line = 0;  ///< 1-based line of guide.txt where the record starts
    std::vector<std::string> section;
    std::vector<Country> countries;
    std::vector<std::string> themes;
    std::vector<int> odd;
    std::vector<GeoPoint> geo;
    nlohmann::json fields = nlohmann::json::object();
};

/// The record types, in ranking order (structured records before passages).
inline const std::vector<std::string>& record_types() {
    static const std::vector<std::string> types = {"programme", "contact", "partner", "partnership", "passage"};
    return types;
}

nlohmann::json to_json(const Record& r);
/// The "countries" and "geo" members of to_json, for answers that show only
/// these of a record's lists (search results).
nlohmann::json countries_json(const Record& r);
nlohmann::json geo_json(const Record& r);
Record record_from_json(const nlohmann::json& j);

/// "Grand Angoulême, CA" -> "grand-angouleme-ca": ASCII, lower case, dashes.
std::string slugify(const std::string& utf8);

}  // namespace coopatlas
