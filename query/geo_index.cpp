#include "geo_index.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <type_traits>

#include "core/error.hpp"
#include "core/index_schema.hpp"

namespace coopatlas::query {

namespace {

constexpr double kDegPerRad = 180.0 / std::numbers::pi;
constexpr double kRadPerDeg = std::numbers::pi / 180.0;
/// Cells are chosen with this much slack (degrees, ~1 cm) so that rounding in
/// the bounds never drops a cell; the exact check on each point decides.
constexpr double kSlackDeg = 1e-7;
/// Margin (degrees) on the longitude half-widths of a circle on a parallel:
/// the widths come from acos, whose error near +-1 is ~sqrt(rounding error of
/// its argument) = a few 1e-5 degrees at worst (see half_width); candidate
/// columns are widened and wholly-inside columns narrowed by this much.
constexpr double kWidthMarginDeg = 1e-4;
/// Below this cos(lat) * cos(centre lat) the half-width formula divides by too
/// small a number to be trusted: the row is scanned whole and every point checked.
constexpr double kMinWidthDivisor = 1e-3;
/// Chord band (unit sphere) around the radius within which the chord test
/// defers to the haversine; far above the rounding of either (~1e-15).
constexpr double kChordBand = 1e-10;

struct LonRange {
    double lo, hi;
};

/// The longitudes [lo, hi] (lo may be < -180, hi > 180) as at most two ranges
/// inside -180..180, splitting at the 180th meridian.
std::vector<LonRange> wrap(double lo, double hi) {
    if (hi - lo >= 360) return {{-180, 180}};
    if (lo < -180) return {{lo + 360, 180}, {-180, hi}};
    if (hi > 180) return {{lo, 180}, {-180, hi - 360}};
    return {{lo, hi}};
}

/// Inclusive range of grid columns.
struct ColRange {
    int lo, hi;
};

/// What to visit in one grid row: the candidate columns and, among them, the
/// columns whose cells lie wholly inside the area (no check needed).
struct RowPlan {
    int row = 0;
    std::vector<ColRange> candidates, inside;
};

/// A circle on the unit sphere: centre, angular radius and their trigonometry.
struct Cap {
    geo::LatLon centre;
    double angle;  ///< radians, clamped to pi
    double sin_c, cos_c, cos_a;
    double x, y, z;   ///< the centre's unit vector
    double lo2, hi2;  ///< squared chords: surely inside below lo2, surely outside above hi2

    Cap(geo::LatLon c, double radius_km) : centre(c) {
        angle = std::min(std::numbers::pi, std::max(0.0, radius_km) / geo::kEarthRadiusKm);
        sin_c = std::sin(c.lat * kRadPerDeg);
        cos_c = std::cos(c.lat * kRadPerDeg);
        cos_a = std::cos(angle);
        x = cos_c * std::cos(c.lon * kRadPerDeg);
        y = cos_c * std::sin(c.lon * kRadPerDeg);
        z = sin_c;
        const double chord = 2 * std::sin(angle / 2);
        lo2 = std::max(0.0, chord - kChordBand);
        lo2 *= lo2;
        hi2 = (chord + kChordBand) * (chord + kChordBand);
    }

