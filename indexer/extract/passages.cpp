#include "indexer/extract/passages.hpp"

#include "indexer/extract/passage_countries.hpp"

namespace coopatlas::indexer {

namespace {
// A passage closes at a blank line or a page break; one that grows past this
// many lines is cut at the next line end so that snippets stay near their page.
constexpr size_t kMaxLines = 40;

/// The beginning of a passage for display, its small caps damage repaired:
/// a heading set in capitals as a heading ("s’EnGAGER À L’InTERnATIonAL" ->
/// "S’engager à l’international"), other text word by word ("dAeCt : délégation"
/// -> "DAECT : délégation", "PoUrqUoi" -> "Pourquoi"; a sentence cut by a page
/// keeps its small letter).
std::string display_title(const DisplayText& display, const std::string& raw) {
    size_t upper = 0, lower = 0;
    for (unsigned char c : raw) {
        upper += c >= 'A' && c <= 'Z';
        lower += c >= 'a' && c <= 'z';
    }
    if (upper > lower) return display.heading(raw);
    const bool capital = !raw.empty() && raw[0] >= 'A' && raw[0] <= 'Z';
    return capital ? capitalize_first(display.text(raw)) : display.text(raw);
}
}  // namespace

std::vector<Record> extract_passages(const Guide& guide, const std::vector<std::vector<std::string>>& sections) {
    return extract_passages(guide, sections, DisplayText(guide));
}

std::vector<Record> extract_passages(const Guide& guide, const std::vector<std::vector<std::string>>& sections,
                                     const DisplayText& display) {
    const CountryTable& countries = CountryTable::default_table();
    std::vector<Record> passages;
    std::vector<std::string> buffer;
    const GuideLine* first = nullptr;
    auto flush = [&] {
        if (buffer.empty()) return;
        Record r;
        r.type = "passage";
        r.id = "passage/l" + std::to_string(first->number);
        const std::string raw = join_lines(guide, buffer);
        r.title = display_title(display, raw.size() > 80 ? raw.substr(0, raw.rfind(' ', 80)) + "…" : raw);
        // What snippets show: the damaged words repaired, case only, so that search
        // (which folds case) and the passage's words are unchanged.
        r.text = display.prose(raw);
        r.line = first->number;
        r.page = guide.printed_page_of_sheet(first->sheet);
        r.section = sections[static_cast<size_t>(first->number - 1)];
        r.countries = passage_countries(r.text, r.section, countries);
        passages.push_back(std::move(r));
        buffer.clear();
        first = nullptr;
    };
    int sheet = -1;
    for (const auto& line : guide.lines()) {
        if (line.sheet != sheet) {
            flush();
            sheet = line.sheet;
        }
        if (line.text.find_first_not_of(" \t") == std::string::npos) {
            flush();
            continue;
        }
        if (!first) first = &line;
        buffer.push_back(line.text);
        if (buffer.size() >= kMaxLines) flush();
    }
    flush();
    return passages;
}

}  // namespace coopatlas::indexer
