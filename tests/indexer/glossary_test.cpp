#include "indexer/guide/glossary.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

using namespace coopatlas;
using namespace coopatlas::indexer;

// Lines of the guide's glossary (part III, p. 126), small caps as extracted.
TEST(GlossaryEntry, SmallCapsAcronyms) {
    auto a = glossary_entry("AFd : Agence française de développement");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->acronym, "AFd");
    EXPECT_EQ(a->expansion, "Agence française de développement");
    auto two =
        glossary_entry("dG deVCo : direction générale du développement et coopération de la Commission européenne");
    ASSERT_TRUE(two);
    EXPECT_EQ(two->acronym, "dG deVCo");
}

TEST(GlossaryEntry, OwnerInParenthesesIsDropped) {
    auto a = glossary_entry("FiCoL : Facilité de financement des collectivités territoriales (de l’AFd)");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->expansion, "Facilité de financement des collectivités territoriales");
}

TEST(GlossaryEntry, NotAnEntry) {
    EXPECT_FALSE(glossary_entry("Colombie : clarisse.paoloni@diplomatie.gouv.fr"));  // a contact line
    EXPECT_FALSE(glossary_entry("Note : voir plus loin"));                           // first letters differ
    EXPECT_FALSE(glossary_entry("AFD : Agence"));                                    // one word
    EXPECT_FALSE(glossary_entry("Une phrase ordinaire sans deux-points"));
}

TEST(DefinedAcronyms, SchwartzHearstLongForm) {
    auto found = defined_acronyms(
        "En 2019, l’Office franco-allemand pour la Jeunesse (OFAJ) a créé les volontaires ; la "
        "délégation pour l’action extérieure des collectivités territoriales (dAeCt) aide.");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].acronym, "OFAJ");
    EXPECT_EQ(found[0].expansion, "office franco allemand pour la jeunesse");
    EXPECT_EQ(found[1].expansion, "delegation pour action exterieure des collectivites territoriales");
}

TEST(DefinedAcronyms, IgnoresOrdinaryParentheses) {
    EXPECT_TRUE(defined_acronyms("une ville du Maroc (Fès) et du Bénin (Cotonou), en 2019 (voir p. 12)").empty());
    EXPECT_TRUE(defined_acronyms("un programme sans rapport (ABC)").empty());
}

TEST(SynonymPairs, AcronymsBothWaysWhenWrittenWithACapital) {
    Record glossary;
    glossary.type = "passage";
    glossary.text = "AFd : Agence française de développement";
    Record lower = glossary;
    lower.text = "mot : mission opérationnelle transfrontalière";
    auto pairs = synonym_pairs({glossary, lower});
    auto has = [&](const std::string& k, const std::string& v) {
        return std::find(pairs.begin(), pairs.end(), std::make_pair(k, v)) != pairs.end();
    };
    EXPECT_TRUE(has("afd", "Agence française de développement"));
    EXPECT_TRUE(has("agence francaise developpement", "AFd"));
    EXPECT_TRUE(has("mot", "mission opérationnelle transfrontalière"));
    EXPECT_FALSE(has("mission operationnelle transfrontaliere", "mot"));  // "mot" is also a French word
}
