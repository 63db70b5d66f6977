#include "indexer/extract/partnerships.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "indexer/guide/sections.hpp"
#include "partnership_fixture.hpp"

namespace coopatlas::indexer {
namespace {

using testing::read_fixture;
using testing::source_lexicon;

struct Extracted {
    std::vector<Record> partners, partnerships;
    const Record* partnership(const std::string& french_place, const std::string& foreign_place) const {
        for (auto& p : partnerships) {
            auto ids = p.fields["parties"];
            auto place = [&](const std::string& id) {
                for (auto& r : partners)
                    if (r.id == id) return r.fields["place"].get<std::string>();
                return std::string();
            };
            if (place(ids[0]) == french_place && place(ids[1]) == foreign_place) return &p;
        }
        return nullptr;
    }
    std::set<std::pair<std::string, std::string>> pairs() const {
        std::set<std::pair<std::string, std::string>> out;
        for (auto& p : partnerships) {
            std::pair<std::string, std::string> names;
            for (auto& r : partners) {
                if (r.id == p.fields["parties"][0]) names.first = r.fields["place"];
                if (r.id == p.fields["parties"][1]) names.second = r.fields["place"];
            }
            out.insert(names);
        }
        return out;
    }
};

Extracted extract(const std::string& fixture) {
    Guide guide = Guide::parse(read_fixture(fixture));
    auto records = extract_partnerships(guide, section_paths(guide), source_lexicon());
    Extracted e;
    for (auto& r : records) (r.type == "partner" ? e.partners : e.partnerships).push_back(r);
    return e;
}

using Pairs = std::set<std::pair<std::string, std::string>>;

TEST(Partnerships, ProseCuesKindsAndCountries) {
    auto e = extract("partnership_prose.txt");
    EXPECT_EQ(e.pairs(), (Pairs{{"CA du Grand Angoulême", "Zapopan"},
                                // "la région Centre collaborent au Burkina-Faso": the Burkinabè région
                                // du Centre, not Centre-Val de Loire (a sentence about another country)
                                {"Bretagne", "Centre"},
                                {"Lescar", "Testour"},
                                {"Le Lamentin", "Santiago de Cuba"},
                                {"Le Lamentin", "Carrefour"},
                                // a small French commune in a list tagged "au Québec" stays French
                                {"Le Favril", "Saint-Camille"},
                                {"Faux-la-Montagne", "Saint-Camille"}}));
    const Record* zapopan = e.partnership("CA du Grand Angoulême", "Zapopan");
    ASSERT_NE(zapopan, nullptr);
    EXPECT_EQ(zapopan->line, 1);
    ASSERT_EQ(zapopan->countries.size(), 1u);
    EXPECT_EQ(zapopan->countries[0].code, "MX");
    EXPECT_EQ(zapopan->fields["theme"], "industries culturelles et créatives");
    EXPECT_NE(zapopan->text.find("Grand Angoulême coopère avec la ville de Zapopan"), std::string::npos);
    const Record* testour = e.partnership("Lescar", "Testour");
    ASSERT_NE(testour, nullptr);
    EXPECT_EQ(testour->countries[0].name, "Tunisie");
    const Record* carrefour = e.partnership("Le Lamentin", "Carrefour");
    ASSERT_NE(carrefour, nullptr);
    EXPECT_EQ(carrefour->countries[0].code, "HT");
}

std::set<int> occurrence_lines(const Record& r) {
    std::set<int> out;
    for (auto& o : r.fields["occurrences"]) out.insert(o["line"].get<int>());
    return out;
}

TEST(Partnerships, OccurrencesGiveTheLinesNamingEachParty) {
    auto e = extract("partnership_prose.txt");
    const Record* carrefour = e.partnership("Le Lamentin", "Carrefour");
    ASSERT_NE(carrefour, nullptr);
    EXPECT_EQ(carrefour->line, 16);  // the sentence starts here
    // "commune martiniquaise du Lamentin" on line 17, "Carrefour (Haïti)" on line 20: the sentence's
    // first line names neither party, so it is no occurrence, only the statement line of both
    EXPECT_EQ(occurrence_lines(*carrefour), (std::set<int>{17, 20}));
    for (const auto& o : carrefour->fields["occurrences"]) EXPECT_EQ(o["statement_line"], 16);
    const Record* zapopan = e.partnership("CA du Grand Angoulême", "Zapopan");
    ASSERT_NE(zapopan, nullptr);
    EXPECT_EQ(occurrence_lines(*zapopan), (std::set<int>{1, 2}));  // "la ville de" / "Zapopan"
}

TEST(Partnerships, SentenceLineOfAnOffset) {
    Guide guide = Guide::parse("Une phrase qui\ncontinue sur deux lignes\net une troisième.\n");
    auto s = guide_sentences(guide, section_paths(guide));
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].line_at(0), 1);
    EXPECT_EQ(s[0].line_at(s[0].text.find("continue")), 2);
    EXPECT_EQ(s[0].line_at(s[0].text.find("troisième")), 3);
}

