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

TEST(Fold, EveryAccentOfFrench) {
    EXPECT_EQ(fold("àâäçéèêëîïôöùûüÿ ÀÉÈÇ"), "aaaceeeeiioouuuy aeec");
    EXPECT_EQ(fold("évènement"), fold("événement"));
}

TEST(Fold, TypographicApostrophesAndDashes) {
    EXPECT_EQ(fold("l’eau – d‘abord"), "l'eau - d'abord");
    EXPECT_EQ(words("l’Agence"), words("l'Agence"));
}

TEST(Tokenize, ElisionWithEveryApostropheAndCase) {
    std::vector<std::string> expected = {"eau", "agence", "elle", "ils"};
    EXPECT_EQ(words("L’eau D'Agence qu’elle jusqu’ils"), expected);
}

TEST(Tokenize, AbbreviationsAndEmailsSplitIntoWords) {
    std::vector<std::string> expected = {"s", "giovetti", "cites", "unies", "france", "org"};
    EXPECT_EQ(words("s.giovetti@cites-unies-france.org"), expected);
}

TEST(Tokenize, SaintEtienneWrittenThreeWays) {
    EXPECT_EQ(words("Saint-Étienne"), words("saint etienne"));
    EXPECT_EQ(words("SAINT-ÉTIENNE"), words("Saint Etienne"));
}

TEST(Tokenize, InvalidUtf8NeverThrows) {
    std::string bad = "eau\xff\xfe potable";
    auto w = words(bad);
    ASSERT_FALSE(w.empty());
    EXPECT_EQ(w.back(), "potable");
}

TEST(CollapseWhitespace, RunsAndEnds) {
    EXPECT_EQ(collapse_whitespace("  a \n\t b  "), "a b");
    EXPECT_EQ(collapse_whitespace("Côte\r\nd’Ivoire,  Bénin"), "Côte d’Ivoire, Bénin");
    EXPECT_EQ(collapse_whitespace(" \t\n"), "");
    EXPECT_EQ(collapse_whitespace("word"), "word");
}

TEST(Fold, AsciiRunsBetweenOtherLettersAndBadBytes) {
    EXPECT_EQ(fold("ABC-Été ZÜRICH"), "abc-ete zurich");
    EXPECT_EQ(fold("A\xFF"
                   "B\xC3"
                   "C"),
              "abc");  // invalid UTF-8 bytes are dropped
    EXPECT_EQ(fold(""), "");
}

TEST(Tokenize, AsciiPunctuationSplitsAndOtherScriptsAreWords) {
    EXPECT_EQ(words("eau_potable+assainissement/2030"),
              (std::vector<std::string>{"eau", "potable", "assainissement", "2030"}));
    EXPECT_EQ(words("Ελλάδα Москва"), (std::vector<std::string>{"ελλαδα", "москва"}));
}

TEST(Fold, SameAnswerEveryTime) {
    // Folded letters are memoised per thread: a second pass must agree with the first.
    const std::string text = "Œuvre, éàù ÇÉ ß Ǆ ﬁ İstanbul";
    const std::string first = fold(text);
    EXPECT_EQ(fold(text), first);
    EXPECT_EQ(fold("éé"), "ee");
}

TEST(Split, KeepsEmptyFieldsAndTheLastOne) {
    using V = std::vector<std::string>;
    EXPECT_EQ(split("a\t\tb", '\t'), (V{"a", "", "b"}));
    EXPECT_EQ(split("x,", ','), (V{"x", ""}));
    EXPECT_EQ(split("", '|'), (V{""}));
    EXPECT_EQ(split("no separator", '\t'), (V{"no separator"}));
}

TEST(WordsKey, PlainAsciiTextsGiveTheirWordsJoined) {
    // words_key reads plain ASCII without tokenize(): both must agree.
    auto joined = [](std::string_view text) {
        std::string key;
        for (const auto& w : words(text)) key += (key.empty() ? "" : " ") + w;
        return key;
    };
    std::vector<std::string> texts = {"Twin towns",
                                      "  Waste-management, 2030 ",
                                      "x",
                                      "",
                                      "A.B.C",
                                      "tab\there\nnew",
                                      "l'eau d'Agence",
                                      "Côte d’Ivoire",
                                      "Straße"};
    std::string every;  // every ASCII character between two letters
    for (int c = 0; c < 128; ++c) every += std::string("a") + static_cast<char>(c) + "B";
    texts.push_back(every);
    for (const auto& text : texts) EXPECT_EQ(words_key(text), joined(text)) << text;
    EXPECT_EQ(words_key("Twin-Towns  2030"), "twin towns 2030");
    EXPECT_EQ(words_key("l'Agence"), "agence");
}
