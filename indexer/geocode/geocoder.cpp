#include "indexer/geocode/geocoder.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <unordered_map>

#include "core/contains.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "indexer/places/collectivite_prefix.hpp"

namespace coopatlas::indexer {

namespace {

/// A place found outside the country the extraction gave overrules it only when
/// it is this populous (or an admin area): Bamako, Saarbrücken, not a hamlet.
constexpr long kMinCorrectingPopulation = 20000;

/// Kind words of the guide (folded) and the gazetteer kinds they point to.
const std::map<std::string, std::vector<PlaceKind>>& kind_words() {
    static const std::vector<PlaceKind> kRegion = {PlaceKind::admin1};
    static const std::vector<PlaceKind> kDepartement = {PlaceKind::admin2};
    static const std::vector<PlaceKind> kProvince = {PlaceKind::admin1, PlaceKind::admin2};
    static const std::vector<PlaceKind> kDistrict = {PlaceKind::admin2, PlaceKind::admin1};
    static const std::vector<PlaceKind> kCommune = {PlaceKind::commune, PlaceKind::city};
    static const std::vector<PlaceKind> kEpci = {PlaceKind::epci, PlaceKind::commune, PlaceKind::city};
    static const std::map<std::string, std::vector<PlaceKind>> kWords = {{"region", kRegion},
                                                                         {"regions", kRegion},
                                                                         {"regional", kRegion},
                                                                         {"regionale", kRegion},
                                                                         {"cr", kRegion},
                                                                         {"departement", kDepartement},
                                                                         {"departements", kDepartement},
                                                                         {"departemental", kDepartement},
                                                                         {"departementale", kDepartement},
                                                                         {"cd", kDepartement},
                                                                         {"cg", kDepartement},
                                                                         {"general", kDepartement},
                                                                         {"province", kProvince},
                                                                         {"provinces", kProvince},
                                                                         {"provincial", kProvince},
                                                                         {"gouvernorat", kProvince},
                                                                         {"gouvernorats", kProvince},
                                                                         {"wilaya", kProvince},
                                                                         {"willaya", kProvince},
                                                                         {"etat", kProvince},
                                                                         {"oblast", kProvince},
                                                                         {"prefecture", kProvince},
                                                                         {"voivodie", kProvince},
                                                                         {"land", kProvince},
                                                                         {"cercle", kDistrict},
                                                                         {"district", kDistrict},
                                                                         {"comte", kDistrict},
                                                                         {"canton", kDistrict},
                                                                         {"commune", kCommune},
                                                                         {"communes", kCommune},
                                                                         {"ville", kCommune},
                                                                         {"villes", kCommune},
                                                                         {"municipalite", kCommune},
                                                                         {"municipalites", kCommune},
                                                                         {"mairie", kCommune},
                                                                         {"communaute", kEpci},
                                                                         {"agglomeration", kEpci},
                                                                         {"metropole", kEpci},
                                                                         {"intercommunalite", kEpci},
                                                                         {"cc", kEpci},
                                                                         {"ca", kEpci},
                                                                         {"cu", kEpci}};
    return kWords;
}

/// Words that name an institution, not a place: never a place on their own.
bool is_generic(const std::string& w) {
    static const std::set<std::string> kGeneric = {
        "conseil",      "collectivite", "collectivites", "gouvernement", "chu",    "hopital",     "partenariat",
        "partenariats", "hospitaliers", "jeunes",        "programme",    "projet", "association", "ambassade",
        "ministere",    "agence",       "reseau",        "maison",       "centre", "universite",  "institut",
        "cooperation",  "federation",   "union",         "groupe",       "pays",   "territoire",  "territoires",
        "sud",          "nord",         "est",           "ouest",        "grand",  "saint",       "sainte",
        "nouvelle",     "haute",        "haut",          "bas",          "basse",  "urbaine",     "rurale",
        "cote",         "cotes",        "ile",           "iles",         "lac",    "mont",        "val",
        "vallee",       "parc",         "parcs",         "massif",       "foret",  "plateau"};
    return kGeneric.count(w) > 0 || kind_words().count(w) > 0 || text::is_stopword(w);
}

bool has_upper(const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) ||
           s.find("\xC3\x89") != std::string::npos;  // É
}

bool starts_upper(const std::string& s) {
    if (s.empty()) return false;
    auto c = static_cast<unsigned char>(s[0]);
    if (c >= 'A' && c <= 'Z') return true;
    return c == 0xC3 && s.size() > 1 && static_cast<unsigned char>(s[1]) >= 0x80 &&
           static_cast<unsigned char>(s[1]) <= 0x9E;  // À..Þ
}

/// A name with the spaces and the punctuation around it removed ("Dakar, " -> "Dakar").
std::string strip_name_ends(std::string s) {
    const char* ws = " \t\n,;:.-";
    s.erase(0, s.find_first_not_of(ws));
    std::size_t end = s.find_last_not_of(ws);
    s.erase(end == std::string::npos ? 0 : end + 1);
    return s;
}

GeoPoint point_of(const Place& p) {
    std::string precision = precision_of(p.kind);
    if (p.approximate && precision == "city") precision = "admin";
    return {p.point.lat, p.point.lon, p.name, precision, p.source};
}

void add_unique(std::vector<std::string>& v, const std::string& x) {
    if (!x.empty() && !contains(v, x)) v.push_back(x);
}

std::string field_string(const Record& r, const char* key) {
    auto it = r.fields.find(key);
    if (it == r.fields.end() || !it->is_string()) return "";
    return it->get<std::string>();
}

std::vector<std::string> field_strings(const Record& r, const char* key) {
    std::vector<std::string> out;
    auto it = r.fields.find(key);
    if (it == r.fields.end()) return out;
    if (it->is_string()) out.push_back(it->get<std::string>());
    if (it->is_array())
        for (const auto& v : *it)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

/// An area (admin1/admin2) or a country named by a cue ("au Québec", "(88)").
struct Area {
    std::vector<std::string> countries;  ///< several for an ambiguous name ("Congo")
    std::string admin;                   ///< "CC/code", empty for a whole country
    const Place* place = nullptr;        ///< the area itself, when it is an admin area
};

/// Kind words before an area's name: "willaya de Ghardaïa", "province du Nord".
std::string without_area_words(const std::string& text) {
    static const std::vector<std::string> kWords = {"willaya",     "wilaya", "province", "region", "departement",
                                                    "gouvernorat", "etat",   "district", "cercle", "prefecture"};
    std::vector<text::Token> tokens = text::tokenize(text);
    std::size_t i = 0;
    while (i < tokens.size() && (text::is_stopword(tokens[i].folded) ||
                                 std::find(kWords.begin(), kWords.end(), tokens[i].folded) != kWords.end()))
        ++i;
    return i == 0 || i >= tokens.size() ? text : text.substr(tokens[i].begin);
}

std::optional<Area> area_named(const std::string& text, const Gazetteer& g) {
    std::string t = strip_name_ends(text);
    if (t.empty()) return std::nullopt;
    if (t.size() <= 3 && std::all_of(t.begin(), t.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c)) || c == 'A' || c == 'B';
        }))
        return Area{{"FR"}, "FR/" + t, nullptr};  // a French département number: "Épinal (88)"
    Area countries;
    for (const Place* p : g.find(t))
        if (p->kind == PlaceKind::country) add_unique(countries.countries, p->country);
    if (!countries.countries.empty()) return countries;
    if (const Place* c = g.find_country(t)) return Area{{c->country}, "", nullptr};
    for (const std::string& name : {t, strip_name_ends(without_area_words(t))})
        for (const Place* p : g.lookup(name, {{}, {PlaceKind::admin1, PlaceKind::admin2}, {}, {}})) {
            if (p->kind == PlaceKind::admin1) return Area{{p->country}, p->country + "/" + p->admin1, p};
            if (p->kind == PlaceKind::admin2) return Area{{p->country}, p->country + "/" + p->admin2, p};
        }
    return std::nullopt;
}

}  // namespace

