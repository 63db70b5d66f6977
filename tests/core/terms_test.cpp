#include "core/terms.hpp"

#include <gtest/gtest.h>

#include "core/text.hpp"

using namespace coopatlas;

namespace {
/// The stem of a word as typed (folded first, as at index and query time).
std::string stem_of(const std::string& typed) { return terms::stem(text::fold(typed)); }
}  // namespace

// The traps of French stemming (docs/style.md).
TEST(Stem, CollectivitesDoNotMeetCollections) {
    EXPECT_NE(stem_of("collectivités"), stem_of("collections"));
    EXPECT_NE(stem_of("collectivité"), stem_of("collection"));
    EXPECT_EQ(stem_of("collectivités"), stem_of("collectivite"));
    EXPECT_EQ(stem_of("Collectivités"), stem_of("collectivites"));
}

TEST(Stem, ChatimentIsNotChat) {
    EXPECT_NE(stem_of("châtiment"), stem_of("chat"));
    EXPECT_NE(stem_of("chatiment"), stem_of("chats"));
    EXPECT_EQ(stem_of("châtiments"), stem_of("chatiment"));
    EXPECT_EQ(stem_of("chats"), stem_of("chat"));
}

TEST(Stem, EvenementWithEitherAccent) {
    EXPECT_EQ(stem_of("évènement"), stem_of("événement"));
    EXPECT_EQ(stem_of("évènements"), stem_of("evenement"));
}

TEST(Stem, JumeleFindsJumelages) {
    EXPECT_EQ(stem_of("jumelé"), stem_of("jumelages"));
    EXPECT_EQ(stem_of("jumelées"), stem_of("jumelage"));
    EXPECT_EQ(stem_of("jumelees"), stem_of("jumele"));
}

TEST(Stem, FinancerFindsFinancement) {
    EXPECT_EQ(stem_of("financer"), stem_of("financement"));
    EXPECT_EQ(stem_of("financements"), stem_of("finance"));
}

TEST(Stem, DerivationsThatChangeMeaningAreKeptApart) {
    EXPECT_NE(stem_of("départements"), stem_of("départ"));
    EXPECT_NE(stem_of("communication"), stem_of("communes"));
    EXPECT_NE(stem_of("avantages"), stem_of("avant"));
}

TEST(Stem, ShortStemsAreRefused) {
    // Snowball would give "mal" (as for "mal") and "even".
    EXPECT_EQ(stem_of("Mali"), "mali");
    EXPECT_GE(stem_of("évènement").size(), terms::kMinStemLength);
}

TEST(Stem, NumbersAndShortWordsUnchanged) {
    EXPECT_EQ(terms::stem("2020"), "2020");
    EXPECT_EQ(terms::stem("odd6"), "odd6");
    EXPECT_EQ(terms::stem("eau"), "eau");
    EXPECT_EQ(stem_of("eaux"), "eau");
}

TEST(SynonymKey, FoldedContentWords) {
    EXPECT_EQ(terms::synonym_key("Agence française de développement"), "agence francaise developpement");
    EXPECT_EQ(terms::synonym_key("l’AFD"), "afd");
    EXPECT_EQ(terms::synonym_key("de la"), "");
}

TEST(IndexText, ExactWordsWithPositionsAndStems) {
    Xapian::Document doc;
    Xapian::termpos end = terms::index_text(doc, "Les villes jumelées", "", 1, 0);
    EXPECT_EQ(end, 3u);
    std::vector<std::string> all;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) all.push_back(*it);
    std::vector<std::string> expected = {"jumelees", "villes", "Zjumel", "Zvill"};
    std::sort(all.begin(), all.end());
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(all, expected);  // "les" is a stop word: no term, but it takes position 1
    auto pos = doc.termlist_begin();
    pos.skip_to("villes");
    EXPECT_EQ(*pos.positionlist_begin(), 2u);
}

TEST(IndexText, DroppedPositionsKeepTheSameTermsAndWdf) {
    Xapian::Document kept, dropped;
    terms::index_text(kept, "Villes jumelées, villes amies", "S", 2, 0);
    terms::index_text(dropped, "Villes jumelées, villes amies", "S", 2, 0, terms::Positions::dropped);
    auto a = kept.termlist_begin(), b = dropped.termlist_begin();
    for (; a != kept.termlist_end() && b != dropped.termlist_end(); ++a, ++b) {
        EXPECT_EQ(*a, *b);
        EXPECT_EQ(a.get_wdf(), b.get_wdf());
        EXPECT_EQ(b.positionlist_count(), 0u);
    }
    EXPECT_TRUE(a == kept.termlist_end() && b == dropped.termlist_end());
    auto villes = kept.termlist_begin();
    villes.skip_to("Svilles");
    EXPECT_EQ(villes.get_wdf(), 4u);  // twice, wdf_inc 2
    EXPECT_EQ(villes.positionlist_count(), 2u);
}

TEST(IndexText, RepeatedWordsGiveTheTermsOfTheirFirstAnalysis) {
    // The per-word memo must not leak one word's stem or stop status into another.
    Xapian::Document first, again;
    terms::index_text(first, "Les collectivités et les collections", "", 1, 0);
    terms::index_text(again, "collections collectivités les", "", 1, 0);
    std::vector<std::string> a, b;
    for (auto it = first.termlist_begin(); it != first.termlist_end(); ++it) a.push_back(*it);
    for (auto it = again.termlist_begin(); it != again.termlist_end(); ++it) b.push_back(*it);
    EXPECT_EQ(a, b);
    EXPECT_EQ(a, (std::vector<std::string>{"Zcollect", "Zcollectivit", "collections", "collectivites"}));
}
