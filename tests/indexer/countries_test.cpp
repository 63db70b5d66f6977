#include "indexer/places/countries.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "indexer/country_codes.hpp"

using namespace coopatlas;
using namespace coopatlas::indexer;
using coopatlas::test_support::country_codes;

namespace {
const CountryTable& table() {
    static const CountryTable t =
        CountryTable::load(std::string(COOPATLAS_SOURCE_DIR) + "/node_modules/i18n-iso-countries/langs/fr.json");
    return t;
}
}  // namespace

TEST(Countries, LookupIgnoresCaseAccentsAndPunctuation) {
    EXPECT_EQ(table().lookup("Bénin")->code, "BJ");
    EXPECT_EQ(table().lookup("benin")->code, "BJ");
    EXPECT_EQ(table().lookup("Côte d’Ivoire")->code, "CI");
    EXPECT_EQ(table().lookup("Macédoine du Nord")->name, "Macédoine du Nord");
    EXPECT_FALSE(table().lookup("Bretagne").has_value());
}

TEST(Countries, AliasesUsedByTheGuide) {
    EXPECT_EQ(table().lookup("Corée")->code, "KR");
    EXPECT_EQ(table().lookup("Rép. du Congo")->code, "CG");
    EXPECT_EQ(table().lookup("Congo")->name, "République du Congo");
}

TEST(Countries, FindInTextSmallCapsAndLineBreaks) {
    // guide line 2885: "5 pays : Burkina Faso, mali, mauritanie, niger, Sénégal"
    EXPECT_EQ(country_codes(table().find_in("5 pays : Burkina Faso, mali, mauritanie, niger, Sénégal")),
              (std::vector<std::string>{"BF", "ML", "MR", "NE", "SN"}));
    EXPECT_EQ(country_codes(table().find_in(
                  "Abidjan (Côte d’ivoire), Bobo-dioulasso (Burkina\nFaso), Kigali (rwanda), Gitega (Burundi)")),
              (std::vector<std::string>{"CI", "BF", "RW", "BI"}));
}

TEST(Countries, LongestNameWinsAndNoRepeats) {
    EXPECT_EQ(country_codes(table().find_in("République démocratique du Congo et Congo, puis le Congo")),
              (std::vector<std::string>{"CD", "CG"}));
}

TEST(Countries, FirstNamesAreNotCountriesInFreeText) {
    EXPECT_TRUE(table().find_in("Maurice Dupont et Dominique Martin, réunion à Lyon").empty());
    EXPECT_EQ(table().lookup("Maurice")->code, "MU");
}

TEST(Countries, MissingOrMalformedTableIsAnError) {
    EXPECT_THROW(CountryTable::load("/nonexistent/fr.json"), Error);
    EXPECT_THROW(CountryTable::parse("{\"countries\": 3}"), Error);
    EXPECT_THROW(CountryTable::parse("not json"), Error);
}

TEST(Countries, DefaultTableIsTheSourceTreeCopy) { EXPECT_GT(CountryTable::default_table().size(), 200u); }

TEST(Countries, KnowsTheWordsNamesStartWith) {
    EXPECT_TRUE(table().starts_a_name("benin"));
    EXPECT_TRUE(table().starts_a_name("cote"));        // "cote ivoire"
    EXPECT_TRUE(table().starts_a_name("republique"));  // "republique centrafricaine", ...
    EXPECT_FALSE(table().starts_a_name("ivoire"));     // inside a name only
    EXPECT_FALSE(table().starts_a_name("bretagne"));
}
