#include "indexer/guide/guide.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "core/error.hpp"
#include "core/text.hpp"
#include "indexer/guide/index_tables.hpp"

namespace coopatlas::indexer {

namespace {

std::string rtrim(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) s.pop_back();
    return s;
}

bool is_page_break(const std::string& raw) { return raw.size() > 1 && raw[0] == ' ' && raw[1] != ' '; }

}  // namespace

Guide Guide::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot read the guide '" + path + "': no such file or not readable");
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string content = buffer.str();
    if (content.find_first_not_of(" \n\r\t") == std::string::npos) throw Error("the guide '" + path + "' is empty");
    return parse(content);
}

Guide Guide::parse(std::string_view content) {
    Guide g;
    std::string raw;
    int number = 0;
    int sheet = 0;
    size_t pos = 0;
    while (pos <= content.size()) {
        size_t nl = content.find('\n', pos);
        if (nl == std::string_view::npos) nl = content.size();
        raw.assign(content.substr(pos, nl - pos));
        pos = nl + 1;
        ++number;
        if (pos > content.size() && raw.empty()) break;
        if (is_page_break(raw) && number > 1) ++sheet;
        std::string text = rtrim(is_page_break(raw) ? raw.substr(1) : raw);
        bool wrapped = !text.empty() && raw.size() > text.size() + (is_page_break(raw) ? 1 : 0) && raw.back() != '\r';
        g.lines_.push_back({number, sheet, std::move(text), wrapped});
    }
    g.sheet_count_ = sheet + 1;
    // The vocabulary leaves out the fragments around a line-end hyphen, which
    // are what it is asked to judge ("coopé-" / "ration").
    bool after_hyphen = false;
    for (const auto& l : g.lines_) {
        auto ws = text::words(l.text);
        bool ends_hyphen = !l.text.empty() && l.text.back() == '-';
        for (size_t i = 0; i < ws.size(); ++i) {
            if ((i == 0 && after_hyphen) || (i + 1 == ws.size() && ends_hyphen)) continue;
            g.vocabulary_.insert(std::move(ws[i]));
        }
        after_hyphen = ends_hyphen;
    }
    g.calibrate_pages();
    return g;
}

namespace {

bool is_programme_heading(const std::string& t) {
    std::string f = text::fold(text::collapse_whitespace(t));
    return f == "programme" || f == "projet";
}

}  // namespace

// The index tables of part III ("PAYS CONCERNÉ(S)  THÉMATIQUE  ...  VOIR PAGE") list
// programmes with their printed page. A row (the lines since the previous "Page NN")
// is matched to the PROGRAMME / PROJET heading whose block shares most of its words,
// among the headings whose first-estimate page is near NN.
std::vector<std::pair<int, int>> Guide::index_table_anchors() const {
    std::vector<std::pair<int, int>> anchors;
    std::vector<size_t> headings;
    for (size_t i = 0; i < lines_.size(); ++i)
        if (is_programme_heading(lines_[i].text)) headings.push_back(i);
    if (headings.empty()) return anchors;
    auto significant = [](const std::string& s) {
        std::unordered_set<std::string> out;
        for (auto& w : text::words(s))
            if (w.size() >= 4 && !text::is_stopword(w) && w != "page" && w != "pages") out.insert(w);
        return out;
    };
    std::vector<std::unordered_set<std::string>> windows;
    for (size_t h : headings) {
        std::string block;
        for (size_t k = h; k < lines_.size() && k < h + 16; ++k) block += lines_[k].text + " ";
        windows.push_back(significant(block));
    }
    for (const auto& row : index_table_rows(lines_)) {
        auto words = significant(row.text());
        for (int page : row.pages) {
            size_t best = headings.size();
            int best_score = 1;
            int best_gap = 1 << 20;
            for (size_t c = 0; c < headings.size(); ++c) {
                int estimate = printed_page_of_sheet(lines_[headings[c]].sheet);
                int gap = std::abs(estimate - page);
                if (estimate && gap > 8) continue;
                int score = 0;
                for (const auto& w : words) score += windows[c].count(w) ? 1 : 0;
                if (score > best_score || (score == best_score && gap < best_gap)) {
                    best = c;
                    best_score = score;
                    best_gap = gap;
                }
            }
            if (best < headings.size()) anchors.emplace_back(lines_[headings[best]].number, page);
        }
    }
    return anchors;
}

