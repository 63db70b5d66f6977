#include "indexer/extract/contacts.hpp"

#include <gtest/gtest.h>

#include "core/text.hpp"
#include "indexer/guide/sections.hpp"

using namespace coopatlas;
using namespace coopatlas::indexer;

namespace {
struct ContactsFixture {
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
    ContactsFixture f;
    // "•	 Coordonnées : mikaël roux, chargé de mission, " / "" / "mikael.roux@grandest.fr"
    const Record* r = f.by_email("mikael.roux@grandest.fr");
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->id, "contact/mikael-roux");
    EXPECT_EQ(r->fields.at("name"), "Mikaël Roux");
    EXPECT_EQ(r->fields.at("role"), "chargé de mission");
    // no organisation in the coordinates: the block's lead ("Collectivité territoriale cheffe de file")
    EXPECT_EQ(text::fold(r->fields.at("organisation").get<std::string>()), "conseil regional grand est");
    EXPECT_EQ(r->section, (std::vector<std::string>{"Géographies", "2 Afrique de l’Ouest", "2.1 Bénin"}));
}

TEST(Contacts, ContactBlockNameOrganisationAndEmail) {
    ContactsFixture f;
    const Record* r = f.by_email("bernard.klein@diplomatie.gouv.fr");
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->fields.at("name"), "Bernard Klein");
    // "ambassade de france au Bénin": capitalised at the start; "france" needs the whole guide to learn "France"
    EXPECT_EQ(text::fold(r->fields.at("organisation").get<std::string>()), "ambassade de france au benin");
    EXPECT_EQ(r->fields.at("organisation").get<std::string>().rfind("Ambassade", 0), 0u);
    EXPECT_TRUE(r->fields.at("role").is_null());
    EXPECT_EQ(r->type, "contact");
}

TEST(Contacts, SamePersonInTwoPlacesSharesOnePersonKey) {
    ContactsFixture f;
    std::vector<const Record*> found;
    for (const auto& r : f.contacts)
        if (r.fields.at("email") == "armelle.guyomarch@diplomatie.gouv.fr") found.push_back(&r);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_NE(found[0]->id, found[1]->id);
    for (const auto* r : found) {
        EXPECT_EQ(r->fields.at("person"), "contact/armelle-guyomarch");
        EXPECT_EQ(r->fields.at("lines").size(), 2u);
        EXPECT_EQ(r->fields.at("organisation"), "DAECT");
    }
}

TEST(Contacts, GenericAddressBelongsToTheOrganisation) {
    ContactsFixture f;
    const Record* r = f.by_email("sp@aimf.asso.fr");
    ASSERT_NE(r, nullptr);
    EXPECT_TRUE(r->fields.at("name").is_null());
    EXPECT_EQ(r->fields.at("organisation"), "AIMF");
    EXPECT_EQ(r->fields.at("generic"), true);
    EXPECT_EQ(r->title, "AIMF");
}

TEST(Contacts, EveryAddressOfTheExcerptIsOnARecord) {
    ContactsFixture f;
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

namespace {
std::vector<Record> contacts_of(const std::string& excerpt) {
    Guide g = Guide::parse(excerpt);
    return extract_contacts(g, section_paths(g));
}
std::vector<const Record*> with_email(const std::vector<Record>& records, const std::string& email) {
    std::vector<const Record*> out;
    for (const auto& r : records)
        if (r.fields.at("email") == email) out.push_back(&r);
    return out;
}
}  // namespace

TEST(Contacts, OneRecordPerAppearanceWithItsOwnRoleAndASharedPersonKey) {
    // guide lines 9368-9372 and 9811-9815 (the second spelling "virgine" is a typo of the guide)
    auto records = contacts_of(
        " 11.4 Algérie\nLe texte.\n\nConTACT\n\nvirginie Rouquette\ngroupe-pays Algérie de Cités Unies france\n"
        "v.rouquette@cites-unies-france.org \n\n 11.5 Liban\nLe texte.\n\nConTACT\n\nvirgine Rouquette\n"
        "groupe-pays Liban à Cités Unies france\nv.rouquette@cites-unies-france.org \n");
    auto found = with_email(records, "v.rouquette@cites-unies-france.org");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0]->id, "contact/virginie-rouquette");
    EXPECT_EQ(found[1]->id, "contact/virginie-rouquette--11.5-liban");
    for (const auto* r : found) {
        EXPECT_EQ(r->fields.at("person"), "contact/virginie-rouquette");
        EXPECT_EQ(r->fields.at("name"), "Virginie Rouquette");
        EXPECT_EQ(text::fold(r->fields.at("organisation").get<std::string>()), "cites unies france");
        EXPECT_EQ(r->fields.at("sections").size(), 2u);
        EXPECT_EQ(r->fields.at("lines").size(), 2u);
    }
    EXPECT_EQ(found[0]->fields.at("role"), "groupe-pays Algérie");
    EXPECT_EQ(found[1]->fields.at("role"), "groupe-pays Liban");
    EXPECT_EQ(found[1]->section.back(), "11.5 Liban");
}

