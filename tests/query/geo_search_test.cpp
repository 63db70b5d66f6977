// Exactness of the geographic half of Searcher::search: random circles and
// boxes, alone and with keywords, facets, sort=distance and paging, against a
// brute-force haversine scan over the records.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <random>

#include "indexer/write/xapian_writer.hpp"
#include "query/searcher.hpp"

namespace fs = std::filesystem;
using namespace coopatlas;
using namespace coopatlas::query;

namespace {

/// The point as the index stores it: Xapian's LatLongCoords serialisation keeps
/// about 2 m of resolution, so the brute force reads the same coordinates.
geo::LatLon as_stored(geo::LatLon p) {
    Xapian::LatLongCoords coords;
    coords.append(Xapian::LatLongCoord(p.lat, p.lon));
    Xapian::LatLongCoords back;
    back.unserialise(coords.serialise());
    const auto c = *back.begin();
    return {c.latitude, c.longitude > 180 ? c.longitude - 360 : c.longitude};
}

struct Expected {
    std::string id;
    double distance_km;
};

class GeoSearchTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        std::mt19937 rng(42);
        std::uniform_real_distribution<double> u(0, 1);
        const std::vector<geo::LatLon> cities = {{48.8566, 2.3522},   {14.6928, -17.4467}, {-18.1416, 178.4419},
                                                 {64.1466, -21.9426}, {-77.85, 166.67},    {12.37, -1.52}};
        for (int i = 0; i < 1500; ++i) {
            Record r;
            r.id = "partner/p-" + std::to_string(i);
            r.type = i % 5 == 0 ? "programme" : "partner";
            r.title = "Partenaire " + std::to_string(i);
            r.text = i % 3 == 0 ? "coopération sur l'assainissement" : "coopération culturelle";
            if (i % 4 == 0) r.countries.push_back({"sn", "Sénégal"});
            const int points = i % 17 == 0 ? 0 : 1 + i % 3;  // some records have no point
            for (int k = 0; k < points; ++k) {
                geo::LatLon p;
                if (u(rng) < 0.7) {
                    const auto& c = cities[static_cast<size_t>(u(rng) * cities.size())];
                    p = {std::clamp(c.lat + (u(rng) - 0.5) * 3, -90.0, 90.0), c.lon + (u(rng) - 0.5) * 4};
                    if (p.lon > 180) p.lon -= 360;
                    if (p.lon < -180) p.lon += 360;
                } else {
                    p = {std::asin(2 * u(rng) - 1) * 180 / M_PI, -180 + 360 * u(rng)};
                }
                p = as_stored(p);
                r.geo.push_back({p.lat, p.lon, "lieu", "city", "test"});
            }
            records_.push_back(r);
        }
        dir_ = (fs::temp_directory_path() / ("coopatlas-geo-search-" + std::to_string(::getpid()))).string();
        fs::create_directories(dir_);
        indexer::write_search_index(records_, dir_);
        searcher_ = new Searcher(dir_);
    }
    static void TearDownTestSuite() {
        delete searcher_;
        fs::remove_all(dir_);
    }

    /// The records a request must return, by brute force, in sort=distance
    /// order (nearest point, then index order, which is docid order).
    static std::vector<Expected> brute_force(const SearchRequest& r, bool keyword) {
        std::vector<Expected> out;
        for (const auto& rec : records_) {
            if (keyword && rec.text.find("assainissement") == std::string::npos) continue;
            if (!r.type.empty() && rec.type != r.type) continue;
            if (!r.country.empty() && (rec.countries.empty() || rec.countries[0].code != r.country)) continue;
            bool in = !(r.radius_km || r.bbox);
            double nearest = INFINITY;
            for (const auto& g : rec.geo) {
                const geo::LatLon p{g.lat, g.lon};
                const double d = r.near ? geo::distance_km(*r.near, p) : 0;
                nearest = std::min(nearest, d);
                if ((!r.radius_km || d <= *r.radius_km) && (!r.bbox || r.bbox->contains(p))) in = true;
            }
            if (in) out.push_back({rec.id, nearest});
        }
        std::stable_sort(out.begin(), out.end(),
                         [](const Expected& a, const Expected& b) { return a.distance_km < b.distance_km; });
        return out;
    }

    static std::string dir_;
    static Searcher* searcher_;
    static std::vector<Record> records_;
};
std::string GeoSearchTest::dir_;
Searcher* GeoSearchTest::searcher_ = nullptr;
std::vector<Record> GeoSearchTest::records_;

