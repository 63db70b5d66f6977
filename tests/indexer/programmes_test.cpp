#include "indexer/extract/programmes.hpp"

#include <gtest/gtest.h>

#include "core/text.hpp"
#include "indexer/guide/sections.hpp"

using namespace coopatlas;
using namespace coopatlas::indexer;

namespace {
struct ProgrammesFixture {
    Guide guide = Guide::load(std::string(COOPATLAS_FIXTURES) + "/catalogue_excerpt.txt");
    std::vector<Record> programmes = extract_programmes(guide, section_paths(guide));
    const Record& with_email(const std::string& email) const {
        for (const auto& r : programmes)
            for (const auto& e : r.fields["emails"])
                if (e == email) return r;
        throw std::runtime_error("no programme with " + email);
    }
    int line_of(const std::string& prefix) const {
        for (const auto& l : guide.lines())
            if (l.text.rfind(prefix, 0) == 0) return l.number;
        return 0;
    }
};
// Display case depends on what the whole guide teaches (proper nouns); compare folded.
std::vector<std::string> folded(const nlohmann::json& list) {
    std::vector<std::string> out;
    for (const auto& s : list) out.push_back(text::fold(s.get<std::string>()));
    return out;
}
std::vector<std::string> codes(const Record& r) {
    std::vector<std::string> out;
    for (const auto& c : r.countries) out.push_back(c.code);
    return out;
}
}  // namespace

TEST(Programmes, EveryBlockButTheStubsIsARecord) {
    ProgrammesFixture f;
    // AIMF water, AIRF electrification, Terres en villes, Grand Est; the two stubs are not records.
    ASSERT_EQ(f.programmes.size(), 4u);
    for (const auto& r : f.programmes) {
        EXPECT_EQ(r.type, "programme");
        EXPECT_EQ(r.id.rfind("programme/", 0), 0u);
    }
}

TEST(Programmes, BulletsKindOddAndEmailSplitFromItsLabel) {
    ProgrammesFixture f;
    // "•	 Coordonnées :  " / "" / "ivan.dedessuslemoustier@auvergnerhonealpes.fr." (guide lines 2893-2895)
    const Record& airf = f.with_email("ivan.dedessuslemoustier@auvergnerhonealpes.fr");
    EXPECT_EQ(airf.fields["kind"], "clés en main");
    EXPECT_EQ(airf.odd, (std::vector<int>{7, 8, 9, 13}));
    EXPECT_EQ(codes(airf), (std::vector<std::string>{"BF", "ML", "MR", "NE", "SN"}));
    EXPECT_EQ(text::fold(airf.fields["lead"].get<std::string>()), "association airf");
    EXPECT_EQ(airf.fields["budget"], "4 076 euros");
    EXPECT_EQ(airf.section.back(), "1.3 Énergie");
}

TEST(Programmes, ValueRunningOverABlankLine) {
    ProgrammesFixture f;
    const Record& tev = f.with_email("marc.nielsen@terresenvilles.org");
    EXPECT_EQ(folded(tev.themes),
              (std::vector<std::string>{"agriculture periurbaine", "plan territorial d'alimentation"}));
    EXPECT_EQ(folded(tev.fields["destinations"]), (std::vector<std::string>{"sfax (tunisie)", "fes (maroc)"}));
    EXPECT_EQ(tev.fields["budget"], "entre 3 000 et 6 000 euros");
    EXPECT_EQ(tev.title, "« clés en main »");
}

TEST(Programmes, PrintedPageFromTheIndexTable) {
    ProgrammesFixture f;
    // "Maroc, Tunisie  Filières agro-écologiques  Terres en villes  Page 49"
    EXPECT_EQ(f.with_email("marc.nielsen@terresenvilles.org").page, 49);
    // "Afrique de l’Ouest (...)  Électrification rurale  Association internationale des régions francophones  Page 43"
    EXPECT_EQ(f.with_email("ivan.dedessuslemoustier@auvergnerhonealpes.fr").page, 43);
}

TEST(Programmes, CrossReferenceStubPointsToTheProgrammeItNames) {
    ProgrammesFixture f;
    // "PRoGRAMME / mutualisable / Voir page 69, le projet mené par le conseil régional Grand est"
    const Record& grand_est = f.with_email("mikael.roux@grandest.fr");
    int stub = f.line_of("Voir page 69");
    ASSERT_GT(stub, 0);
    ASSERT_EQ(grand_est.fields["cited_at"].size(), 1u);
    EXPECT_EQ(grand_est.fields["cited_at"][0]["line"], stub - 4);  // the PRoGRAMME heading of the stub
    EXPECT_EQ(text::fold(grand_est.fields["lead"].get<std::string>()), "conseil regional grand est");
    EXPECT_EQ(codes(grand_est), (std::vector<std::string>{"BJ", "TG"}));
    EXPECT_EQ(grand_est.section, (std::vector<std::string>{"Géographies", "2 Afrique de l’Ouest", "2.1 Bénin"}));
    // the person of the Coordonnées is a contact record id
    EXPECT_EQ(grand_est.fields["contacts"], (nlohmann::json{"contact/mikael-roux"}));
}

