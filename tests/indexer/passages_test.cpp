#include "indexer/passages.hpp"

#include <gtest/gtest.h>

#include "core/text.hpp"
#include "indexer/sections.hpp"

using namespace coopatlas;
using namespace coopatlas::indexer;

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
        if (p.text.find("pS-eau") != std::string::npos) water = &p;
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
