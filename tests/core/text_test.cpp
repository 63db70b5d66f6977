#include "core/text.hpp"

#include <gtest/gtest.h>

using namespace coopatlas::text;

TEST(Fold, RemovesAccentsAndCase) {
    EXPECT_EQ(fold("Coopération Décentralisée"), "cooperation decentralisee");
    EXPECT_EQ(fold("ŒUVRE cœur"), "oeuvre coeur");
    EXPECT_EQ(fold("l’Agence"), "l'agence");
}

TEST(Fold, DecomposedAndComposedAgree) {
    EXPECT_EQ(fold("e\xCC\x81t\xC3\xA9"), "ete");  // "e" + U+0301 then "é"
}

TEST(Tokenize, DropsFrenchElision) {
    auto w = words("l’Agence d'eau jusqu’à lorsqu'il aujourd'hui");
    std::vector<std::string> expected = {"agence", "eau", "a", "il", "aujourd", "hui"};
    EXPECT_EQ(w, expected);
}

TEST(Tokenize, SpansCoverOriginalAccentedLetters) {
    std::string s = "Françoise à l’Élysée";
    auto t = tokenize(s);
    ASSERT_EQ(t.size(), 3u);
    EXPECT_EQ(s.substr(t[0].begin, t[0].end - t[0].begin), "Françoise");
    EXPECT_EQ(s.substr(t[2].begin, t[2].end - t[2].begin), "Élysée");
    EXPECT_EQ(t[2].folded, "elysee");
}

TEST(Tokenize, SplitsHyphensAndKeepsDigits) {
    std::vector<std::string> expected = {"saint", "etienne", "2020", "odd", "6"};
    EXPECT_EQ(words("Saint-Étienne, 2020 (ODD 6)"), expected);
}

TEST(Stopwords, FunctionWordsOnly) {
    EXPECT_TRUE(is_stopword("les"));
    EXPECT_FALSE(is_stopword("eau"));
}
