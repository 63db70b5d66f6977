#include "indexer/extract/programmes.hpp"

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "core/text.hpp"
#include "indexer/extract/contacts.hpp"
#include "indexer/guide/display_text.hpp"
#include "indexer/places/countries.hpp"

namespace coopatlas::indexer {

namespace {

bool is_bullet(const std::string& t) { return t.rfind("•", 0) == 0; }

bool is_block_heading(const std::string& t) {
    std::string f = text::fold(text::collapse_whitespace(t));
    return f == "programme" || f == "projet";
}

// Lines the page layout puts between two pieces of text: running footers, lone
// page or section numbers, the sheet's link list ("mailto:...", URLs).
bool is_layout_noise(const std::string& raw) {
    static const std::regex lone_number(R"(^\s*\d{1,3}\s*$)");
    std::string t = text::collapse_whitespace(raw);
    if (std::regex_match(t, lone_number)) return true;
    if (t.find(" | ") != std::string::npos && (t.find("PartIe") != std::string::npos || t.rfind("CNCD", 0) == 0))
        return true;
    if (t.rfind("mailto:", 0) == 0) return true;
    if (t == "de la coopération décentralisée") return true;  // second line of the "CNCD | Guide opérationnel" footer
    return false;
}

// A value is unfinished when its label has no value yet or it stops on a comma,
// a colon, a hyphen or a small word: the next line (after a blank or a page break) continues it.
bool unfinished(const std::string& bullet) {
    auto colon = bullet.find(':');
    if (colon == std::string::npos) return true;
    std::string value = text::collapse_whitespace(bullet.substr(colon + 1));
    if (value.empty()) return true;
    char last = value.back();
    if (last == ',' || last == ':' || last == '-' || last == ';' || last == '(') return true;
    auto ws = text::words(value);
    static const std::set<std::string> small = {"de", "du",  "des", "la",   "le",  "les", "et", "a",
                                                "au", "aux", "en",  "pour", "sur", "l",   "d"};
    return !ws.empty() && small.count(ws.back()) > 0 && !std::isdigit(static_cast<unsigned char>(last));
}

// After a blank line, a line in lower case continues a value that has no final
// full stop ("plan" / "territorial d’alimentation"); a capital opens new prose.
bool continues(const std::vector<std::string>& bullet_lines, const std::string& next) {
    if (bullet_lines.empty() || next.empty()) return false;
    // "Coordonnées : Lucas Giboin, chargé de mission" / "" / "Sahel, l.giboin@...": the address
    // still belongs to coordinates that have none yet.
    bool has_address = std::any_of(bullet_lines.begin(), bullet_lines.end(),
                                   [](const std::string& l) { return l.find('@') != std::string::npos; });
    if (!has_address && next.find('@') != std::string::npos &&
        text::fold(bullet_lines.front()).find("coordonnees") != std::string::npos)
        return true;
    std::string last = text::collapse_whitespace(bullet_lines.back());
    if (last.empty() || last.back() == '.') return false;
    unsigned char c = static_cast<unsigned char>(next[0]);
    return std::islower(c) || (c == 0xC3 && next.size() > 1 && static_cast<unsigned char>(next[1]) >= 0xA0);
}

enum class Label { destinations, themes, odd, lead, coordinates, budget, other };

Label label_of(const std::string& label) {
    std::string f = text::fold(label);
    if (f.find("destination") != std::string::npos) return Label::destinations;
    if (f.rfind("thematique", 0) == 0) return Label::themes;
    if (f == "odd") return Label::odd;
    if (f.rfind("porteur", 0) == 0 || f.find("chef") != std::string::npos ||
        f.find("responsable") != std::string::npos || f.find("impliquee") != std::string::npos)
        return Label::lead;
    if (f.rfind("coordonnees", 0) == 0) return Label::coordinates;
    if (f.rfind("budget", 0) == 0) return Label::budget;
    return Label::other;
}

// Prose printed between two bullets of one block ("Thématiques : culture, jeunesse." /
// a paragraph describing the project / "• ODD : 4, 10"): when a bullet with a block
// label follows within a few lines, the prose belongs to the block. Returns the index
// of that bullet, or `from` when the block really ends here.
size_t bullet_after_inner_prose(const Guide& guide, size_t from) {
    const auto& lines = guide.lines();
    int text_lines = 0;
    for (size_t q = from; q < lines.size() && text_lines < 15; ++q) {
        std::string t = text::collapse_whitespace(lines[q].text);
        if (t.empty() || is_layout_noise(lines[q].text)) continue;
        if (is_block_heading(t)) return from;
        if (is_bullet(t)) {
            auto colon = t.find(':');
            if (colon == std::string::npos) return from;
            return label_of(text::collapse_whitespace(
                       t.substr(std::string("•").size(), colon - std::string("•").size()))) == Label::other
                       ? from
                       : q;
        }
        ++text_lines;
    }
    return from;
}

const std::regex& see_page() {
    static const std::regex re(R"(voir\b.*\bpages?\s+(\d{1,3}))", std::regex::icase);
    return re;
}

/// "LE / PROJET" in a diagram is not a block: a heading stands after a blank line or a sentence end.
bool is_diagram_label(const std::vector<GuideLine>& lines, size_t i) {
    size_t p = i;
    while (p > 0 && lines[p - 1].blank()) --p;
    if (p == 0 || p != i || lines[i].sheet != lines[p - 1].sheet) return false;
    std::string before = text::collapse_whitespace(lines[p - 1].text);
    return !before.empty() && text::words(before).size() <= 2 && before.back() != '.' && before.back() != ':';
}

/// The subtitle: the lines after the heading up to the first blank line or bullet (six at most).
/// Returns the index of the line after it.
size_t read_subtitle(const Guide& guide, size_t i, ProgrammeBlock& b) {
    const auto& lines = guide.lines();
    size_t k = i + 1;
    while (k < lines.size() && lines[k].blank()) ++k;
    std::vector<std::string> subtitle;
    while (k < lines.size() && !lines[k].blank() && !is_bullet(text::collapse_whitespace(lines[k].text)) &&
           !is_block_heading(lines[k].text) && subtitle.size() < 6) {
        subtitle.push_back(lines[k].text);
        ++k;
    }
    b.subtitle = join_lines(guide, subtitle);
    b.end_line = k > 0 ? lines[k - 1].number : b.line;
    return k;
}

/// A block without bullets: a cross-reference ("voir ... page N") within the next three
/// paragraphs, or in the subtitle itself ("mutualisable" / "Voir page 69, ...").
void read_stub(const Guide& guide, size_t q, ProgrammeBlock& b) {
    const auto& lines = guide.lines();
    for (int paragraphs = 0; q < lines.size() && paragraphs < 3 &&
                             !is_bullet(text::collapse_whitespace(lines[q].text)) && !is_block_heading(lines[q].text);
         ++paragraphs) {
        std::vector<std::string> para;
        size_t start = q;
        while (q < lines.size() && !lines[q].blank() && (q == start || lines[q].sheet == lines[start].sheet))
            para.push_back(lines[q++].text);
        std::string t = join_lines(guide, para);
        if (std::regex_search(t, see_page()) && para.size() <= 3) {
            b.stub = text::collapse_whitespace(t);
            b.end_line = lines[q - 1].number;
            return;
        }
        while (q < lines.size() && lines[q].blank()) ++q;
    }
    if (std::regex_search(b.subtitle, see_page())) b.stub = b.subtitle;
}

std::vector<std::string> texts_of(const std::vector<ProgrammeFieldLine>& lines) {
    std::vector<std::string> out;
    for (const auto& l : lines) out.push_back(l.text);
    return out;
}

/// A bullet's lines -> "Label : value".
ProgrammeField field_of(const Guide& guide, std::vector<ProgrammeFieldLine> lines) {
    std::string joined = join_lines(guide, texts_of(lines));
    ProgrammeField f;
    f.line = lines.front().line;
    auto colon = joined.find(':');
    f.label = text::collapse_whitespace(joined.substr(0, colon));
    if (colon != std::string::npos) f.value = text::collapse_whitespace(joined.substr(colon + 1));
    f.lines = std::move(lines);
    return f;
}

/// The bullets from line q: a value runs over line ends, blank lines and page breaks while it
/// is unfinished; prose between two bullets is kept apart; the block ends at the next heading
/// or at prose that no bullet follows.
void read_bullets(const Guide& guide, size_t q, ProgrammeBlock& b) {
    const auto& lines = guide.lines();
    std::vector<ProgrammeFieldLine> bullet;  // the lines of the bullet being read
    auto push = [&] {
        if (!bullet.empty()) b.fields.push_back(field_of(guide, std::move(bullet)));
        bullet.clear();
    };
    bool gap = false;  // a blank line or a page break since the last text line
    int last_sheet = q < lines.size() ? lines[q].sheet : 0;
    for (; q < lines.size(); ++q) {
        const auto& l = lines[q];
        if (l.sheet != last_sheet) gap = true;
        last_sheet = l.sheet;
        if (l.blank()) {
            gap = true;
            continue;
        }
        if (is_layout_noise(l.text)) continue;
        std::string t = text::collapse_whitespace(l.text);
        if (is_bullet(t)) {
            push();
            bullet.push_back({t.substr(std::string("•").size()), l.number});
            b.end_line = l.number;
            gap = false;
            continue;
        }
        if (is_block_heading(t)) break;
        const std::vector<std::string> bullet_lines = texts_of(bullet);
        if (gap && !unfinished(join_lines(guide, bullet_lines)) && !continues(bullet_lines, t)) {
            size_t next_bullet = bullet_after_inner_prose(guide, q);
            if (next_bullet == q) break;
            std::vector<std::string> prose;
            for (; q < next_bullet; ++q)
                if (!lines[q].blank() && !is_layout_noise(lines[q].text)) prose.push_back(lines[q].text);
            b.inner_prose.push_back(join_lines(guide, prose));
            --q;  // the loop's ++q lands on the bullet
            continue;
        }
        if (t.rfind("http", 0) == 0 || t.rfind("www.", 0) == 0) {
            b.end_line = l.number;
            continue;  // a link printed under the block
        }
        bullet.push_back({t, l.number});
        b.end_line = l.number;
        gap = false;
    }
    push();
}

}  // namespace

std::vector<ProgrammeBlock> find_programme_blocks(const Guide& guide) {
    const auto& lines = guide.lines();
    std::vector<ProgrammeBlock> blocks;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (!is_block_heading(lines[i].text) || is_diagram_label(lines, i)) continue;
        ProgrammeBlock b;
        b.line = lines[i].number;
        b.heading = text::collapse_whitespace(lines[i].text);
        size_t q = read_subtitle(guide, i, b);
        while (q < lines.size() && lines[q].blank()) ++q;
        // Bullets, or a cross-reference.
        if (q < lines.size() && !is_bullet(text::collapse_whitespace(lines[q].text)))
            read_stub(guide, q, b);
        else
            read_bullets(guide, q, b);
        blocks.push_back(std::move(b));
    }
    return blocks;
}

