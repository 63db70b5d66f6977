#include "indexer/geocode/gazetteer.hpp"

#include <ogr_api.h>
#include <ogr_geometry.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <utility>

#include "core/contains.hpp"
#include "core/error.hpp"
#include "core/gdal_handles.hpp"
#include "core/text.hpp"
#include "indexer/geocode/gpkg_points.hpp"
#include "indexer/places/place_knowledge.hpp"

namespace coopatlas::indexer {

namespace {

/// The French overseas départements and collectivités (data/places/overseas-territories.tsv):
/// GeoNames and Natural Earth give them their own ISO codes, the guide counts them as France.
bool is_french_overseas(std::string_view code) { return PlaceKnowledge::builtin().overseas_territory(code) != nullptr; }

int kind_tier(PlaceKind kind) {
    if (kind == PlaceKind::country) return 3;
    if (kind == PlaceKind::admin1) return 2;
    return 1;
}

/// Among places of the same tier and population, a settlement before an area.
int settlement_rank(PlaceKind kind) { return kind == PlaceKind::commune || kind == PlaceKind::city ? 1 : 0; }

/// Distance tolerance for in_country(), in degrees (about 10 km): Natural
/// Earth's 1:50m outlines cut off coastal towns and small islands.
constexpr double kShapeToleranceDeg = 0.1;

/// rank(): a region this many times as populous as the settlements a kind word
/// asked for (counted as at least kMinVillage people) still wins.
constexpr long kRegionOverVillage = 100;
constexpr long kMinVillage = 1000;

/// An area named after its seat: a settlement of the same name within this distance of the
/// area's point (which is its seat's, see gazetteer_build.cpp) is that seat.
constexpr double kSeatDistanceKm = 10;

/// Shortest key prefix find_area_prefix() tries (with its space): shorter words start too many
/// areas' names.
constexpr std::size_t kMinAreaPrefix = 5;

/// Shortest compact key indexed (shorter ones match too many e-mail labels).
constexpr std::size_t kMinCompact = 3;

constexpr std::uint64_t kFnvOffset = 1469598103934665603ULL;
constexpr std::uint64_t kFnvPrime = 1099511628211ULL;

/// FNV-1a of a key, for the sorted name indexes.
std::uint64_t key_hash(std::string_view key) {
    std::uint64_t h = kFnvOffset;
    for (unsigned char c : key) h = (h ^ c) * kFnvPrime;
    return h;
}

/// key_hash(compact_key(key)) for a key already normalised, without a copy.
std::uint64_t compact_hash(std::string_view key) {
    std::uint64_t h = kFnvOffset;
    for (unsigned char c : key)
        if (c != ' ') h = (h ^ c) * kFnvPrime;
    return h;
}

std::size_t compact_size(std::string_view key) {
    return key.size() - static_cast<std::size_t>(std::count(key.begin(), key.end(), ' '));
}

/// True when `key` without its spaces equals `label`.
bool compact_equals(std::string_view key, std::string_view label) {
    std::size_t j = 0;
    for (char c : key) {
        if (c == ' ') continue;
        if (j == label.size() || label[j] != c) return false;
        ++j;
    }
    return j == label.size();
}

}  // namespace

std::string place_key(std::string_view name) {
    std::vector<std::string> ws = text::words(name);
    std::string key;
    for (std::size_t i = 0; i < ws.size(); ++i) {
        std::string& w = ws[i];
        if (i == 0 && ws.size() > 1 && (w == "le" || w == "la" || w == "les")) continue;
        if (w == "st") w = "saint";
        if (w == "ste") w = "sainte";
        if (!key.empty()) key += ' ';
        key += w;
    }
    return key;
}

std::string compact_key(std::string_view name) {
    std::string key = place_key(name);
    key.erase(std::remove(key.begin(), key.end(), ' '), key.end());
    return key;
}

std::string precision_of(PlaceKind kind) {
    if (kind == PlaceKind::country) return "country";
    if (kind == PlaceKind::city || kind == PlaceKind::commune) return "city";
    return "admin";
}

struct Gazetteer::Shapes {
    struct Outline {
        std::unique_ptr<OGRGeometry> geometry;
        OGREnvelope envelope;
        /// GEOS's prepared form of `geometry`, made on its first test: a plain Contains()
        /// converts the whole outline for GEOS at every call (most of geocoding's time).
        mutable OGRPreparedGeometryUniquePtr prepared;
        mutable bool prepare_tried = false;
    };
    std::map<std::string, std::vector<Outline>> by_code;
    std::mutex prepare_mutex;  // in_country() is const and may be called from several threads

