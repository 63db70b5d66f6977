#pragma once
/// @file guide.hpp
/// The guide text as the PDF extraction left it: lines, extracted pages
/// ("sheets": a line starting with exactly one space opens a new one) and the
/// printed page numbers, calibrated on the numbers the guide itself prints.

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace coopatlas::indexer {

struct GuideLine {
    int number = 0;    ///< 1-based line number in guide.txt
    int sheet = 0;     ///< 0-based extracted page
    std::string text;  ///< the line, without the page-break space and trailing spaces
};

class Guide {
public:
    /// Reads guide.txt; throws Error if the file cannot be read or is empty.
    static Guide load(const std::string& path);
    /// Parses guide text already in memory (tests use excerpts).
    static Guide parse(std::string_view content);

    const std::vector<GuideLine>& lines() const { return lines_; }
    int sheet_count() const { return sheet_count_; }

    /// Printed page number of a sheet, interpolated between the sheets whose
    /// printed number the extraction kept (a lone footer number). 0 if none known.
    int printed_page_of_sheet(int sheet) const;
    int printed_page_of_line(int line_number) const;

    /// Folded words of the whole guide, to decide whether "grou-" + "pements"
    /// is one word broken by hyphenation or a real compound ("franco-allemande").
    bool knows_word(const std::string& folded) const { return vocabulary_.count(folded) > 0; }

private:
    void calibrate_pages();

    std::vector<GuideLine> lines_;
    std::vector<int> printed_pages_;  // per sheet
    int sheet_count_ = 0;
    std::unordered_set<std::string> vocabulary_;
};

/// Joins the lines of a paragraph into display text, undoing line-end
/// hyphenation: "grou-" + "pements" -> "groupements" when the guide knows the
/// joined word or does not know the compound, "franco-" + "allemande" kept.
std::string join_lines(const Guide& guide, const std::vector<std::string>& lines);

}  // namespace coopatlas::indexer
