#include "indexer/geocode/geocoder.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/geo.hpp"
#include "gazetteer_fixture.hpp"

namespace fs = std::filesystem;
using namespace coopatlas;
using namespace coopatlas::indexer;

namespace {

const geo::LatLon kAngouleme{45.64997, 0.15345}, kNantes{47.21725, -1.55336}, kMarseille{43.29695, 5.38107},
    kStrasbourg{48.58392, 7.74553}, kPortoNovo{6.49646, 2.60359};

double km(const GeoPoint& p, geo::LatLon q) { return geo::distance_km({p.lat, p.lon}, q); }

Record partner(const std::string& id, const std::string& place, const std::string& kind, const std::string& country,
               bool french) {
    Record r;
    r.id = "partner/" + id;
    r.type = "partner";
    r.title = place;
    r.fields = {{"name", place}, {"kind", kind}, {"place", place}, {"country", country}, {"french", french}};
    return r;
}

class GeocoderTest : public ::testing::Test {
protected:
    Gazetteer gazetteer = fixture::fixture_gazetteer();
    Geocoder geocoder{gazetteer};
};

}  // namespace

TEST_F(GeocoderTest, ReadsTheCuesOfAPhrase) {
    auto p = parse_place_phrase("les 18 communes du gouvernorat de Mahdia", gazetteer);
    EXPECT_EQ(p.name, "Mahdia");
    ASSERT_FALSE(p.kinds.empty());
    EXPECT_EQ(p.kinds.front(), PlaceKind::admin1);
    p = parse_place_phrase("Carrefour (Haïti)", gazetteer);  // Haïti is not in the fixture: dropped
    EXPECT_EQ(p.name, "Carrefour");
    p = parse_place_phrase("Valence (Espagne)", gazetteer);
    EXPECT_EQ(p.name, "Valence");
    EXPECT_EQ(p.countries, std::vector<std::string>{"ES"});
    p = parse_place_phrase("Angoulême (16)", gazetteer);
    EXPECT_EQ(p.admins, std::vector<std::string>{"FR/16"});
    p = parse_place_phrase("la municipalité libanaise de Khenchara", gazetteer);
    EXPECT_EQ(p.name, "Khenchara");
    p = parse_place_phrase("Valence, en Espagne", gazetteer);
    EXPECT_EQ(p.name, "Valence");
    EXPECT_EQ(p.countries, std::vector<std::string>{"ES"});
    p = parse_place_phrase("Région Centre du Bénin", gazetteer);
    EXPECT_EQ(p.countries, std::vector<std::string>{"BJ"});
    p = parse_place_phrase("CA du Grand Angoulême", gazetteer);
    EXPECT_EQ(p.name, "Grand Angoulême");
    EXPECT_TRUE(parse_place_phrase("Bénin", gazetteer).is_country);
}

TEST_F(GeocoderTest, MapsKindWords) {
    EXPECT_EQ(kinds_for("région").front(), PlaceKind::admin1);
    EXPECT_EQ(kinds_for("département").front(), PlaceKind::admin2);
    EXPECT_EQ(kinds_for("intercommunalité").front(), PlaceKind::epci);
    EXPECT_EQ(kinds_for("pays").front(), PlaceKind::country);
    EXPECT_TRUE(kinds_for("association").empty());
}

TEST_F(GeocoderTest, PlacesCollectivitesAtTheirSeat) {
    auto p = geocoder.locate("Le conseil départemental de Loire-Atlantique");
    ASSERT_TRUE(p);
    EXPECT_LT(km(*p, kNantes), 1);
    EXPECT_EQ(p->precision, "admin");
    p = geocoder.locate("conseil régional de Sud-Provence-Alpes-Côte d'Azur");
    ASSERT_TRUE(p);
    EXPECT_LT(km(*p, kMarseille), 1);
    p = geocoder.locate("Région Sud");
    ASSERT_TRUE(p);
    EXPECT_LT(km(*p, kMarseille), 1);
    p = geocoder.locate("CA du Grand Angoulême");
    ASSERT_TRUE(p);
    EXPECT_LT(km(*p, kAngouleme), 1);
}