TEST(Partnerships, PartnersAreMergedAndListTheirPartnerships) {
    auto e = extract("partnership_prose.txt");
    auto lamentin = std::find_if(e.partners.begin(), e.partners.end(),
                                 [](const Record& r) { return r.fields["place"] == "Le Lamentin"; });
    ASSERT_NE(lamentin, e.partners.end());
    EXPECT_EQ(lamentin->id, "partner/commune-le-lamentin");
    EXPECT_EQ(lamentin->fields["kind"], "commune");
    EXPECT_EQ(lamentin->fields["french"], true);
    EXPECT_EQ(lamentin->fields["country"], "France");
    EXPECT_EQ(lamentin->fields["partnerships"].size(), 2u);
    auto centre = std::find_if(e.partners.begin(), e.partners.end(),
                               [](const Record& r) { return r.fields["place"] == "Centre"; });
    ASSERT_NE(centre, e.partners.end());
    EXPECT_EQ(centre->fields["french"], false);
    EXPECT_EQ(centre->fields["country"], "Burkina Faso");
}

TEST(Partnerships, ParagraphCutByAPageBreakKeepsItsFrenchParty) {
    auto e = extract("partnership_page_break.txt");
    EXPECT_EQ(e.pairs(), (Pairs{{"Loire-Atlantique", "Mahdia"}}));
    const Record* p = e.partnership("Loire-Atlantique", "Mahdia");
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->line, 6);  // "Les compétences des agents" starts the sentence
    ASSERT_EQ(p->countries.size(), 1u);
    EXPECT_EQ(p->countries[0].name, "Tunisie");
    EXPECT_NE(p->text.find("départementaux ont été mobilisées"), std::string::npos);
}

TEST(Partnerships, RespectivePartnersArePairedByOrder) {
    auto e = extract("partnership_respective.txt");
    EXPECT_EQ(e.pairs(), (Pairs{{"Saint-Germain-en-Laye", "Aschaffenburg"},
                                {"Sartrouville", "Waldkraiburg"},
                                {"Dunkerque", "Annaba"},
                                {"Lille", "Tlemcen"},
                                {"Lyon", "Sétif"}}));
}

TEST(Partnerships, SlashPairs) {
    auto e = extract("partnership_slash.txt");
    EXPECT_EQ(e.pairs(), (Pairs{{"Nancy", "Karlsruhe"},
                                {"Nantes", "Saarbrücken"},
                                {"Clermont-Ferrand", "Regensburg"},
                                {"Coulaines", "Weyhe"}}));
}

TEST(Partnerships, TwinnedCitiesInACountrySection) {
    auto e = extract("partnership_twinned.txt");
    EXPECT_EQ(e.pairs(), (Pairs{// "jumelée avec un quartier de Hanoï": the district's city is the partner
                                {"Choisy-le-Roi", "Hanoï"},
                                {"Bordeaux", "Bilbao"},
                                {"Bordeaux", "Madrid"},
                                {"Nice", "Alicante"},
                                {"Orléans", "Tarragone"},
                                {"Toulouse", "Barcelone"},
                                {"Montpellier", "Barcelone"},
                                {"Lyon", "Barcelone"}}));
    for (auto& p : e.partnerships) {
        if (p.title.find("Choisy") == std::string::npos) {
            EXPECT_EQ(p.countries.at(0).code, "ES") << p.title;
        }
    }
}

TEST(Partnerships, NamesSharingASentenceAreNotPartners) {
    auto e = extract("partnership_negative.txt");
    EXPECT_TRUE(e.partnerships.empty()) << e.partnerships.front().title;
    EXPECT_TRUE(e.partners.empty());
}

TEST(Partnerships, ClausesListsOfProvincesAndHomonymsAbroad) {
    auto e = extract("partnership_clauses.txt");
    EXPECT_EQ(e.pairs(), (Pairs{// "entre les régions de tarija et la nouvelle-Aquitaine ..., tandis que celui
                                // établi entre la ville de Brest et ... la région du lac Poopó (région d'oruro)":
                                // the parenthesis says where the lake's région is, no partner of its own
                                {"Nouvelle-Aquitaine", "Tarija"},
                                {"Brest", "Lac Poopó"},
                                // "les provinces de La Havane, Cienfuegos, Santiago de Cuba avec ... Cournon"
                                {"Cournon-d'Auvergne", "La Havane"},
                                {"Cournon-d'Auvergne", "Cienfuegos"},
                                {"Cournon-d'Auvergne", "Santiago de Cuba"},
                                // a small French Montréal, but the paragraph is "franco-québécois"
                                {"Toulouse", "Montréal"}}));
    const Record* montreal = e.partnership("Toulouse", "Montréal");
    ASSERT_NE(montreal, nullptr);
    EXPECT_EQ(montreal->countries.at(0).code, "CA");
    EXPECT_EQ(e.partnership("Cournon-d'Auvergne", "Cienfuegos")->countries.at(0).code, "CU");
}

