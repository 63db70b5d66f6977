#pragma once
/// @file programmes.hpp
/// PROGRAMME / PROJET blocks -> programme records.
///
/// A block is a heading line "PROGRAMME" or "PROJET" (small caps in the
/// extraction: "PRoGRAMME"), a subtitle giving its kind ("« clés en main » de
/// l’AIMF", "mutualisable – Orléans et Parakou"), then bullets "•\t Label : value"
/// whose values run over several lines, blank lines and page breaks. A block
/// without bullets whose text says "voir ... page N" is a cross-reference stub:
/// it adds a citation to the programme it names instead of making a new record.

#include <string>
#include <vector>

#include "core/record.hpp"
#include "indexer/guide/display_text.hpp"
#include "indexer/guide/guide.hpp"

namespace coopatlas::indexer {

/// One printed line of a bullet, whitespace collapsed (the first without the bullet sign).
struct ProgrammeFieldLine {
    std::string text;
    int line = 0;  ///< 1-based line of guide.txt
};

/// One bullet of a block: "Coordonnées : AimF – sp@aimf.asso.fr".
struct ProgrammeField {
    std::string label;                      ///< text before the first colon, joined and trimmed
    std::string value;                      ///< text after it, lines joined (hyphenation undone)
    int line = 0;                           ///< line of the bullet
    std::vector<ProgrammeFieldLine> lines;  ///< the lines the bullet was joined from, in order
};

/// A PROGRAMME / PROJET block as the guide prints it, before interpretation.
struct ProgrammeBlock {
    int line = 0;          ///< line of the PROGRAMME / PROJET heading
    int end_line = 0;      ///< last line read as part of the block
    std::string heading;   ///< "PRoGRAMME" (raw)
    std::string subtitle;  ///< lines after the heading up to the first blank line (joined, raw)
    std::vector<ProgrammeField> fields;
    std::vector<std::string> inner_prose;  ///< paragraphs printed between two bullets (joined, raw)
    std::string stub;                      ///< for a cross-reference: the "voir ... page N" sentence; empty otherwise
    bool is_stub() const { return !stub.empty(); }
};

/// Every PROGRAMME / PROJET block of the guide, in order.
std::vector<ProgrammeBlock> find_programme_blocks(const Guide& guide);

/// Extracts the contacts too: a programme links the contact records of its "Coordonnées".
std::vector<Record> extract_programmes(const Guide& guide, const std::vector<std::vector<std::string>>& sections);

/// The same with the display repair and the contact records the caller already has
/// (extract_records computes each once).
std::vector<Record> extract_programmes(const Guide& guide, const std::vector<std::vector<std::string>>& sections,
                                       const DisplayText& display, const std::vector<Record>& contacts);

/// The same with the blocks already parsed (extract_records parses them once for the
/// contacts, the programmes and the partnerships).
std::vector<Record> extract_programmes(const Guide& guide, const std::vector<std::vector<std::string>>& sections,
                                       const DisplayText& display, const std::vector<ProgrammeBlock>& blocks,
                                       const std::vector<Record>& contacts);

}  // namespace coopatlas::indexer