namespace {

// Splits a list on commas and semicolons (and " et " when asked) outside parentheses.
std::vector<std::string> split_list(const std::string& value, bool on_et) {
    std::vector<std::string> out;
    std::string cur;
    int depth = 0;
    auto flush = [&] {
        std::string t = text::collapse_whitespace(cur);
        while (!t.empty() && (t.back() == '.' || t.back() == ',')) t.pop_back();
        t = text::collapse_whitespace(t);
        if (!t.empty()) out.push_back(t);
        cur.clear();
    };
    for (size_t i = 0; i < value.size(); ++i) {
        char c = value[i];
        if (c == '(') ++depth;
        if (c == ')') depth = std::max(0, depth - 1);
        if (depth == 0 && (c == ',' || c == ';')) {
            flush();
            continue;
        }
        if (depth == 0 && on_et && value.compare(i, 4, " et ") == 0) {
            flush();
            i += 3;
            continue;
        }
        cur += c;
    }
    flush();
    return out;
}

std::string kind_of(const std::string& subtitle) {
    std::string f = text::fold(subtitle);
    if (f.find("cles en main") != std::string::npos) return "clés en main";
    if (f.find("mutualisable") != std::string::npos) return "mutualisable";
    return "";
}

// The subtitle opens with the rest of the block's label ("PROGRAMME / mutualisable",
// "PROGRAMME / « clés en main » de l’AIMF") and may go on, after a dash or a colon,
// with the programme's own name: "mutualisable – projet « Sèmè City, ville intelligente
// et durable » – la Région Hauts-de-France ...", "« clés en main » mené par l’AIRF :
// électrification des zones rurales en Afrique", "mutualisable – Orléans et Parakou".
// Returns that name ("Sèmè City, ville intelligente et durable"), or "" when the
// subtitle is the label alone: then the label as printed is the only title the guide gives.
std::string name_after_label(const std::string& subtitle) {
    if (kind_of(subtitle).empty()) return "";
    static const std::vector<std::string> separators = {" – ", " — ", " : ", " - "};
    size_t cut = std::string::npos, width = 0;
    for (const auto& sep : separators) {
        size_t at = subtitle.find(sep);
        if (at != std::string::npos && at < cut) {
            cut = at;
            width = sep.size();
        }
    }
    if (cut == std::string::npos) return "";
    // The label comes first: a dash inside a name after it does not count.
    if (kind_of(subtitle.substr(0, cut)).empty()) return "";
    std::string name = text::collapse_whitespace(subtitle.substr(cut + width));
    // "projet « X » – who": the name is X, the parties are in the lead field.
    static const std::regex quoted_name(R"(^(?:le |la )?(?:projet|programme)s?\s*«\s*(.+?)\s*».*$)", std::regex::icase);
    std::smatch m;
    if (std::regex_match(name, m, quoted_name)) return m[1];
    for (const auto& sep : {" – ", " — "}) name = name.substr(0, name.find(sep));
    return text::collapse_whitespace(name);
}

std::vector<int> odd_numbers(const std::string& value) {
    static const std::regex number(R"(\b(\d{1,2})\b)");
    std::set<int> found;
    for (std::sregex_iterator it(value.begin(), value.end(), number), end; it != end; ++it) {
        int n = std::stoi((*it)[1]);
        if (n >= 1 && n <= 17) found.insert(n);
    }
    return {found.begin(), found.end()};
}

// The paragraph just before the heading ("Programme COPAM : ..."), when it is prose.
std::string paragraph_before(const Guide& guide, int heading_line) {
    const auto& lines = guide.lines();
    int i = heading_line - 2;  // index of the line before the heading
    while (i >= 0 && lines[static_cast<size_t>(i)].blank()) --i;
    std::vector<std::string> para;
    while (i >= 0 && !lines[static_cast<size_t>(i)].blank() && para.size() < 30) {
        const auto& t = lines[static_cast<size_t>(i)].text;
        if (is_bullet(text::collapse_whitespace(t)) || is_layout_noise(t)) break;
        para.insert(para.begin(), t);
        if (!t.empty() && t[0] != ' ' && i > 0 &&
            lines[static_cast<size_t>(i)].sheet != lines[static_cast<size_t>(i - 1)].sheet)
            break;
        --i;
    }
    std::string joined = join_lines(guide, para);
    // A heading ("1.3 Énergie") or a contact is not a description.
    if (joined.size() < 40 || joined.find('@') != std::string::npos) return "";
    return joined;
}

// The paragraph just after the block when it speaks of it ("Le projet ...", "Ce programme ...").
std::string paragraph_after(const Guide& guide, int end_line, bool any) {
    const auto& lines = guide.lines();
    size_t i = static_cast<size_t>(end_line);
    while (i < lines.size() && (lines[i].blank() || is_layout_noise(lines[i].text))) ++i;
    std::vector<std::string> para;
    while (i < lines.size() && !lines[i].blank() && para.size() < 30 && !is_layout_noise(lines[i].text)) {
        if (!para.empty() && lines[i].sheet != lines[i - 1].sheet) break;
        para.push_back(lines[i++].text);
    }
    std::string joined = join_lines(guide, para);
    std::string f = text::fold(joined);
    static const std::regex about(R"(^(le|ce|ces|les) (projet|programme)s?\b)");
    if (any || std::regex_search(f, about)) return joined;
    return "";
}

std::set<std::string> significant_words(const std::string& s) {
    std::set<std::string> out;
    for (auto& w : text::words(s))
        if (w.size() >= 4 && !text::is_stopword(w)) out.insert(w);
    return out;
}

}  // namespace