TEST(Partnerships, HyphenatedTwinTownsArePaired) {
    Guide guide = Guide::parse(
        "La coopération décentralisée franco-allemande est \nextrêmement dense et compte plus de 2 000 jumelages \n"
        "actifs, certains depuis plus de 60 ans (Cottbus-montreuil).\n");
    Extracted e;
    for (auto& r : extract_partnerships(guide, section_paths(guide), source_lexicon()))
        (r.type == "partner" ? e.partners : e.partnerships).push_back(r);
    EXPECT_EQ(e.pairs(), (Pairs{{"Montreuil", "Cottbus"}}));
    ASSERT_EQ(e.partnerships.size(), 1u);
    EXPECT_EQ(e.partnerships[0].countries.at(0).code, "DE");             // from "franco-allemande"
    EXPECT_EQ(occurrence_lines(e.partnerships[0]), (std::set<int>{3}));  // "(Cottbus-montreuil)"
}

TEST(Partnerships, ProgrammeLeadsWithEachDestination) {
    auto e = extract("partnership_programme.txt");
    EXPECT_EQ(e.pairs(), (Pairs{{"Arles", "Tipaza"},
                                {"Arles", "Sfax"},
                                {"Arles", "Matera"},
                                {"Provence-Alpes-Côte d'Azur", "Tipaza"},
                                {"Provence-Alpes-Côte d'Azur", "Sfax"},
                                {"Provence-Alpes-Côte d'Azur", "Matera"}}));
    const Record* matera = e.partnership("Arles", "Matera");
    ASSERT_NE(matera, nullptr);
    EXPECT_EQ(matera->line, 9);  // "matera (italie)" continues the bullet
    EXPECT_EQ(matera->countries.at(0).code, "IT");
    EXPECT_EQ(matera->fields["theme"], "patrimoine, projet de patrimoines méditerranéens");
}

TEST(Partnerships, ProgrammeCountryStandsForTheLocalityItsTitleNames) {
    auto e = extract("partnership_programme_title.txt");
    // "Pays de destination : Bénin" under a title naming "la commune de Sèmè Podji": the commune is the
    // destination, no pair with the country
    EXPECT_EQ(e.pairs(), (Pairs{{"Hauts-de-France", "Sèmè Podji"}}));
    const Record* seme = e.partnership("Hauts-de-France", "Sèmè Podji");
    ASSERT_NE(seme, nullptr);
    EXPECT_EQ(seme->countries.at(0).code, "BJ");
    EXPECT_TRUE(occurrence_lines(*seme).count(8));  // the destination's line
}

TEST(Partnerships, ProgrammeDestinationLocatedInItsCommune) {
    auto e = extract("partnership_programme_remark.txt");
    // "comité tinkaré (commune de diéma)": the commune the parenthesis names is the destination
    Pairs expected;
    for (const char* place : {"Bandiagara", "Mahina", "Selinkegny", "Diéma", "Bafoulabe"})
        expected.insert({"Lianes Coopération", place});
    EXPECT_EQ(e.pairs(), expected);
}

TEST(Partnerships, ProgrammeDestinationsKeepTheirKindAndTheirOwnCountry) {
    auto e = extract("partnership_programme_kinds.txt");
    // "départements de l'Alibori et du Borgou (Bénin) et région centrale (togo)"
    // "toutes les régions du maroc": a quantified kind word names the country
    EXPECT_EQ(
        e.pairs(),
        (Pairs{{"Grand Est", "Alibori"}, {"Grand Est", "Borgou"}, {"Grand Est", "Centrale"}, {"Occitanie", "Maroc"}}));
    const Record* maroc = e.partnership("Occitanie", "Maroc");
    ASSERT_NE(maroc, nullptr);
    EXPECT_EQ(maroc->line, 19);  // the destination's line
    for (auto& p : e.partners) {
        if (p.fields["place"] == "Alibori" || p.fields["place"] == "Borgou") {
            EXPECT_EQ(p.fields["kind"], "département");
            EXPECT_EQ(p.countries.at(0).code, "BJ") << p.fields["place"];  // not the Togo of the next item
        }
        if (p.fields["place"] == "Centrale") {
            EXPECT_EQ(p.fields["kind"], "région");
            EXPECT_EQ(p.countries.at(0).code, "TG");
        }
    }
}

