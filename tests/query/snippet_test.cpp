#include "query/snippet.hpp"

#include <gtest/gtest.h>

#include "core/terms.hpp"
#include "core/text.hpp"

using namespace coopatlas;
using namespace coopatlas::query;

namespace {
MatchTerms terms_for(std::initializer_list<const char*> typed) {
    MatchTerms t;
    for (const char* w : typed) {
        std::string f = text::fold(w);
        t.words.insert(f);
        t.stems.insert(terms::stem(f));
    }
    return t;
}
}  // namespace

TEST(HtmlEscape, AllFiveCharacters) {
    EXPECT_EQ(html_escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
}

TEST(Snippet, AccentedWordsKeepEveryLetter) {
    EXPECT_EQ(make_snippet("Le maire François Dupont", terms_for({"francois"})),
              "Le maire <mark>François</mark> Dupont");
    EXPECT_EQ(make_snippet("Élysée et élus", terms_for({"elysee"})), "<mark>Élysée</mark> et élus");
}

TEST(Snippet, StemsAreMarkedWholeWords) {
    EXPECT_EQ(make_snippet("Les villes jumelées et les jumelages", terms_for({"jumelé"})),
              "Les villes <mark>jumelées</mark> et les <mark>jumelages</mark>");
    // the trap: "collections" is not a form of "collectivités"
    EXPECT_EQ(make_snippet("collectivités et collections", terms_for({"collectivites"})),
              "<mark>collectivités</mark> et collections");
}

TEST(Snippet, ElisionStaysOutsideTheMark) {
    EXPECT_EQ(make_snippet("l’eau potable", terms_for({"eau"})), "l’<mark>eau</mark> potable");
}

TEST(Snippet, TextIsEscapedAroundMarks) {
    EXPECT_EQ(make_snippet("eau <b> & \"assainissement\"", terms_for({"assainissement"})),
              "eau &lt;b&gt; &amp; &quot;<mark>assainissement</mark>&quot;");
}

TEST(Snippet, StopWordsAreNeverMarked) {
    MatchTerms t = terms_for({"de"});
    EXPECT_EQ(make_snippet("agence de développement", t), "agence de développement");
}

TEST(Snippet, BestFragmentOfALongText) {
    std::string text;
    for (int i = 0; i < 60; ++i) text += "mot" + std::to_string(i) + " ";
    text += "ici le financement des collectivités";
    for (int i = 0; i < 60; ++i) text += " suite" + std::to_string(i);
    std::string s = make_snippet(text, terms_for({"financer", "collectivites"}), 20);
    EXPECT_EQ(s.rfind("… ", 0), 0u);
    EXPECT_NE(s.find("<mark>financement</mark> des <mark>collectivités</mark>"), std::string::npos);
    EXPECT_EQ(s.find("mot1 "), std::string::npos);
    EXPECT_EQ(s.substr(s.size() - 4), " …");
}

TEST(Snippet, PrefixesMark) {
    MatchTerms t;
    t.prefixes.insert("coop");
    EXPECT_EQ(make_snippet("la Coopération", t), "la <mark>Coopération</mark>");
}

TEST(Snippet, EmptyAndMarkless) {
    EXPECT_EQ(make_snippet("", terms_for({"eau"})), "");
    EXPECT_EQ(make_snippet("rien à voir", terms_for({"eau"})), "rien à voir");
}

TEST(Snippet, PrefersTheFragmentWithMoreDifferentWords) {
    std::string text = "eau eau eau eau";
    for (int i = 0; i < 40; ++i) text += " mot" + std::to_string(i);
    text += " eau et assainissement";
    std::string s = make_snippet(text, terms_for({"eau", "assainissement"}), 10);
    EXPECT_NE(s.find("<mark>eau</mark> et <mark>assainissement</mark>"), std::string::npos) << s;
}

TEST(Snippet, WordsComputedOnceGiveTheSameSnippet) {
    const std::string text =
        "La coopération décentralisée porte sur l'eau et l'assainissement : les communes coopèrent "
        "pour l'accès à l'eau potable, et la coopération dure.";
    const auto words = text_words(text);
    ASSERT_FALSE(words.empty());
    EXPECT_EQ(words.front().folded, "la");
    EXPECT_TRUE(words.front().stopword);
    EXPECT_EQ(words[1].stem, terms::stem("cooperation"));
    for (const auto& typed : {terms_for({"eau"}), terms_for({"cooperer", "potable"}), terms_for({"absent"})})
        for (size_t max_words : {3u, 8u, 30u})
            EXPECT_EQ(make_snippet(text, words, typed, max_words), make_snippet(text, typed, max_words));
}
