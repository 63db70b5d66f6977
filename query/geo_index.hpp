#pragma once
/// @file geo_index.hpp
/// An in-memory spatial index over every point of every record, so that a
/// radius or box query touches only the points of the grid cells that meet
/// the area, then checks each candidate exactly (haversine, geo::distance_km).
///
/// Why not Xapian::LatLongDistancePostingSource: it unserialises the points of
/// every document for every query, so its cost follows the collection, not the
/// answer (issue 6 measured 83 ms per 50 km query at 1M records).
///
/// Layout: a fixed equirectangular grid of kCellDeg x kCellDeg cells; the
/// points are stored cell by cell (CSR: cell_start_ gives each cell's range),
/// plus a per-document range for "nearest point of this record".

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
    /// record. With `need_distances` false the hits of cells lying wholly
    /// inside the circle skip the haversine and carry distance 0 (for counts
    /// and filters); the membership is exact either way.
    std::vector<GeoHit> match(const GeoArea& area, bool need_distances = true) const;

    /// Distance from `from` to the nearest point of `docid`; nullopt when the
    /// record has no point.
    std::optional<double> nearest_km(Xapian::docid docid, geo::LatLon from) const;

    /// Calls `visit(docid, point)` for every point inside `box` (any order; a
    /// record with several points in the box is visited once per point).
    void for_each_point(const geo::BBox& box, const std::function<void(Xapian::docid, geo::LatLon)>& visit) const;

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

    // Points in cell order.
    std::vector<double> lats_, lons_;
    std::vector<Xapian::docid> docids_;
    std::vector<uint32_t> cell_start_;  ///< kLatCells * kLonCells + 1 offsets
    // Per document: indexes into the arrays above (doc_start_[docid]..[docid+1]).
    std::vector<uint32_t> doc_start_, doc_points_;
    size_t records_ = 0;
};

/// Feeds a fixed, docid-ordered list of records to a Xapian match, so a
/// geographic area combines with keywords and facets by OP_FILTER: the match
/// only visits documents that are both in the list and in the text query.
/// Weight 0: ranking stays the text's.
class GeoPostingSource : public Xapian::PostingSource {
public:
    explicit GeoPostingSource(std::shared_ptr<const std::vector<GeoHit>> hits);

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
    std::shared_ptr<const std::vector<GeoHit>> hits_;
    size_t pos_ = 0;
    bool started_ = false;
};

}  // namespace coopatlas::query
