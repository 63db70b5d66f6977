#include "indexer/sections.hpp"

#include <gtest/gtest.h>

using namespace coopatlas;
using namespace coopatlas::indexer;

namespace {
using Path = std::vector<std::string>;

struct Fixture {
    Guide guide = Guide::load(std::string(COOPATLAS_FIXTURES) + "/catalogue_excerpt.txt");
    std::vector<Path> paths = section_paths(guide);
    // Path of the first line (from `from`) whose text starts with `prefix`.
    Path at(const std::string& prefix, int from = 0) const {
        for (const auto& l : guide.lines())
            if (l.number > from && l.text.rfind(prefix, 0) == 0) return paths[static_cast<size_t>(l.number - 1)];
        ADD_FAILURE() << "no line starting with " << prefix;
        return {};
    }
    int line_of(const std::string& prefix, int from = 0) const {
        for (const auto& l : guide.lines())
            if (l.number > from && l.text.rfind(prefix, 0) == 0) return l.number;
        return 0;
    }
};
}  // namespace

TEST(Sections, TableOfContentsCreatesNoSection) {
    Fixture f;
    int toc = f.line_of("soMMAIRE");
    ASSERT_GT(toc, 0);
    EXPECT_EQ(f.at("1.1 Déchets", toc), (Path{"Thématiques"}));
    EXPECT_EQ(f.at("1.4 Santé", toc), (Path{"Thématiques"}));
}

TEST(Sections, ThemesPathNamesThePartAndTheTopLevelFromTheContents) {
    Fixture f;
    int body = f.line_of("1.4 Santé");
    EXPECT_EQ(f.at("1.1 Déchets", body), (Path{"Thématiques", "1 Accès aux services essentiels", "1.1 Déchets"}));
    // small-caps damage repaired in the title
    EXPECT_EQ(f.at("Ce dispositif résultant"), (Path{"Thématiques", "1 Accès aux services essentiels", "1.3 Énergie"}));
}

TEST(Sections, WrappedHeadingJoined) {
    Fixture f;
    // "3.1 Agriculture " / "et alimentation" (guide lines 3405-3406)
    Path p = f.at("La prise en compte de l’alimentation");
    ASSERT_FALSE(p.empty());
    EXPECT_EQ(p.back(), "3.1 Agriculture et alimentation");
    EXPECT_EQ(p.front(), "Thématiques");
}

TEST(Sections, GeographiesRestartNumberingAndTakeTheirNameFromTheFooter) {
    Fixture f;
    Path p = f.at("Le Bénin a engagé");
    EXPECT_EQ(p, (Path{"Géographies", "2", "2.1 Bénin"}));
}

TEST(Sections, NumbersInProseAreNotHeadings) {
    Fixture f;
    // "5 pays : Burkina Faso, mali, ..." inside a programme block (guide line 2885)
    Path p = f.at("5 pays : Burkina Faso");
    ASSERT_FALSE(p.empty());
    EXPECT_EQ(p.back(), "1.3 Énergie");
}

TEST(Sections, GlossaryIsItsOwnPart) {
    Fixture f;
    EXPECT_EQ(f.at("AAP : Appel à projets"), (Path{"Glossaire"}));
}