    /// The same answer as o.geometry->Contains(&p), from the prepared geometry when GEOS has one.
    bool contains(const Outline& o, const OGRPoint& p) {
        OGRPreparedGeometry* prepared = nullptr;
        {
            std::lock_guard<std::mutex> lock(prepare_mutex);
            if (!o.prepare_tried) {
                o.prepare_tried = true;
                o.prepared.reset(OGRCreatePreparedGeometry(OGRGeometry::ToHandle(o.geometry.get())));
            }
            prepared = o.prepared.get();
        }
        if (prepared == nullptr) return o.geometry->Contains(&p);
        return OGRPreparedGeometryContains(prepared, OGRGeometry::ToHandle(const_cast<OGRPoint*>(&p)));
    }
};

Gazetteer::Gazetteer() : shapes_(std::make_unique<Shapes>()) {}
Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;

void Gazetteer::index(std::size_t i) {
    const Place& p = places_[i];
    auto add_key = [&](const std::string& key) {
        if (!key.empty()) by_key_.push_back({key_hash(key), i});
    };
    add_key(p.key);
    for (const auto& k : p.alt_keys) add_key(k);
    if (p.kind == PlaceKind::country && !countries_.count(p.country)) countries_[p.country] = i;
    auto add_compact = [&](const std::string& key) {
        if (compact_size(key) >= kMinCompact) by_compact_.push_back({compact_hash(key), i});
    };
    add_compact(p.key);
    for (const auto& k : p.alt_keys) add_compact(k);
}

namespace {

template <class Ref>
void drop_duplicates(std::vector<Ref>& v) {
    v.erase(std::unique(v.begin(), v.end(), [](const Ref& a, const Ref& b) { return !(a < b) && !(b < a); }), v.end());
}

/// Stable LSD radix sort on the 64-bit hash, 16 bits a pass: entries appended in
/// place order come out sorted by (hash, place), as operator< orders them, in
/// linear time (a comparison sort of the ~600 000 entries was a tenth of load()).
template <class Ref>
void radix_sort_by_hash(std::vector<Ref>& v) {
    std::vector<Ref> tmp(v.size());
    std::vector<std::size_t> start(1 << 16);
    for (int shift = 0; shift < 64; shift += 16) {
        std::fill(start.begin(), start.end(), 0);
        for (const Ref& r : v) ++start[(r.hash >> shift) & 0xFFFF];
        std::size_t sum = 0;
        for (auto& c : start) sum += std::exchange(c, sum);
        for (const Ref& r : v) tmp[start[(r.hash >> shift) & 0xFFFF]++] = r;
        v.swap(tmp);
    }
}

}  // namespace

void Gazetteer::sort_indexes() {
    for (auto* v : {&by_key_, &by_compact_}) {
        radix_sort_by_hash(*v);
        drop_duplicates(*v);
    }
}

void Gazetteer::add(Place place) {
    if (place.key.empty()) place.key = place_key(place.name);
    places_.push_back(std::move(place));
    const std::size_t keys = by_key_.size(), compacts = by_compact_.size();
    index(places_.size() - 1);
    // Merge the new entries in place: the indexes stay sorted between calls.
    std::sort(by_key_.begin() + static_cast<std::ptrdiff_t>(keys), by_key_.end());
    std::inplace_merge(by_key_.begin(), by_key_.begin() + static_cast<std::ptrdiff_t>(keys), by_key_.end());
    std::sort(by_compact_.begin() + static_cast<std::ptrdiff_t>(compacts), by_compact_.end());
    std::inplace_merge(by_compact_.begin(), by_compact_.begin() + static_cast<std::ptrdiff_t>(compacts),
                       by_compact_.end());
    drop_duplicates(by_key_);
    drop_duplicates(by_compact_);
}

void Gazetteer::add_country_shape(const std::string& code, const unsigned char* wkb, std::size_t size) {
    OGRGeometry* g = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb, nullptr, &g, size) != OGRERR_NONE || g == nullptr)
        throw Error("gazetteer: invalid outline for country " + code);
    Shapes::Outline o;
    o.geometry.reset(g);
    g->getEnvelope(&o.envelope);
    shapes_->by_code[code].push_back(std::move(o));
}

