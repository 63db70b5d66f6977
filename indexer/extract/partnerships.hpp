#pragma once
/// @file partnerships.hpp
/// Cooperations stated in prose and in programme blocks -> partner and
/// partnership records. The pipeline: paragraphs (not crossing blank
/// lines or headings; a paragraph cut by a page break continues), sentences,
/// party mentions (parties.hpp), the country the text is about (the
/// geography section, a country line, "en Tunisie"), then pairing of each
/// French party with the foreign ones its clause names.

#include <optional>
#include <string>
#include <vector>

#include "core/record.hpp"
#include "indexer/extract/parties.hpp"
#include "indexer/extract/programmes.hpp"
#include "indexer/guide/display_text.hpp"
#include "indexer/guide/guide.hpp"

namespace coopatlas::indexer {

/// Uses PartyLexicon::load with default PartnerOptions (node_modules in the
/// working directory, else the source tree's) and the default country table.
std::vector<Record> extract_partnerships(const Guide& guide, const std::vector<std::vector<std::string>>& sections);

/// The options the first form uses: node_modules in the working directory when
/// it holds the Etalab lists, else the source tree's (where the country table is).
PartnerOptions default_partner_options();

/// The lexicon the first form uses: loading it reads the Etalab lists (about a
/// third of this extraction's work), which needs no guide: extract_records starts it early.
PartyLexicon default_party_lexicon();

/// The same with a lexicon chosen by the caller (tests, other data folders).
/// The lexicon learns the guide's capitalisation here.
std::vector<Record> extract_partnerships(const Guide& guide, const std::vector<std::vector<std::string>>& sections,
                                         PartyLexicon lexicon);

/// The same with the display repair learnt and the guide's programme blocks already parsed
/// (extract_records does both once for every extractor). A statement's `text` is display
/// text, its small-caps damage repaired like a passage's (DisplayText::prose).
std::vector<Record> extract_partnerships(const Guide& guide, const std::vector<std::vector<std::string>>& sections,
                                         const DisplayText& display, const std::vector<ProgrammeBlock>& blocks,
                                         PartyLexicon lexicon);

/// A sentence of the guide with the line it starts on.
struct GuideSentence {
    std::string text;   ///< display text (lines joined, hyphenation undone)
    int line = 0;       ///< 1-based line of guide.txt
    int paragraph = 0;  ///< index of its paragraph
    /// Where each further line of the guide begins in `text`: {byte offset, line}.
    std::vector<std::pair<std::size_t, int>> line_starts;

    /// The guide line holding the byte at `offset` of `text`.
    int line_at(std::size_t offset) const;
};

/// Splits the guide into sentences: paragraphs end at blank lines, bullets and
/// headings (a change of section path, or with a lexicon a country name alone on
/// its line: "Chili"); a paragraph that a page break cuts mid-sentence continues
/// on the next page.
std::vector<GuideSentence> guide_sentences(const Guide& guide, const std::vector<std::vector<std::string>>& sections,
                                           const PartyLexicon* lexicon = nullptr);

/// The theme a sentence gives its cooperation ("dans le domaine de la santé"
/// -> "santé"); empty when it names none.
std::string cooperation_theme(const std::string& sentence);

}  // namespace coopatlas::indexer
