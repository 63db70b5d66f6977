#pragma once
/// @file associations.hpp
/// Associations as the French party of a cooperation: the network or association
/// that a programme block names as its lead ("Porteur : association Sites et Cités
/// remarquables de France", "Association responsable : AimF"). A programme led by
/// an association pairs it with each foreign locality of its destinations.

#include <optional>
#include <string>
#include <string_view>

#include "parties.hpp"

namespace coopatlas::indexer {

/// The association a programme's lead bullet names, as a French party of kind
/// "association" ("rrmA « Lianes Coopération »" -> "Lianes Coopération", "AimF +
/// partenaires locaux" -> "AIMF"); nullopt when the value names none.
std::optional<PartyMention> association_lead(std::string_view value, const PartyLexicon& lexicon);

/// "AimF" -> "AIMF", "rrmA" -> "RRMA": a short word whose capitals the small caps
/// mixed up is an acronym; other words are kept as printed.
std::string repair_acronyms(std::string_view name);

}  // namespace coopatlas::indexer