TEST(Programmes, GenericAddressOfTheLeadAssociation) {
    ProgrammesFixture f;
    const Record& aimf = f.with_email("sp@aimf.asso.fr");
    EXPECT_EQ(aimf.odd, (std::vector<int>{6}));
    EXPECT_EQ(aimf.title, "« clés en main » de l’AIMF");
    EXPECT_EQ(aimf.fields["contacts"], (nlohmann::json{"contact/sp@aimf.asso.fr"}));
}

TEST(Programmes, TitleIsTheNameThatFollowsTheLabel) {
    // "PRoGRAMME / mutualisable – projet « Sèmè City, / ville intelligente et durable » – / la Région
    // Hauts-de-France et la / commune de Sèmè Podji" (guide lines 4806-4810), then two PRojET blocks.
    Guide guide = Guide::load(std::string(COOPATLAS_FIXTURES) + "/programme_titles.txt");
    auto programmes = extract_programmes(guide, section_paths(guide));
    ASSERT_EQ(programmes.size(), 3u);
    EXPECT_EQ(programmes[0].title, "Sèmè City, ville intelligente et durable");
    EXPECT_EQ(programmes[1].title, "Orléans et Parakou");
    EXPECT_EQ(programmes[2].title, "La Région Grand Est au Bénin et au Togo");
    // The label still gives the kind.
    for (const auto& r : programmes) EXPECT_EQ(r.fields["kind"], "mutualisable") << r.title;
    // Snippets quote the text: its heading reads as the reader sees it, "PRoGRAMME" / "PRojET" repaired.
    EXPECT_EQ(programmes[0].text.rfind("Programme mutualisable – projet « Sèmè City", 0), 0u) << programmes[0].text;
    EXPECT_EQ(programmes[1].text.rfind("Projet mutualisable – Orléans et Parakou", 0), 0u) << programmes[1].text;
}

TEST(Programmes, TitleAfterAColonAndTheLabelAloneWhenNoNameFollows) {
    ProgrammesFixture f;
    // "« clés en main » mené par l’AIRf : / électrification des zones rurales / en Afrique"
    EXPECT_EQ(f.with_email("ivan.dedessuslemoustier@auvergnerhonealpes.fr").title,
              "Électrification des zones rurales en Afrique");
    // "« clés en main » de l’AIMf": who proposes it, no name: the label as printed.
    EXPECT_EQ(f.with_email("sp@aimf.asso.fr").title, "« clés en main » de l’AIMF");
}

TEST(Programmes, IdsAreStable) {
    ProgrammesFixture a, b;
    ASSERT_EQ(a.programmes.size(), b.programmes.size());
    for (size_t i = 0; i < a.programmes.size(); ++i) EXPECT_EQ(a.programmes[i].id, b.programmes[i].id);
}

TEST(Programmes, ProseBetweenTwoBulletsStaysInTheBlock) {
    // "• Thématiques : ... créatives." / a paragraph describing the project / "• ODD : 4, 10, 11, 17"
    Guide guide = Guide::load(std::string(COOPATLAS_FIXTURES) + "/programme_inner_prose.txt");
    auto programmes = extract_programmes(guide, section_paths(guide));
    ASSERT_EQ(programmes.size(), 1u);
    const Record& r = programmes[0];
    EXPECT_EQ(r.odd, (std::vector<int>{4, 10, 11, 17}));
    EXPECT_EQ(r.fields["emails"], nlohmann::json::array({"sp@aimf.asso.fr"}));
    EXPECT_EQ(text::fold(r.fields["lead"].get<std::string>()), "aimf");
    ASSERT_TRUE(r.fields["budget"].is_string());
    EXPECT_NE(r.fields["description"].get<std::string>().find("Poto Poto"), std::string::npos);
    // The prose is not read as more themes.
    for (const auto& t : r.themes) EXPECT_EQ(text::fold(t).find("poto"), std::string::npos) << t;
}

TEST(Programmes, TextShowsDamagedWordsRepaired) {
    // Snippets quote the text: its small-caps damage is repaired like a passage's ("AIRf" ->
    // "AIRF"), case only.
    ProgrammesFixture f;
    const Record& airf = f.with_email("ivan.dedessuslemoustier@auvergnerhonealpes.fr");
    EXPECT_NE(airf.text.find("AIRF"), std::string::npos) << airf.text;
    for (const auto& r : f.programmes)
        for (const char* damaged : {"AIRf", "AirF", "AimF", "AIMf", "dAeCt"})
            EXPECT_EQ(r.text.find(damaged), std::string::npos) << r.id << ": " << damaged;
}