TEST(Partnerships, ProgrammeLedByAnAssociationPairsItWithEachDestinationLocality) {
    auto e = extract("partnership_programme_association.txt");
    Pairs expected;
    for (const char* city : {"Bitola", "Vélès", "Ohrid", "Krusevo", "Stip", "Tetovo", "Berovo", "Krotovo", "Kumanova",
                             "Prilep", "Berat", "Korça", "Elbasan"})
        expected.insert({"Sites et Cités remarquables de France", city});
    // "association terres en villes": small caps lost the capital
    expected.insert({"Terres en villes", "Sfax"});
    expected.insert({"Terres en villes", "Fès"});
    // a collectivité lead; "forêt de Parakou" names Parakou
    expected.insert({"Orléans", "Parakou"});
    // "28 régions réparties dans 5 pays : Burkina Faso, mali, ...": the countries after the colon,
    // each a destination of the association (no locality is named there)
    for (const char* country : {"Burkina Faso", "Mali", "Mauritanie", "Niger", "Sénégal"})
        expected.insert({"AIRF", country});
    // no pair for "zone de l'UemoA" (an organisation, not a locality)
    EXPECT_EQ(e.pairs(), expected);
    const Record* ohrid = e.partnership("Sites et Cités remarquables de France", "Ohrid");
    ASSERT_NE(ohrid, nullptr);
    // the first group has no country of its own: it takes the next group's
    EXPECT_EQ(ohrid->countries.at(0).code, "MK");
    // the pair is named by the destination's line and by the bullet naming its lead ("Porteur : ...")
    EXPECT_EQ(occurrence_lines(*ohrid), (std::set<int>{5, 14}));
    EXPECT_EQ(e.partnership("Sites et Cités remarquables de France", "Berat")->countries.at(0).code, "AL");
    for (auto& p : e.partners)
        if (p.fields["place"] == "Sites et Cités remarquables de France") {
            EXPECT_EQ(p.fields["kind"], "association");
            EXPECT_EQ(p.fields["french"], true);
        }
}

TEST(Partnerships, GrammaticalPatternsOfTheGuide) {
    auto e = extract("partnership_patterns.txt");
    EXPECT_EQ(e.pairs(),
              (Pairs{// "la stratégie départementale de coopération : l'Arménie, le Bénin, ...": the
                     // adjective names the paragraph's département
                     {"Hauts-de-Seine", "Arménie"},
                     {"Hauts-de-Seine", "Bénin"},
                     {"Hauts-de-Seine", "Cambodge"},
                     {"Hauts-de-Seine", "Haïti"},
                     // "dont le quartier de Dongcheng à Pékin, Hounslow en banlieue de Londres et
                     // Ichikawa près de Tokyo": a list goes on over each item's place complement
                     {"Issy-les-Moulineaux", "Dongcheng"},
                     {"Issy-les-Moulineaux", "Hounslow"},
                     {"Issy-les-Moulineaux", "Ichikawa"},
                     // an eurorégion; "les communautés autonomes de la Catalogne et des îles Baléares"
                     {"Occitanie", "Catalogne"},
                     {"Occitanie", "Baléares"},
                     // "la province autonome de Voïvodine": a status adjective after the kind word
                     {"Val-d'Oise", "Voïvodine"},
                     // "le Gouvernement régional du Kurdistan irakien": the foreign region
                     {"Île-de-France", "Kurdistan"},
                     // "entre cette région française et la région toscane": the demonstrative names the
                     // région of the sentence (a setting there), a rare lower-case word the foreign name
                     {"Centre-Val de Loire", "Toscane"},
                     // "entre la Corse et la Sardaigne": the foreign region, not Italy
                     {"Corse", "Sardaigne"},
                     // "nantes/tbilissi/Sarrebruck": a name the guide repeats in small caps, after a
                     // French town and a slash
                     {"Nantes", "Tbilissi"},
                     {"Nantes", "Sarrebruck"},
                     // "la coopération entre Savoie déchets et les communes moldaves du district de
                     // telenesti": a body named after its territory
                     {"Savoie déchets", "Telenesti"}}));
    // no pair for countries named without a French party ("Les coopérations avec ... le Japon"),
    // nor for "la région parisienne" (an adjective, not a lowered name) with Italy, nor for the
    // areas of an Interreg programme "entre la France et l'italie" (the Var, the Corse), nor for
    // "les collectivités territoriales basées notamment dans le Centre-Val de Loire" (a setting)
    const Record* kurdistan = e.partnership("Île-de-France", "Kurdistan");
    ASSERT_NE(kurdistan, nullptr);
    EXPECT_EQ(kurdistan->countries.at(0).code, "IQ");
    EXPECT_EQ(e.partnership("Occitanie", "Baléares")->countries.at(0).code, "ES");
}