    /// Half-width in degrees of longitude of the circle on the parallel `lat`:
    /// a point of that parallel is inside iff |dlon| <= the result. From the
    /// spherical law of cosines, cos d = sin(lat) sin(c) + cos(lat) cos(c) cos(dlon),
    /// and d grows with |dlon|. Returns 180 when the whole parallel is inside,
    /// -1 when none of it is, NaN when the formula is ill-conditioned there.
    double half_width(double lat) const {
        const double p = std::clamp(lat, -90.0, 90.0) * kRadPerDeg;
        const double divisor = std::cos(p) * cos_c;
        const double k0 = std::sin(p) * sin_c;
        if (divisor < kMinWidthDivisor) return std::numeric_limits<double>::quiet_NaN();
        const double k = (cos_a - k0) / divisor;
        if (k <= -1) return 180;
        if (k > 1) return -1;
        return std::acos(k) * kDegPerRad;
    }
};

/// Grid columns whose cells lie within the longitudes [lo, hi]; may be empty (lo > hi).
ColRange columns_within(double lo, double hi, double cell_deg) {
    return {static_cast<int>(std::ceil((lo + 180) / cell_deg)),
            static_cast<int>(std::floor((hi + 180) / cell_deg)) - 1};
}

}  // namespace

int GeoIndex::lat_cell(double lat) {
    return std::clamp(static_cast<int>(std::floor((lat + 90) / kCellDeg)), 0, kLatCells - 1);
}

int GeoIndex::lon_cell(double lon) {
    return std::clamp(static_cast<int>(std::floor((lon + 180) / kCellDeg)), 0, kLonCells - 1);
}

GeoIndex::GeoIndex(std::vector<Entry> entries) {
    const size_t cells = static_cast<size_t>(kLatCells) * kLonCells;
    if (entries.size() >= std::numeric_limits<uint32_t>::max())
        throw IndexError("too many points for the geographic index (" + std::to_string(entries.size()) + ")");
    auto cell_of = [](const Entry& e) {
        return static_cast<size_t>(lat_cell(e.point.lat)) * kLonCells + static_cast<size_t>(lon_cell(e.point.lon));
    };
    // Counting sort by cell, stable so a document's points keep their order
    // and each cell's docids ascend when the entries come in docid order.
    cell_start_.assign(cells + 1, 0);
    Xapian::docid last_doc = 0;
    for (const auto& e : entries) {
        ++cell_start_[cell_of(e) + 1];
        last_doc = std::max(last_doc, e.docid);
    }
    for (size_t c = 0; c < cells; ++c) cell_start_[c + 1] += cell_start_[c];
    std::vector<uint32_t> fill(cell_start_.begin(), cell_start_.end() - 1);
    lats_.resize(entries.size());
    lons_.resize(entries.size());
    xyz_.resize(entries.size() * 3);
    docids_.resize(entries.size());
    doc_start_.assign(static_cast<size_t>(last_doc) + 2, 0);
    for (const auto& e : entries) {
        uint32_t at = fill[cell_of(e)]++;
        lats_[at] = e.point.lat;
        lons_[at] = e.point.lon;
        const double lat = e.point.lat * kRadPerDeg, lon = e.point.lon * kRadPerDeg;
        xyz_[3 * at] = std::cos(lat) * std::cos(lon);
        xyz_[3 * at + 1] = std::cos(lat) * std::sin(lon);
        xyz_[3 * at + 2] = std::sin(lat);
        docids_[at] = e.docid;
        ++doc_start_[e.docid + 1];
    }
    auto located = std::make_shared<std::vector<Xapian::docid>>();
    for (size_t d = 0; d + 1 < doc_start_.size(); ++d) {
        if (doc_start_[d + 1] > 0) located->push_back(static_cast<Xapian::docid>(d));
        doc_start_[d + 1] += doc_start_[d];
    }
    records_ = located->size();
    located_ = std::move(located);
    doc_points_.resize(entries.size());
    std::vector<uint32_t> doc_fill(doc_start_.begin(), doc_start_.end() - 1);
    for (uint32_t i = 0; i < docids_.size(); ++i) doc_points_[doc_fill[docids_[i]]++] = i;
}

GeoIndex GeoIndex::load(const Xapian::Database& db) {
    std::vector<Entry> entries;
    entries.reserve(db.get_doccount());
    try {
        Xapian::LatLongCoords coords;
        for (auto it = db.valuestream_begin(schema::kSlotPoints); it != db.valuestream_end(schema::kSlotPoints); ++it) {
            const std::string value = *it;
            if (value.empty()) continue;
            coords.unserialise(value);
            for (auto c = coords.begin(); c != coords.end(); ++c)
                // Xapian normalises longitudes to 0..360; the index uses -180..180.
                entries.push_back(
                    {it.get_docid(), {(*c).latitude, (*c).longitude > 180 ? (*c).longitude - 360 : (*c).longitude}});
        }
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot read the points of the index (value slot " + std::to_string(schema::kSlotPoints) +
                         "): " + e.get_description() + "; rebuild the index");
    }
    return GeoIndex(std::move(entries));
}

template <typename Visit>
void GeoIndex::scan_cells(int row0, int row1, int col0, int col1, Visit&& visit) const {
    for (int row = row0; row <= row1; ++row) {
        const size_t base = static_cast<size_t>(row) * kLonCells;
        // Cells of a row are contiguous: one range of points per row.
        for (int col = col0; col <= col1; ++col) visit(row, col, cell_start_[base + col], cell_start_[base + col + 1]);
    }
}

namespace {

/// The rows and columns to visit for `area` (see GeoIndex's header comment).
/// `whole_cells` false: no column is marked inside (every point is checked).
template <typename LatCell, typename LonCell>
std::vector<RowPlan> plan_rows(const GeoArea& area, bool whole_cells, double cell_deg, LatCell lat_cell,
                               LonCell lon_cell, int lon_cells) {
    std::vector<RowPlan> rows;
    const ColRange all{0, lon_cells - 1};
    auto meeting = [&](double lo, double hi) { return ColRange{lon_cell(lo), lon_cell(hi)}; };
    if (area.near && area.radius_km) {
        const Cap cap(*area.near, *area.radius_km);
        const double dlat = cap.angle * kDegPerRad;
        double lat0 = cap.centre.lat - dlat - kSlackDeg, lat1 = cap.centre.lat + dlat + kSlackDeg;
        if (area.bbox) {  // the circle's rows, narrowed to the box's
            lat0 = std::max(lat0, area.bbox->south);
            lat1 = std::min(lat1, area.bbox->north);
            if (lat0 > lat1) return rows;
        }
        // The widest half-width, at the latitude where meridians touch the
        // circle: sin(lat*) = sin(c) / cos(a), width asin(sin a / cos c).
        std::optional<double> widest_lat;
        double widest = 180;
        if (cap.cos_a > 0 && std::abs(cap.sin_c) < cap.cos_a) {
            widest_lat = std::asin(cap.sin_c / cap.cos_a) * kDegPerRad;
            const double s = std::sin(cap.angle) / cap.cos_c;
            widest = s >= 1 ? 180 : std::asin(s) * kDegPerRad;
        }
        const bool whole = whole_cells && !area.bbox && cap.angle < std::numbers::pi;
        for (int row = lat_cell(lat0); row <= lat_cell(lat1); ++row) {
            RowPlan plan;
            plan.row = row;
            const double s = -90 + row * cell_deg - kSlackDeg, n = -90 + (row + 1) * cell_deg + kSlackDeg;
            const double ws = cap.half_width(s), wn = cap.half_width(n);
            double out = std::max({0.0, ws, wn});
            if (widest_lat && *widest_lat >= s && *widest_lat <= n) out = std::max(out, widest);
            if (std::isnan(ws) || std::isnan(wn) || cap.angle >= std::numbers::pi / 2) out = 180;
            out += kWidthMarginDeg;
            if (out >= 180)
                plan.candidates = {all};
            else
                for (const auto& r : wrap(cap.centre.lon - out, cap.centre.lon + out))
                    plan.candidates.push_back(meeting(r.lo, r.hi));
            if (whole && !std::isnan(ws) && !std::isnan(wn)) {
                const double in = std::min(ws, wn) - kWidthMarginDeg;
                if (std::min(ws, wn) >= 180)
                    plan.inside = {all};
                else if (in > 0)
                    for (const auto& r : wrap(cap.centre.lon - in, cap.centre.lon + in))
                        plan.inside.push_back(columns_within(r.lo, r.hi, cell_deg));
            }
            rows.push_back(std::move(plan));
        }
        return rows;
    }
    const geo::BBox& b = *area.bbox;
    std::vector<LonRange> lons;
    if (b.west <= b.east)
        lons = {{b.west, b.east}};
    else
        lons = {{b.west, 180}, {-180, b.east}};
    for (int row = lat_cell(b.south); row <= lat_cell(b.north); ++row) {
        RowPlan plan;
        plan.row = row;
        for (const auto& r : lons) plan.candidates.push_back(meeting(r.lo, r.hi));
        const double s = -90 + row * cell_deg, n = s + cell_deg;
        if (whole_cells && s >= b.south + kSlackDeg && n <= b.north - kSlackDeg)
            for (const auto& r : lons)
                plan.inside.push_back(columns_within(r.lo + kSlackDeg, r.hi - kSlackDeg, cell_deg));
        rows.push_back(std::move(plan));
    }
    return rows;
}

bool in_ranges(const std::vector<ColRange>& ranges, int col) {
    for (const auto& r : ranges)
        if (col >= r.lo && col <= r.hi) return true;
    return false;
}

}  // namespace

template <typename Whole, typename Point>
void GeoIndex::visit(const GeoArea& area, bool whole_cells, Whole&& whole, Point&& point) const {
    if (!area.filters() || docids_.empty()) return;
    const bool circle = area.near && area.radius_km;
    std::optional<Cap> cap;
    if (circle) cap.emplace(*area.near, *area.radius_km);
    const double radius = circle ? *area.radius_km : 0;
    for (const auto& plan : plan_rows(area, whole_cells, kCellDeg, lat_cell, lon_cell, kLonCells)) {
        const size_t base = static_cast<size_t>(plan.row) * kLonCells;
        for (const auto& range : plan.candidates) {
            for (int col = range.lo; col <= range.hi;) {
                if (in_ranges(plan.inside, col)) {
                    int last = col;
                    while (last < range.hi && in_ranges(plan.inside, last + 1)) ++last;
                    // Cells of a row are contiguous: the run is one range of points.
                    whole(cell_start_[base + col], cell_start_[base + last + 1]);
                    col = last + 1;
                    continue;
                }
                for (uint32_t i = cell_start_[base + col]; i < cell_start_[base + col + 1]; ++i) {
                    const geo::LatLon p{lats_[i], lons_[i]};
                    if (area.bbox && !area.bbox->contains(p)) continue;
                    double d = 0;
                    if (circle) {
                        const double dx = xyz_[3 * i] - cap->x, dy = xyz_[3 * i + 1] - cap->y,
                                     dz = xyz_[3 * i + 2] - cap->z;
                        const double chord2 = dx * dx + dy * dy + dz * dz;
                        if (chord2 > cap->hi2) continue;
                        if (chord2 >= cap->lo2 || !whole_cells) {
                            // Near the limit (or the distance is wanted): the haversine decides.
                            d = geo::distance_km(*area.near, p);
                            if (d > radius) continue;
                        }
                    }
                    point(i, d);
                }
                ++col;
            }
        }
    }
}

size_t GeoIndex::candidate_points(const GeoArea& area) const {
    size_t total = 0;
    for (const auto& plan : plan_rows(area, false, kCellDeg, lat_cell, lon_cell, kLonCells)) {
        const size_t base = static_cast<size_t>(plan.row) * kLonCells;
        for (const auto& r : plan.candidates) total += cell_start_[base + r.hi + 1] - cell_start_[base + r.lo];
    }
    return total;
}

std::vector<Xapian::docid> GeoIndex::match_ids(const GeoArea& area) const {
    std::vector<Xapian::docid> ids;
    if (!area.filters() || docids_.empty()) return ids;
    const size_t max_doc = doc_start_.size() - 1;
    const size_t candidates = candidate_points(area);
    if (candidates > max_doc / 128) {
        // A large answer: a bitmap (1 bit per document) then one sweep in docid
        // order, cheaper than sorting the candidates. With fewer candidates
        // than words in the bitmap, a summary bit per word lets the sweep skip
        // the empty words: at a million records a 50 km answer (~7k records)
        // leaves most of the 15.6k words empty, and testing each one was a
        // third of the query (R50 p50 0.19 -> 0.14 ms); a denser answer (R500)
        // is swept whole, as the summary would only cost.
        std::vector<uint64_t> bits(max_doc / 64 + 1, 0);
        const bool sparse = candidates < bits.size();
        std::vector<uint64_t> summary(sparse ? bits.size() / 64 + 1 : 0, 0);
        size_t marked = 0;
        // The summary test is hoisted out of the marking loops (one visit per case).
        auto mark_all = [&](auto with_summary) {
            auto mark = [&](Xapian::docid d) {
                bits[d / 64] |= uint64_t{1} << (d % 64);
                if constexpr (decltype(with_summary)::value) summary[d / 4096] |= uint64_t{1} << (d / 64 % 64);
            };
            visit(
                area, true,
                [&](uint32_t from, uint32_t to) {
                    for (uint32_t i = from; i < to; ++i) mark(docids_[i]);
                    marked += to - from;
                },
                [&](uint32_t i, double) {
                    mark(docids_[i]);
                    ++marked;
                });
        };
        if (sparse)
            mark_all(std::true_type{});
        else
            mark_all(std::false_type{});
        ids.reserve(marked);
        auto sweep = [&](size_t w) {
            for (uint64_t b = bits[w]; b; b &= b - 1)
                ids.push_back(static_cast<Xapian::docid>(w * 64 + static_cast<size_t>(__builtin_ctzll(b))));
        };
        if (!sparse) {
            for (size_t w = 0; w < bits.size(); ++w) sweep(w);
            return ids;
        }
        for (size_t s = 0; s < summary.size(); ++s)
            for (uint64_t words = summary[s]; words; words &= words - 1)
                sweep(s * 64 + static_cast<size_t>(__builtin_ctzll(words)));
        return ids;
    }
    visit(
        area, true,
        [&](uint32_t from, uint32_t to) { ids.insert(ids.end(), docids_.begin() + from, docids_.begin() + to); },
        [&](uint32_t i, double) { ids.push_back(docids_[i]); });
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

std::vector<GeoHit> GeoIndex::match(const GeoArea& area, bool need_distances) const {
    std::vector<GeoHit> hits;
    if (!need_distances) {
        for (auto d : match_ids(area)) hits.push_back({d, 0});
        return hits;
    }
    std::vector<GeoHit> found;
    visit(
        area, false, [](uint32_t, uint32_t) {},
        [&](uint32_t i, double d) {
            found.push_back({docids_[i], d});
        });

    // One hit per record, ordered by docid, with its nearest distance.
    const size_t max_doc = doc_start_.size() - 1;
    if (found.size() > max_doc / 16) {
        // Dense marks beat sorting when the answer is a large share of the index.
        std::vector<double> best(max_doc + 1, std::numeric_limits<double>::infinity());
        for (const auto& h : found) best[h.docid] = std::min(best[h.docid], h.distance_km);
        for (size_t d = 0; d <= max_doc; ++d)
            if (best[d] != std::numeric_limits<double>::infinity())
                hits.push_back({static_cast<Xapian::docid>(d), best[d]});
    } else {
        std::sort(found.begin(), found.end(), [](const GeoHit& a, const GeoHit& b) {
            return a.docid != b.docid ? a.docid < b.docid : a.distance_km < b.distance_km;
        });
        for (const auto& h : found)
            if (hits.empty() || hits.back().docid != h.docid) hits.push_back(h);
    }
    // With a box, the nearest point of a record may lie outside the box.
    const bool circle = area.near && area.radius_km;
    if (area.near && (area.bbox || !circle))
        for (auto& h : hits) h.distance_km = nearest_km(h.docid, *area.near).value_or(0);
    return hits;
}

std::optional<double> GeoIndex::nearest_km(Xapian::docid docid, geo::LatLon from) const {
    if (docid + 1 >= doc_start_.size()) return std::nullopt;
    std::optional<double> best;
    for (uint32_t k = doc_start_[docid]; k < doc_start_[docid + 1]; ++k) {
        const uint32_t i = doc_points_[k];
        const double d = geo::distance_km(from, {lats_[i], lons_[i]});
        if (!best || d < *best) best = d;
    }
    return best;
}

std::optional<geo::BBox> GeoIndex::extent(const std::vector<Xapian::docid>& docids) const {
    std::optional<geo::BBox> box;
    for (auto docid : docids) {
        if (docid + 1 >= doc_start_.size()) continue;
        for (uint32_t k = doc_start_[docid]; k < doc_start_[docid + 1]; ++k) {
            const double lat = lats_[doc_points_[k]], lon = lons_[doc_points_[k]];
            if (!box) box = geo::BBox{lon, lat, lon, lat};
            box->west = std::min(box->west, lon);
            box->east = std::max(box->east, lon);
            box->south = std::min(box->south, lat);
            box->north = std::max(box->north, lat);
        }
    }
    return box;
}

void GeoIndex::for_each_point(const geo::BBox& box,
                              const std::function<void(Xapian::docid, geo::LatLon)>& visit) const {
    if (docids_.empty()) return;
    std::vector<LonRange> lons;
    if (box.west <= box.east)
        lons = {{box.west, box.east}};
    else
        lons = {{box.west, 180}, {-180, box.east}};
    for (const auto& range : lons)
        scan_cells(lat_cell(box.south), lat_cell(box.north), lon_cell(range.lo), lon_cell(range.hi),
                   [&](int, int, uint32_t from, uint32_t to) {
                       for (uint32_t i = from; i < to; ++i) {
                           const geo::LatLon p{lats_[i], lons_[i]};
                           if (box.contains(p)) visit(docids_[i], p);
                       }
                   });
}

// --- GeoPostingSource ---------------------------------------------------------

GeoPostingSource::GeoPostingSource(std::shared_ptr<const std::vector<Xapian::docid>> docids)
    : docids_(std::move(docids)) {}

Xapian::doccount GeoPostingSource::get_termfreq_min() const { return static_cast<Xapian::doccount>(docids_->size()); }
Xapian::doccount GeoPostingSource::get_termfreq_est() const { return static_cast<Xapian::doccount>(docids_->size()); }
Xapian::doccount GeoPostingSource::get_termfreq_max() const { return static_cast<Xapian::doccount>(docids_->size()); }

void GeoPostingSource::init(const Xapian::Database&) {
    pos_ = 0;
    started_ = false;
}

void GeoPostingSource::next(double) {
    if (!started_)
        started_ = true;
    else
        ++pos_;
}

void GeoPostingSource::skip_to(Xapian::docid did, double) {
    started_ = true;
    if (pos_ < docids_->size() && (*docids_)[pos_] >= did) return;
    // Galloping search from the current position: skips are mostly short.
    size_t step = 1, lo = pos_, hi = pos_ + 1;
    while (hi < docids_->size() && (*docids_)[hi] < did) {
        lo = hi;
        step *= 2;
        hi = std::min(docids_->size(), hi + step);
    }
    auto it = std::lower_bound(docids_->begin() + static_cast<long>(lo),
                               docids_->begin() + static_cast<long>(std::min(hi, docids_->size())), did);
    pos_ = static_cast<size_t>(it - docids_->begin());
}

bool GeoPostingSource::check(Xapian::docid did, double min_wt) {
    skip_to(did, min_wt);
    return true;
}

bool GeoPostingSource::at_end() const { return started_ && pos_ >= docids_->size(); }

Xapian::docid GeoPostingSource::get_docid() const { return (*docids_)[pos_]; }

Xapian::PostingSource* GeoPostingSource::clone() const { return new GeoPostingSource(docids_); }

std::string GeoPostingSource::get_description() const {
    return "coopatlas::GeoPostingSource(" + std::to_string(docids_->size()) + " records)";
}

}  // namespace coopatlas::query
