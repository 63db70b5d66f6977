#pragma once
/// @file partner_merge.hpp
/// One partner written two ways ("Sarrebruck" / "Saarbrücken", "Grand Lyon" / "Lyon
/// Métropole", "Santiago" / "Santiago de Cuba"): the extraction keys partners by the
/// name the guide prints, the gazetteer (with its reviewed aliases, data/aliases.tsv)
/// knows both names lead to the same place. Runs after geocoding.

#include <vector>

#include "core/record.hpp"

namespace coopatlas::indexer {

/// Merges the partners that the geocoder placed at the same gazetteer place (same
/// source, a town or an area, not a country fallback), on the same side and of the same
/// kind (intercommunalité and métropole count as one, so do commune and municipalité).
/// The partner first named in the guide is kept with every mention; the partnerships
/// of the others are re-pointed, and partnerships that become the same pair are one
/// (occurrences joined). Records keep their order. Returns how many partners merged.
std::size_t merge_partners_by_place(std::vector<Record>& records);

}  // namespace coopatlas::indexer