TEST(Partnerships, AssociationsAndSyndicatsWhereTheyAct) {
    auto e = extract("partnership_bodies.txt");
    EXPECT_EQ(e.pairs(),
              (Pairs{// the programme's lead, then the same association acting in prose
                     {"Terres en villes", "Sfax"},
                     {"Terres en villes", "Fès"},
                     // "le Sedif (Syndicat des eaux d'Île-de-France)" teaches the acronym; "un partenariat
                     // en cours (... avec le Sedif)" pairs it
                     {"SEDIF", "Aného"},
                     // "mandaté par le SICALA auprès de la ville de Vushtrri"
                     {"SICALA", "Vushtrri"},
                     // "..., Cités Unies France mène des actions en partenariat avec la ville de Bangui":
                     // after a comma, the subject of a verb of action (CUF is in the glossary)
                     {"Cités Unies France", "Bangui"},
                     // "Lianes Coopération, réseau régional multiacteurs de la région Hauts-de-France, met en
                     // place ... avec des partenaires maliens" under "Mali": the network (listed with its
                     // région), not the région it belongs to
                     {"Lianes Coopération", "Mali"}}));
    // no pair for "so Coopération (nouvelle-Aquitaine) : Burkina Faso, ..." (a list of country groups:
    // "Coopération" is the network's name, no cooperation word), nor for "coordonné par Cités Unies
    // France" (who runs a network), nor for the Syctom (no foreign party)
    for (auto& p : e.partners)
        if (p.fields["place"] == "SEDIF") {
            EXPECT_EQ(p.fields["kind"], "établissement");
            EXPECT_EQ(p.fields["french"], true);
        }
}

TEST(Partnerships, OverseasCollectivitesAndCountriesCoveringALists) {
    auto e = extract("partnership_overseas.txt");
    EXPECT_EQ(e.pairs(), (Pairs{{"Guyane", "Suriname"},
                                {"La Réunion", "Comores"},
                                {"La Réunion", "Seychelles"},
                                // "entre la Guadeloupe et Haïti"
                                {"Guadeloupe", "Haïti"},
                                // "(exemples : projets menés" / blank line / "par Dunkerque et le département
                                // de La Réunion aux Comores, ou par le département de Seine-Maritime avec la
                                // ville de Chambéry au Burkina Faso)": one sentence, the countries cover the lists
                                {"Dunkerque", "Comores"},
                                {"Seine-Maritime", "Burkina Faso"},
                                {"Chambéry", "Burkina Faso"},
                                // "La commune de Moncoutant ... et celles de Boromo et Oury (au Burkina
                                // Faso) ont développé des micro-crédits": no cue word, "celles de" pairs
                                {"Moncoutant", "Boromo"},
                                {"Moncoutant", "Oury"}}));
}

TEST(Partnerships, AForeignPartyAloneTakesTheFrenchPartyOfTheSentenceJustBefore) {
    auto e = extract("partnership_memory.txt");
    // "... un volontaire ... mandaté par le SICALA auprès de la ville de Vushtrri" comes two
    // sentences after the Hautes-Alpes: it is no Hautes-Alpes partner, it is the SICALA's (a syndicat
    // the sentence before explains: "le SICALA (syndicat intercommunal des eaux)")
    EXPECT_EQ(e.pairs(),
              (Pairs{{"Hautes-Alpes", "Kosovo"}, {"Hautes-Alpes", "Macédoine du Nord"}, {"SICALA", "Vushtrri"}}));
}

TEST(Partnerships, IdsAreStable) {
    auto a = extract("partnership_prose.txt");
    auto b = extract("partnership_prose.txt");
    ASSERT_EQ(a.partnerships.size(), b.partnerships.size());
    for (std::size_t i = 0; i < a.partnerships.size(); ++i) EXPECT_EQ(a.partnerships[i].id, b.partnerships[i].id);
    EXPECT_EQ(a.partnership("Lescar", "Testour")->id, "partnership/commune-lescar--commune-testour");
}

TEST(Partnerships, SentencesDoNotCrossBlankLines) {
    Guide guide = Guide::parse("Le titre\n\nUne phrase qui continue\n sur la page suivante. Une autre.\n");
    auto s = guide_sentences(guide, section_paths(guide));
    ASSERT_EQ(s.size(), 3u);
    EXPECT_EQ(s[1].text, "Une phrase qui continue sur la page suivante.");
    EXPECT_EQ(s[1].line, 3);
    EXPECT_EQ(s[2].line, 4);
}

TEST(Partnerships, CooperationThemeOpenings) {
    EXPECT_EQ(cooperation_theme("Une coopération dans le domaine de la santé, depuis 2010."), "santé");
    EXPECT_EQ(cooperation_theme("DANS LES DOMAINES DE l’eau et de l’assainissement."), "eau et de l’assainissement");
    EXPECT_EQ(cooperation_theme("Un accord Sur le thème du tourisme durable."), "tourisme durable");
    EXPECT_EQ(cooperation_theme("Ils travaillent autour de la jeunesse."), "jeunesse");
    EXPECT_EQ(cooperation_theme("Un appui en matière d’urbanisme."), "urbanisme");
    EXPECT_EQ(cooperation_theme("Un partenariat entre Lyon et Beyrouth."), "");
    // an opening that leads to no theme, then one that does
    EXPECT_EQ(cooperation_theme("Un accord sur la forme, puis dans le domaine de la culture."), "culture");
}