std::vector<Record> extract_programmes(const Guide& guide, const std::vector<std::vector<std::string>>& sections) {
    const DisplayText display(guide);
    return extract_programmes(guide, sections, display, extract_contacts(guide, sections, display));
}

std::vector<Record> extract_programmes(const Guide& guide, const std::vector<std::vector<std::string>>& sections,
                                       const DisplayText& display, const std::vector<Record>& contacts) {
    return extract_programmes(guide, sections, display, find_programme_blocks(guide), contacts);
}

namespace {

/// The contact extractor's ids, so that merged people share one id; a person has one contact
/// record per appearance: a block links the appearance at its own line.
class ContactIds {
public:
    explicit ContactIds(const std::vector<Record>& contacts) {
        for (const auto& c : contacts) {
            if (c.fields.contains("email") && c.fields["email"].is_string()) {
                by_email_.emplace(c.fields["email"], c.id);
                by_email_line_[{c.fields["email"], c.line}] = c.id;
            }
            if (c.fields.contains("name") && c.fields["name"].is_string())
                by_name_[text::fold(c.fields["name"].get<std::string>())] = c.id;
        }
    }

    /// The id of a person of a "Coordonnées" bullet at `line`: the appearance at that line, else
    /// the person with that e-mail, else with that name, else the id the contact extractor gives.
    std::string of(const Person& person, int line) const {
        if (auto it = by_email_line_.find({person.email, line}); it != by_email_line_.end()) return it->second;
        if (auto it = by_email_.find(person.email); !person.email.empty() && it != by_email_.end()) return it->second;
        if (auto it = by_name_.find(text::fold(person.name)); !person.name.empty() && it != by_name_.end())
            return it->second;
        return contact_id(person);
    }

private:
    std::map<std::string, std::string> by_email_, by_name_;
    std::map<std::pair<std::string, int>, std::string> by_email_line_;
};

/// What the fields of a block give its programme record (themes and ODD go to the record itself).
struct BlockFields {
    nlohmann::json destinations = nlohmann::json::array(), emails = nlohmann::json::array(),
                   contacts = nlohmann::json::array();
    std::string lead, budget, destinations_text;
    std::vector<std::string> body;  ///< the lines of the record's text
};

BlockFields read_fields(const ProgrammeBlock& b, const DisplayText& display, const ContactIds& contact_ids, Record& r) {
    BlockFields out;
    // The heading as a reader sees it ("PRoGRAMME" -> "Programme"): snippets quote this text.
    out.body = {display.heading(b.heading), b.subtitle};
    for (const auto& f : b.fields) {
        out.body.push_back(f.label + " : " + f.value);
        switch (label_of(f.label)) {
            case Label::destinations: {
                // "28 régions réparties dans 5 pays : Burkina Faso, mali, ..." lists after its own colon.
                std::string v = f.value;
                auto colon = v.find(" : ");
                if (colon != std::string::npos) v = v.substr(colon + 3);
                out.destinations_text += v + " ";
                // "zone de l’UEMOA. Projets pilotes ... au Bénin, ...": the list is the first sentence.
                auto dot = v.find(". ");
                if (dot != std::string::npos) v = v.substr(0, dot);
                for (const auto& d : split_list(v, true)) out.destinations.push_back(display.text(d));
                break;
            }
            case Label::themes: {
                // The list ends at the first sentence end ("santé. Programme de soutien ...").
                std::string v = f.value;
                auto dot = v.find(". ");
                if (dot != std::string::npos) v = v.substr(0, dot);
                for (const auto& t : split_list(v, false)) r.themes.push_back(display.text(t));
                break;
            }
            case Label::odd:
                r.odd = odd_numbers(f.value);
                break;
            case Label::lead:
                out.lead = display.text(f.value);
                break;
            case Label::budget:
                out.budget = f.value;
                break;
            case Label::coordinates:
                for (const auto& e : find_emails(f.value)) out.emails.push_back(e);
                for (const auto& person : people_in_coordinates(f.value, f.line, display)) {
                    std::string id = contact_ids.of(person, f.line);
                    if (std::find(out.contacts.begin(), out.contacts.end(), id) == out.contacts.end())
                        out.contacts.push_back(id);
                }
                break;
            case Label::other:
                break;
        }
    }
    return out;
}

/// The programme record of a block (not a stub): title, fields, countries, description, a
/// stable id (kind, lead or title, first destination; a counter only for true repeats).
Record programme_record(const Guide& guide, const std::vector<std::vector<std::string>>& sections,
                        const DisplayText& display, const ProgrammeBlock& b, const ContactIds& contact_ids,
                        std::set<std::string>& ids) {
    Record r;
    r.type = "programme";
    r.line = b.line;
    r.page = guide.printed_page_of_line(b.line);
    r.section = sections[static_cast<size_t>(b.line - 1)];
    std::string kind = kind_of(b.subtitle);
    const std::string name = name_after_label(b.subtitle);
    r.title = !name.empty()        ? capitalize_first(display.text(name))
              : b.subtitle.empty() ? display.heading(b.heading)
                                   : display.text(b.subtitle);
    const BlockFields fields = read_fields(b, display, contact_ids, r);
    r.countries = CountryTable::default_table().find_in(fields.destinations_text);
    // "Territoire de destination : région de Silésie" under "9.6 Pologne": the country of the rubric.
    if (r.countries.empty() && r.section.size() > 1 && r.section.front() == "Géographies")
        r.countries = CountryTable::default_table().find_in(r.section.back());
    std::string description = paragraph_before(guide, b.line);
    for (const auto& prose : b.inner_prose) description = description.empty() ? prose : description + "\n" + prose;
    std::string after = paragraph_after(guide, b.end_line, b.fields.empty());
    if (!after.empty()) description = description.empty() ? after : description + "\n" + after;
    r.fields["kind"] = kind.empty() ? nlohmann::json(nullptr) : nlohmann::json(kind);
    r.fields["destinations"] = fields.destinations;
    r.fields["lead"] = fields.lead.empty() ? nlohmann::json(nullptr) : nlohmann::json(fields.lead);
    r.fields["emails"] = fields.emails;
    r.fields["contacts"] = fields.contacts;
    r.fields["budget"] = fields.budget.empty() ? nlohmann::json(nullptr) : nlohmann::json(fields.budget);
    r.fields["description"] = description.empty() ? nlohmann::json(nullptr) : nlohmann::json(display.text(description));
    r.fields["cited_at"] = nlohmann::json::array();
    r.text = display.prose(join_lines(guide, fields.body) + (description.empty() ? "" : "\n" + description));
    // Stable id: kind, lead (or title) and first destination; a counter only for true repeats.
    std::string base =
        slugify(kind + " " + (fields.lead.empty() ? r.title : fields.lead) + " " +
                (fields.destinations.empty() ? std::string() : fields.destinations[0].get<std::string>()));
    if (base.empty()) base = "l" + std::to_string(b.line);
    std::string id = "programme/" + base;
    for (int n = 2; ids.count(id); ++n) id = "programme/" + base + "-" + std::to_string(n);
    ids.insert(id);
    r.id = id;
    return r;
}

/// Cross-reference stubs: the programme they name (by page, section number, kind and words)
/// gets the citation (line, page, section, text).
void cite_stubs(const Guide& guide, const std::vector<std::vector<std::string>>& sections, const DisplayText& display,
                const std::vector<const ProgrammeBlock*>& stubs, std::vector<Record>& records) {
    static const std::regex section_number(R"(\b(\d{1,2}\.\d{1,2})\b)");
    for (const ProgrammeBlock* s : stubs) {
        std::smatch m;
        int page = std::regex_search(s->stub, m, see_page()) ? std::stoi(m[1]) : 0;
        std::string number = std::regex_search(s->stub, m, section_number) ? m[1].str() : "";
        auto words = significant_words(s->subtitle + " " + s->stub);
        std::string kind = kind_of(s->subtitle);
        Record* best = nullptr;
        int best_score = 0;
        for (auto& r : records) {
            int score = 0;
            if (page && r.page == page)
                score += 3;
            else if (page && std::abs(r.page - page) == 1)
                score += 2;
            if (!number.empty() && !r.section.empty() && r.section.back().rfind(number + " ", 0) == 0) score += 3;
            if (!kind.empty() && r.fields["kind"] == kind) score += 2;
            auto target =
                significant_words(r.title + " " + r.fields["lead"].dump() + " " + r.fields["destinations"].dump() +
                                  " " + (r.section.empty() ? "" : r.section.back()));
            for (const auto& w : words) score += target.count(w) ? 1 : 0;
            if (score > best_score) {
                best_score = score;
                best = &r;
            }
        }
        if (!best || best_score < 4) continue;
        best->fields["cited_at"].push_back({{"line", s->line},
                                            {"page", guide.printed_page_of_line(s->line)},
                                            {"section", sections[static_cast<size_t>(s->line - 1)]},
                                            {"text", display.text(s->subtitle + " — " + s->stub)}});
    }
}

}  // namespace

std::vector<Record> extract_programmes(const Guide& guide, const std::vector<std::vector<std::string>>& sections,
                                       const DisplayText& display, const std::vector<ProgrammeBlock>& blocks,
                                       const std::vector<Record>& contacts) {
    const ContactIds contact_ids(contacts);
    std::vector<Record> records;
    std::vector<const ProgrammeBlock*> stubs;
    std::set<std::string> ids;
    for (const auto& b : blocks) {
        if (b.is_stub())
            stubs.push_back(&b);
        else
            records.push_back(programme_record(guide, sections, display, b, contact_ids, ids));
    }
    cite_stubs(guide, sections, display, stubs, records);
    return records;
}

}  // namespace coopatlas::indexer
