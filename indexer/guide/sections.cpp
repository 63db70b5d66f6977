#include "indexer/guide/sections.hpp"

#include <map>
#include <optional>
#include <regex>

#include "core/error.hpp"
#include "core/text.hpp"
#include "indexer/guide/display_text.hpp"

namespace coopatlas::indexer {

namespace {

bool blank(const GuideLine& l) { return l.text.find_first_not_of(" \t") == std::string::npos; }
bool starts_sheet(const std::vector<GuideLine>& lines, size_t i) {
    return i == 0 || lines[i].sheet != lines[i - 1].sheet;
}

struct Numbered {
    int top = 0;
    int sub = 0;  // 0: a top-level heading "N Title"
    std::string title;
};

bool caps_looking(const std::string& s);

std::optional<Numbered> numbered(const std::string& raw) {
    static const std::regex re(R"(^(\d{1,2})(?:\.(\d{1,2}))?\s+(\S.*)$)");
    std::smatch m;
    std::string t = text::collapse_whitespace(raw);
    // most lines do not open with a digit: no regex for them
    if (t.empty() || !std::isdigit(static_cast<unsigned char>(t[0])) || !std::regex_match(t, m, re))
        return std::nullopt;
    Numbered n{std::stoi(m[1]), m[2].matched ? std::stoi(m[2]) : 0, m[3]};
    if (n.top == 0 || (m[2].matched && n.sub == 0)) return std::nullopt;
    unsigned char c = static_cast<unsigned char>(n.title[0]);
    if (std::isdigit(c) || n.title.size() > 60 || n.title.find(" euros") != std::string::npos) return std::nullopt;
    if (n.sub == 0) {
        // "5 pays : ...", "31 juillet 2020", "2 recherche ...": a top-level heading opens with a capital.
        // (or is set in damaged capitals: "4 fRAnCoPhonIE" in the table of contents)
        bool capital = std::isupper(c) || (c == 0xC3 && t.size() > 1) || caps_looking(n.title);
        if (!capital || n.title.find(':') != std::string::npos || n.title.size() > 45) return std::nullopt;
    }
    return n;
}

// Letters mostly in capitals, as in titles and side tabs ("vILLE", "EURoPE (hoRs UnIon").
bool caps_looking(const std::string& s) {
    int upper = 0, letters = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (std::isdigit(c)) return false;
        if (std::isalpha(c)) {
            ++letters;
            if (std::isupper(c)) ++upper;
        }
    }
    return letters >= 3 && upper * 3 >= letters && s.find(':') == std::string::npos && s.find("•") == std::string::npos;
}

const std::regex& footer_re() {
    static const std::regex re(R"(^([IVX]+)(?:e|re|er) Part[Ii]e \| (.+)$)");
    return re;
}
const std::regex& part_title_re() {
    static const std::regex re(R"(^([IVX]+)(?:e|re|er) PART[Ii]E$)");
    return re;
}

// A lead paragraph opening a sheet: the large-type introduction that starts a top-level
// section whose title the extraction lost (" La gouvernance locale représente le cœur" /
// "de métier des collectivités territoriales." ...): a sheet's first line, not numbered,
// opening with a capital, then at least four short lines (under 47 characters) without a break.
bool lead_paragraph(const std::vector<GuideLine>& lines, size_t i) {
    if (!starts_sheet(lines, i)) return false;
    std::string first = text::collapse_whitespace(lines[i].text);
    if (first.empty() || std::isdigit(static_cast<unsigned char>(first[0])) || caps_looking(first)) return false;
    unsigned char c = static_cast<unsigned char>(first[0]);
    if (!(std::isupper(c) || c == 0xC3)) return false;
    size_t run = 0;
    for (size_t k = i; k < lines.size() && k < i + 12 && lines[k].sheet == lines[i].sheet; ++k) {
        std::string t = text::collapse_whitespace(lines[k].text);
        if (t.empty()) break;
        if (t.size() > 46 + (t.size() - text::fold(t).size())) return false;  // accents take two bytes
        ++run;
    }
    return run >= 4;
}

struct Segment {
    size_t begin = 0;  // first line index
    std::string roman;
    std::string name;  // sub-part named by a title sheet ("Thématiques"), if any
    std::map<int, std::string> top_names;
};

// data/section-titles.tsv: (folded part name, number) -> "N Title".
std::map<std::pair<std::string, int>, std::string> reviewed_titles() {
    std::map<std::pair<std::string, int>, std::string> out;
    const std::string_view table = reviewed_section_titles_table();
    size_t start = 0;
    for (int line = 1; start < table.size(); ++line) {
        size_t end = table.find('\n', start);
        if (end == std::string_view::npos) end = table.size();
        std::string row(table.substr(start, end - start));
        start = end + 1;
        if (row.empty() || row[0] == '#') continue;
        const std::vector<std::string> cells = text::split(row, '\t');
        int number = 0;
        try {
            number = cells.size() >= 3 ? std::stoi(cells[1]) : 0;
        } catch (const std::exception&) {
        }
        if (number <= 0 || text::collapse_whitespace(cells[2]).empty())
            throw Error("data/section-titles.tsv line " + std::to_string(line) +
                        ": expected part<TAB>number<TAB>title<TAB>source, got '" + row + "'");
        out[{text::fold(cells[0]), number}] = std::to_string(number) + " " + text::collapse_whitespace(cells[2]);
    }
    return out;
}

/// Footers ("IIIe PartIe | GéoGraphies") name the part of their sheet.
struct Footers {
    std::vector<std::pair<size_t, std::string>> names;  ///< line index, part name (display)
    std::map<std::string, std::string> known_subparts;  ///< folded name -> display
};

Footers read_footers(const std::vector<GuideLine>& lines, const DisplayText& display) {
    Footers out;
    for (size_t i = 0; i < lines.size(); ++i) {
        std::smatch m;
        std::string t = text::collapse_whitespace(lines[i].text);
        if (t.find(" | ") != std::string::npos && std::regex_match(t, m, footer_re())) {  // test first: cheaper
            std::string name = display.heading(m[2].str());
            out.names.push_back({i, name});
            out.known_subparts[text::fold(m[2].str())] = name;
        }
    }
    return out;
}

/// Where a line stands: its segment, its top-level number and its sub-heading.
struct State {
    size_t segment = 0;
    int top = 0;
    int sub = 0;
    std::string sub_title;
};

/// One pass over the lines: part titles and title sheets open segments, numbered headings
/// (and lead paragraphs, for titles the extraction lost) move the top and sub numbers, the
/// table of contents and side tabs name the top-level sections.
class HeadingWalk {
public:
    HeadingWalk(const Guide& guide, const DisplayText& display, const Footers& footers)
        : guide_(guide), lines_(guide.lines()), display_(display), footers_(footers), states_(lines_.size()) {}