bool Gazetteer::has_country_shapes() const { return !shapes_->by_code.empty(); }

bool Gazetteer::in_country(std::string_view code, geo::LatLon p) const {
    std::vector<std::string> codes = {std::string(code)};
    if (code == "FR")
        for (const auto& territory : PlaceKnowledge::builtin().overseas) codes.push_back(territory.code);
    else if (is_french_overseas(code))
        codes.emplace_back("FR");
    bool known = false;
    OGRPoint point(p.lon, p.lat);
    for (const auto& c : codes) {
        auto it = shapes_->by_code.find(c);
        if (it == shapes_->by_code.end()) continue;
        known = true;
        for (const auto& o : it->second) {
            if (p.lon < o.envelope.MinX - kShapeToleranceDeg || p.lon > o.envelope.MaxX + kShapeToleranceDeg ||
                p.lat < o.envelope.MinY - kShapeToleranceDeg || p.lat > o.envelope.MaxY + kShapeToleranceDeg)
                continue;
            if (shapes_->contains(o, point) || o.geometry->Distance(&point) <= kShapeToleranceDeg) return true;
        }
    }
    return !known;
}

std::vector<const Place*> Gazetteer::find(std::string_view name) const {
    std::vector<const Place*> out;
    const std::string key = place_key(name);
    if (key.empty()) return out;
    const std::uint64_t h = key_hash(key);
    auto it = std::lower_bound(by_key_.begin(), by_key_.end(), KeyRef{h, 0});
    for (; it != by_key_.end() && it->hash == h; ++it) {
        const Place& p = places_[it->place];
        if (p.key == key || contains(p.alt_keys, key)) out.push_back(&p);
    }
    return out;
}

