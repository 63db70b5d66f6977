#include "indexer/places/place_knowledge.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace coopatlas::indexer {
namespace {

constexpr std::string_view kDemonyms = "# source\nstem\tcountry\ntunisien\tTunisie\n";
constexpr std::string_view kAliases = "alias\tcode\tscope\nRDC\tCD\tcountries\nQuébec\tCA\tparties\n";
constexpr std::string_view kRegions =
    "alias\tregion\tstandalone\nSud\tProvence-Alpes-Côte d'Azur\tno\nPACA\tProvence-Alpes-Côte d'Azur\tyes\n";
constexpr std::string_view kOverseas =
    "code\tname\tparty_kind\tinsee\nGP\tGuadeloupe\trégion\tyes\nNC\tNouvelle-Calédonie\tcollectivité\tno\n";

PlaceTables tables() { return {kDemonyms, kAliases, kRegions, kOverseas}; }

/// The message of the Error that parsing these tables throws, or "" when none is thrown.
std::string error_of(const PlaceTables& t) {
    try {
        PlaceKnowledge::parse(t);
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

TEST(PlaceKnowledge, ReadsEveryTable) {
    auto k = PlaceKnowledge::parse(tables());
    ASSERT_EQ(k.demonyms.size(), 1u);
    EXPECT_EQ(k.demonyms[0].stem, "tunisien");
    EXPECT_EQ(k.demonyms[0].country, "Tunisie");
    ASSERT_EQ(k.country_aliases.size(), 2u);
    EXPECT_EQ(k.country_aliases[0].scope, AliasScope::kCountries);
    EXPECT_EQ(k.country_aliases[1].scope, AliasScope::kParties);
    EXPECT_EQ(k.country_aliases[1].code, "CA");
    ASSERT_EQ(k.region_aliases.size(), 2u);
    EXPECT_EQ(k.region_aliases[0].region, "Provence-Alpes-Côte d'Azur");
    EXPECT_FALSE(k.region_aliases[0].standalone);
    EXPECT_TRUE(k.region_aliases[1].standalone);
    ASSERT_NE(k.overseas_territory("GP"), nullptr);
    EXPECT_TRUE(k.overseas_territory("GP")->insee);
    EXPECT_EQ(k.overseas_territory("NC")->party_kind, "collectivité");
    EXPECT_FALSE(k.overseas_territory("NC")->insee);
    EXPECT_EQ(k.overseas_territory("FR"), nullptr);
}

TEST(PlaceKnowledge, AMalformedRowNamesTheTableAndTheLine) {
    auto t = tables();
    t.demonyms = "# source\nstem\tcountry\ntunisien\tTunisie\nmalgache\n";
    EXPECT_NE(error_of(t).find("data/places/demonyms.tsv line 4"), std::string::npos) << error_of(t);
    t = tables();
    t.country_aliases = "alias\tcode\tscope\nRDC\tCD\teverywhere\n";
    EXPECT_NE(error_of(t).find("'everywhere' is not one of countries, parties"), std::string::npos) << error_of(t);
    t = tables();
    t.overseas_territories = "code\tname\tparty_kind\tinsee\nGuadeloupe\tGP\trégion\tyes\n";
    EXPECT_NE(error_of(t).find("not an ISO 3166-1 alpha-2 code"), std::string::npos) << error_of(t);
}

TEST(PlaceKnowledge, AWrongHeaderOrAnEmptyTableIsAnError) {
    auto t = tables();
    t.region_aliases = "name\tregion\tstandalone\nSud\tProvence-Alpes-Côte d'Azur\tno\n";
    EXPECT_NE(error_of(t).find("expected the header 'alias<TAB>region<TAB>standalone'"), std::string::npos)
        << error_of(t);
    t = tables();
    t.region_aliases = "# nothing yet\nalias\tregion\tstandalone\n";
    EXPECT_NE(error_of(t).find("data/places/region-aliases.tsv: the table has no rows"), std::string::npos)
        << error_of(t);
    t = tables();
    t.demonyms = "";
    EXPECT_NE(error_of(t).find("data/places/demonyms.tsv"), std::string::npos) << error_of(t);
}

TEST(PlaceKnowledge, TheBuiltinTablesAgreeOnTheOverseasTerritories) {
    const auto& k = PlaceKnowledge::builtin();
    // the five overseas départements are the ones whose communes INSEE lists
    for (const char* code : {"GP", "MQ", "GF", "RE", "YT"}) {
        ASSERT_NE(k.overseas_territory(code), nullptr) << code;
        EXPECT_TRUE(k.overseas_territory(code)->insee) << code;
    }
    for (const char* code : {"PM", "BL", "MF", "PF", "NC", "WF", "TF"}) {
        ASSERT_NE(k.overseas_territory(code), nullptr) << code;
        EXPECT_FALSE(k.overseas_territory(code)->insee) << code;
    }
    EXPECT_EQ(k.overseas_territory("YT")->party_kind, "département");
    EXPECT_FALSE(k.demonyms.empty());
}

}  // namespace
}  // namespace coopatlas::indexer