    void run() {
        for (size_t i = 0; i < lines_.size(); ++i) {
            step(i);
            states_[i] = st_;
        }
    }

    std::vector<Segment> segments = std::vector<Segment>(1);
    const std::vector<State>& states() const { return states_; }

private:
    void step(size_t i) {
        std::string t = text::collapse_whitespace(lines_[i].text);
        std::string f = text::fold(t);
        if (starts_sheet(lines_, i)) in_toc_ = false;
        std::smatch m;
        const auto& subparts = footers_.known_subparts;
        if (t.find(" PART") != std::string::npos && std::regex_match(t, m, part_title_re())) {
            current_roman_ = m[1];
            open_segment(i, "");
        } else if (starts_sheet(lines_, i) && !f.empty() &&
                   (subparts.count(f) || (f.rfind("glossaire", 0) == 0 && subparts.count("glossaire")))) {
            open_segment(i, subparts.count(f) ? subparts.at(f) : subparts.at("glossaire"));
        } else if (f == "sommaire") {
            in_toc_ = true;
        } else if (auto n = numbered(t)) {
            numbered_heading(i, *n, heading_title(i, t));
        } else if (!in_toc_ && st_.top > 0 && lead_paragraph(lines_, i)) {
            lead(i);
        } else if (!in_toc_) {
            side_tab(i, t);
        }
    }

