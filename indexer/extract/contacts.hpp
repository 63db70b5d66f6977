#pragma once
/// @file contacts.hpp
/// CONTACT(S) blocks and programme "Coordonnées" -> contact records.
///
/// One record per appearance of a person (the guide gives role and organisation
/// per section). Appearances sharing an e-mail address, or, without one, the same
/// folded name, are one person: their records share the key `person`, the name,
/// and list every section (`sections`) and line (`lines`) where the person appears.
/// Generic addresses (sp@, contact@, info@, secretariat...@) belong to an
/// organisation: their record has no `name` and carries the organisation.

#include <string>
#include <string_view>
#include <vector>

#include "core/record.hpp"
#include "indexer/extract/programmes.hpp"
#include "indexer/guide/display_text.hpp"
#include "indexer/guide/guide.hpp"

namespace coopatlas::indexer {

/// A person (or an organisation's generic address) as one passage of the guide gives it.
struct Person {
    std::string name;  ///< display form ("Virginie Rouquette"); empty for a generic address
    std::string role;
    std::string organisation;
    std::string email;  ///< lower case
    std::string phone;
    std::string url;
    int line = 0;
    bool name_from_email = false;  ///< the guide prints no name: read from "first.last@"
};

/// E-mail addresses in a text, lower case, in order, without the final dot of a sentence.
std::vector<std::string> find_emails(std::string_view text);

/// A contact block holds at most this many words besides its addresses: a
/// name, a role, an organisation ("Katarina fotic groupe-pays japon de Cités
/// Unies france comité de pilotage des Rencontres k.fotic@...": 13).
inline constexpr size_t kContactBlockWords = 20;

/// True for a passage that is one of the guide's contact blocks rather than
/// prose: a header ("ConTACT | DAECT", "ConTACTs") or an e-mail address with
/// a few words around it (name, role, organisation) and no programme bullet
/// ("• Coordonnées : ..." lines belong to a programme's description).
bool contact_block(std::string_view text);

/// True for an address that names a function, not a person ("sp@", "contact@",
/// "info@", "secretariat.dgm-aect@").
bool is_generic_email(const std::string& email);

/// The people of a programme "Coordonnées" value: "Juliette delbe, directrice des
/// relations internationales, juliette.delbe@hautsdefrance.fr", "AimF – sp@aimf.asso.fr",
/// "bouzid.sabeg@orange.fr (Arles), yboulkerara@maregionsud.fr (Cr Sud-PACA)".
std::vector<Person> people_in_coordinates(const std::string& value, int line, const DisplayText& display);

/// The contact id of a person: "contact/" + slug of the name (of the e-mail
/// address for a generic one).
std::string contact_id(const Person& person);

std::vector<Record> extract_contacts(const Guide& guide, const std::vector<std::vector<std::string>>& sections);

/// The same with the guide's display repair already learnt (extract_records shares one).
std::vector<Record> extract_contacts(const Guide& guide, const std::vector<std::vector<std::string>>& sections,
                                     const DisplayText& display);

/// The same with the programme blocks already parsed too (extract_records parses them once).
std::vector<Record> extract_contacts(const Guide& guide, const std::vector<std::vector<std::string>>& sections,
                                     const DisplayText& display, const std::vector<ProgrammeBlock>& blocks);

}  // namespace coopatlas::indexer
