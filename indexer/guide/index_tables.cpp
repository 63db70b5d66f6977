#include "indexer/guide/index_tables.hpp"

#include <regex>

#include "core/text.hpp"

namespace coopatlas::indexer {

std::string IndexTableRow::text() const {
    std::string out;
    for (const auto& [number, line] : lines)
        if (!line.empty()) out += (out.empty() ? "" : " ") + line;
    return out;
}

int IndexTableRow::line_at(std::size_t offset) const {
    std::size_t start = 0;
    int found = lines.empty() ? 0 : lines.front().first;
    for (const auto& [number, line] : lines) {
        if (line.empty()) continue;
        if (start > offset) break;
        found = number;
        start += line.size() + 1;
    }
    return found;
}

bool IndexTableRow::has_lead_column() const {
    return header.find("porteu") != std::string::npos || header.find("chef de file") != std::string::npos ||
           header.find("cheffe de file") != std::string::npos;
}

std::vector<IndexTableRow> index_table_rows(const std::vector<GuideLine>& lines) {
    static const std::regex page_ref(R"((?:^|\s)Pages?\s+(\d{1,3})(?:\s+et\s+(\d{1,3}))?\s*$)");
    std::vector<IndexTableRow> rows;
    bool in_table = false;
    IndexTableRow row;
    for (const auto& l : lines) {
        std::string t = text::collapse_whitespace(l.text);
        std::string f = text::fold(t);
        if (f.size() >= 9 && f.compare(f.size() - 9, 9, "voir page") == 0) {
            in_table = true;
            row = IndexTableRow{f, {}, {}};
            continue;
        }
        if (!in_table || t.empty()) continue;
        std::smatch m;
        bool has_ref = std::regex_search(t, m, page_ref);
        if (t.size() > 70 && !has_ref) {  // prose after the table
            in_table = false;
            continue;
        }
        if (!has_ref) {
            row.lines.emplace_back(l.number, t);
            continue;
        }
        row.lines.emplace_back(l.number,
                               text::collapse_whitespace(t.substr(0, static_cast<std::size_t>(m.position(0)))));
        for (int g = 1; g <= 2; ++g)
            if (m[g].matched) row.pages.push_back(std::stoi(m[g]));
        rows.push_back(row);
        row.lines.clear();
        row.pages.clear();
    }
    return rows;
}

}  // namespace coopatlas::indexer
