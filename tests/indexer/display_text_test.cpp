#include "indexer/guide/display_text.hpp"

#include <gtest/gtest.h>

using namespace coopatlas;
using namespace coopatlas::indexer;

namespace {
// Real excerpt of part III: index table, themes, geographies and the glossary.
const DisplayText& catalogue() {
    static const Guide g = Guide::load(std::string(COOPATLAS_FIXTURES) + "/catalogue_excerpt.txt");
    static const DisplayText d(g);
    return d;
}
}  // namespace

TEST(DisplayText, DamagedAcronymsFromTheGlossary) {
    EXPECT_EQ(catalogue().text("la dAeCt et le meAe"), "la DAECT et le MEAE");
    EXPECT_EQ(catalogue().text("l’AimF"), "l’AIMF");
    EXPECT_EQ(catalogue().text("depuis 2009, la CnCd"), "depuis 2009, la CNCD");
    EXPECT_EQ(catalogue().glossary().at("DAECT"),
              "délégation pour l’action extérieure des collectivités territoriales (MEAE)");
}

TEST(DisplayText, LowerCaseAcronymOnlyWhenTheGuideWritesItInCapitals) {
    // "ODD" is written in capitals in the excerpt's sentences; "mot" never is.
    DisplayText d(std::vector<std::string>{"Les 17 Objectifs de développement durable (ODD) résultant",
                                           "de l’Agenda 2030, les ODD sont", "le mot juste", "GLossAIRE DEs",
                                           "mot : mission opérationnelle transfrontalière",
                                           "odd : objectifs de développement durable", "126"});
    EXPECT_EQ(d.text("l’odd 7 et le mot"), "l’ODD 7 et le mot");
}

TEST(DisplayText, OtherDamagedWordsAndHeadings) {
    EXPECT_EQ(catalogue().heading("ConTACTs"), "Contacts");
    EXPECT_EQ(catalogue().heading("1.3 énergie"), "1.3 Énergie");
    EXPECT_EQ(catalogue().heading("ACCÈs AUx sERvICEs EssEnTIELs"), "Accès aux services essentiels");
    EXPECT_EQ(catalogue().heading("IIIe PartIe"), "IIIe partie");
}

TEST(DisplayText, ProperNounSeenCapitalisedInMidSentence) {
    // guide lines 3920 and 9208
    DisplayText d(std::vector<std::string>{"de Nice d’échanger leurs savoir-faire respectifs avec les",
                                           "la Métropole de Nice Côte d’Azur avec Alexandrie"});
    EXPECT_EQ(d.text("Métropole nice Côte d’Azur"), "Métropole Nice Côte d’Azur");
    EXPECT_EQ(d.text("une ville nice"), "une ville Nice");
    EXPECT_EQ(d.text("une ville agréable"), "une ville agréable");
}

TEST(DisplayText, NamesCapitalisedByPosition) {
    EXPECT_EQ(catalogue().name("virginie Rouquette"), "Virginie Rouquette");
    EXPECT_EQ(catalogue().name("mikaël roux"), "Mikaël Roux");
    EXPECT_EQ(catalogue().name("onDoUA"), "Ondoua");
    EXPECT_EQ(catalogue().name("jean-yves hazoume"), "Jean-Yves Hazoume");
    EXPECT_EQ(catalogue().name("Charles de gaulle"), "Charles de Gaulle");
}

TEST(DisplayText, CapitalizeFirstHandlesAccents) {
    EXPECT_EQ(capitalize_first("énergie"), "Énergie");
    EXPECT_EQ(capitalize_first("« clés en main »"), "« Clés en main »");
    EXPECT_EQ(capitalize_first(""), "");
}

TEST(DisplayText, CapitalOpeningASentenceMakesNoProperNoun) {
    // "Biodiversité" only ever opens a sentence: the lower-case word stays a common noun.
    DisplayText d(std::vector<std::string>{"Le projet avance. Biodiversité et climat vont de pair,",
                                           "car la biodiversité est menacée : Biodiversité encore"});
    EXPECT_EQ(d.text("la biodiversité"), "la biodiversité");
}