double rounded(double km) { return std::round(km * 1000) / 1000; }

}  // namespace

TEST_F(GeoSearchTest, RandomCirclesSortedByDistanceMatchBruteForceAcrossPages) {
    std::mt19937 rng(1);
    std::uniform_real_distribution<double> u(0, 1);
    for (int q = 0; q < 60; ++q) {
        SearchRequest r;
        const auto& pick = records_[static_cast<size_t>(u(rng) * records_.size())];
        r.near = q % 2 == 0 && !pick.geo.empty() ? geo::LatLon{pick.geo[0].lat, pick.geo[0].lon}
                                                 : geo::LatLon{-90 + 180 * u(rng), -180 + 360 * u(rng)};
        r.radius_km = std::vector<double>{0, 20, 150, 600, 2500}[static_cast<size_t>(q) % 5] * (0.5 + u(rng));
        r.sort = "distance";
        const bool keyword = q % 3 == 1;
        if (keyword) r.q = "assainissement";
        if (q % 7 == 3) r.type = "programme";
        const auto want = brute_force(r, keyword);
        const std::string what = "near " + std::to_string(r.near->lat) + "," + std::to_string(r.near->lon) +
                                 " r=" + std::to_string(*r.radius_km) + (keyword ? " +keyword" : "");
        r.limit = 7;
        size_t seen = 0;
        for (r.offset = 0; r.offset <= static_cast<int>(want.size()); r.offset += r.limit) {
            auto body = searcher_->search(r);
            ASSERT_EQ(body["total"].get<size_t>(), want.size()) << what;
            for (const auto& item : body["results"]) {
                ASSERT_LT(seen, want.size()) << what;
                EXPECT_EQ(item["id"], want[seen].id) << what << " rank " << seen;
                EXPECT_DOUBLE_EQ(item["distance_km"].get<double>(), rounded(want[seen].distance_km)) << what;
                ++seen;
            }
        }
        EXPECT_EQ(seen, want.size()) << what;
    }
}

TEST_F(GeoSearchTest, RandomBoxesWithAndWithoutKeywordsAndFacets) {
    std::mt19937 rng(2);
    std::uniform_real_distribution<double> u(0, 1);
    for (int q = 0; q < 60; ++q) {
        SearchRequest r;
        double s = -90 + 180 * u(rng), n = -90 + 180 * u(rng);
        if (s > n) std::swap(s, n);
        r.bbox = geo::BBox{-180 + 360 * u(rng), s, -180 + 360 * u(rng), n};  // half cross the 180th meridian
        const bool keyword = q % 2 == 0;
        if (keyword) r.q = "assainissement";
        if (q % 5 == 0) r.country = "sn";
        r.limit = 1000;
        const auto want = brute_force(r, keyword);
        auto body = searcher_->search(r);
        ASSERT_EQ(body["total"].get<size_t>(), want.size());
        std::set<std::string> got, expected;
        for (const auto& item : body["results"]) got.insert(item["id"].get<std::string>());
        for (const auto& e : want) expected.insert(e.id);
        if (want.size() <= static_cast<size_t>(r.limit)) {
            EXPECT_EQ(got, expected);
        } else {  // one page of a larger answer: every result belongs to it
            EXPECT_EQ(got.size(), static_cast<size_t>(r.limit));
            for (const auto& id : got) EXPECT_TRUE(expected.count(id)) << id;
        }
    }
}

