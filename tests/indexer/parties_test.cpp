#include "indexer/extract/parties.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "partnership_fixture.hpp"

namespace coopatlas::indexer {
namespace {

using testing::source_lexicon;

std::vector<PartyMention> parties_of(const std::string& sentence, std::optional<Country> context = std::nullopt) {
    std::vector<PartyMention> out;
    for (auto& m : find_party_mentions(sentence, source_lexicon(), context))
        if (m.kind != "pays") out.push_back(m);
    return out;
}

TEST(Parties, RegionMentionsShareOneKey) {
    auto a = parties_of("Le conseil régional de Bretagne finance le projet.");
    auto b = parties_of("La Région Bretagne finance le projet.");
    auto c = parties_of("Le CR Bretagne finance le projet.");
    ASSERT_EQ(a.size(), 1u);
    ASSERT_EQ(b.size(), 1u);
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(a[0].kind, "région");
    EXPECT_EQ(a[0].place, "Bretagne");
    EXPECT_EQ(a[0].french, 1);
    EXPECT_EQ(a[0].key(), b[0].key());
    EXPECT_EQ(a[0].key(), c[0].key());
}

TEST(Parties, NamesListedAfterAVenueAreNotParties) {
    // "rencontres d'orléans et tours": both towns are where the meetings took place
    EXPECT_TRUE(parties_of("Des rencontres d’orléans et tours organisées en janvier 2020 par l’AFCCre.").empty());
    EXPECT_TRUE(parties_of("Le musée d’Accra et de Bordeaux coopèrent.").empty());
}

TEST(Parties, RegionsOfFranceIsNotAParty) {
    EXPECT_TRUE(parties_of("Le programme est porté par Régions de France et les départements de France.").empty());
}

TEST(Parties, PluralKindsListTheirNames) {
    auto m = parties_of("Un partenariat entre les régions de tarija et la nouvelle-Aquitaine.");
    ASSERT_EQ(m.size(), 2u);
    EXPECT_EQ(m[0].place, "Tarija");
    EXPECT_EQ(m[0].french, 0);
    EXPECT_EQ(m[1].place, "Nouvelle-Aquitaine");
    EXPECT_EQ(m[1].kind, "région");
    EXPECT_EQ(m[1].french, 1);
    // a plural foreign kind needs capitalised names: "les cinq provinces de la côte"
    EXPECT_TRUE(parties_of("Une zone incluant les cinq provinces de la côte de la toscane.").empty());
}

TEST(Parties, SmallFrenchHomonymInAParagraphAbroad) {
    auto here =
        find_party_mentions("Le partenariat entre Toulouse Métropole et la commune de Montréal.", source_lexicon());
    auto abroad = find_party_mentions("Le partenariat entre Toulouse Métropole et la commune de Montréal.",
                                      source_lexicon(), std::nullopt, true);
    ASSERT_EQ(here.size(), 2u);
    ASSERT_EQ(abroad.size(), 2u);
    EXPECT_EQ(here[1].french, 1);  // Montréal (Aude) when nothing says otherwise
    EXPECT_EQ(abroad[1].french, 0);
    EXPECT_EQ(abroad[0].french, 1);
}

TEST(Parties, CountedListOfForeignTerritories) {
    auto m = find_party_mentions(
        "Les coopérations les plus importantes sont celles du conseil régional de Sud-Provence-Côte d’Azur "
        "avec trois territoires, Alger, tipaza et oran.",
        source_lexicon(), source_lexicon().country("Algérie"));
    std::vector<std::string> places;
    for (auto& p : m) places.push_back(p.place + (p.french == 1 ? " FR" : p.french == 0 ? " abroad" : " ?"));
    EXPECT_EQ(places, (std::vector<std::string>{"Provence-Alpes-Côte d'Azur FR", "Alger abroad", "Tipaza abroad",
                                                "Oran abroad"}));
}

TEST(Parties, ATinyFrenchHomonymIsNoVille) {
    auto m = parties_of("La ville de Montréal et le conseil départemental du nord ont lancé un partenariat.");
    ASSERT_EQ(m.size(), 2u);
    EXPECT_EQ(m[0].place, "Montréal");
    EXPECT_EQ(m[0].french, 0);
    EXPECT_EQ(m[1].place, "Nord");
    EXPECT_EQ(m[1].french, 1);
    auto lescar = parties_of("La ville de Lescar coopère avec Testour.");
    ASSERT_FALSE(lescar.empty());
    EXPECT_EQ(lescar[0].french, 1);  // 9 800 inhabitants
}

TEST(Parties, AgglomerationOfAFrenchTown) {
    auto m = parties_of("L’agglomération de Saint-Brieuc est engagée avec la ville de Cienfuegos.");
    ASSERT_EQ(m.size(), 2u);
    EXPECT_EQ(m[0].kind, "intercommunalité");
    EXPECT_EQ(m[0].french, 1);
    EXPECT_EQ(m[1].place, "Cienfuegos");
    EXPECT_EQ(m[1].french, 0);
}

TEST(Parties, InPartnershipWithAnOrganisation) {
    auto m = find_party_mentions("Le projet, en partenariat avec Aerospace Valley, est piloté par Toulouse Métropole.",
                                 source_lexicon(), source_lexicon().country("Canada"));
    for (auto& p : m) EXPECT_NE(p.french, 0) << p.raw;
    auto c = find_party_mentions("Toulouse Métropole coopère avec Aerospace Valley.", source_lexicon(),
                                 source_lexicon().country("Canada"));
    ASSERT_EQ(c.size(), 2u);  // after a cooperation verb it is a partner
    EXPECT_EQ(c[1].french, 0);
}

TEST(Parties, SeatOfAPartnerOrganisation) {
    auto m = parties_of(
        "Lannion-Trégor Communauté dans les Côtes-d’Armor (100 000 habitants) et OPTECH (Montréal) ont mis en place "
        "un partenariat pour développer la filière de l’agrophotonique.");
    ASSERT_EQ(m.size(), 2u);
    EXPECT_EQ(m[0].kind, "intercommunalité");
    EXPECT_EQ(m[0].french, 1);
    EXPECT_EQ(m[1].place, "Montréal");
    EXPECT_EQ(m[1].french, 0);
    // an acronym spelled out in parentheses is no seat
    auto spelled = parties_of(
        "Il s’inspire des méthodes exemplaires de ses partenaires de l’ONG nicaraguayenne "
        "CESESMA (Centro de Servicios Educativos en Salud y Medio Ambiente) en matière de santé.");
    EXPECT_TRUE(spelled.empty()) << spelled.front().raw;
}

TEST(Parties, RegionWhoseNameLostItsFirstCapital) {
    auto m = parties_of(
        "Après avoir travaillé avec la région fès-Meknès, le conseil régional de Centre-Val de "
        "Loire va désormais appuyer son partenaire.",
        source_lexicon().country("Maroc"));
    ASSERT_EQ(m.size(), 2u);
    EXPECT_EQ(m[0].place, "Fès-Meknès");
    EXPECT_EQ(m[0].french, 0);
    EXPECT_EQ(m[1].place, "Centre-Val de Loire");
}

TEST(Parties, SmallCapsRegionAfterItsKindWord) {
    auto m = parties_of("Coordonné par la région occitanie, il peut être rejoint par de nouvelles régions.");
    ASSERT_EQ(m.size(), 1u);
    EXPECT_EQ(m[0].place, "Occitanie");
    EXPECT_EQ(m[0].kind, "région");
    EXPECT_EQ(m[0].french, 1);
    EXPECT_TRUE(parties_of("La région concernée est vaste.").empty());
}

TEST(Parties, AppositionNamesAPartner) {
    auto m = find_party_mentions(
        "La prochaine édition devrait se tenir en 2021 dans le Hebei, province partenaire "
        "du conseil régional Auvergne-rhône-Alpes.",
        source_lexicon(), source_lexicon().country("Chine"));
    std::vector<std::string> places;
    for (auto& p : m) places.push_back(p.place + (p.french == 1 ? " FR" : " abroad"));
    EXPECT_EQ(places, (std::vector<std::string>{"Hebei abroad", "Auvergne-Rhône-Alpes FR"}));
}

TEST(Parties, TwinnedWithADistrict) {
    auto m = parties_of("La ville est aujourd’hui jumelée avec un quartier de Hanoï.");
    ASSERT_EQ(m.size(), 1u);
    EXPECT_EQ(m[0].place, "Hanoï");
    EXPECT_EQ(m[0].french, 0);
}

TEST(Parties, HyphenatedTwinTowns) {
    auto m = find_party_mentions(
        "Elle compte plus de 2 000 jumelages actifs, certains depuis plus de 60 ans "
        "(Cottbus-montreuil).",
        source_lexicon(), source_lexicon().country("Allemagne"));
    ASSERT_EQ(m.size(), 2u);
    EXPECT_EQ(m[0].place, "Cottbus");
    EXPECT_EQ(m[0].french, 0);
    EXPECT_EQ(m[0].country->code, "DE");
    EXPECT_EQ(m[1].place, "Montreuil");
    EXPECT_EQ(m[1].french, 1);
    // a hyphenated French name is not a pair
    auto one = parties_of("Issy-les-Moulineaux a 14 jumelages.");
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].place, "Issy-les-Moulineaux");
    // a friendship pact is a twinning too
    auto pact = parties_of("Les 20 ans du Pacte d’amitié Paris-Lisbonne ont été célébrés en 2018.");
    ASSERT_EQ(pact.size(), 2u);
    EXPECT_EQ(pact[0].place, "Paris");
    EXPECT_EQ(pact[1].place, "Lisbonne");
    EXPECT_EQ(pact[1].french, 0);
    // "Bayonne-San Sebastián": the second name goes on, no pair is cut from it
    for (const auto& m : parties_of("Une amitié ancienne unit l’eurocité Bayonne-San Sebastián."))
        EXPECT_NE(m.place, "San") << m.raw;
}

