#pragma once
/// @file sections.hpp
/// The heading path ("section") of every line of the guide.
///
/// The guide has three parts; part III is a catalogue in two halves,
/// "Thématiques" and "Géographies", whose numbered sections both restart at 1,
/// then a glossary. A path therefore names the part first:
/// ["Thématiques", "3 Environnement", "3.1 Agriculture et alimentation"],
/// ["Géographies", "2", "2.1 Bénin"] (a top-level name the extraction lost is
/// left as its number). Part names come from the running footers
/// ("IIIe PartIe | GéoGraphies") and the part title lines ("IIIe PARTIE");
/// top-level names from the table of contents ("soMMAIRE") and the side tabs
/// ("10 / vILLE / DURABLE"); a sheet opening with a lead paragraph starts a
/// top-level section whose heading line the extraction lost. Headings are validated by their numbering (a
/// "31 juillet 2020" line is not section 31), may wrap over several lines, and
/// the tables of contents create no section.

#include <string>
#include <vector>

#include "display_text.hpp"
#include "guide.hpp"

namespace coopatlas::indexer {

/// For each line of the guide (index = line number - 1), the path of headings
/// that contains it, outermost first; display text repaired ("1.3 énergie" -> "1.3 Énergie").
std::vector<std::vector<std::string>> section_paths(const Guide& guide);

/// The same with the guide's display repair already learnt (extract_records shares one).
std::vector<std::vector<std::string>> section_paths(const Guide& guide, const DisplayText& display);

}  // namespace coopatlas::indexer