TEST_F(GeoSearchTest, BoxCrossingThe180thMeridianAroundFiji) {
    SearchRequest r;
    r.bbox = geo::BBox{176, -21, -178, -15};
    r.near = geo::LatLon{-18.1416, 178.4419};
    r.sort = "distance";
    r.limit = 1000;
    const auto want = brute_force(r, false);
    ASSERT_GT(want.size(), 10u);
    auto body = searcher_->search(r);
    ASSERT_EQ(body["results"].size(), want.size());
    for (size_t i = 0; i < want.size(); ++i) EXPECT_EQ(body["results"][i]["id"], want[i].id);
}

TEST_F(GeoSearchTest, CirclesAroundThePolesAndRadiusZero) {
    for (geo::LatLon c : {geo::LatLon{90, 0}, geo::LatLon{-90, 0}, geo::LatLon{-77.85, 166.67}}) {
        for (double radius : {0.0, 50.0, 400.0, 3000.0}) {
            SearchRequest r;
            r.near = c;
            r.radius_km = radius;
            r.limit = 1000;
            EXPECT_EQ(searcher_->search(r)["total"].get<size_t>(), brute_force(r, false).size())
                << c.lat << "," << c.lon << " r=" << radius;
        }
    }
    // Radius 0 on a record's own point finds that record at distance 0.
    const auto& rec = records_[1];
    SearchRequest r;
    r.near = geo::LatLon{rec.geo[0].lat, rec.geo[0].lon};
    r.radius_km = 0;
    auto body = searcher_->search(r);
    ASSERT_GE(body["total"].get<int>(), 1);
    bool found = false;
    for (const auto& item : body["results"]) {
        EXPECT_EQ(item["distance_km"], 0.0);
        found = found || item["id"] == rec.id;
    }
    EXPECT_TRUE(found);
}

TEST_F(GeoSearchTest, NearWithoutRadiusGivesDistancesAndRecordsWithoutPointsLast) {
    SearchRequest r;
    r.near = geo::LatLon{48.8566, 2.3522};
    r.sort = "distance";
    r.limit = 1000;
    r.offset = static_cast<int>(records_.size()) - 200;
    auto body = searcher_->search(r);
    EXPECT_EQ(body["total"].get<size_t>(), records_.size()) << "near alone filters nothing";
    const auto& last = body["results"].back();
    EXPECT_TRUE(last["distance_km"].is_null()) << "records without a point sort last";
}

TEST_F(GeoSearchTest, AllMatchesAndMatchDocidsAgreeWithSearch) {
    SearchRequest r;
    r.near = geo::LatLon{14.6928, -17.4467};
    r.radius_km = 200;
    const auto want = brute_force(r, false);
    EXPECT_EQ(searcher_->all_matches(r).size(), want.size());
    auto docids = searcher_->match_docids(r);
    EXPECT_EQ(docids.size(), want.size());
    EXPECT_TRUE(std::is_sorted(docids.begin(), docids.end()));
}

TEST_F(GeoSearchTest, MatchDocidsWithAFrequentWordAgreeWithBruteForceAndSearch) {
    // The word's match set is computed once and kept: every later circle is
    // checked against it (Searcher::match_docids); the answers stay exact.
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> u(0, 1);
    for (int q = 0; q < 40; ++q) {
        SearchRequest r;
        r.q = "assainissement";
        if (q % 4 == 0) r.country = "sn";
        r.near = geo::LatLon{std::asin(2 * u(rng) - 1) * 180 / M_PI, -180 + 360 * u(rng)};
        r.radius_km = 5000 * u(rng);
        const auto want = brute_force(r, true);
        const auto docids = searcher_->match_docids(r);
        EXPECT_EQ(docids.size(), want.size()) << q;
        EXPECT_TRUE(std::is_sorted(docids.begin(), docids.end()));
        r.limit = 1000;
        EXPECT_EQ(searcher_->search(r)["total"].get<size_t>(), docids.size()) << q;
        // The same answer without the cache.
        searcher_->set_match_set_cache(false);
        EXPECT_EQ(searcher_->match_docids(r), docids) << q;
        searcher_->set_match_set_cache(true);
    }
}
