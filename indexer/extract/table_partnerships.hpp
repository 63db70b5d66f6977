#pragma once
/// @file table_partnerships.hpp
/// Partnerships the guide states in its index tables (guide/index_tables.hpp): each row names
/// the countries concerned, a theme and, in the tables that have the column, who leads the
/// programme ("association porteuse", "chef de file"):
///     Bénin et Togo Sécurité alimentaire CR Grand Est Page 69
///     Algérie, Tunisie, Italie Patrimoine méditerranéen Arles, CR Sud-PACA Page 115
/// A row pairs each lead with each country. A table without a lead column (the AIMF's list of its
/// own programmes) names no French party in its rows and states no pair: the paragraph above it
/// says who proposes the programmes, not who leads each one with a collectivité.

#include <string>
#include <unordered_map>
#include <vector>

#include "indexer/extract/parties.hpp"
#include "indexer/guide/guide.hpp"

namespace coopatlas::indexer {

struct TablePair {
    PartyMention lead, country;
    int line = 0;            ///< the row's first line
    std::vector<int> lines;  ///< the lines naming the country and the lead
    std::string theme;       ///< the row's theme cell
    std::string text;        ///< the row's cells and the page it refers to
};

/// The countries of a country cell at the start of `cells`: names joined by "," or "et"
/// ("Algérie, Tunisie, Italie ..."), or a region's countries in parentheses ("Afrique de l’Ouest
/// (Mauritanie, Mali, Burkina Faso, Niger, Sénégal) ..."). `end` is set to the byte where the
/// cell ends. Empty when the row names no country ("Pays d’Afrique de l’Ouest").
std::vector<PartyMention> table_countries(const std::string& cells, const PartyLexicon& lexicon, std::size_t& end);

/// The long forms of the acronyms the guide defines, in its glossary ("AirF : Association
/// internationale des régions francophones") or in the text ("l'Assemblée des départements de
/// France (ADF)"): text::words_key() of the long form -> the acronym as printed.
using LongForms = std::unordered_map<std::string, std::string>;
LongForms acronym_long_forms(const Guide& guide);

/// The leads of a lead cell at the end of `cells`: the longest run of words closing it that
/// reads as a list of collectivités ("CR Grand Est", "Arles, CR Sud-PACA", "CD Aude,
/// Seine-Maritime et Yvelines": an abbreviation's kind goes on over the list) or of bodies the
/// guide shows acting ("Lianes Coopération", "Ass. Cités Unies France", "GIP AVITEM"), also by the
/// long form of their acronym. Empty when no such run closes it.
std::vector<PartyMention> table_leads(const std::string& cells, const PartyLexicon& lexicon, std::size_t& begin,
                                      const LongForms& long_forms = {});

/// Lead × country pairs of every row of the guide's index tables that have a lead column.
std::vector<TablePair> table_pairs(const Guide& guide, const PartyLexicon& lexicon);

}  // namespace coopatlas::indexer