TEST(Contacts, AcronymTheGlossaryDoesNotExplainTakesTheExpansionOfTheText) {
    // guide lines 8355-8399
    auto records = contacts_of(
        " 10.1 Balkans occidentaux\nLe RYCo\nL’Office régional pour la coopération de la jeunesse \n"
        "(Regional Youth Cooperation Office – RYCO), inspiré de \nl’expérience de l’OFAJ.\n\nConTACTs\n\n"
        "Bérengère Dailly\nexperte française au sein de RYCo\nberengere.dailly@rycowb.org\n\n"
        "Guillaume Lagrée\nDAECT\nguillaume.lagree@diplomatie.gouv.fr \n");
    auto dailly = with_email(records, "berengere.dailly@rycowb.org");
    ASSERT_EQ(dailly.size(), 1u);
    EXPECT_EQ(dailly[0]->fields.at("role"), "experte française au sein de RYCO");
    EXPECT_EQ(dailly[0]->fields.at("organisation"), "RYCO (Regional Youth Cooperation Office)");
    auto lagree = with_email(records, "guillaume.lagree@diplomatie.gouv.fr");
    ASSERT_EQ(lagree.size(), 1u);
    EXPECT_EQ(lagree[0]->fields.at("organisation"), "DAECT");  // no definition in the text
}

TEST(Contacts, MinistryInAForeignCountrySectionNamesTheCountry) {
    // guide lines 5704 and 5826-5833
    auto records = contacts_of(
        " 4.1 Cameroun\nLe texte.\n\nonDoUA\ndirecteur de la coopération décentralisée au \n"
        "ministère de la Décentralisation\nondouabilounga@yahoo.fr\n\nassociation Cités et villes unies du Cameroun \n"
        "(CvUC)\ninfo@cvuc.com\n");
    auto ondoua = with_email(records, "ondouabilounga@yahoo.fr");
    ASSERT_EQ(ondoua.size(), 1u);
    EXPECT_EQ(ondoua[0]->fields.at("name"), "Ondoua");
    EXPECT_EQ(ondoua[0]->fields.at("role"), "directeur de la coopération décentralisée");
    // mid-line, the guide writes "ministère" in lower case
    EXPECT_EQ(ondoua[0]->fields.at("organisation"), "ministère de la Décentralisation (Cameroun)");
    auto cvuc = with_email(records, "info@cvuc.com");
    ASSERT_EQ(cvuc.size(), 1u);
    EXPECT_TRUE(cvuc[0]->fields.at("role").is_null());
    EXPECT_EQ(text::fold(cvuc[0]->fields.at("organisation").get<std::string>()),
              "association cites et villes unies du cameroun (cvuc)");
}

