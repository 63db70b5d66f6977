#include "query/geo_index.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>

using namespace coopatlas;
using namespace coopatlas::query;

namespace {

/// Records 1..n with one to three points each: a share clustered around a few
/// centres (including one on the 180th meridian and one near the north pole),
/// the rest uniform on the sphere.
std::vector<GeoIndex::Entry> random_entries(int n, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    const std::vector<geo::LatLon> centres = {{48.85, 2.35}, {-17.7, 180}, {89.5, 40}, {14.7, -17.4}, {-89.9, 0}};
    std::vector<GeoIndex::Entry> entries;
    for (int d = 1; d <= n; ++d) {
        const int points = 1 + static_cast<int>(u(rng) * 3);
        for (int k = 0; k < points; ++k) {
            geo::LatLon p;
            if (u(rng) < 0.6) {
                const auto& c = centres[static_cast<size_t>(u(rng) * centres.size())];
                p = {std::clamp(c.lat + (u(rng) - 0.5) * 4, -90.0, 90.0), c.lon + (u(rng) - 0.5) * 6};
                if (p.lon > 180) p.lon -= 360;
                if (p.lon < -180) p.lon += 360;
            } else {
                p = {std::asin(2 * u(rng) - 1) * 180 / M_PI, -180 + 360 * u(rng)};
            }
            entries.push_back({static_cast<Xapian::docid>(d), p});
        }
    }
    return entries;
}

/// The answer of GeoIndex::match by scanning every point.
std::vector<GeoHit> brute_force(const std::vector<GeoIndex::Entry>& entries, const GeoArea& area) {
    std::map<Xapian::docid, double> nearest;
    std::map<Xapian::docid, bool> kept;
    for (const auto& e : entries) {
        if (area.near) {
            double d = geo::distance_km(*area.near, e.point);
            auto [it, fresh] = nearest.try_emplace(e.docid, d);
            if (!fresh) it->second = std::min(it->second, d);
        }
        bool in = true;
        if (area.near && area.radius_km) in = geo::distance_km(*area.near, e.point) <= *area.radius_km;
        if (area.bbox) in = in && area.bbox->contains(e.point);
        if (in) kept[e.docid] = true;
    }
    std::vector<GeoHit> hits;
    for (const auto& [docid, yes] : kept) hits.push_back({docid, area.near ? nearest[docid] : 0});
    return hits;
}

void expect_same(const std::vector<GeoHit>& got, const std::vector<GeoHit>& want, bool distances,
                 const std::string& what) {
    ASSERT_EQ(got.size(), want.size()) << what;
    for (size_t i = 0; i < got.size(); ++i) {
        ASSERT_EQ(got[i].docid, want[i].docid) << what << " at " << i;
        if (distances) {
            ASSERT_DOUBLE_EQ(got[i].distance_km, want[i].distance_km) << what;
        }
    }
}

}  // namespace

TEST(GeoIndex, RandomCirclesMatchBruteForce) {
    auto entries = random_entries(3000, 7);
    GeoIndex index(entries);
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> u(0, 1);
    const std::vector<double> radii = {0.5, 5, 50, 300, 1500, 8000, 20015};
    for (int q = 0; q < 300; ++q) {
        GeoArea area;
        // Half the centres on a record's point (dense areas), half anywhere.
        if (q % 2 == 0)
            area.near = entries[static_cast<size_t>(u(rng) * entries.size())].point;
        else
            area.near = geo::LatLon{std::asin(2 * u(rng) - 1) * 180 / M_PI, -180 + 360 * u(rng)};
        area.radius_km = radii[static_cast<size_t>(q) % radii.size()] * (0.5 + u(rng));
        const std::string what = "near " + std::to_string(area.near->lat) + "," + std::to_string(area.near->lon) +
                                 " r=" + std::to_string(*area.radius_km);
        auto want = brute_force(entries, area);
        expect_same(index.match(area, true), want, true, what);
        expect_same(index.match(area, false), want, false, what + " (membership only)");
    }
}

