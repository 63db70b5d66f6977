#include "indexer/places/place_kind.hpp"

#include <gtest/gtest.h>

#include "indexer/places/collectivite_prefix.hpp"

using namespace coopatlas::indexer;

TEST(PlaceKind, EveryKindReadsBackFromItsName) {
    for (PlaceKind k : {PlaceKind::country, PlaceKind::admin1, PlaceKind::admin2, PlaceKind::epci, PlaceKind::commune,
                        PlaceKind::city})
        EXPECT_EQ(parse_place_kind(to_string(k)), k) << to_string(k);
    EXPECT_EQ(to_string(PlaceKind::admin2), "admin2");
}

TEST(PlaceKind, OtherNamesAreNoKind) {
    EXPECT_FALSE(parse_place_kind("région"));
    EXPECT_FALSE(parse_place_kind("City"));
    EXPECT_FALSE(parse_place_kind(""));
}

TEST(CollectivitePrefix, StripsTheLegalPrefixOnly) {
    EXPECT_EQ(strip_collectivite_prefix("CA du Grand Angoulême"), "Grand Angoulême");
    EXPECT_EQ(strip_collectivite_prefix("Métropole de Lyon"), "Lyon");
    EXPECT_EQ(strip_collectivite_prefix("Communauté de communes de Puisaye-Forterre"), "Puisaye-Forterre");
    EXPECT_EQ(strip_collectivite_prefix("CA d'Épinal"), "Épinal");
    EXPECT_EQ(strip_collectivite_prefix("Nantes Métropole"), "Nantes Métropole");
}