TEST(Partnerships, ListsOverRemarksLoweredNamesAndBlankLinesAfterAComma) {
    auto e = extract("partnership_lists.txt");
    EXPECT_EQ(e.pairs(), (Pairs{{"Bordeaux", "Bakou"},
                                // "celui des villes de Cognac et de tovuz": a rare lower-case word goes on
                                // the list (a name small caps lowered)
                                {"Cognac", "Tovuz"},
                                // a remark in parentheses between two items does not end the list
                                {"Chinon", "Berat"},
                                {"Chinon", "Elbasan"},
                                // "... d'Hyderabad," / blank / "Gouvernement du telangana, ont une coopération"
                                {"Grenoble-Alpes", "Hyderabad"}}));
    // "villes françaises partenaires du concours (dijon ...)" under "Roumanie": the sentence names
    // Romanian municipalities (too many to pair), so the country stands for no French town's partner
}

TEST(Partnerships, BodiesInACountrySection) {
    auto e = extract("partnership_country_sections.txt");
    EXPECT_EQ(e.pairs(), (Pairs{// "Le Syctom (...) et le Sedif (...) mènent des actions" under "Comores": two
                                // syndicats acting as the subject, with the country of the section
                                {"SYCTOM", "Comores"},
                                {"SEDIF", "Comores"},
                                // "L'AFCCRE a notamment accompagné les partenariats de nancy/Karlsruhe, ...": the
                                // association is the go-between of the twinnings, no partner of Allemagne
                                {"Nancy", "Karlsruhe"},
                                {"Nantes", "Saarbrücken"},
                                {"Coulaines", "Weyhe"}}));
}

TEST(Partnerships, StatementsOfLaureatesCountriesOfAWorkAndTwinningClauses) {
    auto e = extract("partnership_statements.txt");
    EXPECT_EQ(e.pairs(),
              (Pairs{// laureates of a call "X avec Y (Pays)": a capitalised name tagged by a foreign country is a
                     // place there; "Grand Paris Sud" is the first words of a grouping's official name
                     {"Lyon", "Douala"},
                     {"CA Grand Paris Sud Seine Essonne Sénart", "Nouakchott"},
                     {"Essonne", "Nouakchott"},
                     // "le conseil régional de nouakchott en mauritanie": a French kind word lent to a
                     // foreign place the French lists do not know
                     {"CA Grand Paris Sud Seine Essonne Sénart", "Nouakchott"},
                     {"Strasbourg", "Mahdia"},
                     {"Strasbourg", "Kairouan"},
                     // "Le projet a mobilisé ... (Maroc, Sénégal)": the work of the sentence before
                     {"Bretagne", "Maroc"},
                     {"Bretagne", "Sénégal"},
                     // "au Pérou et en Équateur": every country of the list where it acts
                     {"Meurthe-et-Moselle", "Pérou"},
                     {"Meurthe-et-Moselle", "Équateur"},
                     // "À nantes, la volontaire ...": the French town opening the sentence
                     {"Nantes", "Sarrebruck"},
                     // a line opening on "et" goes on over the blank line before it; "entre Sheki et
                     // Colmar"; "ou encore" opens a new clause (no Colmar - Tovuz)
                     {"Colmar", "Sheki"},
                     {"Cognac", "Tovuz"}}));
    const Record* region = e.partnership("CA Grand Paris Sud Seine Essonne Sénart", "Nouakchott");
    ASSERT_NE(region, nullptr);
    EXPECT_EQ(region->countries.at(0).code, "MR");
}

TEST(Partnerships, CrossBorderStructuresNamedAfterTheirMembers) {
    auto e = extract("partnership_cross_border.txt");
    EXPECT_EQ(e.pairs(), (Pairs{// "les régions occitanie en France, et les communautés autonomes de la Catalogne et
                                // des îles Baléares": the members listed; "Pyrénées-méditerranée" names none
                                {"Occitanie", "Catalogne"},
                                {"Occitanie", "Baléares"},
                                // "L'eurorégion nouvelle-Aquitaine-euskadi-navarre": the French région (two
                                // hyphenated parts) and its foreign peers, régions too
                                {"Nouvelle-Aquitaine", "Euskadi"},
                                {"Nouvelle-Aquitaine", "Navarre"},
                                // "l'eurocité basque Bayonne-San Sebastián": the last name goes on
                                {"Bayonne", "San Sebastián"}}));
    for (auto& p : e.partners)
        if (p.fields["place"] == "Euskadi" || p.fields["place"] == "San Sebastián") {
            EXPECT_EQ(p.fields["french"], false);
            EXPECT_EQ(p.fields["country"], "Espagne");
            EXPECT_EQ(p.fields["kind"], p.fields["place"] == "Euskadi" ? "région" : "commune");
        }
}

