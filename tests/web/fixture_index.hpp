#pragma once
// A small index of hand-made records with points, for the web tests: the
// guide's own extraction may not place anything on the map yet, and these
// tests are about the server, not the extraction.
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/record.hpp"
#include "indexer/write/xapian_writer.hpp"

namespace coopatlas::fixture {

inline Record make_record(const std::string& type, const std::string& slug, const std::string& title,
                          std::vector<GeoPoint> geo, std::vector<Country> countries = {}) {
    Record r;
    r.id = type + "/" + slug;
    r.type = type;
    r.title = title;
    r.text = title + " : coopération décentralisée pour l'eau potable et l'assainissement.";
    r.page = 42;
    r.line = 100;
    r.section = {"Géographies", "2 Afrique de l'Ouest", "2.1 Bénin"};
    r.countries = std::move(countries);
    r.themes = {"Eau et assainissement"};
    r.odd = {6};
    r.geo = std::move(geo);
    return r;
}

/// Cotonou (6.37 N, 2.43 E), Porto-Novo (6.50 N, 2.60 E), Lyon (45.76 N, 4.84 E),
/// Ouagadougou (12.37 N, -1.53 W).
inline std::vector<Record> fixture_records() {
    GeoPoint cotonou{6.3654, 2.4183, "Cotonou", "city", "geonames:2394819"};
    GeoPoint porto_novo{6.4969, 2.6036, "Porto-Novo", "city", "geonames:2392087"};
    GeoPoint lyon{45.7640, 4.8357, "Lyon", "city", "geonames:2996944"};
    GeoPoint ouaga{12.3714, -1.5197, "Ouagadougou", "city", "geonames:2357048"};
    Country bj{"BJ", "Bénin"}, fr{"FR", "France"}, bf{"BF", "Burkina Faso"};
    std::vector<Record> records;
    Record programme =
        make_record("programme", "eau-benin", "Programme eau potable au Bénin", {cotonou, porto_novo}, {bj});
    programme.fields["lead"] = "Métropole de Lyon";
    programme.fields["emails"] = {"eau@example.org"};
    records.push_back(programme);
    records.push_back(make_record("partner", "lyon", "Métropole de Lyon", {lyon}, {fr}));
    records.push_back(make_record("partner", "cotonou", "Ville de Cotonou", {cotonou}, {bj}));
    records.push_back(make_record("partner", "ouagadougou", "Commune de Ouagadougou", {ouaga}, {bf}));
    records.push_back(make_record("partnership", "lyon-cotonou", "Lyon et Cotonou", {lyon, cotonou}, {fr, bj}));
    Record contact = make_record("contact", "jean-dupont", "Jean Dupont", {lyon}, {fr});
    contact.fields["email"] = "jean.dupont@example.org";
    records.push_back(contact);
    records.push_back(make_record("passage", "l1", "Un passage sans lieu sur l'assainissement", {}));
    return records;
}

/// Writes the records as an index folder (xapian/ and the record store) and returns its path.
inline std::string write_fixture_index(const std::string& name) {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    indexer::write_search_index(fixture_records(), dir.string());
    return dir.string();
}

}  // namespace coopatlas::fixture
