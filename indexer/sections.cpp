#include "sections.hpp"

#include <regex>

#include "core/text.hpp"

namespace coopatlas::indexer {

// Walking-skeleton rule: a short line "N Title" or "N.M Title" is a heading.
// Issue 3 replaces this with the guide's full structure (parts, themes vs geographies).
std::vector<std::vector<std::string>> section_paths(const Guide& guide) {
    static const std::regex heading(R"(^(\d{1,2})(\.\d{1,2})?\s+(\S.{1,60})$)");
    std::vector<std::vector<std::string>> paths;
    std::vector<std::string> current;
    for (const auto& line : guide.lines()) {
        std::smatch m;
        std::string text = text::collapse_whitespace(line.text);
        if (std::regex_match(text, m, heading) && !std::isdigit(static_cast<unsigned char>(m[3].str()[0])) &&
            text.find(" euros") == std::string::npos) {
            if (m[2].matched) {
                if (current.size() > 1) current.resize(1);
                if (current.empty()) current.push_back(m[1].str());
                current.push_back(text);
            } else {
                current = {text};
            }
        }
        paths.push_back(current);
    }
    return paths;
}

}  // namespace coopatlas::indexer