void Guide::calibrate_pages() {
    // Anchors: a line holding only a number that is a plausible printed page for
    // its sheet (printed pages run ahead of sheets, never behind, and grow with them).
    static const std::regex lone_number(R"(^\s*(\d{1,3})\s*$)");
    std::vector<std::pair<int, int>> anchors;  // sheet, printed page
    for (const auto& l : lines_) {
        std::smatch m;
        if (!std::regex_match(l.text, m, lone_number)) continue;
        int n = std::stoi(m[1]);
        if (n < l.sheet + 1 || n > l.sheet + 30) continue;
        if (!anchors.empty() && (n <= anchors.back().second || l.sheet <= anchors.back().first)) continue;
        anchors.emplace_back(l.sheet, n);
    }
    interpolate(anchors);
    // Second pass: the index tables, matched against the first estimate. A sheet
    // listed with two pages holds both; it takes the first for its other lines.
    auto table = index_table_anchors();
    if (table.empty()) return;
    std::map<int, int> by_sheet(anchors.begin(), anchors.end());
    for (const auto& [line, page] : table) {
        line_pages_[line] = page;
        int sheet = lines_[static_cast<size_t>(line - 1)].sheet;
        auto it = by_sheet.find(sheet);
        if (it == by_sheet.end() || page < it->second) by_sheet[sheet] = page;
    }
    std::vector<std::pair<int, int>> merged;
    for (const auto& a : by_sheet)
        if (merged.empty() || a.second >= merged.back().second) merged.push_back(a);
    interpolate(merged);
}

void Guide::interpolate(const std::vector<std::pair<int, int>>& anchors) {
    printed_pages_.assign(static_cast<size_t>(sheet_count_), 0);
    if (anchors.empty()) return;
    for (int s = 0; s < sheet_count_; ++s) {
        auto next = std::lower_bound(anchors.begin(), anchors.end(), std::make_pair(s, 0));
        int page;
        if (next == anchors.begin()) {
            page = next->second - (next->first - s);
        } else if (next == anchors.end()) {
            auto prev = std::prev(next);
            page = prev->second + (s - prev->first);
        } else if (next->first == s) {
            page = next->second;
        } else {
            auto prev = std::prev(next);
            double t = double(s - prev->first) / double(next->first - prev->first);
            page = prev->second + int(t * (next->second - prev->second) + 0.5);
        }
        printed_pages_[static_cast<size_t>(s)] = std::max(page, 1);
    }
}

int Guide::printed_page_of_sheet(int sheet) const {
    if (sheet < 0 || sheet >= static_cast<int>(printed_pages_.size())) return 0;
    return printed_pages_[static_cast<size_t>(sheet)];
}

int Guide::printed_page_of_line(int line_number) const {
    if (line_number < 1 || line_number > static_cast<int>(lines_.size())) return 0;
    if (auto it = line_pages_.find(line_number); it != line_pages_.end()) return it->second;
    return printed_page_of_sheet(lines_[static_cast<size_t>(line_number - 1)].sheet);
}

std::string join_lines(const Guide& guide, const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& raw : lines) {
        std::string line = text::collapse_whitespace(raw);
        if (line.empty()) continue;
        if (out.empty()) {
            out = line;
            continue;
        }
        const unsigned char before_hyphen = out.size() >= 2 ? static_cast<unsigned char>(out[out.size() - 2]) : ' ';
        bool hyphenated = out.back() == '-' && (std::isalpha(before_hyphen) || before_hyphen >= 0x80);
        if (hyphenated && std::islower(static_cast<unsigned char>(line[0]))) {
            // last word before the hyphen + first word of the new line
            size_t start = out.find_last_of(' ', out.size() - 2);
            start = start == std::string::npos ? 0 : start + 1;
            std::string head = out.substr(start, out.size() - 1 - start);
            std::string tail = line.substr(0, line.find(' '));
            auto joined = text::words(head + tail);
            auto tail_words = text::words(tail);
            // "franco-" + "allemande": both halves are words and the glued form is not.
            bool compound = !joined.empty() && !guide.knows_word(joined.back()) && !tail_words.empty() &&
                            guide.knows_word(tail_words.front()) && tail_words.front().size() > 3;
            // a word holding a slash is a URL or a pair of towns ("Plouguerneau/edingen-" +
            // "neckarhausen", ".../Amelioration-de-l-acces-a-l-" + "eau..."): its hyphen is part of it
            compound = compound || head.find('/') != std::string::npos;
            if (!compound) out.pop_back();
            out += line;
        } else {
            out += ' ';
            out += line;
        }
    }
    return out;
}

}  // namespace coopatlas::indexer