TEST(GeoIndex, RadiusZeroKeepsExactlyTheCentrePoint) {
    std::vector<GeoIndex::Entry> entries = {{1, {45.0, 5.0}}, {2, {45.0, 5.000001}}, {3, {-33.9, 151.2}}};
    GeoIndex index(entries);
    auto hits = index.match({geo::LatLon{45.0, 5.0}, 0.0, std::nullopt});
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].docid, 1u);
    EXPECT_EQ(hits[0].distance_km, 0);
}

TEST(GeoIndex, CirclesAroundThePolesAndAcrossThe180thMeridian) {
    auto entries = random_entries(2000, 3);
    // Points exactly on the poles and on both sides of the 180th meridian.
    entries.push_back({5001, {90, 0}});
    entries.push_back({5002, {-90, 123}});
    entries.push_back({5003, {10, 180}});
    entries.push_back({5004, {10, -180}});
    entries.push_back({5005, {10, 179.999}});
    entries.push_back({5006, {10, -179.999}});
    GeoIndex index(entries);
    for (geo::LatLon c : {geo::LatLon{90, 0}, geo::LatLon{-90, 0}, geo::LatLon{89.99, -170}, geo::LatLon{10, 180},
                          geo::LatLon{10, -180}, geo::LatLon{-17.7, 179.9}, geo::LatLon{0, -179.95}}) {
        for (double r : {0.0, 1.0, 10.0, 120.0, 700.0, 2500.0}) {
            GeoArea area{c, r, std::nullopt};
            expect_same(index.match(area), brute_force(entries, area), true,
                        "near " + std::to_string(c.lat) + "," + std::to_string(c.lon) + " r=" + std::to_string(r));
        }
    }
    // 180 and -180 are the same meridian: a small circle on it finds both.
    auto hits = index.match({geo::LatLon{10, 180}, 1.0, std::nullopt});
    std::vector<Xapian::docid> ids;
    for (auto& h : hits) ids.push_back(h.docid);
    EXPECT_NE(std::find(ids.begin(), ids.end(), 5003u), ids.end());
    EXPECT_NE(std::find(ids.begin(), ids.end(), 5004u), ids.end());
}

TEST(GeoIndex, BoxesIncludingOnesCrossingThe180thMeridian) {
    auto entries = random_entries(3000, 5);
    GeoIndex index(entries);
    std::mt19937 rng(13);
    std::uniform_real_distribution<double> u(0, 1);
    for (int q = 0; q < 200; ++q) {
        double s = -90 + 180 * u(rng), n = -90 + 180 * u(rng);
        if (s > n) std::swap(s, n);
        double w = -180 + 360 * u(rng), e = -180 + 360 * u(rng);  // w > e: crosses the 180th meridian
        GeoArea area;
        area.bbox = geo::BBox{w, s, e, n};
        if (q % 3 == 0) area.near = geo::LatLon{-90 + 180 * u(rng), -180 + 360 * u(rng)};  // distances only
        if (q % 6 == 0) area.radius_km = 3000 * u(rng);                                    // circle AND box
        expect_same(
            index.match(area), brute_force(entries, area), area.near.has_value(),
            "bbox " + std::to_string(w) + "," + std::to_string(s) + "," + std::to_string(e) + "," + std::to_string(n));
    }
    // A box across the 180th meridian around Fiji.
    GeoArea fiji;
    fiji.bbox = geo::BBox{175, -22, -175, -14};
    auto hits = index.match(fiji);
    EXPECT_FALSE(hits.empty());
    expect_same(hits, brute_force(entries, fiji), false, "Fiji box");
}

