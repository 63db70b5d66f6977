#pragma once
/// @file sections.hpp
/// The heading path ("section") of every line of the guide.
///
/// The guide has three parts; part III is a catalogue in two halves,
/// "Thématiques" and "Géographies", whose numbered sections both restart at 1,
/// then a glossary. A path therefore names the part first:
/// ["Thématiques", "3 Environnement", "3.1 Agriculture et alimentation"],
/// ["Géographies", "2 Afrique de l’Ouest", "2.1 Bénin"]. Part names come from
/// the running footers ("IIIe PartIe | GéoGraphies") and the part title lines
/// ("IIIe PARTIE"); top-level names from the table of contents ("soMMAIRE") and
/// the side tabs ("10 / vILLE / DURABLE"); a sheet opening with a lead paragraph
/// starts a top-level section whose heading line the extraction lost. A
/// top-level name the text lost comes from the reviewed table
/// data/section-titles.tsv (keyed by part name and number), else stays a bare
/// number. Headings are validated by their numbering (a "31 juillet 2020" line
/// is not section 31), may wrap over several lines, and the tables of contents
/// create no section.

#include <string>
#include <string_view>
#include <vector>

#include "indexer/guide/display_text.hpp"
#include "indexer/guide/guide.hpp"

namespace coopatlas::indexer {

/// For each line of the guide (index = line number - 1), the path of headings
/// that contains it, outermost first; display text repaired ("1.3 énergie" -> "1.3 Énergie").
std::vector<std::vector<std::string>> section_paths(const Guide& guide);

/// The same with the guide's display repair already learnt (extract_records shares one).
std::vector<std::vector<std::string>> section_paths(const Guide& guide, const DisplayText& display);

/// data/section-titles.tsv as compiled in: "part<TAB>number<TAB>title<TAB>source" lines, '#' comments.
std::string_view reviewed_section_titles_table();

}  // namespace coopatlas::indexer
