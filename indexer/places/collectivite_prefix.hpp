#pragma once
/// @file collectivite_prefix.hpp
/// The legal prefix of a French intercommunalité's name ("CA du", "Communauté de
/// communes de", "Métropole de"): the gazetteer builder files an EPCI under its
/// name without it too, and the geocoder strips it from the names the guide writes.

#include <string>

namespace coopatlas::indexer {

/// Legal prefix of an intercommunalité or collectivité stripped:
/// "CA du Grand Angoulême" -> "Grand Angoulême", "Métropole de Lyon" -> "Lyon",
/// "Communauté de communes de Puisaye-Forterre" -> "Puisaye-Forterre".
/// Returns the name unchanged when there is no such prefix.
std::string strip_collectivite_prefix(const std::string& name);

}  // namespace coopatlas::indexer
