#pragma once
/// @file guide.hpp
/// The guide text as the PDF extraction left it: lines, extracted pages
/// ("sheets": a line starting with exactly one space opens a new one) and the
/// printed page numbers, calibrated on the numbers the guide itself prints.

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace coopatlas::indexer {

struct GuideLine {
    int number = 0;    ///< 1-based line number in guide.txt
    int sheet = 0;     ///< 0-based extracted page
    std::string text;  ///< the line, without the page-break space and trailing spaces
    /// The extraction left a space at the end: the PDF wrapped the line inside a
    /// block of text ("3.1 Agriculture " / "et alimentation"), it did not end it.
    bool wrapped = false;
    /// Nothing but spaces and tabs.
    bool blank() const { return text.find_first_not_of(" \t") == std::string::npos; }
};

class Guide {
public:
    /// Reads guide.txt; throws Error if the file cannot be read or is empty.
    static Guide load(const std::string& path);
    /// Parses guide text already in memory (tests use excerpts).
    static Guide parse(std::string_view content);

    const std::vector<GuideLine>& lines() const { return lines_; }
    int sheet_count() const { return sheet_count_; }

    /// Printed page number of a sheet, interpolated between anchors: the sheets
    /// whose printed number the extraction kept (a lone footer number) and the
    /// sheets holding a programme that the index tables of part III list with
    /// its page ("Maroc, Tunisie  Filières agro-écologiques  Terres en villes  Page 49").
    /// 0 if none known.
    int printed_page_of_sheet(int sheet) const;
    /// The page of a line: exact for a PROGRAMME / PROJET heading an index table
    /// lists (a sheet may hold two printed pages), else the page of its sheet.
    int printed_page_of_line(int line_number) const;

    /// Folded words of the whole guide, to decide whether "grou-" + "pements"
    /// is one word broken by hyphenation or a real compound ("franco-allemande").
    bool knows_word(const std::string& folded) const { return vocabulary_.count(folded) > 0; }

private:
    void calibrate_pages();
    void interpolate(const std::vector<std::pair<int, int>>& anchors);  // (sheet, page), sorted

    std::vector<GuideLine> lines_;
    std::vector<std::pair<int, int>> index_table_anchors() const;  // (line of a programme heading, printed page)

    std::vector<int> printed_pages_;           // per sheet
    std::unordered_map<int, int> line_pages_;  // heading line -> printed page, from the index tables
    int sheet_count_ = 0;
    std::unordered_set<std::string> vocabulary_;
};

/// Joins the lines of a paragraph into display text, undoing line-end
/// hyphenation: "grou-" + "pements" -> "groupements" when the guide knows the
/// joined word or does not know the compound, "franco-" + "allemande" kept.
std::string join_lines(const Guide& guide, const std::vector<std::string>& lines);

}  // namespace coopatlas::indexer
