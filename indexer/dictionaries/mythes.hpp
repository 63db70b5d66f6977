#pragma once
/// @file mythes.hpp
/// Reads a thesaurus in MyThes' data format (LibreOffice's thesauri; Debian's
/// mythes-fr installs /usr/share/mythes/thes_fr.dat): a first line naming the
/// encoding, then per entry a line "word|N" followed by N meaning lines
/// "(part of speech)|synonym|synonym|...". The .idx file beside it only gives
/// random access, which reading the whole file does not need.

#include <string>
#include <string_view>
#include <vector>

namespace coopatlas::indexer {

struct ThesaurusEntry {
    std::string word;
    std::vector<std::string> synonyms;  ///< of every meaning, in the file's order, without repeats
};

/// Parses the text of a MyThes .dat file (UTF-8 only); `origin` names it in
/// errors. Throws Error with the line number on an entry line without
/// "|count", a bad count, or fewer meaning lines than announced.
std::vector<ThesaurusEntry> parse_mythes(std::string_view text, const std::string& origin);

/// Reads the MyThes file at `path`. Throws Error naming it when it is missing or malformed.
std::vector<ThesaurusEntry> read_mythes(const std::string& path);

}  // namespace coopatlas::indexer
