#include "indexer/guide/sections.hpp"

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
    // The extraction lost the title of geography 2: the reviewed table data/section-titles.tsv gives it.
    EXPECT_EQ(p, (Path{"Géographies", "2 Afrique de l’Ouest", "2.1 Bénin"}));
}

TEST(Sections, ReviewedTitlesAreWellFormedAndOnlyForTheCataloguesParts) {
    // Every row parses (section_paths throws on a bad row) and names a part of the catalogue.
    Guide g = Guide::parse(" 2.1 Bénin\nLe Bénin.\n");
    ASSERT_NO_THROW(section_paths(g));
    std::string table(reviewed_section_titles_table());
    EXPECT_NE(table.find("Géographies\t2\tAfrique de l’Ouest\t"), std::string::npos);
    // Without a part name, nothing is looked up: the number stays bare.
    EXPECT_EQ(section_paths(g)[1], (Path{"2", "2.1 Bénin"}));
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

TEST(Sections, LeadParagraphsOpenTopLevelSectionsWhoseTitleWasLost) {
    // guide lines 3563, 3604-3611, 3652-3656, 3846, 4703-4706 and 4764: the titles of themes 4
    // and 5 and of geography 1 are lost, a sheet opening with a lead paragraph marks them.
    Guide g = Guide::parse(
        " 3.3 Lutte contre le changement climatique\nLe climat change.\n"
        " La coopération décentralisée avec \ndes partenaires étrangers se pratique \n"
        "souvent dans la langue de Molière. Des \npays francophones tels que le Sénégal.\n\nLa Francophonie.\n"
        " La gouvernance locale représente le cœur \nde métier des collectivités territoriales. \n"
        "C’est un sujet sur lequel elles détiennent \nune légitimité particulière.\n\nLa gouvernance.\n"
        " 6.1 Éducation\nL’éducation.\n"
        " Ancrés dans notre proximité géographique, \nle temps long de l’histoire ainsi que des \n"
        "échanges et des interactions humaines \nintenses et croisés.\n\nL’Afrique.\n"
        " 2.1 Bénin\nLe Bénin a engagé\n");
    auto paths = section_paths(g);
    auto at = [&](const std::string& prefix) {
        for (const auto& l : g.lines())
            if (l.text.rfind(prefix, 0) == 0) return paths[static_cast<size_t>(l.number - 1)];
        ADD_FAILURE() << prefix;
        return Path{};
    };
    EXPECT_EQ(at("Le climat"), (Path{"3", "3.3 Lutte contre le changement climatique"}));
    EXPECT_EQ(at("La Francophonie"), (Path{"4"}));
    EXPECT_EQ(at("La gouvernance."), (Path{"5"}));
    EXPECT_EQ(at("L’éducation"), (Path{"6", "6.1 Éducation"}));
    // the numbering restarts after the lead: the lead opens geography 1, before 2.1
    EXPECT_EQ(at("L’Afrique"), (Path{"1"}));
    EXPECT_EQ(at("Le Bénin"), (Path{"2", "2.1 Bénin"}));
}

TEST(Sections, DamagedTopLevelTitleInTheContents) {
    // guide lines 2638-2669: "4 fRAnCoPhonIE" names theme 4
    Guide g = Guide::parse(
        " Thématiques\n\nsoMMAIRE\n\n3 EnvIRonnEMEnT\n3.1 Agriculture et alimentation\n\n4 fRAnCoPhonIE\n"
        " 3.1 Agriculture et alimentation\nLe texte.\n"
        " La coopération décentralisée avec \ndes partenaires étrangers se pratique \n"
        "souvent dans la langue de Molière. Des \npays francophones tels que le Sénégal.\n\nLa Francophonie.\n"
        " 6.1 Éducation\nL’éducation.\n");
    auto paths = section_paths(g);
    for (const auto& l : g.lines()) {
        if (l.text == "La Francophonie.") {
            EXPECT_EQ(paths[static_cast<size_t>(l.number - 1)].back(), "4 Francophonie");
        }
    }
}
