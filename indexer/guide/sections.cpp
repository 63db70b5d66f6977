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

}  // namespace

std::vector<std::vector<std::string>> section_paths(const Guide& guide) {
    return section_paths(guide, DisplayText(guide));
}

std::vector<std::vector<std::string>> section_paths(const Guide& guide, const DisplayText& display) {
    const auto& lines = guide.lines();

    // Footers: "IIIe PartIe | GéoGraphies" names the part of its sheet.
    std::vector<std::pair<size_t, std::pair<std::string, std::string>>> footers;  // line index, (roman, name)
    std::map<std::string, std::string> known_subparts;                            // folded name -> display
    for (size_t i = 0; i < lines.size(); ++i) {
        std::smatch m;
        std::string t = text::collapse_whitespace(lines[i].text);
        if (t.find(" | ") != std::string::npos && std::regex_match(t, m, footer_re())) {  // test first: cheaper
            std::string name = display.heading(m[2].str());
            footers.push_back({i, {m[1], name}});
            known_subparts[text::fold(m[2].str())] = name;
        }
    }

    std::vector<Segment> segments(1);
    std::vector<std::vector<std::string>> paths(lines.size());
    // per line: segment index, top number, sub heading title
    struct State {
        size_t segment = 0;
        int top = 0;
        int sub = 0;
        std::string sub_title;
    };
    std::vector<State> states(lines.size());
    State st;
    bool in_toc = false;
    std::string current_roman;
    for (size_t i = 0; i < lines.size(); ++i) {
        const auto& l = lines[i];
        std::string t = text::collapse_whitespace(l.text);
        std::string f = text::fold(t);
        if (starts_sheet(lines, i)) in_toc = false;
        std::smatch m;
        auto open_segment = [&](const std::string& roman, const std::string& name) {
            Segment s;
            s.begin = i;
            s.roman = roman;
            s.name = name;
            segments.push_back(s);
            st = State{segments.size() - 1, 0, 0, ""};
        };
        if (t.find(" PART") != std::string::npos && std::regex_match(t, m, part_title_re())) {
            current_roman = m[1];
            open_segment(current_roman, "");
        } else if (starts_sheet(lines, i) && !f.empty() &&
                   (known_subparts.count(f) || (f.rfind("glossaire", 0) == 0 && known_subparts.count("glossaire")))) {
            open_segment(current_roman, known_subparts.count(f) ? known_subparts[f] : known_subparts["glossaire"]);
        } else if (f == "sommaire") {
            in_toc = true;
        } else if (auto n = numbered(t)) {
            // A wrapped heading continues on the following short lines.
            std::string title = t;
            size_t k = i;
            auto open_end = [&](const std::string& x) { return !x.empty() && (x.back() == '/' || x.back() == '-'); };
            while ((lines[k].wrapped || open_end(text::collapse_whitespace(lines[k].text))) && k + 1 < lines.size() &&
                   !blank(lines[k + 1]) && lines[k + 1].sheet == l.sheet &&
                   text::collapse_whitespace(lines[k + 1].text).size() < 45 && !numbered(lines[k + 1].text) &&
                   title.size() < 80) {
                title += " " + text::collapse_whitespace(lines[++k].text);
            }
            title = join_lines(guide, {title});
            // "10.1 Accès aux services essentiels Voir page 42.": the reference is not part of the title.
            static const std::regex see(R"(\s+[Vv]oir pages? \d.*$)");
            title = std::regex_replace(title, see, "");
            if (in_toc) {
                if (n->sub == 0) segments[st.segment].top_names[n->top] = display.heading(title);
            } else if (n->sub > 0) {
                bool next_sub = n->top == st.top && n->sub > st.sub && n->sub <= st.sub + 2;
                bool next_top = n->top > st.top && n->top <= st.top + 3 && n->sub == 1;
                bool reset = n->top < st.top && n->sub == 1 && st.top > 0;
                bool first = st.top == 0;  // an excerpt may start inside a part
                if (reset) open_segment(current_roman, "");
                if (next_sub || next_top || reset || first) {
                    st.top = n->top;
                    st.sub = n->sub;
                    st.sub_title = display.heading(title);
                }
            } else {
                bool next_top = n->top == st.top + 1;
                bool reset = n->top == 1 && st.top > 1;
                if (reset) open_segment(current_roman, "");
                if (next_top || reset) {
                    st.top = n->top;
                    st.sub = 0;
                    st.sub_title.clear();
                    segments[st.segment].top_names[n->top] = display.heading(title);
                }
            }
        } else if (!in_toc && st.top > 0 && lead_paragraph(lines, i)) {
            // A lead paragraph opens the next top-level section when the next numbered heading
            // comes later ("3.3 ..." / lead / lead / "6.1 ..." gives 4, 5, then 6), or, when the
            // numbering restarts after it ("10.6 Urbanisme" / lead / "2.1 Bénin"), the section
            // before that heading in a new part.
            std::optional<Numbered> next;
            for (size_t k = i + 1; k < lines.size() && !next; ++k) next = numbered(lines[k].text);
            if (next && next->sub > 0 && next->top > st.top) {
                st.top += 1;
                st.sub = 0;
                st.sub_title.clear();
            } else if (next && next->sub == 1 && next->top < st.top && next->top >= 2) {
                open_segment(current_roman, "");
                st.top = next->top - 1;
            }
        } else if (!in_toc) {
            // Side tabs: a lone section number beside a title in capitals ("10" / "vILLE" / "DURABLE",
            // "ACCÈs AUx" / "sERvICEs" / "EssEnTIELs" / "1"), or glued to it ("éConoMIE2").
            static const std::regex lone(R"(^(\d{1,2})$)");
            static const std::regex glued(R"(^(\D{3,}?)(\d{1,2})$)");
            std::smatch n;
            int number = 0;
            std::string name;
            // both end with the number: other lines need no regex
            const bool ends_with_digit = !t.empty() && std::isdigit(static_cast<unsigned char>(t.back()));
            if (ends_with_digit && std::regex_match(t, n, lone) && std::stoi(n[1]) <= 12) {
                number = std::stoi(n[1]);
                std::vector<std::string> after, before;
                for (size_t k = i + 1; k < lines.size() && k <= i + 5 && after.size() < 4; ++k) {
                    std::string a = text::collapse_whitespace(lines[k].text);
                    if (a.empty()) {
                        if (!after.empty()) break;
                        continue;
                    }
                    if (!caps_looking(a)) break;
                    after.push_back(a);
                }
                for (size_t k = i; k-- > 0 && k + 6 > i && before.size() < 4;) {
                    std::string b = text::collapse_whitespace(lines[k].text);
                    if (b.empty()) {
                        if (!before.empty()) break;
                        continue;
                    }
                    if (!caps_looking(b)) break;
                    before.insert(before.begin(), b);
                }
                auto& chosen = !after.empty() ? after : before;
                for (const auto& c : chosen) name += (name.empty() ? "" : " ") + c;
            } else if (ends_with_digit && std::regex_match(t, n, glued) && caps_looking(n[1].str())) {
                number = std::stoi(n[2]);
                name = n[1];
            }
            if (number > 0 && !name.empty() && name.find('|') == std::string::npos)
                segments[st.segment].top_names.try_emplace(number,
                                                           std::to_string(number) + " " + display.heading(name));
        }
        states[i] = st;
    }

    // Segment names: the footers inside each segment, else its title sheet, else its part number.
    std::vector<std::string> names(segments.size());
    for (size_t s = 0; s < segments.size(); ++s) {
        size_t end = s + 1 < segments.size() ? segments[s + 1].begin : lines.size();
        names[s] = segments[s].name;
        for (const auto& [line, footer] : footers)
            if (names[s].empty() && line >= segments[s].begin && line < end) names[s] = footer.second;
    }
    static const auto reviewed = reviewed_titles();
    for (size_t s = 0; s < segments.size(); ++s) {
        for (const auto& [key, title] : reviewed)
            if (key.first == text::fold(names[s])) segments[s].top_names.try_emplace(key.second, title);
    }
    for (size_t i = 0; i < lines.size(); ++i) {
        const State& s = states[i];
        std::vector<std::string> path;
        if (!names[s.segment].empty()) path.push_back(names[s.segment]);
        if (s.top > 0) {
            auto it = segments[s.segment].top_names.find(s.top);
            path.push_back(it != segments[s.segment].top_names.end() ? it->second : std::to_string(s.top));
        }
        if (s.sub > 0) path.push_back(s.sub_title);
        paths[i] = std::move(path);
    }
    return paths;
}

}  // namespace coopatlas::indexer