namespace {

std::vector<const Place*> rank(std::vector<const Place*> cands, const PlaceFilter& filter) {
    if (!filter.countries.empty()) {
        std::vector<const Place*> kept;
        for (const Place* p : cands)
            if (contains(filter.countries, p->country)) kept.push_back(p);
        cands = std::move(kept);  // hard: a wrong country is worse than none
    }
    std::vector<const Place*> promoted;  // regions that outweigh the kind asked for
    if (!filter.kinds.empty()) {
        std::vector<const Place*> kept;
        long kept_population = 0;
        for (const Place* p : cands)
            if (contains(filter.kinds, p->kind)) {
                kept.push_back(p);
                kept_population = std::max(kept_population, p->population);
            }
        // "Hebei" called a commune: a province of that name outweighs a village
        // (a region over a hundred times as populous as every kept place).
        if (!kept.empty())
            for (const Place* p : cands)
                if (p->kind == PlaceKind::admin1 && !contains(filter.kinds, p->kind) &&
                    p->population > kRegionOverVillage * std::max(kept_population, kMinVillage)) {
                    kept.insert(kept.begin(), p);
                    promoted.push_back(p);
                }
        if (!kept.empty()) cands = std::move(kept);
    }
    if (!filter.admins.empty()) {
        std::vector<const Place*> kept;
        for (const Place* p : cands)
            for (const auto& a : filter.admins) {
                std::size_t slash = a.find('/');
                if (slash == std::string::npos || a.compare(0, slash, p->country) != 0) continue;
                std::string code = a.substr(slash + 1);
                if (code == p->admin1 || code == p->admin2) {
                    kept.push_back(p);
                    break;
                }
            }
        if (!kept.empty()) cands = std::move(kept);
    }
    auto context_tier = [&](const Place* p) { return contains(filter.context_countries, p->country) ? 1 : 0; };
    // Communes and other settlements are one class: "la ville de X" ranks them by population.
    auto settlement_class = [](PlaceKind kind) { return kind == PlaceKind::commune ? PlaceKind::city : kind; };
    auto kind_order = [&](const Place* p) {
        if (filter.kinds.empty()) return 0;
        if (std::find(promoted.begin(), promoted.end(), p) != promoted.end()) return 1;
        auto it = std::find_if(filter.kinds.begin(), filter.kinds.end(),
                               [&](PlaceKind k) { return settlement_class(k) == settlement_class(p->kind); });
        return -static_cast<int>(it - filter.kinds.begin());
    };
    std::stable_sort(cands.begin(), cands.end(), [&](const Place* a, const Place* b) {
        if (context_tier(a) != context_tier(b)) return context_tier(a) > context_tier(b);
        if (kind_order(a) != kind_order(b)) return kind_order(a) > kind_order(b);
        if (kind_tier(a->kind) != kind_tier(b->kind)) return kind_tier(a->kind) > kind_tier(b->kind);
        // The guide is French: a French place before a foreign homonym of the same kind.
        if ((a->country == "FR") != (b->country == "FR")) return a->country == "FR";
        if (a->approximate != b->approximate) return !a->approximate;
        if (a->population != b->population) return a->population > b->population;
        return settlement_rank(a->kind) > settlement_rank(b->kind);
    });
    // An area named after its seat ("Sfax" the governorate and the city): without a
    // kind asked for, the city itself is the more precise answer.
    if (filter.kinds.empty() && !cands.empty() && !settlement_rank(cands.front()->kind) &&
        cands.front()->kind != PlaceKind::country) {
        auto seat = std::find_if(cands.begin(), cands.end(), [&](const Place* p) {
            return settlement_rank(p->kind) && geo::distance_km(p->point, cands.front()->point) < kSeatDistanceKm;
        });
        if (seat != cands.end()) std::rotate(cands.begin(), seat, seat + 1);
    }
    return cands;
}

}  // namespace

std::vector<const Place*> Gazetteer::lookup(std::string_view name, const PlaceFilter& filter) const {
    return rank(find(name), filter);
}

std::vector<const Place*> Gazetteer::find_compact_any(std::string_view label, const PlaceFilter& filter) const {
    std::vector<const Place*> out;
    if (label.size() < kMinCompact) return out;
    const std::uint64_t h = key_hash(label);
    auto it = std::lower_bound(by_compact_.begin(), by_compact_.end(), KeyRef{h, 0});
    for (; it != by_compact_.end() && it->hash == h; ++it) {
        const Place& p = places_[it->place];
        bool match = compact_equals(p.key, label);
        for (std::size_t k = 0; !match && k < p.alt_keys.size(); ++k) match = compact_equals(p.alt_keys[k], label);
        if (match) out.push_back(&p);
    }
    return rank(std::move(out), filter);
}

std::vector<const Place*> Gazetteer::find_compact(std::string_view label) const {
    std::vector<const Place*> out = find_compact_any(label);
    out.erase(std::remove_if(out.begin(), out.end(),
                             [](const Place* p) { return p->country != "FR" || p->kind == PlaceKind::city; }),
              out.end());
    return out;
}

std::vector<const Place*> Gazetteer::find_area_prefix(std::string_view name, const PlaceFilter& filter) const {
    std::vector<const Place*> out;
    const std::string prefix = place_key(name) + ' ';
    if (prefix.size() < kMinAreaPrefix || filter.countries.empty()) return out;
    for (const Place& p : places_) {
        if (p.kind != PlaceKind::admin1 && p.kind != PlaceKind::admin2) continue;
        if (!contains(filter.countries, p.country)) continue;
        bool match = p.key.compare(0, prefix.size(), prefix) == 0;
        for (std::size_t k = 0; !match && k < p.alt_keys.size(); ++k)
            match = p.alt_keys[k].compare(0, prefix.size(), prefix) == 0;
        if (match) out.push_back(&p);
    }
    return rank(std::move(out), filter);
}