    void open_segment(size_t i, const std::string& name) {
        Segment s;
        s.begin = i;
        s.roman = current_roman_;
        s.name = name;
        segments.push_back(s);
        st_ = State{segments.size() - 1, 0, 0, ""};
    }

    /// A wrapped heading continues on the following short lines; "Voir page 42." is no part of it.
    std::string heading_title(size_t i, const std::string& t) const {
        std::string title = t;
        size_t k = i;
        auto open_end = [&](const std::string& x) { return !x.empty() && (x.back() == '/' || x.back() == '-'); };
        while ((lines_[k].wrapped || open_end(text::collapse_whitespace(lines_[k].text))) && k + 1 < lines_.size() &&
               !blank(lines_[k + 1]) && lines_[k + 1].sheet == lines_[i].sheet &&
               text::collapse_whitespace(lines_[k + 1].text).size() < 45 && !numbered(lines_[k + 1].text) &&
               title.size() < 80) {
            title += " " + text::collapse_whitespace(lines_[++k].text);
        }
        title = join_lines(guide_, {title});
        static const std::regex see(R"(\s+[Vv]oir pages? \d.*$)");
        return std::regex_replace(title, see, "");
    }

    /// "N Title" or "N.M Title": in the table of contents it names section N; elsewhere it
    /// moves the numbers when it follows from them (an excerpt may start inside a part, and a
    /// numbering that restarts opens a new segment).
    void numbered_heading(size_t i, const Numbered& n, const std::string& title) {
        if (in_toc_) {
            if (n.sub == 0) segments[st_.segment].top_names[n.top] = display_.heading(title);
        } else if (n.sub > 0) {
            bool next_sub = n.top == st_.top && n.sub > st_.sub && n.sub <= st_.sub + 2;
            bool next_top = n.top > st_.top && n.top <= st_.top + 3 && n.sub == 1;
            bool reset = n.top < st_.top && n.sub == 1 && st_.top > 0;
            bool first = st_.top == 0;
            if (reset) open_segment(i, "");
            if (next_sub || next_top || reset || first) {
                st_.top = n.top;
                st_.sub = n.sub;
                st_.sub_title = display_.heading(title);
            }
        } else {
            bool next_top = n.top == st_.top + 1;
            bool reset = n.top == 1 && st_.top > 1;
            if (reset) open_segment(i, "");
            if (next_top || reset) {
                st_.top = n.top;
                st_.sub = 0;
                st_.sub_title.clear();
                segments[st_.segment].top_names[n.top] = display_.heading(title);
            }
        }
    }

    /// A lead paragraph opens the next top-level section when the next numbered heading comes
    /// later ("3.3 ..." / lead / lead / "6.1 ..." gives 4, 5, then 6), or, when the numbering
    /// restarts after it ("10.6 Urbanisme" / lead / "2.1 Bénin"), the section before that
    /// heading in a new part.
    void lead(size_t i) {
        std::optional<Numbered> next;
        for (size_t k = i + 1; k < lines_.size() && !next; ++k) next = numbered(lines_[k].text);
        if (next && next->sub > 0 && next->top > st_.top) {
            st_.top += 1;
            st_.sub = 0;
            st_.sub_title.clear();
        } else if (next && next->sub == 1 && next->top < st_.top && next->top >= 2) {
            open_segment(i, "");
            st_.top = next->top - 1;
        }
    }

    /// Up to four lines in capitals next to line i (after it when `forward`), stopping at the
    /// first other line or, once some are found, at a blank one.
    std::vector<std::string> caps_lines_beside(size_t i, bool forward) const {
        std::vector<std::string> out;
        for (size_t step = 1; step <= 5 && out.size() < 4; ++step) {
            if (forward ? i + step >= lines_.size() : step > i) break;
            std::string a = text::collapse_whitespace(lines_[forward ? i + step : i - step].text);
            if (a.empty()) {
                if (!out.empty()) break;
                continue;
            }
            if (!caps_looking(a)) break;
            if (forward)
                out.push_back(a);
            else
                out.insert(out.begin(), a);
        }
        return out;
    }