TEST(GeoIndex, NearestPointOfARecordAndNoPoint) {
    GeoIndex index(std::vector<GeoIndex::Entry>{{1, {48.8566, 2.3522}}, {1, {14.6928, -17.4467}}, {3, {43.6, 1.44}}});
    EXPECT_NEAR(*index.nearest_km(1, {14.7, -17.44}), geo::distance_km({14.7, -17.44}, {14.6928, -17.4467}), 1e-12);
    EXPECT_FALSE(index.nearest_km(2, {0, 0}).has_value());
    EXPECT_FALSE(index.nearest_km(99, {0, 0}).has_value());
    EXPECT_EQ(index.record_count(), 2u);
    EXPECT_EQ(index.point_count(), 3u);
    // A record matches when any of its points is inside; its distance is the nearest point's.
    auto hits = index.match({geo::LatLon{14.7, -17.4}, 100.0, std::nullopt});
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].docid, 1u);
    EXPECT_LT(hits[0].distance_km, 10);
}

TEST(GeoIndex, ExtentOfSomeRecordsAndTheLocatedOnes) {
    GeoIndex index(std::vector<GeoIndex::Entry>{
        {1, {48.8566, 2.3522}}, {1, {14.6928, -17.4467}}, {3, {43.6, 1.44}}, {4, {-21.1, 55.5}}});
    auto box = index.extent({1, 3});
    ASSERT_TRUE(box);
    EXPECT_DOUBLE_EQ(box->west, -17.4467);
    EXPECT_DOUBLE_EQ(box->east, 2.3522);
    EXPECT_DOUBLE_EQ(box->south, 14.6928);
    EXPECT_DOUBLE_EQ(box->north, 48.8566);
    EXPECT_FALSE(index.extent({2, 99}).has_value()) << "no point, unknown docid";
    EXPECT_EQ(*index.located_ids(), (std::vector<Xapian::docid>{1, 3, 4}));
}

TEST(GeoIndex, EmptyIndexAndNoFilter) {
    GeoIndex empty;
    EXPECT_TRUE(empty.match({geo::LatLon{0, 0}, 100.0, std::nullopt}).empty());
    GeoIndex index(std::vector<GeoIndex::Entry>{{1, {0, 0}}});
    EXPECT_TRUE(index.match({geo::LatLon{0, 0}, std::nullopt, std::nullopt}).empty()) << "near alone filters nothing";
}

TEST(GeoIndex, ForEachPointVisitsThePointsInTheBox) {
    auto entries = random_entries(1000, 9);
    GeoIndex index(entries);
    geo::BBox box{170, -30, -170, 20};
    size_t visited = 0;
    index.for_each_point(box, [&](Xapian::docid, geo::LatLon p) {
        EXPECT_TRUE(box.contains(p));
        ++visited;
    });
    size_t expected = 0;
    for (const auto& e : entries) expected += box.contains(e.point);
    EXPECT_EQ(visited, expected);
}

/// Docids of the brute-force answer.
std::vector<Xapian::docid> ids_of(const std::vector<GeoHit>& hits) {
    std::vector<Xapian::docid> ids;
    for (const auto& h : hits) ids.push_back(h.docid);
    return ids;
}

