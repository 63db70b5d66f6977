#include "passages.hpp"

namespace coopatlas::indexer {

namespace {
// A passage closes at a blank line or a page break; one that grows past this
// many lines is cut at the next line end so that snippets stay near their page.
constexpr size_t kMaxLines = 40;
}  // namespace

std::vector<Record> extract_passages(const Guide& guide, const std::vector<std::vector<std::string>>& sections) {
    std::vector<Record> passages;
    std::vector<std::string> buffer;
    const GuideLine* first = nullptr;
    auto flush = [&] {
        if (buffer.empty()) return;
        Record r;
        r.type = "passage";
        r.id = "passage/l" + std::to_string(first->number);
        r.text = join_lines(guide, buffer);
        r.title = r.text.size() > 80 ? r.text.substr(0, r.text.rfind(' ', 80)) + "…" : r.text;
        r.line = first->number;
        r.page = guide.printed_page_of_sheet(first->sheet);
        r.section = sections[static_cast<size_t>(first->number - 1)];
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
