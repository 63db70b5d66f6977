#pragma once
/// @file index_tables.hpp
/// The index tables of part III: a header "PAYS CONCERNÉ(S)  THÉMATIQUE  [ASSOCIATION PORTEUSE |
/// CHEF DE FILE]  VOIR PAGE", then rows whose cells the PDF extraction laid out as text: a row
/// runs over several lines when a cell wraps (the wrapped part goes to the next line, sometimes
/// after a blank line) and a "Page NN" reference closes it:
///     Albanie, Macédoine du Nord Préservation et valorisation
///     du patrimoine
///
///     Sites et Cités remarquables
///     de France
///
///     Page 107
/// Read here once for the page calibration (guide.cpp) and for the partnerships the tables state
/// (extract/table_partnerships.hpp).

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "indexer/guide/guide.hpp"

namespace coopatlas::indexer {

struct IndexTableRow {
    std::string header;  ///< the table's header line, folded ("pays concerne thematique chef de file voir page")
    /// The row's non-blank lines: (1-based line number, text with whitespace collapsed), the page
    /// reference cut from the last one.
    std::vector<std::pair<int, std::string>> lines;
    std::vector<int> pages;  ///< the printed pages it refers to ("Pages 57 et 117": 57, 117)

    /// The cells' text: the lines joined by single spaces.
    std::string text() const;
    /// The guide line holding the byte at `offset` of text().
    int line_at(std::size_t offset) const;
    /// True when the header has a column naming who leads each row ("association porteuse",
    /// "chef de file"); the AIMF's table lists its own programmes and has none.
    bool has_lead_column() const;
};

/// Every row of every index table, in guide order. A table starts at a line ending in "voir
/// page" and ends at a line of prose (over 70 characters without a page reference).
std::vector<IndexTableRow> index_table_rows(const std::vector<GuideLine>& lines);

}  // namespace coopatlas::indexer