TEST(Contacts, OrganisationLinesWrappedOrStacked) {
    // guide lines 5841-5846 and 6478-6481
    auto records = contacts_of(
        "ConTACTs\n\nGeorges vanin\nambassade de france en République \ncentrafricaine\n"
        "georges.vanin@diplomatie.gouv.fr\n\nvincent Guimard\nambassade de france au Mexique \n"
        "Institut français pour l’Amérique latine\nvincent.guimard@ifal.mx \n");
    auto vanin = with_email(records, "georges.vanin@diplomatie.gouv.fr");
    ASSERT_EQ(vanin.size(), 1u);
    EXPECT_TRUE(vanin[0]->fields.at("role").is_null());
    EXPECT_EQ(text::fold(vanin[0]->fields.at("organisation").get<std::string>()),
              "ambassade de france en republique centrafricaine");
    auto guimard = with_email(records, "vincent.guimard@ifal.mx");
    ASSERT_EQ(guimard.size(), 1u);
    EXPECT_EQ(text::fold(guimard[0]->fields.at("organisation").get<std::string>()),
              "ambassade de france au mexique, institut francais pour l'amerique latine");
}

TEST(Contacts, HeaderAboveABlankLineAndAddressesAreNoRole) {
    // guide lines 8209-8212 and 9990-9995
    auto records = contacts_of(
        "ConTACT | DAECT \n\nhélène hampartzoumian\nhelene.hampartzoumian@diplomatie.gouv.fr \n\n"
        "délégation pour l’action extérieure des collectivités territoriales (dAeCt)\n\n—\n\n"
        "57, boulevard des invalides - 75007 PAriS 07 SP\nsecretariat.dgm-aect@diplomatie.gouv.fr\n");
    auto helene = with_email(records, "helene.hampartzoumian@diplomatie.gouv.fr");
    ASSERT_EQ(helene.size(), 1u);
    EXPECT_EQ(helene[0]->fields.at("name"), "Hélène Hampartzoumian");
    // The excerpt has no glossary: the acronym gets the expansion its brackets give (in
    // the whole guide the glossary explains it and it stays "DAECT").
    EXPECT_EQ(helene[0]->fields.at("organisation"),
              "DAECT (délégation pour l’action extérieure des collectivités territoriales)");
    auto secretariat = with_email(records, "secretariat.dgm-aect@diplomatie.gouv.fr");
    ASSERT_EQ(secretariat.size(), 1u);
    EXPECT_TRUE(secretariat[0]->fields.at("role").is_null());
}

TEST(Contacts, FunctionFollowedByAnAcronymNamesTheOrganisation) {
    // guide lines 7811-7812 and 7838-7840
    auto records = contacts_of(
        " 9.4 Hongrie\nL’association « Initiatives France-Europe \nCentrale et Orientale (IFECO) » agit.\n\n"
        "ConTACTs\n\njosé L. osete\ndirecteur IfECo\nosetejoseinfh@laposte.net\n");
    auto osete = with_email(records, "osetejoseinfh@laposte.net");
    ASSERT_EQ(osete.size(), 1u);
    EXPECT_EQ(osete[0]->fields.at("name"), "José L. Osete");
    EXPECT_EQ(osete[0]->fields.at("role"), "directeur");
    EXPECT_EQ(osete[0]->fields.at("organisation"), "IFECO (Initiatives France-Europe Centrale et Orientale)");
}

TEST(Contacts, PrintedNameWinsOverOneReadFromTheAddress) {
    // guide lines 6718-6719 and 6900-6902: "Argentine :" labels the address only
    auto records = contacts_of(
        "ConTACTs AU sEIn DEs AMBAssADEs\n\nArgentine :\nmaria-ines.rosas@diplomatie.gouv.fr\n\n"
        "ConTACTs\n\nMaría Inés Rosas\nambassade de france en Argentine\nmaria-ines.rosas@diplomatie.gouv.fr\n");
    auto rosas = with_email(records, "maria-ines.rosas@diplomatie.gouv.fr");
    ASSERT_EQ(rosas.size(), 2u);
    for (const auto* r : rosas) EXPECT_EQ(r->fields.at("name"), "María Inés Rosas");
}

