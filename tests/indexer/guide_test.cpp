#include "indexer/guide/guide.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

using namespace coopatlas;
using namespace coopatlas::indexer;

namespace {
Guide excerpt() { return Guide::load(std::string(COOPATLAS_FIXTURES) + "/pages_excerpt.txt"); }
}  // namespace

TEST(Guide, LineStartingWithOneSpaceOpensASheet) {
    Guide g = excerpt();
    EXPECT_EQ(g.sheet_count(), 4);
    EXPECT_EQ(g.lines()[0].sheet, 0);
    EXPECT_EQ(g.lines()[0].text, "PREMIÈRE PAGE");
    EXPECT_EQ(g.lines()[6].sheet, 1);
    EXPECT_EQ(g.lines()[6].text, "1.2 Eau/assainissement");
}

TEST(Guide, PrintedPagesInterpolatedBetweenFooterNumbers) {
    Guide g = excerpt();
    EXPECT_EQ(g.printed_page_of_sheet(1), 12);
    EXPECT_EQ(g.printed_page_of_sheet(3), 14);
    EXPECT_EQ(g.printed_page_of_sheet(2), 13);
    EXPECT_EQ(g.printed_page_of_sheet(0), 11);
}

TEST(Guide, JoinLinesUndoesHyphenationButKeepsCompounds) {
    Guide g = excerpt();
    EXPECT_EQ(join_lines(g, {"sur la coopé-", "ration décentralisée"}), "sur la coopération décentralisée");
    EXPECT_EQ(join_lines(g, {"jumelages franco-", "allemands."}), "jumelages franco-allemands.");
    // a word holding a slash (a pair of twinned towns, a URL) keeps its hyphen
    EXPECT_EQ(join_lines(g, {"Plouguerneau/edingen-", "neckarhausen, Coulaines/Weyhe"}),
              "Plouguerneau/edingen-neckarhausen, Coulaines/Weyhe");
    EXPECT_EQ(join_lines(g, {"https://aimf.asso.fr/Acces-a-l-", "eau.html"}),
              "https://aimf.asso.fr/Acces-a-l-eau.html");
}

TEST(Guide, MissingFileIsAClearError) {
    try {
        Guide::load("/no/such/guide.txt");
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("/no/such/guide.txt"), std::string::npos);
    }
}