TEST(DisplayText, OnlyLettersTheSmallCapsLostAreRestored) {
    // Sentences opened by "n" in lower case show that small caps lost capital Ns; capital As were
    // never lost, so "alimentation" is a common noun even if a name capitalises it.
    std::vector<std::string> lines = {"Il part. nous venons. nos amis restent. notre ville",
                                      "de Nice et de l’Alimentation durable avec."};
    for (int i = 0; i < 6; ++i) lines.push_back("Une ville. Alors voilà. Avec eux. Bref. Cela.");
    DisplayText d(lines);
    EXPECT_EQ(d.text("une ville nice"), "une ville Nice");
    EXPECT_EQ(d.text("l’alimentation"), "l’alimentation");
}

TEST(DisplayText, ShortDamagedWordMostlyInCapitalsIsAnAcronym) {
    DisplayText d(std::vector<std::string>{"Le rYCo est basé à Tirana."});
    EXPECT_EQ(d.text("représentant du GEsCoD au Cameroun"), "représentant du GESCOD au Cameroun");
    EXPECT_EQ(d.text("experte française au sein de RYCo"), "experte française au sein de RYCO");
    EXPECT_EQ(d.name("onDoUA"), "Ondoua");
    EXPECT_EQ(d.heading("ConTACTs"), "Contacts");
}

TEST(DisplayText, AddressesAreNeverRepaired) {
    DisplayText d(std::vector<std::string>{"la France et la Métropole d’Orléans", "dont la DAECT a fait"});
    EXPECT_EQ(d.text("écrire à c.koukoui@cites-unies-france.org ou sur www.france-diplomatie.fr, en france"),
              "écrire à c.koukoui@cites-unies-france.org ou sur www.france-diplomatie.fr, en France");
    EXPECT_EQ(d.name("celine.cornier@orleans-metropole.fr"), "celine.cornier@orleans-metropole.fr");
    EXPECT_EQ(d.text("https://orleans-metropole.fr/dAeCt la dAeCt"), "https://orleans-metropole.fr/dAeCt la DAECT");
}

TEST(DisplayText, ProseRepairsOnlyDamagedWords) {
    // In a passage's running text a lower-case word is far more often a common noun.
    DisplayText d(std::vector<std::string>{"dont la DAECT a fait", "les Sites et la France",
                                           "L’Union européenne (UE) et l’UE", "des contacts"});
    EXPECT_EQ(d.prose("les sites de la dAeCt, ConTACTs, l’Ue"), "les sites de la DAECT, contacts, l’UE");
    EXPECT_EQ(d.text("les sites"), "les Sites");  // a title or field takes the capital form
    EXPECT_EQ(d.prose("PROGRAMME en france"), "PROGRAMME en france");
}

TEST(DisplayText, DamagedWordAloneInBracketsIsTheAcronymItDefines) {
    // guide lines 8931 and 7816-7820: no capitals anywhere, the brackets say it.
    DisplayText d(std::vector<std::string>{"l’Association des communes de roumanie (ACor), s’est",
                                           "l’association initiatives France-Hongrie (inFH)", "le pS-eau (réseau)"});
    EXPECT_EQ(d.prose("de roumanie (ACor), puis l’inFH"), "de roumanie (ACOR), puis l’INFH");
    EXPECT_EQ(d.text("l’ACor"), "l’ACOR");
    EXPECT_EQ(d.prose("le pS-eau"), "le PS-eau");  // not alone in its brackets: no acronym learnt
}

TEST(DisplayText, DamagedWordNeverInLowerCaseIsSetInCapitals) {
    // "ConTACTs" is the common word the guide prints as "contacts"; "ViH", "l’otAn", "TERRInCLUs" are
    // printed in lower case nowhere: acronyms or names set in capitals, as small caps are.
    DisplayText d(std::vector<std::string>{"des contacts", "la lutte contre le ViH", "le projet TERRInCLUs",
                                           "Les PlatformAwards"});
    EXPECT_EQ(d.prose("ConTACTs, ViH, l’otAn, TERRInCLUs"), "contacts, VIH, l’OTAN, TERRINCLUS");
    // capitalised parts of four letters or more are a name's own case, shorter ones damage
    EXPECT_EQ(d.prose("les PlatformAwards, l’AmAie, FeiCom"), "les PlatformAwards, l’AMAIE, FEICOM");
}