TEST_F(GeocoderTest, UsesTheNormalisationAndTheContext) {
    auto p = geocoder.locate("St Etienne");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->place, "Saint-Étienne");
    EXPECT_EQ(p->precision, "city");
    p = geocoder.locate("Valence (Espagne)");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->place, "Valencia");
    p = geocoder.locate("Valence", {}, {"ES"});
    EXPECT_EQ(p->place, "Valencia");
    p = geocoder.locate("Valence");
    EXPECT_EQ(p->place, "Valence");
    p = geocoder.locate("Le CHU de Strasbourg");  // an institution: its town
    ASSERT_TRUE(p);
    EXPECT_LT(km(*p, kStrasbourg), 1);
    EXPECT_FALSE(geocoder.locate("Le CHU de Strasbourg", {}, {}, {}, false));  // strict: the whole name only
    EXPECT_FALSE(geocoder.locate("Valence", {"BJ"}));                          // never outside a stated country
    EXPECT_FALSE(geocoder.locate("Atlantide"));
    p = geocoder.locate("le jumelage Valence Nantes");  // same length: the most populous
    ASSERT_TRUE(p);
    EXPECT_EQ(p->place, "Nantes");
}

TEST_F(GeocoderTest, PlacesOrganisations) {
    auto p = geocoder.locate_organisation("Ambassade de France au Bénin", "x@diplomatie.gouv.fr", {});
    ASSERT_TRUE(p);
    EXPECT_LT(km(*p, kPortoNovo), 1);
    p = geocoder.locate_organisation("Ambassade du Bénin à Nantes", "", {});
    ASSERT_TRUE(p);
    EXPECT_LT(km(*p, kNantes), 1);
    p = geocoder.locate_organisation("Service des relations internationales", "j.dupont@grandest.fr", {});
    ASSERT_TRUE(p);
    EXPECT_EQ(p->place, "Grand Est");
    EXPECT_LT(km(*p, kStrasbourg), 1);
    p = geocoder.locate_domain("marie@nantes.fr");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->place, "Nantes");
    EXPECT_FALSE(geocoder.locate_domain("someone@gmail.com"));
    EXPECT_FALSE(geocoder.locate_domain("not an address"));
}

TEST_F(GeocoderTest, GivesEveryRecordAPointAndPartnershipsOnePerParty) {
    std::vector<Record> records;
    records.push_back(partner("angouleme", "Angoulême", "commune", "France", true));
    records.push_back(partner("mahdia", "Mahdia", "gouvernorat", "Tunisie", false));
    records.push_back(partner("nowhere", "Atlantide", "commune", "Bénin", false));
    Record programme;
    programme.id = "programme/p";
    programme.type = "programme";
    programme.fields = {{"destinations", {"Mahdia (Tunisie)", "Porto-Novo (Bénin)"}},
                        {"countries", {"Tunisie", "Bénin"}},
                        {"lead", "Nantes et conseil régional de Grand Est"}};
    records.push_back(programme);
    Record contact;
    contact.id = "contact/c";
    contact.type = "contact";
    contact.countries = {{"BJ", "Bénin"}};
    contact.fields = {{"organisation", "Cités Unies France"}, {"email", "c@cites-unies-france.org"}};
    records.push_back(contact);
    Record partnership;
    partnership.id = "partnership/a-m";
    partnership.type = "partnership";
    partnership.fields = {{"parties", {"partner/angouleme", "partner/mahdia"}}};
    records.push_back(partnership);

    geocoder.geocode(records);
    for (const auto& r : records) {
        ASSERT_FALSE(r.geo.empty()) << r.id;
        for (const auto& g : r.geo) {
            EXPECT_FALSE(g.lat == 0 && g.lon == 0) << r.id;
            EXPECT_FALSE(g.source.empty()) << r.id;
        }
    }
    EXPECT_LT(km(records[0].geo[0], kAngouleme), 1);
    EXPECT_EQ(records[1].geo[0].precision, "admin");  // the governorate, at its seat
    EXPECT_EQ(records[2].geo[0].precision, "country");
    EXPECT_LT(km(records[2].geo[0], kPortoNovo), 1);
    ASSERT_EQ(records[3].geo.size(), 4u);               // two destinations and two leads
    EXPECT_EQ(records[4].geo[0].precision, "country");  // nothing but the section's country
    ASSERT_EQ(records[5].geo.size(), 2u);
    EXPECT_EQ(records[5].geo[0].lat, records[0].geo[0].lat);
    EXPECT_EQ(records[5].geo[1].lat, records[1].geo[0].lat);

    ASSERT_EQ(geocoder.unresolved().size(), 2u);
    EXPECT_EQ(geocoder.unresolved()[0].name, "Atlantide");
    EXPECT_TRUE(geocoder.mismatches().empty());

    fs::path tsv = fs::temp_directory_path() / ("coopatlas-unresolved-" + std::to_string(::getpid()) + ".tsv");
    write_unresolved_tsv(geocoder.unresolved(), tsv.string());
    std::ifstream in(tsv);
    std::string header, first;
    std::getline(in, header);
    std::getline(in, first);
    EXPECT_EQ(header, "name\tcontext\tpage");
    EXPECT_EQ(first.substr(0, first.find('\t')), "Atlantide");
    fs::remove(tsv);
}