TEST(Partnerships, BodiesSpelledOutBeforeTheirAcronym) {
    auto e = extract("partnership_spelled_bodies.txt");
    // "Le réseau des grands sites de France (RGSF) a renforcé sa coopération avec ... la municipalité de
    // Vau i dejës": the network acts under the words spelling its acronym out. "le réseau régional
    // multi-acteurs (rrmA)" spells out a kind of network, no body: "Le rrmA Lianes Coopération" is Lianes.
    EXPECT_EQ(e.pairs(), (Pairs{{"Lianes Coopération", "Kayes"}, {"RGSF", "Vau"}}));
}

TEST(Partnerships, RemarksChairsAndYouthCouncils) {
    auto e = extract("partnership_remarks.txt");
    EXPECT_EQ(e.pairs(), (Pairs{// "ou au maroc (actions ... portées par le conseil régional d'occitanie ...)": a
                                // party inside a parenthesis pairs with what the parenthesis follows, not
                                // with the Tunisie named before
                                {"Occitanie", "Maroc"},
                                // "au Pérou": where it acts, not with Sousse in Tunisia
                                {"Meurthe-et-Moselle", "Pérou"},
                                // "le conseil départemental des jeunes de l'Aude": the Aude's youth council
                                {"Aude", "Sousse"}}));
    // "le groupe-pays Arménie ..., présidé par le conseil départemental des Hauts-de-Seine": the chair
    // of a group is no partner of its country
}

TEST(Partnerships, AGroupingNamedByItsHyphenatedName) {
    auto e = extract("partnership_grouping_names.txt");
    // "lancé par Cergy-Pontoise et Porto-Novo au Bénin": the hyphenated whole name of a grouping (CA de
    // Cergy-Pontoise) that names no commune is that grouping, French; "Aix-en-Provence" stays the commune
    EXPECT_EQ(e.pairs(), (Pairs{{"CA de Cergy-Pontoise", "Porto-Novo"}, {"Aix-en-Provence", "Baton-Rouge"}}));
    for (auto& p : e.partners)
        if (p.fields["place"] == "CA de Cergy-Pontoise") {
            EXPECT_EQ(p.fields["kind"], "intercommunalité");
            EXPECT_EQ(p.fields["french"], true);
        }
}

TEST(Partnerships, ASubjectPronounKeepsTheCooperationOfTheSentenceBefore) {
    auto e = extract("partnership_pronouns.txt");
    // under "Comores": "La France est le seul pays à mener des actions de coopération décentralisée aux
    // Comores. elles impliquent ... des collectivités ... (région parisienne, région Sud-PACA, dunkerque…)":
    // the pronoun's sentence has the cooperation of the sentence before; the next sentence, opening on a
    // name, has none of its own (no pair for the Nord). Under "Burkina Faso": "il est coordonné par le
    // rrmA Bourgogne-Franche-Comté international" names a network, not the région
    EXPECT_EQ(e.pairs(), (Pairs{{"Provence-Alpes-Côte d'Azur", "Comores"}, {"Dunkerque", "Comores"}}));
}

TEST(Partnerships, TheSentenceAfterAProgrammeRubricStatesTheProposersProgramme) {
    auto e = extract("partnership_programme_rubric.txt");
    // "PRoGRAMME mutualisable proposé par l'AvITEM" / "En Algérie, le projet « Ksar Tafilelt » ...": the
    // proposer with the country of the first sentence only (no Maroc); "Brazzaville, capitale de la
    // République du Congo": the country of a town, a setting (the town is bound to "vie culturelle de")
    EXPECT_EQ(e.pairs(), (Pairs{{"AVITEM", "Algérie"}}));
    const Record* algeria = e.partnership("AVITEM", "Algérie");
    ASSERT_NE(algeria, nullptr);
    EXPECT_EQ(algeria->line, 6);
}

TEST(Partnerships, APossessiveOpensOnTheWorkOfTheSubjectBefore) {
    auto e = extract("partnership_possessive.txt");
    // "Lianes Coopération est le réseau multi-acteurs de la région Hauts-de-France. Son programme avec le
    // maroc ...": the body opening the sentence before owns the programme, though it did not act there
    // (no Hauts-de-France: the région the network belongs to); "Son budget" is no work (no Nord - Maroc)
    EXPECT_EQ(e.pairs(), (Pairs{{"Lianes Coopération", "Maroc"},
                                {"Lianes Coopération", "Marrakech-Safi"},
                                {"Lianes Coopération", "Oriental"}}));
    const Record* maroc = e.partnership("Lianes Coopération", "Maroc");
    ASSERT_NE(maroc, nullptr);
    EXPECT_EQ(maroc->line, 4);
}

TEST(Partnerships, BodiesLaunchingAWorkWithoutDeFrance) {
    auto e = extract("partnership_body_works.txt");
    // "L'association Sites et Cités remarquables lance le projet ... des centres anciens d'Albanie et de
    // république de macédoine du nord": the body of the programme block ("... de France") launches a
    // project of its own there; "a édité ... un guide" is no work with Georgia
    Pairs expected{{"Sites et Cités remarquables de France", "Berat"},
                   {"Sites et Cités remarquables de France", "Korça"},
                   {"Sites et Cités remarquables de France", "Albanie"},
                   {"Sites et Cités remarquables de France", "Macédoine du Nord"}};
    EXPECT_EQ(e.pairs(), expected);
}