TEST(GeoIndex, DenseAreasTakeWholeCellsAndStayExact) {
    // Many points per cell (so circles and boxes hold whole cells), around
    // Paris, Suva (on the 180th meridian) and near the north pole, plus points
    // exactly on cell edges (multiples of GeoIndex::kCellDeg).
    std::mt19937 rng(21);
    std::normal_distribution<double> g(0, 1.5);
    const std::vector<geo::LatLon> centres = {{48.85, 2.35}, {-18.1, 178.4}, {87.5, -30}};
    std::vector<GeoIndex::Entry> entries;
    Xapian::docid d = 0;
    for (int k = 0; k < 30000; ++k) {
        const auto& c = centres[static_cast<size_t>(k) % centres.size()];
        double lat = std::clamp(c.lat + g(rng), -90.0, 90.0), lon = c.lon + g(rng) * 2;
        if (lon > 180) lon -= 360;
        if (lon < -180) lon += 360;
        entries.push_back({++d, {lat, lon}});
        if (k % 3 == 0) entries.push_back({d, {std::clamp(lat + g(rng), -90.0, 90.0), lon}});  // a second point
    }
    for (double lat = 47; lat <= 50; lat += GeoIndex::kCellDeg)
        for (double lon = 1; lon <= 4; lon += GeoIndex::kCellDeg) entries.push_back({++d, {lat, lon}});
    GeoIndex index(entries);
    std::uniform_real_distribution<double> u(-1, 1);
    int queries = 0;
    for (const auto& c : centres) {
        for (double r : {0.0, 10.0, 50.0, 120.0, 500.0, 1500.0, 6000.0}) {
            for (int k = 0; k < 4; ++k) {
                GeoArea area{geo::LatLon{std::clamp(c.lat + u(rng), -90.0, 90.0), c.lon + u(rng)}, r, std::nullopt};
                if (k == 0) area.near = geo::LatLon{48, 2};  // a grid corner
                const std::string what = "near " + std::to_string(area.near->lat) + "," +
                                         std::to_string(area.near->lon) + " r=" + std::to_string(r);
                auto want = brute_force(entries, area);
                EXPECT_EQ(index.match_ids(area), ids_of(want)) << what;
                expect_same(index.match(area, true), want, true, what);
                ++queries;
            }
        }
    }
    // Boxes on the grid's lines, and boxes across the 180th meridian.
    for (geo::BBox box : {geo::BBox{1, 47, 4, 50}, geo::BBox{2, 48, 2.25, 48.25}, geo::BBox{-1.5, 45, 6.75, 52},
                          geo::BBox{175, -22, -175, -14}, geo::BBox{170.25, -30, -170.5, -5}, geo::BBox{}}) {
        GeoArea area;
        area.bbox = box;
        EXPECT_EQ(index.match_ids(area), ids_of(brute_force(entries, area)))
            << "bbox " << box.west << "," << box.south << "," << box.east << "," << box.north;
        ++queries;
    }
    EXPECT_EQ(queries, 90);
}

TEST(GeoIndex, MatchIdsAgreesWithMatchOnRandomCircles) {
    auto entries = random_entries(5000, 17);
    GeoIndex index(entries);
    std::mt19937 rng(19);
    std::uniform_real_distribution<double> u(0, 1);
    for (int q = 0; q < 200; ++q) {
        GeoArea area{geo::LatLon{std::asin(2 * u(rng) - 1) * 180 / M_PI, -180 + 360 * u(rng)}, 20000 * u(rng) * u(rng),
                     std::nullopt};
        EXPECT_EQ(index.match_ids(area), ids_of(brute_force(entries, area)))
            << "near " << area.near->lat << "," << area.near->lon << " r=" << *area.radius_km;
    }
}

TEST(GeoPostingSource, WalksAndSkipsTheHitsInDocidOrder) {
    auto docids = std::make_shared<const std::vector<Xapian::docid>>(std::vector<Xapian::docid>{2, 5, 9});
    GeoPostingSource source(docids);
    source.init(Xapian::Database());
    EXPECT_EQ(source.get_termfreq_est(), 3u);
    source.next(0);
    EXPECT_EQ(source.get_docid(), 2u);
    source.skip_to(6, 0);
    EXPECT_EQ(source.get_docid(), 9u);
    source.next(0);
    EXPECT_TRUE(source.at_end());
}

TEST(GeoPostingSource, LongSkipsLandOnTheFirstDocidNotBelowTheTarget) {
    std::vector<Xapian::docid> all;
    for (Xapian::docid d = 3; d < 100000; d += 7) all.push_back(d);
    auto docids = std::make_shared<const std::vector<Xapian::docid>>(all);
    GeoPostingSource source(docids);
    source.init(Xapian::Database());
    for (Xapian::docid target : {1u, 3u, 4u, 10u, 11u, 500u, 501u, 65000u, 99998u}) {
        source.skip_to(target, 0);
        ASSERT_FALSE(source.at_end()) << target;
        const auto want = *std::lower_bound(all.begin(), all.end(), target);
        EXPECT_EQ(source.get_docid(), want) << target;
    }
    source.skip_to(100000, 0);
    EXPECT_TRUE(source.at_end());
}
