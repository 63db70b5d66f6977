#include "indexer/contacts.hpp"

#include <gtest/gtest.h>

#include "core/text.hpp"
#include "indexer/sections.hpp"

using namespace coopatlas;
using namespace coopatlas::indexer;

namespace {
struct Fixture {
    Guide guide = Guide::load(std::string(COOPATLAS_FIXTURES) + "/catalogue_excerpt.txt");
    std::vector<Record> contacts = extract_contacts(guide, section_paths(guide));
    const Record* by_email(const std::string& email) const {
        for (const auto& r : contacts)
            if (r.fields.contains("email") && r.fields.at("email") == email) return &r;
        return nullptr;
    }
};
const DisplayText& display() {
    static const Guide g = Guide::load(std::string(COOPATLAS_FIXTURES) + "/catalogue_excerpt.txt");
    static const DisplayText d(g);
    return d;
}
}  // namespace

TEST(Contacts, PersonOfAProgrammeCoordinatesInABulletList) {
    Fixture f;
    // "•	 Coordonnées : mikaël roux, chargé de mission, " / "" / "mikael.roux@grandest.fr"
    const Record* r = f.by_email("mikael.roux@grandest.fr");
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->id, "contact/mikael-roux");
    EXPECT_EQ(r->fields.at("name"), "Mikaël Roux");
    EXPECT_EQ(r->fields.at("role"), "chargé de mission");
    EXPECT_EQ(r->section, (std::vector<std::string>{"Géographies", "2", "2.1 Bénin"}));
}

TEST(Contacts, ContactBlockNameOrganisationAndEmail) {
    Fixture f;
    const Record* r = f.by_email("bernard.klein@diplomatie.gouv.fr");
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->fields.at("name"), "Bernard Klein");
    // "ambassade de france au Bénin": capitalised at the start; "france" needs the whole guide to learn "France"
    EXPECT_EQ(text::fold(r->fields.at("organisation").get<std::string>()), "ambassade de france au benin");
    EXPECT_EQ(r->fields.at("organisation").get<std::string>().rfind("Ambassade", 0), 0u);
    EXPECT_TRUE(r->fields.at("role").is_null());
    EXPECT_EQ(r->type, "contact");
}

TEST(Contacts, SamePersonInTwoPlacesIsOneRecord) {
    Fixture f;
    int n = 0;
    for (const auto& r : f.contacts)
        if (r.fields.at("email") == "armelle.guyomarch@diplomatie.gouv.fr") ++n;
    EXPECT_EQ(n, 1);
    const Record* r = f.by_email("armelle.guyomarch@diplomatie.gouv.fr");
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->fields.at("lines").size(), 2u);
    EXPECT_EQ(r->fields.at("organisation"), "DAECT");
}

TEST(Contacts, GenericAddressBelongsToTheOrganisation) {
    Fixture f;
    const Record* r = f.by_email("sp@aimf.asso.fr");
    ASSERT_NE(r, nullptr);
    EXPECT_TRUE(r->fields.at("name").is_null());
    EXPECT_EQ(r->fields.at("organisation"), "AIMF");
    EXPECT_EQ(r->fields.at("generic"), true);
    EXPECT_EQ(r->title, "AIMF");
}

TEST(Contacts, EveryAddressOfTheExcerptIsOnARecord) {
    Fixture f;
    for (const auto& l : f.guide.lines()) {
        if (l.text.rfind("mailto:", 0) == 0) continue;
        for (const auto& e : find_emails(l.text)) EXPECT_NE(f.by_email(e), nullptr) << e;
    }
}

TEST(Contacts, EmailsAndGenericAddresses) {
    EXPECT_EQ(find_emails("Coordonnées : n.yaiche@lianescooperation.org."),
              (std::vector<std::string>{"n.yaiche@lianescooperation.org"}));
    EXPECT_EQ(find_emails("mailto:Ivan.DEDESSUSLEMOUSTIER@auvergnerhonealpes.fr"),
              (std::vector<std::string>{"ivan.dedessuslemoustier@auvergnerhonealpes.fr"}));
    EXPECT_TRUE(is_generic_email("sp@aimf.asso.fr"));
    EXPECT_TRUE(is_generic_email("contact@avecnet.net"));
    EXPECT_TRUE(is_generic_email("secretariat.dgm-aect@diplomatie.gouv.fr"));
    EXPECT_FALSE(is_generic_email("c.koukoui@cites-unies-france.org"));
    EXPECT_FALSE(is_generic_email("spirou@example.org"));
}

TEST(Contacts, CoordinatesWithSeveralPeopleAndOrganisationsInParentheses) {
    // guide lines 9142-9144
    auto people = people_in_coordinates("bouzid.sabeg@orange.fr (Arles), yboulkerara@maregionsud.fr (Cr Sud-PACA)",
                                        9142, display());
    ASSERT_EQ(people.size(), 2u);
    EXPECT_EQ(people[0].email, "bouzid.sabeg@orange.fr");
    EXPECT_EQ(people[0].organisation, "Arles");
    EXPECT_EQ(people[1].email, "yboulkerara@maregionsud.fr");
    // guide line 4820-4821
    people = people_in_coordinates(
        "Juliette delbe, directrice des relations internationales, juliette.delbe@hautsdefrance.fr", 4820, display());
    ASSERT_EQ(people.size(), 1u);
    EXPECT_EQ(people[0].name, "Juliette Delbe");
    EXPECT_EQ(people[0].role, "directrice des relations internationales");
    EXPECT_EQ(contact_id(people[0]), "contact/juliette-delbe");
}
