#include "indexer/guide/definitions.hpp"

#include <gtest/gtest.h>

using namespace coopatlas::indexer;
using Words = std::vector<std::string>;

// Opening sentences of the guide's passages (p. 22, 31, 61, 94).
TEST(DefinedSubject, CopulaWithDeterminerAfterTheSubject) {
    EXPECT_EQ(defined_subject("La DAECT, déjà citée pour ce qui concerne les cofinancements (voir page 23), est le "
                              "service du ministère de l’europe et des Affaires étrangères (MEAE)."),
              Words{"daect"});
    EXPECT_EQ(defined_subject("Platforma est un réseau d’associations de collectivités. Il compte 30 membres."),
              (Words{"platforma"}));
    EXPECT_EQ(defined_subject("L’Association nationale des communes du Bénin (ANCB) est le référent national."),
              (Words{"association", "nationale", "communes", "benin", "ancb"}));
    EXPECT_EQ(defined_subject("• Le GESCOD (RRMA du Grand est) est un acteur important de la coopération."),
              (Words{"gescod", "rrma", "grand"}));
    EXPECT_EQ(defined_subject("Les « appariements scolaires » sont une forme de coopération facile."),
              (Words{"appariements", "scolaires"}));
}

TEST(DefinedSubject, NoDefinition) {
    EXPECT_TRUE(defined_subject("La DAECT est toujours disponible pour conseiller les collectivités.").empty());
    EXPECT_TRUE(defined_subject("En 2019, la DAECT est l’un des financeurs du programme.").empty());  // a clause first
    EXPECT_TRUE(defined_subject("Pour ce qui est des politiques alimentaires urbaines, on notera.").empty());
    EXPECT_TRUE(defined_subject("Son activité principale est l’organisation d’échanges.").empty());
    EXPECT_TRUE(
        defined_subject("nombreuses sont les thématiques sur lesquelles coopèrent la France et le Japon.").empty());
    EXPECT_TRUE(defined_subject("La DAECT lance des appels à projets. Elle est le service du ministère.").empty());
    EXPECT_TRUE(defined_subject("contact | DAECT").empty());
    EXPECT_TRUE(defined_subject("").empty());
}
