#pragma once
/// @file associations.hpp
/// Associations as the French party of a cooperation: the network or association
/// that a programme block names as its lead ("Porteur : association Sites et Cités
/// remarquables de France", "Association responsable : AimF"). A programme led by
/// an association pairs it with each foreign locality of its destinations.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/extract/parties.hpp"

namespace coopatlas::indexer {

/// The association a programme's lead bullet names, as a French party of kind
/// "association" ("rrmA « Lianes Coopération »" -> "Lianes Coopération", "AimF +
/// partenaires locaux" -> "AIMF"); nullopt when the value names none.
std::optional<PartyMention> association_lead(std::string_view value, const PartyLexicon& lexicon);

/// Teaches the lexicon the bodies (associations, networks, syndicats) that the guide shows acting
/// as parties, so that prose naming them where they act pairs them (parties.hpp): the associations
/// leading programmes (`programme_leads`), the glossary's associations ("AimF : Association
/// internationale des maires francophones", "CUF : Cités Unies France"), the networks listed with
/// their région ("Gescod (Grand Est) : Burkina Faso"), and the acronyms the text explains as a
/// syndicat, an association, a network or an RRMA ("le Sedif (Syndicat des eaux d'Île-de-France)",
/// "Le GeSCod (rrmA du Grand est)"; not "riAm (réseau des initiatives agro-écologiques au maroc)",
/// a foreign network).
void learn_acting_bodies(const Guide& guide, const std::vector<std::string>& programme_leads, PartyLexicon& lexicon);

/// "AimF" -> "AIMF", "rrmA" -> "RRMA": a short word whose capitals the small caps
/// mixed up is an acronym; other words are kept as printed.
std::string repair_acronyms(std::string_view name);

}  // namespace coopatlas::indexer