std::vector<PlaceKind> kinds_for(const std::string& kind_word) {
    std::string k = text::fold(kind_word);
    if (k == "pays" || k == "country") return {PlaceKind::country};
    if (k == "intercommunalite" || k.rfind("communaute", 0) == 0 || k == "metropole" || k == "epci")
        return {PlaceKind::epci, PlaceKind::commune, PlaceKind::city};
    for (const auto& w : text::words(k)) {
        auto it = kind_words().find(w);
        if (it != kind_words().end()) return it->second;
    }
    return {};
}

namespace {

/// The countries, admin area and area place a cue names, added to the phrase's.
void add_area(PlacePhrase& out, const Area& a) {
    for (const auto& c : a.countries) add_unique(out.countries, c);
    add_unique(out.admins, a.admin);
    if (a.place && !out.area) out.area = a.place;
}

/// Parentheses: a country, a département number or an area is noted; every parenthesis is dropped.
void take_parentheses(std::string& s, PlacePhrase& out, const Gazetteer& g) {
    for (std::size_t open = s.find('('); open != std::string::npos; open = s.find('(')) {
        std::size_t close = s.find(')', open);
        std::string inside = s.substr(open + 1, close == std::string::npos ? std::string::npos : close - open - 1);
        if (auto a = area_named(inside, g)) add_area(out, *a);
        s.erase(open, close == std::string::npos ? std::string::npos : close - open + 1);
    }
    s = strip_name_ends(text::collapse_whitespace(s));
}

/// A trailing area: "X, au Québec", "X au Mexique", "X dans l'Yonne", "X en Tunisie"; "du" only
/// before a whole country ("Région Centre du Burkina Faso").
void take_trailing_area(std::string& s, PlacePhrase& out, const Gazetteer& g) {
    std::vector<text::Token> tokens = text::tokenize(s);
    for (std::size_t k = 1; k + 1 <= tokens.size(); ++k) {
        const std::string& w = tokens[k].folded;
        const bool of_country = w == "du";
        if (w != "au" && w != "aux" && w != "en" && w != "dans" && w != "a" && !of_country) continue;
        if (k + 1 >= tokens.size()) break;
        std::string rest = s.substr(tokens[k + 1].begin);
        auto a = area_named(rest, g);
        if (!a || (of_country && (a->countries.empty() || !a->admin.empty() || a->place))) continue;
        add_area(out, *a);
        s = strip_name_ends(s.substr(0, tokens[k].begin));
        break;
    }
}

/// A leading preposition: "au Burkina Faso", "à Majunga", "en Tunisie"; also a lower-case
/// "de", "des", "du" left by a list ("de Seine-Maritime et des Yvelines").
void drop_leading_preposition(std::string& s) {
    std::vector<text::Token> tokens = text::tokenize(s);
    auto leading = [&](const text::Token& t) {
        const std::string& w = t.folded;
        if (w == "au" || w == "aux" || w == "en" || w == "a" || w == "dans") return true;
        return (w == "de" || w == "des" || w == "du") && std::islower(static_cast<unsigned char>(s[t.begin]));
    };
    if (tokens.size() > 1 && leading(tokens[0])) {
        std::size_t next = 1;
        while (next + 1 < tokens.size() && (tokens[next].folded == "la" || tokens[next].folded == "l")) ++next;
        s = strip_name_ends(s.substr(tokens[next].begin));
    }
}

/// True when the token follows an elided "d'" / "d’" (which leaves no token of its own).
bool after_elided_de(const std::string& s, const text::Token& t) {
    return (t.begin >= 2 && (s.compare(t.begin - 2, 2, "d'") == 0 || s.compare(t.begin - 2, 2, "D'") == 0)) ||
           (t.begin >= 4 && s.compare(t.begin - 4, 4, "d\xE2\x80\x99") == 0);
}

/// Where the name starts after the kind words at `from`: after the first preposition (de, du,
/// des, d', de la), else at the first capitalised word that is no kind word ("Région Bretagne");
/// npos when neither.
std::size_t name_start_after(const std::string& s, const std::vector<text::Token>& tokens, std::size_t from) {
    for (std::size_t m = from; m < tokens.size(); ++m) {
        const std::string& w = tokens[m].folded;
        if (w == "de" || w == "du" || w == "des") {
            std::size_t start = m + 1;
            while (start < tokens.size() && (tokens[start].folded == "la" || tokens[start].folded == "l")) ++start;
            return start;
        }
        if (after_elided_de(s, tokens[m])) return m;
        if (!kind_words().count(w) && !text::is_stopword(w) && starts_upper(s.substr(tokens[m].begin))) return m;
    }
    return std::string::npos;
}

/// Kind words with their articles and adjectives: "la municipalité libanaise de Khenchara",
/// "les 18 communes du gouvernorat de Mahdia", "conseil régional de X": the kinds of the last
/// kind word are noted and the name kept.
void take_kind_words(std::string& s, PlacePhrase& out) {
    for (bool again = true; again;) {
        again = false;
        std::vector<text::Token> tokens = text::tokenize(s);
        std::size_t i = 0;
        while (i < tokens.size() && (text::is_stopword(tokens[i].folded) || tokens[i].folded == "conseil" ||
                                     std::isdigit(static_cast<unsigned char>(tokens[i].folded[0]))))
            ++i;
        if (i >= tokens.size()) break;
        auto kw = kind_words().find(tokens[i].folded);
        if (kw == kind_words().end()) break;
        // "CC", "CA", "CU", "CR", "CD" count as kind words only in capitals.
        if (tokens[i].folded.size() == 2 && !(std::isupper(static_cast<unsigned char>(s[tokens[i].begin])) &&
                                              std::isupper(static_cast<unsigned char>(s[tokens[i].begin + 1]))))
            break;
        out.kinds = kw->second;
        std::size_t name_start = name_start_after(s, tokens, i + 1);
        if (name_start == std::string::npos || name_start >= tokens.size()) break;
        s = strip_name_ends(s.substr(tokens[name_start].begin));
        again = true;
    }
}

}  // namespace