TEST(Parties, RegionalNaturalPark) {
    auto a = parties_of(
        "Le parc naturel régional (PnR) du Massif des Bauges est partenaire de la région de "
        "Béni-Mellal Kénifra.");
    auto b = parties_of("Le PNR Massif des Bauges l’a appuyée.");
    ASSERT_EQ(a.size(), 2u);
    ASSERT_EQ(b.size(), 1u);
    EXPECT_EQ(a[0].kind, "établissement");
    EXPECT_EQ(a[0].french, 1);
    EXPECT_EQ(a[0].key(), b[0].key());
    EXPECT_EQ(a[1].place, "Béni-Mellal Kénifra");
    EXPECT_EQ(a[1].french, 0);
}

TEST(Parties, FrancoAdjectives) {
    auto c = source_lexicon().country_of_adjective("franco-quebecois");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->code, "CA");
}

// Country names of several words, elided or hyphenated, are found in running text.
TEST(Parties, CountryNamesOfSeveralWords) {
    auto codes = [](const std::string& sentence) {
        std::vector<std::string> out;
        for (const auto& m : find_party_mentions(sentence, source_lexicon()))
            if (m.kind == "pays" && m.country) out.push_back(m.country->code);
        return out;
    };
    EXPECT_EQ(codes("Une mission en Côte d’Ivoire puis en Guinée-Bissau."), (std::vector<std::string>{"CI", "GW"}));
    EXPECT_EQ(codes("Des échanges avec la République démocratique du Congo."), (std::vector<std::string>{"CD"}));
    EXPECT_EQ(codes("Un projet au Burkina Faso et aux États-Unis."), (std::vector<std::string>{"BF", "US"}));
    EXPECT_EQ(codes("Une mission à la Réunion."), (std::vector<std::string>{"FR"}));  // overseas: France
}

