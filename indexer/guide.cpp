#include "guide.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/error.hpp"
#include "core/text.hpp"

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
    if (content.find_first_not_of(" \n\r\t") == std::string::npos)
        throw Error("the guide '" + path + "' is empty");
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
        g.lines_.push_back({number, sheet, std::move(text)});
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