TEST(Partnerships, PartiesMadeToInterveneInAWork) {
    auto e = extract("partnership_intervening.txt");
    // "Le tramway Rabat-Salé (Maroc) ... en est un exemple emblématique, faisant intervenir le Grand Lyon":
    // the French party takes part in the work named after the foreign towns
    EXPECT_EQ(e.pairs(), (Pairs{{"Grand Lyon", "Rabat-Salé"}}));
    ASSERT_EQ(e.partnerships.size(), 1u);
    EXPECT_EQ(e.partnerships[0].countries.at(0).code, "MA");
    EXPECT_EQ(occurrence_lines(e.partnerships[0]), (std::set<int>{5, 6}));  // the towns, then "le Grand Lyon"
}

TEST(Partnerships, CollectivitesOfANationalityLocatedByTheirTowns) {
    auto e = extract("partnership_located_collectivites.txt");
    // "aux collectivités locales albanaises, d'abord à Tirana et Durrës": the towns after "à" say which
    // collectivités, the partners (not settings, and no pair with the section's country)
    EXPECT_EQ(e.pairs(), (Pairs{{"Bretagne", "Tirana"}, {"Bretagne", "Durrës"}}));
    for (const auto& p : e.partnerships) EXPECT_EQ(p.countries.at(0).code, "AL");
}

TEST(Partnerships, LoweredNamesListedBeforeTheirCountry) {
    auto e = extract("partnership_lowered_list.txt");
    // "entre Bordeaux métropole, Hyderabad et douala au Cameroun": a lower-case word listed after a party
    // and placed abroad is a name when the guide also writes it capitalised, however often small caps
    // lowered it (five "douala" in the guide): Douala, not Cameroon
    EXPECT_EQ(e.pairs(), (Pairs{{"Bordeaux", "Hyderabad"}, {"Bordeaux", "Douala"}}));
}

TEST(Partnerships, PartsOfATownStandForTheTown) {
    auto e = extract("partnership_town_parts.txt");
    // "région Île-de-France/aire métropolitaine de Lisbonne", "la rénovation de la Casbah d'Alger": the
    // town the area or the quarter belongs to is the partner, not the country of the section
    EXPECT_EQ(e.pairs(), (Pairs{{"Paris", "Lisbonne"}, {"Île-de-France", "Lisbonne"}, {"Île-de-France", "Alger"}}));
    const Record* alger = e.partnership("Île-de-France", "Alger");
    ASSERT_NE(alger, nullptr);
    ASSERT_EQ(alger->countries.size(), 1u);
    EXPECT_EQ(alger->countries[0].name, "Algérie");
}

TEST(Partnerships, ASentenceOpeningOnAnActorOfItsOwnKeepsNoFrenchPartyFromBefore) {
    auto e = extract("partnership_named_actor.txt");
    // "... menées par le conseil régional Hauts-de-France. En 2019, la Mission Bassin Minier a rencontré
    // des représentants de la province du Shanxi": the Mission acts, in the région's policy (no pair);
    // "Les compétences des agents départementaux ...", "En 2019, le Département a accompagné ...": no
    // actor of their own (a common noun, a kind word), the French party of the sentence before acts (Sousse
    // covers the Gers' Tunisie)
    EXPECT_EQ(e.pairs(), (Pairs{{"Loire-Atlantique", "Mahdia"}, {"Gers", "Sousse"}}));
}

TEST(Partnerships, LinksBetweenBodiesTheCollectivitesLocate) {
    auto e = extract("partnership_links_between_bodies.txt");
    // "villes normandes (ifs, Colombelles, Fleury) ont des partenariats entre lycées", "Les échanges
    // existant entre les maisons familiales et rurales de la région Auvergne-rhône-Alpes ... et les centres
    // d'éducation rurale en Bosnie-Herzégovine": the schools and the bodies are linked, not the towns or the
    // région that locate them (no pair with the section's country nor the country named); a sentence with a
    // link of its own keeps its pair ("échanges de jeunes": Ifs - Debar)
    EXPECT_EQ(e.pairs(), (Pairs{{"Épinal", "Bitola"}, {"Ifs", "Debar"}}));
}

TEST(Partnerships, BodiesLeadingAWorkAfterAComplement) {
    auto e = extract("partnership_body_works_between.txt");
    // "L'AIMF mène également au Cameroun un programme d'électrification": adverbs and a complement of
    // place between the verb and its object; "mène au Kenya une étude ..., avec un programme" leads no
    // programme (its object is a study)
    EXPECT_EQ(e.pairs(), (Pairs{{"AIMF", "Cameroun"}}));
}

}  // namespace
}  // namespace coopatlas::indexer