PlacePhrase parse_place_phrase(const std::string& phrase, const Gazetteer& g) {
    PlacePhrase out;
    std::string s = text::collapse_whitespace(phrase);
    take_parentheses(s, out, g);
    take_trailing_area(s, out, g);
    drop_leading_preposition(s);
    out.full = s;
    take_kind_words(s, out);
    s = strip_collectivite_prefix(s);
    out.name = strip_name_ends(s);
    if ((out.kinds.empty() || out.kinds.front() == PlaceKind::country) && g.find_country(out.name))
        out.is_country = true;
    return out;
}

std::string Geocoder::country_code(const std::string& name_or_code) const {
    if (name_or_code.empty()) return "";
    if (const Place* c = gazetteer_.find_country(name_or_code)) return c->country;
    // "Canada (Québec)": the country before the parenthesis
    std::size_t paren = name_or_code.find('(');
    if (paren != std::string::npos && paren > 0)
        if (const Place* c = gazetteer_.find_country(strip_name_ends(name_or_code.substr(0, paren)))) return c->country;
    return "";
}

std::optional<GeoPoint> Geocoder::country_point(const std::string& code) const {
    const Place* c = gazetteer_.country(code);
    if (c == nullptr) return std::nullopt;
    return point_of(*c);
}

std::optional<GeoPoint> Geocoder::locate(const std::string& phrase, const std::vector<std::string>& countries,
                                         const std::vector<std::string>& context_countries,
                                         const std::vector<PlaceKind>& kinds, bool loose) const {
    if (const Place* p = find_place(phrase, countries, context_countries, kinds, loose)) return point_of(*p);
    return std::nullopt;
}

