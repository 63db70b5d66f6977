#include "indexer/extract/table_partnerships.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "indexer/extract/partnerships.hpp"
#include "indexer/guide/index_tables.hpp"
#include "indexer/guide/sections.hpp"
#include "partnership_fixture.hpp"

namespace coopatlas::indexer {
namespace {

using testing::read_fixture;
using testing::source_lexicon;

using Pairs = std::set<std::pair<std::string, std::string>>;

/// (French place, foreign place) of every partnership the fixture's text gives, with the lines
/// stating it.
std::map<std::pair<std::string, std::string>, std::vector<int>> table_partnerships(const std::string& fixture) {
    Guide guide = Guide::parse(read_fixture(fixture));
    auto records = extract_partnerships(guide, section_paths(guide), source_lexicon());
    std::map<std::string, std::string> place;
    for (const auto& r : records)
        if (r.type == "partner") place[r.id] = r.fields["place"].get<std::string>();
    std::map<std::pair<std::string, std::string>, std::vector<int>> out;
    for (const auto& r : records) {
        if (r.type != "partnership") continue;
        auto& lines = out[{place[r.fields["parties"][0]], place[r.fields["parties"][1]]}];
        for (const auto& o : r.fields["occurrences"]) lines.push_back(o["line"].get<int>());
    }
    return out;
}

Pairs pairs_of(const std::map<std::pair<std::string, std::string>, std::vector<int>>& found) {
    Pairs out;
    for (const auto& [pair, lines] : found) out.insert(pair);
    return out;
}

TEST(IndexTables, RowsEndAtTheirPageReference) {
    Guide guide = Guide::parse(read_fixture("table_partnerships.txt"));
    auto rows = index_table_rows(guide.lines());
    ASSERT_EQ(rows.size(), 10u);
    // a wrapped cell and a blank line inside the row; the prose after the table is no row
    EXPECT_EQ(rows[0].text(),
              "Afrique de l’Ouest (Mauritanie, Niger, Sénégal) Électrification rurale Lianes Coopération");
    EXPECT_EQ(rows[0].pages, std::vector<int>{43});
    EXPECT_EQ(rows[0].lines.front().first, 9);
    EXPECT_EQ(rows[0].line_at(rows[0].text().find("Niger")), 10);
    EXPECT_TRUE(rows[0].has_lead_column());
    EXPECT_EQ(rows[3].text(), "Cameroun Énergie durable");
    EXPECT_FALSE(rows[3].has_lead_column());
    EXPECT_EQ(rows[8].text(),
              "Liban Formation des élus et techniciens territoriaux CD Aude, Seine-Maritime et Yvelines");
}

TEST(IndexTables, CountryCells) {
    std::size_t end = 0;
    auto countries = table_countries("Bénin et Togo Sécurité alimentaire CR Grand Est", source_lexicon(), end);
    ASSERT_EQ(countries.size(), 2u);
    EXPECT_EQ(countries[1].place, "Togo");
    EXPECT_EQ(end, std::string("Bénin et Togo").size());
    countries = table_countries("Afrique de l’Ouest (Mali, Niger) Électrification", source_lexicon(), end);
    ASSERT_EQ(countries.size(), 2u);
    EXPECT_EQ(std::string("Afrique de l’Ouest (Mali, Niger) Électrification").substr(end), " Électrification");
    // a region without its countries names none
    EXPECT_TRUE(table_countries("Pays d’Afrique de l’Ouest Ville durable", source_lexicon(), end).empty());
}

TEST(IndexTables, LeadCellsCloseTheRow) {
    std::size_t begin = 0;
    std::string cells = " Patrimoine méditerranéen Arles, CR Sud-PACA";
    auto leads = table_leads(cells, source_lexicon(), begin);
    ASSERT_EQ(leads.size(), 2u);
    EXPECT_EQ(leads[0].place, "Arles");
    EXPECT_EQ(leads[1].kind, "région");
    EXPECT_EQ(leads[1].place, "Provence-Alpes-Côte d'Azur");
    EXPECT_EQ(cells.substr(begin), "Arles, CR Sud-PACA");
    // the abbreviation's kind goes on over the list
    leads = table_leads(" Formation des élus CD Aude, Seine-Maritime et Yvelines", source_lexicon(), begin);
    ASSERT_EQ(leads.size(), 3u);
    for (const auto& m : leads) EXPECT_EQ(m.kind, "département");
    EXPECT_EQ(leads[2].place, "Yvelines");
    // a theme alone has no lead
    EXPECT_TRUE(table_leads(" Sécurité alimentaire", source_lexicon(), begin).empty());
}

TEST(IndexTables, EachLeadWithEachCountry) {
    auto found = table_partnerships("table_partnerships.txt");
    EXPECT_EQ(pairs_of(found), (Pairs{// a region's countries in parentheses, the network of the glossary
                                      {"Lianes Coopération", "Mauritanie"},
                                      {"Lianes Coopération", "Niger"},
                                      {"Lianes Coopération", "Sénégal"},
                                      {"Lianes Coopération", "Pologne"},
                                      // "Pays d'Afrique de l'Ouest" names no country; the AIMF's table
                                      // ("Cameroun Énergie durable") has no lead column: no pair
                                      {"Orléans", "Bénin"},
                                      {"Grand Est", "Bénin"},
                                      {"Grand Est", "Togo"},
                                      {"Cités Unies France", "Mali"},
                                      // "Mali, Bukina Faso, Niger": a typo inside a list of countries
                                      {"Cités Unies France", "Burkina Faso"},
                                      {"Cités Unies France", "Niger"},
                                      {"Arles", "Algérie"},
                                      {"Arles", "Tunisie"},
                                      {"Provence-Alpes-Côte d'Azur", "Algérie"},
                                      {"Provence-Alpes-Côte d'Azur", "Tunisie"},
                                      {"Aude", "Liban"},
                                      {"Seine-Maritime", "Liban"},
                                      {"Yvelines", "Liban"},
                                      // the long form of an acronym the glossary defines
                                      {"AIRF", "Madagascar"}}));
    // named on the lines naming each party (the row starts on line 9)
    EXPECT_EQ(found[std::make_pair("Lianes Coopération", "Niger")], (std::vector<int>{10, 12}));
    EXPECT_EQ(found[std::make_pair("Yvelines", "Liban")], (std::vector<int>{39, 43}));
}

}  // namespace
}  // namespace coopatlas::indexer