TEST_F(GeocoderTest, AWellKnownPlaceElsewhereCorrectsTheStatedCountry) {
    // "Bamako" tagged Chad by the extraction: the town wins, the records take its country.
    Record link;
    link.id = "partnership/nantes--angouleme";
    link.type = "partnership";
    link.countries = {Country{"BJ", "Bénin"}};
    link.fields = {{"parties", {"partner/angouleme"}}};
    std::vector<Record> records = {partner("angouleme", "Angoulême", "commune", "Bénin", false), link};
    geocoder.geocode(records);
    ASSERT_EQ(records[0].geo.size(), 1u);
    EXPECT_LT(km(records[0].geo[0], kAngouleme), 1);
    EXPECT_TRUE(geocoder.mismatches().empty());
    ASSERT_EQ(geocoder.corrections().size(), 1u);
    EXPECT_EQ(geocoder.corrections()[0].from, "BJ");
    EXPECT_EQ(geocoder.corrections()[0].to, "FR");
    ASSERT_EQ(records[0].countries.size(), 1u);
    EXPECT_EQ(records[0].countries[0].code, "FR");
    ASSERT_EQ(records[1].countries.size(), 1u);
    EXPECT_EQ(records[1].countries[0].code, "FR");
}

TEST_F(GeocoderTest, AForeignPartnerWithNoCountryTakesTheCountryOfItsPlace) {
    // "Aschaffenburg", "Rufisque": the extraction gave no country; the place abroad gives it.
    std::vector<Record> records = {partner("pekin", "Pékin", "commune", "", false),
                                   partner("nantes", "Nantes", "commune", "", false)};
    geocoder.geocode(records);
    ASSERT_EQ(records[0].geo.size(), 1u);
    EXPECT_EQ(records[0].geo[0].precision, "city");
    ASSERT_EQ(records[0].countries.size(), 1u);
    EXPECT_EQ(records[0].countries[0].code, "CN");
    // A French place is not a reason to give a country the extraction withheld.
    ASSERT_EQ(records[1].geo.size(), 1u);
    EXPECT_TRUE(records[1].countries.empty());
}

TEST_F(GeocoderTest, APartnershipWithNoCountryTakesItsForeignPartysCountry) {
    // "Issy-les-Moulineaux ... dont le quartier de Dongcheng à Pékin": no country named; Pékin is found
    // in China, and the partnership is about China (the French party's France is no answer).
    Record link;
    link.id = "partnership/angouleme--pekin";
    link.type = "partnership";
    link.fields = {{"parties", {"partner/angouleme", "partner/pekin"}}};
    Record stated = link;
    stated.id = "partnership/angouleme--pekin-stated";
    stated.countries = {Country{"TN", "Tunisie"}};
    std::vector<Record> records = {partner("angouleme", "Angoulême", "commune", "France", true),
                                   partner("pekin", "Pékin", "commune", "", false), link, stated};
    geocoder.geocode(records);
    ASSERT_EQ(records[1].countries.size(), 1u);
    EXPECT_EQ(records[1].fields["country"], "Chine");
    ASSERT_EQ(records[2].countries.size(), 1u);
    EXPECT_EQ(records[2].countries[0].code, "CN");
    // a country the guide stated stays
    ASSERT_EQ(records[3].countries.size(), 1u);
    EXPECT_EQ(records[3].countries[0].code, "TN");
}

TEST_F(GeocoderTest, AnAssociationIsPlacedAtItsCountry) {
    // "Nantes Coopération internationale" is an association, not the town in its name.
    std::vector<Record> records = {
        partner("assoc", "Nantes Coopération internationale", "association", "France", true)};
    geocoder.geocode(records);
    ASSERT_EQ(records[0].geo.size(), 1u);
    EXPECT_EQ(records[0].geo[0].precision, "country");
    EXPECT_GT(km(records[0].geo[0], kNantes), 100);
}