const Place* Geocoder::find_place(const std::string& phrase, const std::vector<std::string>& countries,
                                  const std::vector<std::string>& context_countries,
                                  const std::vector<PlaceKind>& kinds, bool loose) const {
    if (strip_name_ends(phrase).empty()) return nullptr;
    PlacePhrase pp = parse_place_phrase(phrase, gazetteer_);
    PlaceFilter filter;
    filter.countries = pp.countries.empty() ? countries : pp.countries;
    filter.kinds = pp.kinds.empty() ? kinds : pp.kinds;
    filter.context_countries = context_countries;
    filter.admins = pp.admins;
    if (pp.is_country || (filter.kinds.size() == 1 && filter.kinds[0] == PlaceKind::country)) {
        const Place* c = gazetteer_.find_country(pp.name);
        if (c && (filter.countries.empty() || contains(filter.countries, c->country))) return c;
    }
    auto first_inside = [&](const std::string& name) -> const Place* {
        for (const Place* p : gazetteer_.lookup(name, filter))
            if (p->kind != PlaceKind::country && gazetteer_.in_country(p->country, p->point)) return p;
        return nullptr;
    };
    // The phrase as written first ("Région Sud" is a name of its own), then without its kind words.
    if (pp.full != pp.name && place_key(pp.full) != place_key(pp.name))
        if (const Place* p = first_inside(pp.full)) return p;
    if (const Place* p = first_inside(pp.name)) return p;
    // A name whose hyphen the PDF extraction lost ("Edingenneckarhausen"), in the stated country.
    if (!filter.countries.empty() && text::tokenize(pp.name).size() == 1)
        for (const Place* p : gazetteer_.find_compact_any(compact_key(pp.name), filter))
            if (p->kind != PlaceKind::country && contains(filter.countries, p->country) &&
                gazetteer_.in_country(p->country, p->point))
                return p;
    // An area the guide names by its first word ("Tamil" for Tamil Nadu), when that is unambiguous.
    const bool wants_area = contains(filter.kinds, PlaceKind::admin1) || contains(filter.kinds, PlaceKind::admin2);
    if (wants_area) {
        auto areas = gazetteer_.find_area_prefix(pp.name, filter);
        if (areas.size() == 1) return areas.front();
    }
    if (!loose) return nullptr;

    // Inner word sequences, longest first, rightmost first: "le CHU de Strasbourg"
    // -> "Strasbourg". With capitals in the phrase, a sequence must start with one.
    std::vector<text::Token> tokens = text::tokenize(pp.name);
    const bool cased = has_upper(pp.name);
    // Among sequences of the same length, the most populous place wins ("Nice Côte
    // d'Azur": Nice, not the village of Azur).
    for (std::size_t len = tokens.size(); len >= 1; --len) {
        const Place* best = nullptr;
        for (std::size_t start = tokens.size() - len + 1; start-- > 0;) {
            const auto& first = tokens[start];
            const auto& last = tokens[start + len - 1];
            if (is_generic(first.folded) || is_generic(last.folded) || first.folded.size() < 3) continue;
            if (cased && !starts_upper(pp.name.substr(first.begin))) continue;
            std::string span = pp.name.substr(first.begin, last.end - first.begin);
            if (span == pp.name) continue;
            const Place* p = first_inside(span);
            if (!p && wants_area) {  // "Sud-Provence-Côte d'Azur": "Provence" starts the région's name
                auto areas = gazetteer_.find_area_prefix(span, filter);
                if (areas.size() == 1) p = areas.front();
            }
            if (p && (!best || p->population > best->population)) best = p;
        }
        if (best) return best;
    }
    // "Ksar Tafilelt (willaya de Ghardaïa)": an unknown place in a known area.
    if (pp.area && (filter.countries.empty() || contains(filter.countries, pp.area->country))) return pp.area;
    return nullptr;
}