// An overseas territory is a French party when it acts, a setting after "à", "en", "de".
TEST(Parties, OverseasTerritoryAsAParty) {
    auto ms = find_party_mentions("Un jumelage entre la Guadeloupe et Haïti.", source_lexicon());
    ASSERT_EQ(ms.size(), 2u);
    EXPECT_EQ(ms[0].kind, "région");
    EXPECT_EQ(ms[0].place, "Guadeloupe");
    EXPECT_EQ(ms[0].french, 1);
    EXPECT_FALSE(ms[0].context_only);
    EXPECT_EQ(ms[1].country->code, "HT");
    auto mayotte = find_party_mentions("Un projet avec Mayotte.", source_lexicon());
    ASSERT_EQ(mayotte.size(), 1u);
    EXPECT_EQ(mayotte[0].kind, "département");
    auto setting = find_party_mentions("Une mission à La Réunion et en Guyane.", source_lexicon());
    for (const auto& m : setting) EXPECT_TRUE(m.context_only) << m.raw;
    // "conseil régional de Guadeloupe" is the région, not France as a whole
    auto region = find_party_mentions("Le conseil régional de Guadeloupe finance un projet.", source_lexicon());
    ASSERT_EQ(region.size(), 1u);
    EXPECT_EQ(region[0].kind, "région");
    EXPECT_EQ(region[0].place, "Guadeloupe");
}

// "la ville de Chambéry au Burkina Faso": a French town of some size acts in the country.
TEST(Parties, FrenchTownActingInACountry) {
    auto ms = find_party_mentions("avec la ville de Chambéry au Burkina Faso", source_lexicon());
    ASSERT_EQ(ms.size(), 1u);
    EXPECT_EQ(ms[0].french, 1);
    ASSERT_TRUE(ms[0].acts_in);
    EXPECT_EQ(ms[0].acts_in->code, "BF");
}

TEST(Parties, AdjectiveForms) {
    const auto& lex = source_lexicon();
    auto code = [&](const char* folded) {
        auto c = lex.country_of_adjective(folded);
        return c ? c->code : std::string("-");
    };
    EXPECT_EQ(code("tunisienne"), "TN");   // stem + "ne"
    EXPECT_EQ(code("tunisiennes"), "TN");  // stem + "nes"
    EXPECT_EQ(code("malgaches"), "MG");    // stem + "s"
    EXPECT_EQ(code("libanaise"), "LB");    // stem + "e"
    EXPECT_EQ(code("martiniquaises"), "FR");
    EXPECT_EQ(code("tunisiens"), "TN");
    EXPECT_EQ(code("tunisiennete"), "-");  // other endings are other words
    EXPECT_EQ(code("tunis"), "-");
    EXPECT_EQ(code("franco-"), "-");
}

