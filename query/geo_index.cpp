#include "geo_index.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "core/error.hpp"
#include "core/index_schema.hpp"

namespace coopatlas::query {

namespace {

constexpr double kDegPerRad = 180.0 / std::numbers::pi;
/// Cells are chosen with this much slack (degrees, ~1 cm) so that rounding in
/// the bounds never drops a cell; the exact check on each point decides.
constexpr double kSlackDeg = 1e-7;
/// A cell counts as wholly inside a circle only with this margin (km, 1 mm),
/// far above the haversine's rounding error.
constexpr double kInsideMarginKm = 1e-6;

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
    // Counting sort by cell, stable so a document's points keep their order.
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
    docids_.resize(entries.size());
    doc_start_.assign(static_cast<size_t>(last_doc) + 2, 0);
    for (const auto& e : entries) {
        uint32_t at = fill[cell_of(e)]++;
        lats_[at] = e.point.lat;
        lons_[at] = e.point.lon;
        docids_[at] = e.docid;
        ++doc_start_[e.docid + 1];
    }
    for (size_t d = 0; d + 1 < doc_start_.size(); ++d) {
        if (doc_start_[d + 1] > 0) ++records_;
        doc_start_[d + 1] += doc_start_[d];
    }
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
                entries.push_back({it.get_docid(), {(*c).latitude, (*c).longitude > 180 ? (*c).longitude - 360 : (*c).longitude}});
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

std::vector<GeoHit> GeoIndex::match(const GeoArea& area, bool need_distances) const {
    std::vector<GeoHit> found;
    if (!area.filters() || docids_.empty()) return found;
    const bool circle = area.near && area.radius_km;

    // 1. The candidate cells: the circle's bounding box, else the box's.
    double lat0, lat1;
    std::vector<LonRange> lons;
    if (circle) {
        const geo::LatLon c = *area.near;
        const double r = *area.radius_km;
        const double angle = r / geo::kEarthRadiusKm;  // radians of arc
        const double dlat = angle * kDegPerRad;
        lat0 = c.lat - dlat - kSlackDeg;
        lat1 = c.lat + dlat + kSlackDeg;
        if (lat0 <= -90 || lat1 >= 90 || angle >= std::numbers::pi / 2) {
            lons = {{-180, 180}};  // the circle holds a pole: every longitude
        } else {
            // Widest longitude reached by a spherical cap of angular radius a
            // around latitude phi: asin(sin a / cos phi) (tangent meridians).
            const double s = std::sin(angle) / std::cos(c.lat / kDegPerRad);
            const double dlon = s >= 1 ? 180 : std::asin(s) * kDegPerRad;
            lons = wrap(c.lon - dlon - kSlackDeg, c.lon + dlon + kSlackDeg);
        }
        if (area.bbox) {  // the circle's rows, narrowed to the box's
            lat0 = std::max(lat0, area.bbox->south);
            lat1 = std::min(lat1, area.bbox->north);
            if (lat0 > lat1) return found;
        }
    } else {
        const geo::BBox& b = *area.bbox;
        lat0 = b.south;
        lat1 = b.north;
        if (b.west <= b.east) lons = {{b.west, b.east}};
        else lons = {{b.west, 180}, {-180, b.east}};
    }

    // 2. The exact check of every point of those cells.
    const double radius = circle ? *area.radius_km : 0;
    const int row0 = lat_cell(lat0), row1 = lat_cell(lat1);
    for (const auto& range : lons) {
        scan_cells(row0, row1, lon_cell(range.lo), lon_cell(range.hi), [&](int row, int col, uint32_t from, uint32_t to) {
            if (from == to) return;
            if (circle && !need_distances && !area.bbox) {
                // A cell whose four corners are inside the cap is wholly inside:
                // along a parallel the distance grows with |dlon| (up to 180),
                // along a meridian it has a single minimum, so the maximum over
                // the cell is at a corner. Not valid for the cell holding the
                // centre's antimeridian, which is never inside a cap anyway
                // unless the cap is nearly the whole sphere: excluded.
                const double s = -90 + row * kCellDeg, n = s + kCellDeg;
                const double w = -180 + col * kCellDeg, e = w + kCellDeg;
                double anti = area.near->lon + 180;
                if (anti > 180) anti -= 360;
                const bool holds_anti = anti >= w - kSlackDeg && anti <= e + kSlackDeg;
                const double limit = radius - kInsideMarginKm;
                if (!holds_anti && geo::distance_km(*area.near, {s, w}) <= limit &&
                    geo::distance_km(*area.near, {s, e}) <= limit && geo::distance_km(*area.near, {n, w}) <= limit &&
                    geo::distance_km(*area.near, {n, e}) <= limit) {
                    for (uint32_t i = from; i < to; ++i) found.push_back({docids_[i], 0});
                    return;
                }
            }
            for (uint32_t i = from; i < to; ++i) {
                const geo::LatLon p{lats_[i], lons_[i]};
                if (area.bbox && !area.bbox->contains(p)) continue;
                double d = 0;
                if (circle) {
                    d = geo::distance_km(*area.near, p);
                    if (d > radius) continue;
                }
                found.push_back({docids_[i], d});
            }
        });
    }

    // 3. One hit per record, ordered by docid, with its nearest distance.
    const size_t max_doc = doc_start_.size() - 1;
    std::vector<GeoHit> hits;
    if (!need_distances && found.size() > max_doc / 64) {
        // Membership only, large answer: a bitmap (1 bit per document) then one sweep.
        std::vector<uint64_t> bits(max_doc / 64 + 1, 0);
        for (const auto& h : found) bits[h.docid / 64] |= uint64_t{1} << (h.docid % 64);
        hits.reserve(found.size());
        for (size_t w = 0; w < bits.size(); ++w)
            for (uint64_t b = bits[w]; b; b &= b - 1)
                hits.push_back({static_cast<Xapian::docid>(w * 64 + static_cast<size_t>(__builtin_ctzll(b))), 0});
    } else if (found.size() > max_doc / 16) {
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
    if (need_distances && area.near && (area.bbox || !circle))
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

void GeoIndex::for_each_point(const geo::BBox& box,
                              const std::function<void(Xapian::docid, geo::LatLon)>& visit) const {
    if (docids_.empty()) return;
    std::vector<LonRange> lons;
    if (box.west <= box.east) lons = {{box.west, box.east}};
    else lons = {{box.west, 180}, {-180, box.east}};
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

GeoPostingSource::GeoPostingSource(std::shared_ptr<const std::vector<GeoHit>> hits) : hits_(std::move(hits)) {}

Xapian::doccount GeoPostingSource::get_termfreq_min() const { return static_cast<Xapian::doccount>(hits_->size()); }
Xapian::doccount GeoPostingSource::get_termfreq_est() const { return static_cast<Xapian::doccount>(hits_->size()); }
Xapian::doccount GeoPostingSource::get_termfreq_max() const { return static_cast<Xapian::doccount>(hits_->size()); }

void GeoPostingSource::init(const Xapian::Database&) {
    pos_ = 0;
    started_ = false;
}

void GeoPostingSource::next(double) {
    if (!started_) started_ = true;
    else ++pos_;
}

void GeoPostingSource::skip_to(Xapian::docid did, double) {
    started_ = true;
    if (pos_ < hits_->size() && (*hits_)[pos_].docid >= did) return;
    auto it = std::lower_bound(hits_->begin() + static_cast<long>(pos_), hits_->end(), did,
                               [](const GeoHit& h, Xapian::docid d) { return h.docid < d; });
    pos_ = static_cast<size_t>(it - hits_->begin());
}

bool GeoPostingSource::check(Xapian::docid did, double min_wt) {
    skip_to(did, min_wt);
    return true;
}

bool GeoPostingSource::at_end() const { return started_ && pos_ >= hits_->size(); }

Xapian::docid GeoPostingSource::get_docid() const { return (*hits_)[pos_].docid; }

Xapian::PostingSource* GeoPostingSource::clone() const { return new GeoPostingSource(hits_); }

std::string GeoPostingSource::get_description() const {
    return "coopatlas::GeoPostingSource(" + std::to_string(hits_->size()) + " records)";
}

}  // namespace coopatlas::query