std::optional<GeoPoint> Geocoder::locate_domain(const std::string& email_or_url) const {
    std::string host = text::fold(email_or_url);
    if (auto at = host.find('@'); at != std::string::npos) host = host.substr(at + 1);
    if (auto scheme = host.find("://"); scheme != std::string::npos) host = host.substr(scheme + 3);
    if (auto slash = host.find('/'); slash != std::string::npos) host = host.substr(0, slash);
    if (host.rfind("www.", 0) == 0) host = host.substr(4);
    std::vector<std::string> labels;
    for (std::size_t start = 0;;) {
        std::size_t dot = host.find('.', start);
        labels.push_back(host.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    if (labels.size() < 2) return std::nullopt;
    labels.pop_back();  // the top-level domain
    // Mail providers and state domains that are also place names ("orange" is a commune).
    static const std::set<std::string> kProviders = {
        "orange", "wanadoo",    "free", "sfr",    "gmail", "yahoo", "hotmail",     "outlook",
        "live",   "laposte",    "aol",  "icloud", "neuf",  "bbox",  "numericable", "club-internet",
        "gouv",   "diplomatie", "mail", "net",    "co",    "com"};
    static const std::vector<std::string> kPrefixes = {
        "mairie-de-", "mairie-", "ville-de-", "ville-", "agglo-", "cc-",   "ca-",    "cu-",  "departement-",
        "region-",    "cg",      "cd",        "cr",     "ma",     "ville", "mairie", "agglo"};
    for (auto it = labels.rbegin(); it != labels.rend(); ++it) {
        if (kProviders.count(*it)) continue;
        std::vector<std::string> variants = {*it};
        for (const auto& p : kPrefixes)
            if (it->size() > p.size() + 2 && it->compare(0, p.size(), p) == 0) variants.push_back(it->substr(p.size()));
        for (auto v : variants) {
            v.erase(std::remove(v.begin(), v.end(), '-'), v.end());
            auto found = gazetteer_.find_compact(v);
            if (!found.empty()) return point_of(*found.front());
        }
    }
    return std::nullopt;
}

std::optional<GeoPoint> Geocoder::locate_organisation(const std::string& organisation, const std::string& email,
                                                      const std::vector<std::string>& context_countries) const {
    std::string folded = text::fold(organisation);
    if (folded.find("ambassade") != std::string::npos || folded.find("consulat") != std::string::npos) {
        // "Ambassade d'Azerbaïdjan à Paris", "Ambassade de France à Séoul": the city after "à".
        std::vector<text::Token> tokens = text::tokenize(organisation);
        for (std::size_t k = 1; k + 1 < tokens.size(); ++k) {
            const std::string& w = tokens[k].folded;
            std::string rest = organisation.substr(tokens[k + 1].begin);
            if (w == "a") {
                // "à Madagascar": a country, the embassy is in its capital
                if (const Place* c = gazetteer_.find_country(strip_name_ends(rest))) {
                    GeoPoint p = point_of(*c);
                    p.precision = "city";
                    return p;
                }
                if (auto p = locate(rest, {}, context_countries, {PlaceKind::commune, PlaceKind::city}, false))
                    return p;
            } else if (w == "au" || w == "aux" || w == "en") {
                // "Ambassade de France au Bénin": the country's capital.
                if (const Place* c = gazetteer_.find_country(strip_name_ends(rest))) {
                    GeoPoint p = point_of(*c);
                    p.precision = "city";
                    return p;
                }
            }
        }
        // "Ambassade de France" alone: the capital of the country the text is about;
        // another country's embassy, without a city: in Paris.
        const bool french = folded.find("de france") != std::string::npos;
        for (const auto& code : french ? context_countries : std::vector<std::string>{"FR"})
            if (const Place* c = gazetteer_.country(code)) {
                GeoPoint p = point_of(*c);
                p.precision = "city";
                return p;
            }
    }
    if (auto p = locate(organisation, {}, context_countries, {}, false)) return p;
    if (auto p = locate_domain(email)) return p;
    return std::nullopt;
}

void Geocoder::fallback(Record& r, const std::string& name, const std::vector<std::string>& countries) {
    unresolved_.push_back({name.empty() ? r.title : name, r.id + ": " + text::collapse_whitespace(r.title), r.page});
    if (!r.geo.empty()) return;
    for (const auto& code : countries)
        if (auto p = country_point(code)) r.geo.push_back(*p);
    for (const auto& code : section_countries(r))
        if (r.geo.empty())
            if (auto p = country_point(code)) r.geo.push_back(*p);
    if (r.geo.empty())
        if (auto p = country_point("FR")) r.geo.push_back(*p);
}

void Geocoder::check_countries(Record& r, const std::vector<std::string>& claimed) {
    if (claimed.empty()) return;
    for (const auto& g : r.geo) {
        bool inside = false;
        for (const auto& code : claimed)
            if (gazetteer_.in_country(code, {g.lat, g.lon})) inside = true;
        if (!inside) {
            std::string joined;
            for (const auto& c : claimed) joined += (joined.empty() ? "" : ",") + c;
            mismatches_.push_back({r.id, g.place, joined});
        }
    }
}

void Geocoder::geocode_partner(Record& r) {
    std::string code = country_code(field_string(r, "country"));
    if (code.empty() && !r.countries.empty() && r.fields.value("french", false) == false) code = r.countries[0].code;
    if (code.empty() && r.fields.value("french", false)) code = "FR";
    std::vector<std::string> hard;
    if (!code.empty()) hard.push_back(code);
    const std::vector<std::string> context = section_countries(r);
    const std::vector<PlaceKind> kinds = kinds_for(field_string(r, "kind"));
    const std::string place = field_string(r, "place");
    const std::string name = field_string(r, "name").empty() ? r.title : field_string(r, "name");

    // A country as a party, or an association (its name is no locality: "Pays de la Loire
    // Coopération internationale" is not the Loire): a country point is the answer.
    if ((!kinds.empty() && kinds.front() == PlaceKind::country) || field_string(r, "kind") == "association") {
        if (auto p = code.empty() ? std::nullopt : country_point(code)) {
            r.geo.push_back(*p);
            return;
        }
    }
    const Place* found = place.empty() ? nullptr : find_place(place, hard, context, kinds, true);
    if (!found) found = find_place(name, hard, context, kinds, true);
    std::optional<GeoPoint> p;
    if (found) p = point_of(*found);
    // A foreign partner the extraction gave no country ("Aschaffenburg",
    // "Rufisque") takes the country of the place abroad it was found at.
    if (found && code.empty() && r.countries.empty() && found->kind != PlaceKind::country && found->country != "FR")
        if (const Place* c = gazetteer_.country(found->country)) {
            r.countries = {Country{c->country, c->name}};
            if (r.fields.contains("country")) r.fields["country"] = c->name;
            hard = {c->country};
        }
    // The country the extraction gave may be wrong ("Bamako" tagged Chad,
    // "Sarrebruck" in a Georgia section): a well-known place (a town of
    // kMinCorrectingPopulation people, an admin area) of that exact name elsewhere
    // wins and the record takes its country; a lesser homonym is not trusted and
    // the record falls back to its stated country. Either way no point is shipped
    // outside the country its record claims.
    if (!p && !hard.empty() && !place.empty())
        if (const Place* elsewhere = find_place(place, {}, hard, kinds, false);
            elsewhere && elsewhere->kind != PlaceKind::country && elsewhere->country != code &&
            (elsewhere->population >= kMinCorrectingPopulation || elsewhere->kind == PlaceKind::admin1 ||
             elsewhere->kind == PlaceKind::admin2))
            if (const Place* c = gazetteer_.country(elsewhere->country)) {
                corrections_.push_back({r.id, elsewhere->name, code, elsewhere->country});
                r.countries = {Country{c->country, c->name}};
                if (r.fields.contains("country")) r.fields["country"] = c->name;
                p = point_of(*elsewhere);
                hard = {c->country};
            }
    if (p) {
        r.geo.push_back(*p);
        check_countries(r, hard);
        return;
    }
    fallback(r, place.empty() ? name : place, hard);
}

void Geocoder::geocode_programme(Record& r) {
    std::vector<std::string> codes = section_countries(r);
    for (const auto& n : field_strings(r, "countries")) add_unique(codes, country_code(n));
    for (const auto& d : field_strings(r, "destinations")) {
        std::vector<std::string> hard;
        if (codes.size() == 1) hard = codes;
        auto p = locate(d, hard, codes, {}, true);
        if (!p && hard.empty()) p = std::nullopt;
        if (p) {
            r.geo.push_back(*p);
        } else {
            unresolved_.push_back({d, r.id + ": destination", r.page});
            PlacePhrase pp = parse_place_phrase(d, gazetteer_);
            for (const auto& c : pp.countries) add_unique(codes, c);
        }
    }
    // The lead ("Arles et conseil régional de Sud-Provence-Alpes-Côte d'Azur"): each part by name only.
    std::string lead = field_string(r, "lead");
    std::vector<std::string> parts;
    for (std::size_t start = 0; start <= lead.size();) {
        std::size_t cut = std::string::npos, cut_len = 0;
        for (const char* sep : {" et ", ", ", " / "}) {
            std::size_t pos = lead.find(sep, start);
            if (pos != std::string::npos && pos < cut) {
                cut = pos;
                cut_len = std::char_traits<char>::length(sep);
            }
        }
        parts.push_back(lead.substr(start, cut == std::string::npos ? std::string::npos : cut - start));
        if (cut == std::string::npos) break;
        start = cut + cut_len;
    }
    bool lead_placed = false;
    for (const auto& part : parts)
        if (auto p = locate(part, {}, {"FR"}, {}, false)) {
            r.geo.push_back(*p);
            lead_placed = true;
        }
    if (!lead_placed)
        for (const auto& e : field_strings(r, "emails"))
            if (auto p = locate_domain(e)) {
                r.geo.push_back(*p);
                break;
            }
    if (r.geo.empty()) {
        for (const auto& c : codes)
            if (auto p = country_point(c)) r.geo.push_back(*p);
        if (r.geo.empty()) fallback(r, r.title, codes);
    }
}

void Geocoder::geocode_contact(Record& r) {
    const std::vector<std::string> context = section_countries(r);
    const std::string org = field_string(r, "organisation");
    std::optional<GeoPoint> p = locate_organisation(org, field_string(r, "email"), context);
    if (!p) p = locate_domain(field_string(r, "url"));
    if (p) {
        r.geo.push_back(*p);
        return;
    }
    fallback(r, org.empty() ? field_string(r, "name") : org, context);
}

std::vector<std::string> Geocoder::section_countries(const Record& r) const {
    std::vector<std::string> codes;
    for (const auto& c : r.countries) add_unique(codes, c.code);
    if (!codes.empty()) return codes;
    // "4.1 Cameroun", "10.1 Balkans occidentaux": the country a geography heading names.
    for (auto it = r.section.rbegin(); it != r.section.rend(); ++it) {
        std::string heading = *it;
        std::size_t start = heading.find_first_not_of("0123456789. ");
        if (start == std::string::npos || start == 0) continue;
        if (const Place* c = gazetteer_.find_country(strip_name_ends(heading.substr(start)))) {
            codes.push_back(c->country);
            break;
        }
    }
    return codes;
}

void Geocoder::geocode(std::vector<Record>& records) {
    for (auto& r : records)
        if (r.type == "partner" && r.geo.empty()) geocode_partner(r);
    for (auto& r : records) {
        if (!r.geo.empty()) continue;
        if (r.type == "programme") geocode_programme(r);
        if (r.type == "contact") geocode_contact(r);
    }
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < records.size(); ++i) index[records[i].id] = i;
    // A party whose country was corrected corrects its partnerships' countries.
    for (const auto& fix : corrections_)
        for (auto& r : records) {
            if (r.type != "partnership" || !contains(field_strings(r, "parties"), fix.record_id)) continue;
            const bool has_new =
                std::any_of(r.countries.begin(), r.countries.end(), [&](const Country& c) { return c.code == fix.to; });
            for (auto it = r.countries.begin(); it != r.countries.end();)
                if (it->code == fix.from) {
                    if (has_new) {
                        it = r.countries.erase(it);
                        continue;
                    }
                    const Place* c = gazetteer_.country(fix.to);
                    *it = Country{fix.to, c ? c->name : fix.to};
                    ++it;
                } else {
                    ++it;
                }
        }
    // A partnership whose statements name no country ("Le Grand Lyon et la ville de Rabat") takes the one
    // its foreign party was found in (the country facet and filters read the partnership's).
    for (auto& r : records) {
        if (r.type != "partnership" || !r.countries.empty()) continue;
        for (const auto& party : field_strings(r, "parties")) {
            auto it = index.find(party);
            if (it == index.end()) continue;
            const Record& p = records[it->second];
            if (!p.fields.value("french", false) && !p.countries.empty()) r.countries = p.countries;
        }
    }
    for (auto& r : records) {
        if (r.type != "partnership" || !r.geo.empty()) continue;
        for (const auto& party : field_strings(r, "parties")) {
            auto it = index.find(party);
            if (it == index.end() || records[it->second].geo.empty()) continue;
            GeoPoint g = records[it->second].geo.front();
            if (!records[it->second].title.empty()) g.place = records[it->second].title;
            r.geo.push_back(g);
        }
        if (r.geo.empty()) fallback(r, r.title, {});
    }
}

void write_unresolved_tsv(const std::vector<Unresolved>& rows, const std::string& path) {
    std::ofstream out(path);
    if (!out) throw Error("cannot write '" + path + "'");
    auto clean = [](std::string s) {
        std::replace(s.begin(), s.end(), '\t', ' ');
        std::replace(s.begin(), s.end(), '\n', ' ');
        return s;
    };
    out << "name\tcontext\tpage\n";
    for (const auto& u : rows) out << clean(u.name) << '\t' << clean(u.context) << '\t' << u.page << '\n';
}

}  // namespace coopatlas::indexer