    /// Side tabs: a lone section number beside a title in capitals ("10" / "vILLE" / "DURABLE",
    /// "ACCÈs AUx" / "sERvICEs" / "EssEnTIELs" / "1"), or glued to it ("éConoMIE2").
    void side_tab(size_t i, const std::string& t) {
        static const std::regex lone(R"(^(\d{1,2})$)");
        static const std::regex glued(R"(^(\D{3,}?)(\d{1,2})$)");
        std::smatch n;
        int number = 0;
        std::string name;
        // both end with the number: other lines need no regex
        const bool ends_with_digit = !t.empty() && std::isdigit(static_cast<unsigned char>(t.back()));
        if (ends_with_digit && std::regex_match(t, n, lone) && std::stoi(n[1]) <= 12) {
            number = std::stoi(n[1]);
            std::vector<std::string> after = caps_lines_beside(i, true);
            const std::vector<std::string> chosen = !after.empty() ? after : caps_lines_beside(i, false);
            for (const auto& c : chosen) name += (name.empty() ? "" : " ") + c;
        } else if (ends_with_digit && std::regex_match(t, n, glued) && caps_looking(n[1].str())) {
            number = std::stoi(n[2]);
            name = n[1];
        }
        if (number > 0 && !name.empty() && name.find('|') == std::string::npos)
            segments[st_.segment].top_names.try_emplace(number, std::to_string(number) + " " + display_.heading(name));
    }

    const Guide& guide_;
    const std::vector<GuideLine>& lines_;
    const DisplayText& display_;
    const Footers& footers_;
    std::vector<State> states_;
    State st_;
    bool in_toc_ = false;
    std::string current_roman_;
};

/// Segment names: the footers inside each segment, else its title sheet, else its part number.
std::vector<std::string> segment_names(const std::vector<Segment>& segments, const Footers& footers,
                                       size_t line_count) {
    std::vector<std::string> names(segments.size());
    for (size_t s = 0; s < segments.size(); ++s) {
        size_t end = s + 1 < segments.size() ? segments[s + 1].begin : line_count;
        names[s] = segments[s].name;
        for (const auto& [line, name] : footers.names)
            if (names[s].empty() && line >= segments[s].begin && line < end) names[s] = name;
    }
    return names;
}

}  // namespace

std::vector<std::vector<std::string>> section_paths(const Guide& guide) {
    return section_paths(guide, DisplayText(guide));
}

std::vector<std::vector<std::string>> section_paths(const Guide& guide, const DisplayText& display) {
    const Footers footers = read_footers(guide.lines(), display);
    HeadingWalk walk(guide, display, footers);
    walk.run();
    std::vector<Segment>& segments = walk.segments;
    const std::vector<std::string> names = segment_names(segments, footers, guide.lines().size());
    // Titles the extraction lost, from the reviewed table (data/section-titles.tsv).
    static const auto reviewed = reviewed_titles();
    for (size_t s = 0; s < segments.size(); ++s) {
        for (const auto& [key, title] : reviewed)
            if (key.first == text::fold(names[s])) segments[s].top_names.try_emplace(key.second, title);
    }
    std::vector<std::vector<std::string>> paths(guide.lines().size());
    for (size_t i = 0; i < paths.size(); ++i) {
        const State& s = walk.states()[i];
        if (!names[s.segment].empty()) paths[i].push_back(names[s.segment]);
        if (s.top > 0) {
            auto it = segments[s.segment].top_names.find(s.top);
            paths[i].push_back(it != segments[s.segment].top_names.end() ? it->second : std::to_string(s.top));
        }
        if (s.sub > 0) paths[i].push_back(s.sub_title);
    }
    return paths;
}

}  // namespace coopatlas::indexer
