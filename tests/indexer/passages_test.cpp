#include "indexer/extract/passages.hpp"

#include <gtest/gtest.h>

#include "core/text.hpp"
#include "indexer/country_codes.hpp"
#include "indexer/extract/passage_countries.hpp"
#include "indexer/guide/sections.hpp"

using namespace coopatlas;
using namespace coopatlas::indexer;
using coopatlas::test_support::country_codes;

TEST(Passages, EveryWordInExactlyOnePassageWithPageAndSection) {
    Guide g = Guide::load(std::string(COOPATLAS_FIXTURES) + "/pages_excerpt.txt");
    auto passages = extract_passages(g, section_paths(g));
    ASSERT_GE(passages.size(), 5u);

    size_t guide_words = 0, passage_words = 0;
    for (const auto& l : g.lines()) guide_words += text::words(l.text).size();
    for (const auto& p : passages) passage_words += text::words(p.text).size();
    // Hyphenation joins two fragments into one word, once in the fixture.
    EXPECT_EQ(passage_words + 1, guide_words);

    const Record* water = nullptr;
    for (const auto& p : passages)
        if (text::fold(p.text).find("ps-eau") != std::string::npos) water = &p;
    ASSERT_NE(water, nullptr);
    EXPECT_EQ(water->page, 12);
    ASSERT_FALSE(water->section.empty());
    EXPECT_EQ(water->section.back(), "1.2 Eau/assainissement");
    EXPECT_EQ(water->type, "passage");
    EXPECT_EQ(water->id.rfind("passage/", 0), 0u);
}

TEST(Passages, IdsAreStableAcrossRuns) {
    Guide g = Guide::load(std::string(COOPATLAS_FIXTURES) + "/pages_excerpt.txt");
    auto a = extract_passages(g, section_paths(g));
    auto b = extract_passages(g, section_paths(g));
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].id, b[i].id);
}

// The title and the text are display text: the small caps damage of the guide is
// repaired as in the other records' fields. The text changes case only (search
// folds case), and its lower-case words stay as printed.
TEST(Passages, TitleAndTextRepairSmallCapsDamage) {
    Guide g = Guide::load(std::string(COOPATLAS_SOURCE_DIR) + "/data/guide/guide.txt");
    auto passages = extract_passages(g, section_paths(g));
    auto by_text = [&](const std::string& start) -> const Record* {
        for (const auto& p : passages)
            if (text::fold(p.text).rfind(text::fold(start), 0) == 0) return &p;
        return nullptr;
    };
    const Record* glossary = by_text("dAeCt : délégation");
    ASSERT_NE(glossary, nullptr);
    EXPECT_EQ(glossary->title.rfind("DAECT : délégation", 0), 0u) << glossary->title;
    EXPECT_EQ(glossary->text.rfind("DAECT : délégation", 0), 0u) << glossary->text;
    const Record* heading = by_text("s’EnGAGER À L’InTERnATIonAL");
    ASSERT_NE(heading, nullptr);
    EXPECT_EQ(heading->title.rfind("S’engager", 0), 0u) << heading->title;
    EXPECT_NE(heading->title.find("international fait partie du mandat des élus"), std::string::npos) << heading->title;
    size_t damaged = 0;
    for (const auto& p : passages)
        for (const char* word : {"PRoGRAMME", "dAeCt", "AIRf", "AFd ", "ConTACTs"})
            damaged += (p.title.find(word) != std::string::npos) + (p.text.find(word) != std::string::npos);
    EXPECT_EQ(damaged, 0u);
    // An address keeps its letters: "orleans-metropole.fr" (guide line 4851) gains
    // no accents and "cites-unies-france.org" no proper noun.
    size_t addresses = 0;
    for (const auto& p : passages) {
        addresses += p.text.find("c.koukoui@cites-unies-france.org") != std::string::npos;
        EXPECT_EQ(p.text.find("Orléans-Métropole.fr"), std::string::npos) << p.id;
        EXPECT_EQ(p.text.find("orleans-metropole.fr") == std::string::npos,
                  text::fold(p.text).find("orleans-metropole.fr") == std::string::npos)
            << p.id;
    }
    EXPECT_GT(addresses, 0u);
}
