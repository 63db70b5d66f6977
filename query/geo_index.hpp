#pragma once
/// @file geo_index.hpp
/// An in-memory spatial index over every point of every record, so that a
/// radius or box query touches only the points of the grid cells that meet
/// the area, then checks each candidate exactly (haversine, geo::distance_km).
///
/// Why not Xapian::LatLongDistancePostingSource: it unserialises the points of
/// every document for every query, so its cost follows the collection, not the
/// answer (measured: 83 ms per 50 km query at 1M records; docs/scaling.md).
///
/// Layout: a fixed equirectangular grid of kCellDeg x kCellDeg cells; the
/// points are stored cell by cell (CSR: cell_start_ gives each cell's range),
/// plus a per-document range for "nearest point of this record". The cells of
/// a grid row are contiguous, so a run of cells lying wholly inside the area is
/// one range of points taken without any check.
///
/// A circle query works row by row: on a parallel the points within the radius
/// form one longitude interval around the centre, |dlon| <= L(lat), from the
/// spherical law of cosines; the row's candidate columns are those within the
/// widest L over the row's latitudes, and the columns within the narrowest L of
/// the row's two edges are wholly inside (see row_spans in geo_index.cpp).
/// The other candidates are checked by their chord to the centre (unit
/// vectors kept per point) and, only within 1e-10 of the limit, by the exact
/// haversine of geo::distance_km, so the answer is the haversine's to the bit.

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "core/geo.hpp"

namespace coopatlas::query {

/// A geographic filter: a circle (near + radius_km), a box, or both (a record
/// must then have a point inside both). `near` alone filters nothing.
struct GeoArea {
    std::optional<geo::LatLon> near;
    std::optional<double> radius_km;
    std::optional<geo::BBox> bbox;
    /// True when the area keeps only some records (radius or box given).
    bool filters() const { return (near && radius_km) || bbox; }
};

/// One matching record: its docid and, when the area has a centre, the
/// distance of its nearest point (any of its points, in or out of the box).
struct GeoHit {
    Xapian::docid docid = 0;
    double distance_km = 0;
};

class GeoIndex {
public:
    /// Grid cell size in degrees: about 28 km at the equator, so a 50 km circle
    /// meets ~25 cells and a whole-Earth query ~1M cells (still a few ms).
    static constexpr double kCellDeg = 0.25;

    /// A point of a document, as given to the constructor.
    struct Entry {
        Xapian::docid docid;
        geo::LatLon point;
    };

    GeoIndex() = default;
    /// Builds the index over `entries` (any order; a docid may repeat).
    explicit GeoIndex(std::vector<Entry> entries);

    /// Reads the points of every document from the value slot
    /// schema::kSlotPoints (Xapian::LatLongCoords::serialise) by a value
    /// stream, without reading the documents' data.
    static GeoIndex load(const Xapian::Database& db);

    /// Every record with a point in `area`, ordered by docid, one hit per
    /// record. With `need_distances` false every hit carries distance 0 (for
    /// counts and filters: see match_ids); the membership is exact either way.
    std::vector<GeoHit> match(const GeoArea& area, bool need_distances = true) const;

    /// The docids of every record with a point in `area`, ascending, once each:
    /// the membership of match() without distances, at the cost of the answer
    /// (whole cells are copied, a large answer is deduplicated by a bitmap).
    std::vector<Xapian::docid> match_ids(const GeoArea& area) const;

    /// Distance from `from` to the nearest point of `docid`; nullopt when the
    /// record has no point.
    std::optional<double> nearest_km(Xapian::docid docid, geo::LatLon from) const;

    /// Calls `visit(docid, point)` for every point inside `box` (any order; a
    /// record with several points in the box is visited once per point).
    void for_each_point(const geo::BBox& box, const std::function<void(Xapian::docid, geo::LatLon)>& visit) const;

    /// The smallest box holding every point of `docids` (west to east through
    /// 0, as web::extent_of), or nothing when none of them has a point.
    std::optional<geo::BBox> extent(const std::vector<Xapian::docid>& docids) const;

    /// Every record with at least one point, ascending (to keep only located records).
    std::shared_ptr<const std::vector<Xapian::docid>> located_ids() const { return located_; }

    size_t point_count() const { return docids_.size(); }
    /// Number of documents with at least one point.
    size_t record_count() const { return records_; }

private:
    static constexpr int kLatCells = static_cast<int>(180 / kCellDeg);
    static constexpr int kLonCells = static_cast<int>(360 / kCellDeg);
    static int lat_cell(double lat);
    static int lon_cell(double lon);

    /// Visits the cells of rows [row0, row1] and columns [col0, col1].
    template <typename Visit>
    void scan_cells(int row0, int row1, int col0, int col1, Visit&& visit) const;

    /// The points of `area`: whole(from, to) for each run of points in cells
    /// wholly inside it (only when `whole_cells`), point(i, km) for each other
    /// point inside it (km: its distance to the centre, 0 without a circle).
    template <typename Whole, typename Point>
    void visit(const GeoArea& area, bool whole_cells, Whole&& whole, Point&& point) const;
    /// An upper bound of the points visit() can report (the candidate cells').
    size_t candidate_points(const GeoArea& area) const;

    // Points in cell order.
    std::vector<double> lats_, lons_;
    std::vector<double> xyz_;  ///< unit vector of each point (x, y, z), for the chord test
    std::vector<Xapian::docid> docids_;
    std::vector<uint32_t> cell_start_;  ///< kLatCells * kLonCells + 1 offsets
    // Per document: indexes into the arrays above (doc_start_[docid]..[docid+1]).
    std::vector<uint32_t> doc_start_, doc_points_;
    size_t records_ = 0;
    std::shared_ptr<const std::vector<Xapian::docid>> located_ = std::make_shared<std::vector<Xapian::docid>>();
};

/// Feeds a fixed, ascending list of docids to a Xapian match, so a
/// geographic area combines with keywords and facets by OP_FILTER: the match
/// only visits documents that are both in the list and in the text query.
/// Weight 0: ranking stays the text's.
class GeoPostingSource : public Xapian::PostingSource {
public:
    explicit GeoPostingSource(std::shared_ptr<const std::vector<Xapian::docid>> docids);

    Xapian::doccount get_termfreq_min() const override;
    Xapian::doccount get_termfreq_est() const override;
    Xapian::doccount get_termfreq_max() const override;
    void init(const Xapian::Database& db) override;
    void next(double min_wt) override;
    void skip_to(Xapian::docid did, double min_wt) override;
    bool check(Xapian::docid did, double min_wt) override;
    bool at_end() const override;
    Xapian::docid get_docid() const override;
    PostingSource* clone() const override;
    std::string get_description() const override;

private:
    std::shared_ptr<const std::vector<Xapian::docid>> docids_;
    size_t pos_ = 0;
    bool started_ = false;
};

}  // namespace coopatlas::query