TEST_F(GeocoderTest, AnObscureHomonymElsewhereKeepsTheStatedCountry) {
    // A 120-inhabitant French village is no reason to move a partner out of Bénin.
    std::vector<Record> records = {partner("petit", "Petitvillage", "commune", "Bénin", false)};
    geocoder.geocode(records);
    ASSERT_EQ(records[0].geo.size(), 1u);
    EXPECT_EQ(records[0].geo[0].precision, "country");
    EXPECT_LT(km(records[0].geo[0], kPortoNovo), 1);
    EXPECT_TRUE(geocoder.mismatches().empty());
    EXPECT_TRUE(geocoder.corrections().empty());
}

TEST_F(GeocoderTest, GluedHyphenAndFirstWordOfAnArea) {
    // "Hameausurloire": the PDF lost the hyphens; "Mahdia" starts "Mahdia Governorate".
    auto p = geocoder.locate("Hameausurloire", {"FR"});
    ASSERT_TRUE(p);
    EXPECT_EQ(p->place, "Hameau-sur-Loire");
    EXPECT_FALSE(geocoder.locate("Hameausurloire", {"ES"}));
    auto area = geocoder.locate("Mahdia Gov", {"TN"}, {}, {PlaceKind::admin1}, false);
    EXPECT_FALSE(area);  // "mahdia gov" is no word prefix of the governorate's name
}

TEST_F(GeocoderTest, TakesTheCountryOfTheGeographySection) {
    Record contact;
    contact.id = "contact/m";
    contact.type = "contact";
    contact.section = {"Géographies", "2 Afrique de l'Ouest", "2.1 Bénin"};
    contact.fields = {{"organisation", "Ministère de la Décentralisation"}, {"email", "m@yahoo.fr"}};
    Record embassy = contact;
    embassy.id = "contact/e";
    embassy.fields = {{"organisation", "Ambassade de France"}, {"email", "e@diplomatie.gouv.fr"}};
    std::vector<Record> records = {contact, embassy};
    geocoder.geocode(records);
    ASSERT_EQ(records[0].geo.size(), 1u);
    EXPECT_EQ(records[0].geo[0].precision, "country");
    EXPECT_LT(km(records[0].geo[0], kPortoNovo), 1);
    ASSERT_EQ(records[1].geo.size(), 1u);
    EXPECT_EQ(records[1].geo[0].precision, "city");  // the embassy, in the capital
    EXPECT_LT(km(records[1].geo[0], kPortoNovo), 1);
}

TEST_F(GeocoderTest, FallsBackToTheAreaTheCuesName) {
    auto p = geocoder.locate("Ksar Inconnu (gouvernorat de Mahdia)");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->precision, "admin");
    EXPECT_EQ(p->place, "Mahdia Governorate");
    p = geocoder.locate("de Loire-Atlantique", {}, {}, {}, false);  // left over from a list
    ASSERT_TRUE(p);
    EXPECT_LT(km(*p, kNantes), 1);
    EXPECT_FALSE(geocoder.locate("Ksar Inconnu"));
}

TEST_F(GeocoderTest, APopulousRegionOutweighsAVillageTheKindWordAskedFor) {
    // "la commune de Mahdia" stays the town (the governorate is not 100 times larger);
    // "Hebei" called a commune is the province, not a village of that name.
    auto town = geocoder.locate("Mahdia", {"TN"}, {}, {PlaceKind::commune, PlaceKind::city}, false);
    ASSERT_TRUE(town);
    EXPECT_EQ(town->precision, "city");
    Gazetteer g = fixture::fixture_gazetteer();
    Place village;
    village.name = "Tunisville";
    village.kind = PlaceKind::city;
    village.country = "TN";
    village.population = 300;
    village.point = {36.0, 10.0};
    g.add(village);
    Place region = village;
    region.kind = PlaceKind::admin1;
    region.population = 2000000;
    region.point = {36.8, 10.2};
    g.add(region);
    Geocoder local(g);
    auto p = local.locate("Tunisville", {"TN"}, {}, {PlaceKind::commune, PlaceKind::city}, false);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->precision, "admin");
    EXPECT_NEAR(p->lat, 36.8, 1e-9);
}