TEST(Parties, DepartementGivesItsNameAsPlace) {
    auto m = parties_of("Le conseil départemental de Loire-Atlantique est engagé.");
    ASSERT_EQ(m.size(), 1u);
    EXPECT_EQ(m[0].kind, "département");
    EXPECT_EQ(m[0].place, "Loire-Atlantique");
    ASSERT_TRUE(m[0].country);
    EXPECT_EQ(m[0].country->code, "FR");
}

TEST(Parties, AdjectiveAfterTheKindWordGivesTheCountry) {
    auto lamentin = parties_of("La coopération de la commune martiniquaise du Lamentin s’est concrétisée.");
    ASSERT_EQ(lamentin.size(), 1u);
    EXPECT_EQ(lamentin[0].place, "Le Lamentin");
    EXPECT_EQ(lamentin[0].french, 1);

    auto khenchara = parties_of("une coopération avec la municipalité libanaise de Khenchara, autour du patrimoine");
    ASSERT_EQ(khenchara.size(), 1u);
    EXPECT_EQ(khenchara[0].kind, "municipalité");
    EXPECT_EQ(khenchara[0].place, "Khenchara");
    EXPECT_EQ(khenchara[0].french, 0);
    ASSERT_TRUE(khenchara[0].country);
    EXPECT_EQ(khenchara[0].country->name, "Liban");
}

TEST(Parties, DepartementNumberAndCountryTagsDecideTheSide) {
    auto m = parties_of("Épinal (88) et la commune de Bitola mènent des actions.",
                        source_lexicon().country("Macédoine du Nord"));
    ASSERT_EQ(m.size(), 2u);
    EXPECT_EQ(m[0].place, "Épinal");
    EXPECT_EQ(m[0].french, 1);
    EXPECT_EQ(m[1].place, "Bitola");
    EXPECT_EQ(m[1].french, 0);
    EXPECT_EQ(m[1].country->code, "MK");

    auto tagged = parties_of("des échanges avec Carrefour (Haïti) à partir de 2011");
    ASSERT_EQ(tagged.size(), 1u);
    EXPECT_EQ(tagged[0].french, 0);
    EXPECT_EQ(tagged[0].country->code, "HT");
    EXPECT_TRUE(tagged[0].tagged);
}

TEST(Parties, SmallCapsNamesAreRepaired) {
    auto m = parties_of("la région Bourgogne-Franche-Comté avec la région du maule, marseille avec Valparaíso.",
                        source_lexicon().country("Chili"));
    ASSERT_EQ(m.size(), 4u);
    EXPECT_EQ(m[1].place, "Maule");
    EXPECT_EQ(m[1].french, 0);
    EXPECT_EQ(m[2].place, "Marseille");
    EXPECT_EQ(m[2].french, 1);
    EXPECT_EQ(m[3].place, "Valparaíso");
    EXPECT_EQ(m[3].country->name, "Chili");
    EXPECT_EQ(repair_place_name("issy-les-moulineaux"), "Issy-les-Moulineaux");
    EXPECT_EQ(repair_place_name("nouvelle-Aquitaine"), "Nouvelle-Aquitaine");
}

TEST(Parties, OrganisationsAndEmbassiesAreNotParties) {
    auto m = parties_of("en partenariat avec l’Institut de Recherche Technologique Saint-Exupéry et Aerospace Valley");
    for (auto& p : m) EXPECT_NE(p.french, 0) << p.raw;
    auto all = find_party_mentions("l’ambassade de France au Mali soutient le projet", source_lexicon());
    for (auto& p : all) EXPECT_TRUE(p.context_only || p.french == 1) << p.raw;
}

TEST(Parties, CommonWordsAfterKindWordsAreNotNames) {
    EXPECT_TRUE(parties_of("la commune de taille moyenne a créé un service").empty());
    EXPECT_TRUE(parties_of("le conseil régional a créé en 2018 une conférence").empty());
}

}  // namespace
}  // namespace coopatlas::indexer

namespace coopatlas::indexer {
namespace {

// Without the Etalab lists French parties would only be found by their kind
// words: the lexicon refuses to load rather than extract less in silence.
TEST(Parties, MissingEtalabListsAreAnError) {
    PartnerOptions options;
    options.node_modules = std::string(COOPATLAS_FIXTURES) + "/no-such-node-modules";
    try {
        PartyLexicon::load(options, testing::source_countries());
        FAIL() << "loaded a lexicon without the Etalab lists";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("communes.json"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("npm ci"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace coopatlas::indexer