TEST(Contacts, CoordinatesBulletOutsideAProgrammeBlock) {
    // a "Coordonnées" bullet the programme reader did not attach to a block (guide line 5891)
    auto records = contacts_of("Texte.\n\n•\t ODD : 4, 10, 11, 17\n•\t Coordonnées : AimF – sp@aimf.asso.fr\n");
    auto aimf = with_email(records, "sp@aimf.asso.fr");
    ASSERT_EQ(aimf.size(), 1u);
    // (capitals need the glossary of the whole guide: "AimF" -> "AIMF")
    EXPECT_EQ(text::fold(aimf[0]->fields.at("organisation").get<std::string>()), "aimf");
    EXPECT_TRUE(aimf[0]->fields.at("name").is_null());
    // the value runs over a blank line down to the address (guide lines 5428-5430)
    records = contacts_of(
        "Texte.\n\n•\t Coordonnées : Lucas Giboin, chargé de mission \n\n"
        "Sahel, l.giboin@cites-unies-france.org\n•\t Budget : 100 euros\n");
    auto giboin = with_email(records, "l.giboin@cites-unies-france.org");
    ASSERT_EQ(giboin.size(), 1u);
    EXPECT_EQ(giboin[0]->fields.at("name"), "Lucas Giboin");
    EXPECT_EQ(giboin[0]->fields.at("role"), "chargé de mission Sahel");
}

TEST(Contacts, LabelsNameTheOrganisationUnderTheEmbassiesHeader) {
    // guide lines 6716-6749: a country label under "ConTACTs AU sEIn DEs AMBAssADEs"
    auto records = contacts_of(
        "La DAECT a lancé un appel à projets avec l’ambassade de France au Brésil.\n\n"
        "ConTACTs AU sEIn DEs AMBAssADEs\n\nArgentine :\nmaria-ines.rosas@diplomatie.gouv.fr\n\n"
        "Brésil :\ndamien.gairin-calvo@diplomatie.gouv.fr\n\net à la DAECT :\nservane.gandais@diplomatie.gouv.fr\n");
    auto rosas = with_email(records, "maria-ines.rosas@diplomatie.gouv.fr");
    ASSERT_EQ(rosas.size(), 1u);
    EXPECT_EQ(rosas[0]->fields.at("organisation"), "Ambassade de France en Argentine");
    auto gairin = with_email(records, "damien.gairin-calvo@diplomatie.gouv.fr");
    ASSERT_EQ(gairin.size(), 1u);
    // the preposition the guide uses with the country
    EXPECT_EQ(gairin[0]->fields.at("organisation"), "Ambassade de France au Brésil");
    auto gandais = with_email(records, "servane.gandais@diplomatie.gouv.fr");
    ASSERT_EQ(gandais.size(), 1u);
    EXPECT_EQ(gandais[0]->fields.at("organisation"), "DAECT");
}

TEST(ContactBlock, HeaderAndShortAddressBlocksAreContactBlocks) {
    EXPECT_TRUE(contact_block("ConTACT | DAECT"));
    EXPECT_TRUE(contact_block("ConTACTs"));
    EXPECT_TRUE(contact_block("Constance Koukoui groupe-pays Israël à CUF c.koukoui@cites-unies-france.org"));
    EXPECT_TRUE(
        contact_block("sègla Lihoussou secrétaire exécutif de l’Association nationale des Communes du Bénin "
                      "(ANCB) https://www.ancb-benin.org/ segla.lihoussou@yahoo.fr"));
}

TEST(ContactBlock, ProseAndProgrammeRubricsAreNot) {
    // Prose naming a body, without an address.
    EXPECT_FALSE(
        contact_block("il est recommandé de prendre contact avec le « groupe-pays » de Cités Unies France (CUF)"));
    // A programme's "Coordonnées" rubric among its bullets.
    EXPECT_FALSE(contact_block("régional de Bretagne • Coordonnées : daei@bretagne.bzh • Budget à prévoir"));
    // An address in a paragraph longer than a name, a role and an organisation.
    EXPECT_FALSE(
        contact_block("Pour toute question sur l’appel à projets, les collectivités territoriales peuvent écrire au "
                      "secrétariat de la "
                      "délégation, qui répond dans les meilleurs délais et oriente vers le bon interlocuteur : "
                      "secretariat.dgm-aect@diplomatie.gouv.fr"));
}
