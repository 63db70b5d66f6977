#include "synthetic.hpp"

#include <xapian.h>

#include <array>
#include <cmath>
#include <numbers>
#include <random>

namespace coopatlas::bench {

namespace {

struct City {
    const char* name;
    double lat, lon;
};

// Real places of French decentralised cooperation (both ends), plus the 180th
// meridian (Fiji) and the far north/south, so the queries meet the edge cases.
constexpr std::array<City, 40> kCities = {{
    {"Paris", 48.8566, 2.3522},
    {"Lyon", 45.764, 4.8357},
    {"Marseille", 43.2965, 5.3698},
    {"Toulouse", 43.6047, 1.4442},
    {"Nantes", 47.2184, -1.5536},
    {"Lille", 50.6292, 3.0573},
    {"Strasbourg", 48.5734, 7.7521},
    {"Bordeaux", 44.8378, -0.5792},
    {"Rennes", 48.1173, -1.6778},
    {"Angoulême", 45.6484, 0.1562},
    {"Dakar", 14.6928, -17.4467},
    {"Saint-Louis", 16.0326, -16.4818},
    {"Ouagadougou", 12.3714, -1.5197},
    {"Bamako", 12.6392, -8.0029},
    {"Niamey", 13.5116, 2.1254},
    {"Cotonou", 6.3703, 2.3912},
    {"Lomé", 6.1375, 1.2123},
    {"Abidjan", 5.36, -4.0083},
    {"Antananarivo", -18.8792, 47.5079},
    {"Rabat", 34.0209, -6.8416},
    {"Tunis", 36.8065, 10.1815},
    {"Beyrouth", 33.8938, 35.5018},
    {"Hanoï", 21.0278, 105.8342},
    {"Huế", 16.4637, 107.5909},
    {"Phnom Penh", 11.5564, 104.9282},
    {"Port-au-Prince", 18.5944, -72.3074},
    {"Québec", 46.8139, -71.208},
    {"Montréal", 45.5017, -73.5673},
    {"Erevan", 40.1792, 44.4991},
    {"Tbilissi", 41.7151, 44.8271},
    {"Cracovie", 50.0647, 19.945},
    {"Iasi", 47.1585, 27.6014},
    {"Nouméa", -22.2758, 166.458},
    {"Suva", -18.1416, 178.4419},
    {"Papeete", -17.5516, -149.5585},
    {"Cayenne", 4.9224, -52.3135},
    {"Saint-Denis (Réunion)", -20.8821, 55.4504},
    {"Nuuk", 64.1814, -51.6941},
    {"Tromsø", 69.6492, 18.9553},
    {"Ushuaïa", -54.8019, -68.303},
}};

// French-like vocabulary (cooperation, territories, themes), drawn with a
// Zipf-like law; kTenPercentWord is added apart, to exactly 10% of records.
constexpr std::array<const char*, 96> kWords = {{
    "coopération",    "décentralisée",  "collectivité",
    "territoriale",   "partenariat",    "commune",
    "région",         "département",    "intercommunalité",
    "développement",  "durable",        "projet",
    "programme",      "accompagnement", "formation",
    "jeunesse",       "culture",        "patrimoine",
    "éducation",      "santé",          "eau",
    "assainissement", "déchets",        "énergie",
    "agriculture",    "alimentation",   "économie",
    "sociale",        "solidaire",      "tourisme",
    "environnement",  "climat",         "biodiversité",
    "gouvernance",    "locale",         "démocratie",
    "participative",  "citoyenneté",    "mobilité",
    "urbanisme",      "habitat",        "numérique",
    "francophonie",   "échanges",       "volontariat",
    "association",    "acteurs",        "habitants",
    "élus",           "services",       "techniques",
    "appui",          "institutionnel", "maîtrise",
    "ouvrage",        "financement",    "subvention",
    "ministère",      "ambassade",      "agence",
    "française",      "réseau",         "plateforme",
    "expertise",      "mutualisation",  "pilotage",
    "évaluation",     "diagnostic",     "stratégie",
    "plan",           "action",         "convention",
    "accord",         "signature",      "délégation",
    "mission",        "visite",         "rencontre",
    "forum",          "atelier",        "scolaire",
    "université",     "recherche",      "innovation",
    "entreprises",    "artisanat",      "filière",
    "marché",         "femmes",         "égalité",
    "inclusion",      "handicap",       "sport",
    "musique",        "lecture",        "bibliothèque",
}};

/// A reproducible stream per record: SplitMix64 seeded with the record number.
struct Stream {
    uint64_t state;
    uint64_t next() {
        uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double normal() {  // Box-Muller
        const double u1 = std::max(uniform(), 1e-300), u2 = uniform();
        return std::sqrt(-2 * std::log(u1)) * std::cos(2 * std::numbers::pi * u2);
    }
};

double wrap_lon(double lon) {
    while (lon > 180) lon -= 360;
    while (lon < -180) lon += 360;
    return lon;
}

/// 80%: around a city (normal, sigma 0.35 degree, ~40 km); 20%: uniform on the sphere.
geo::LatLon random_point(Stream& s) {
    if (s.uniform() < 0.8) {
        const City& c = kCities[s.next() % kCities.size()];
        return {std::clamp(c.lat + 0.35 * s.normal(), -90.0, 90.0), wrap_lon(c.lon + 0.5 * s.normal())};
    }
    return {std::asin(2 * s.uniform() - 1) * 180 / std::numbers::pi, -180 + 360 * s.uniform()};
}

}  // namespace

Record synthetic_record(size_t i) {
    Stream s{0x5eed0000ULL + i * 0x100000001b3ULL};
    Record r;
    const uint64_t kind = s.next() % 10;
    r.type = kind < 5 ? "partner" : kind < 8 ? "partnership" : "programme";
    r.id = r.type + "/bench-" + std::to_string(i);
    // Title: two words; text: 20 to 40 words, Zipf-like (rank ~ u^2).
    auto word = [&] { return std::string(kWords[static_cast<size_t>(std::pow(s.uniform(), 2) * kWords.size())]); };
    r.title = word() + " " + word();
    r.title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(r.title[0])));
    const int words = 20 + static_cast<int>(s.next() % 21);
    for (int w = 0; w < words; ++w) r.text += (w ? " " : "") + word();
    if (i % 10 == 3) r.text += std::string(" ") + kTenPercentWord;  // exactly 10% of any prefix of 10k
    // A partnership has both ends; others one point.
    const int points = r.type == "partnership" ? 2 : 1;
    for (int k = 0; k < points; ++k) {
        // On the index's storage grid (Xapian::LatLongCoords keeps ~2 m), so
        // the peers load exactly the coordinates the index searches.
        Xapian::LatLongCoords coords, stored;
        const geo::LatLon raw = random_point(s);
        coords.append(Xapian::LatLongCoord(raw.lat, raw.lon));
        stored.unserialise(coords.serialise());
        const auto c = *stored.begin();
        const geo::LatLon p{c.latitude, c.longitude > 180 ? c.longitude - 360 : c.longitude};
        r.geo.push_back({p.lat, p.lon, "synthetic", "city", "bench"});
    }
    return r;
}

std::vector<BenchQuery> synthetic_queries(size_t per_kind, unsigned seed) {
    Stream s{seed};
    std::vector<BenchQuery> out;
    for (const char* kind : {"R50", "R500", "K10+R50", "K10+R500", "BBOX", "K10"}) {
        for (size_t i = 0; i < per_kind; ++i) {
            BenchQuery q;
            q.kind = kind;
            q.near = random_point(s);
            const std::string k = kind;
            q.keyword = k.rfind("K10", 0) == 0;
            if (k.find("R50") != std::string::npos) q.radius_km = k.find("R500") != std::string::npos ? 500 : 50;
            if (k == "BBOX") {  // 2 x 1.5 degrees around the centre; may cross the 180th meridian
                q.bbox = {wrap_lon(q.near.lon - 1), std::max(-90.0, q.near.lat - 0.75), wrap_lon(q.near.lon + 1),
                          std::min(90.0, q.near.lat + 0.75)};
            }
            out.push_back(q);
        }
    }
    return out;
}

}  // namespace coopatlas::bench
