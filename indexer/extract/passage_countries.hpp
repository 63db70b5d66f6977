#pragma once
/// @file passage_countries.hpp
/// The foreign countries a passage is about, for the country facet and for
/// search by country name (the indexer indexes a record's country names):
/// a passage of the rubric "9.6 Pologne" that says "les collectivités
/// ukrainiennes" is about Poland and Ukraine.

#include <string_view>
#include <vector>

#include "core/record.hpp"
#include "indexer/places/countries.hpp"

namespace coopatlas::indexer {

/// The country of the passage's rubric when it names one (geography part only),
/// then the countries its text names (in order of first mention), then those
/// whose adjective of nationality it uses; without repeats. France and its overseas
/// territories are left out: every passage of the guide is about France's side.
std::vector<Country> passage_countries(std::string_view text, const std::vector<std::string>& section,
                                       const CountryTable& countries);

}  // namespace coopatlas::indexer