const Place* Gazetteer::country(std::string_view code) const {
    auto it = countries_.find(std::string(code));
    return it == countries_.end() ? nullptr : &places_[it->second];
}

const Place* Gazetteer::find_country(std::string_view name_or_code) const {
    std::string code(name_or_code);
    if (code.size() == 2 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        if (const Place* p = country(code)) return p;
    for (const Place* p : find(name_or_code))
        if (p->kind == PlaceKind::country) return p;
    return nullptr;
}

Gazetteer Gazetteer::load(const std::string& gpkg_path) {
    if (!std::filesystem::exists(gpkg_path))
        throw Error("gazetteer '" + gpkg_path +
                    "' not found: build it with coopatlas-gazetteer (scripts/index.sh does it when missing)");
    auto ds = gdal::open_vector(gpkg_path);
    OGRLayer* layer = ds->GetLayerByName("places");
    if (layer == nullptr) throw Error("gazetteer '" + gpkg_path + "' has no 'places' layer: rebuild it");
    Gazetteer g;
    const auto count = static_cast<std::size_t>(std::max<GIntBig>(0, layer->GetFeatureCount()));
    g.places_.reserve(count);
    g.by_key_.reserve(count * 2);  // about 1.5 keys per place
    g.by_compact_.reserve(count * 2);
    try {
        // The rows straight from SQLite (gpkg_points.hpp): GDAL's features cost most of the load.
        GpkgPointReader rows(gpkg_path, "places",
                             {"name", "key", "alt_keys", "kind", "country", "admin1", "admin2", "insee", "population",
                              "approximate", "source"});
        while (rows.next()) {
            auto point = rows.point();
            if (!point) continue;
            Place& p = g.places_.emplace_back();  // filled in place: no move of nine strings
            p.name = rows.text(0);
            p.key = rows.text(1);
            if (p.key.empty()) p.key = place_key(p.name);
            const std::string_view alts = rows.text(2);
            for (std::size_t start = 0; start < alts.size();) {
                std::size_t bar = alts.find('|', start);
                if (bar == std::string_view::npos) bar = alts.size();
                if (bar > start) p.alt_keys.emplace_back(alts.substr(start, bar - start));
                start = bar + 1;
            }
            const auto kind = parse_place_kind(rows.text(3));
            if (!kind) throw Error("unknown place kind '" + std::string(rows.text(3)) + "' for '" + p.name + "'");
            p.kind = *kind;
            p.country = rows.text(4);
            p.admin1 = rows.text(5);
            p.admin2 = rows.text(6);
            p.insee = rows.text(7);
            p.population = static_cast<long>(rows.integer(8));
            p.approximate = rows.integer(9) != 0;
            p.source = rows.text(10);
            p.point = *point;
            g.index(g.places_.size() - 1);
        }
    } catch (const Error& e) {
        throw Error(std::string(e.what()) + " (rebuild the gazetteer with coopatlas-gazetteer)");
    }
    g.sort_indexes();
    if (OGRLayer* shapes = ds->GetLayerByName("country_shapes")) {
        int code_idx = shapes->GetLayerDefn()->GetFieldIndex("code");
        shapes->ResetReading();
        for (gdal::FeaturePtr f(shapes->GetNextFeature()); f; f.reset(shapes->GetNextFeature())) {
            const OGRGeometry* geom = f->GetGeometryRef();
            if (geom == nullptr || code_idx < 0) continue;
            Shapes::Outline o;
            o.geometry.reset(geom->clone());
            o.geometry->getEnvelope(&o.envelope);
            g.shapes_->by_code[f->GetFieldAsString(code_idx)].push_back(std::move(o));
        }
    }
    if (g.places_.empty()) throw Error("gazetteer '" + gpkg_path + "' is empty: rebuild it");
    return g;
}

}  // namespace coopatlas::indexer
