#include "indexer/extract/associations.hpp"

#include <gtest/gtest.h>

#include "partnership_fixture.hpp"

namespace coopatlas::indexer {
namespace {

using testing::source_lexicon;

std::string lead_name(const std::string& value) {
    auto m = association_lead(value, source_lexicon());
    return m ? m->name : "";
}

TEST(Associations, LeadNamesTheFirstOrganisationWithoutItsIntroducer) {
    EXPECT_EQ(lead_name("association Sites et Cités remarquables de France"), "Sites et Cités remarquables de France");
    EXPECT_EQ(lead_name("rrmA « Lianes Coopération »"), "Lianes Coopération");
    EXPECT_EQ(lead_name("AimF + partenaires locaux (reFeLA Cam/ collectivités locales + FeiCom) + Ademe"), "AIMF");
    EXPECT_EQ(lead_name("AimF, collectivité bénéficiaire, partenaires français"), "AIMF");
    EXPECT_EQ(lead_name("GiP AVitem"), "AVITEM");
    EXPECT_EQ(lead_name("association terres en villes"), "Terres en villes");
}

TEST(Associations, NoAssociationInAPlaceOrACommonPhrase) {
    EXPECT_EQ(lead_name("Occitanie"), "");
    EXPECT_EQ(lead_name("collectivité bénéficiaire"), "");
    EXPECT_EQ(lead_name(""), "");
}

TEST(Associations, LeadIsAFrenchPartyOfKindAssociation) {
    auto m = association_lead("association Vitagora", source_lexicon());
    ASSERT_TRUE(m);
    EXPECT_EQ(m->kind, "association");
    EXPECT_EQ(m->french, 1);
    ASSERT_TRUE(m->country);
    EXPECT_EQ(m->country->code, "FR");
}

TEST(Associations, MixedCapitalsOfAShortWordMakeAnAcronym) {
    EXPECT_EQ(repair_acronyms("AimF"), "AIMF");
    EXPECT_EQ(repair_acronyms("Lianes Coopération"), "Lianes Coopération");
    EXPECT_EQ(repair_acronyms("Fonds mondial des villes"), "Fonds mondial des villes");
}

}  // namespace
}  // namespace coopatlas::indexer
