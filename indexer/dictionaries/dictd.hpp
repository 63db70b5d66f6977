#pragma once
/// @file dictd.hpp
/// Reads a dictionary in the dictd format (dictfmt(1)), as Debian's FreeDict
/// packages install them under /usr/share/dictd: NAME.index, one line per
/// headword "headword TAB offset TAB length" (offset and length in dictd's
/// base 64), and NAME.dict.dz, the entries' text gzip-compressed (dictzip only
/// adds random access, which reading the whole file does not need).

#include <string>
#include <string_view>
#include <vector>

namespace coopatlas::indexer {

struct DictdEntry {
    std::string headword;  ///< as the index writes it (lower-cased by some dictionaries)
    std::size_t offset = 0, length = 0;
};

struct Dictd {
    std::string title;                ///< the 00databaseshort entry ("English-French FreeDict Dictionary ver. 0.1.6")
    std::string text;                 ///< the decompressed .dict.dz
    std::vector<DictdEntry> entries;  ///< in the index's order, without the 00database* entries
    /// The entry's text: its headword line, then its definitions.
    std::string_view body(const DictdEntry& entry) const {
        return std::string_view(text).substr(entry.offset, entry.length);
    }
    /// The headword as the entry's body writes it ("jumelage /ʒymlaʒ/ <n>" -> "jumelage"; the index may
    /// have lower-cased it), else the index's headword.
    std::string written_headword(const DictdEntry& entry) const;
};

/// Parses a dictd index `index_text` against the decompressed `text`
/// (`origin` names them in errors). Throws Error with the line number on a
/// line without its three fields, a bad number or an entry past the text's end.
Dictd parse_dictd(std::string_view index_text, std::string text, const std::string& origin);

/// Reads the dictionary `base` (a path without .index / .dict.dz). Throws
/// Error naming the file when one is missing or malformed.
Dictd read_dictd(const std::string& base);

/// dictd's base-64 number ("BVBC" -> 348226): digits A-Z a-z 0-9 + /, most
/// significant first. Throws Error on another character or more than 10 digits.
unsigned long long dictd_number(std::string_view digits);

/// The translations of a FreeDict entry `body`: the line after the headword
/// line when it has no sense number, and every line "N. ..." (a numbered
/// sense), split at commas and semicolons, without grammar marks ("<masc>"),
/// domains ("[envir.]"), parentheses and trailing sense numbers; trimmed,
/// without repeats. Other lines (indented examples, "see:", "Synonyms:", and
/// the definitions of the Wiktionary-based dictionaries) are not translations.
/// "water /wɔːtər/\n1. aquatique\n2. eau, onde\n" -> "aquatique", "eau", "onde".
std::vector<std::string> dictd_translations(std::string_view body);

}  // namespace coopatlas::indexer
