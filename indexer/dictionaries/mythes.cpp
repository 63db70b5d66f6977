#include "indexer/dictionaries/mythes.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace coopatlas::indexer {

namespace {

/// The lines of `text` (without their "\r\n" or "\n"), read one at a time.
class Lines {
public:
    explicit Lines(std::string_view text) : text_(text) {}
    bool next(std::string_view& line) {
        if (pos_ >= text_.size()) return false;
        size_t end = text_.find('\n', pos_);
        if (end == std::string_view::npos) end = text_.size();
        line = text_.substr(pos_, end - pos_);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        pos_ = end + 1;
        ++number_;
        return true;
    }
    int number() const { return number_; }

private:
    std::string_view text_;
    size_t pos_ = 0;
    int number_ = 0;
};

}  // namespace

std::vector<ThesaurusEntry> parse_mythes(std::string_view text, const std::string& origin) {
    Lines lines(text);
    std::string_view line;
    if (!lines.next(line)) throw Error("thesaurus '" + origin + "' is empty");
    if (line != "UTF-8" && line != "utf-8")
        throw Error("thesaurus '" + origin + "' is encoded in '" + std::string(line) + "', only UTF-8 is read");
    std::vector<ThesaurusEntry> entries;
    while (lines.next(line)) {
        if (line.empty()) continue;
        const std::string where = origin + ":" + std::to_string(lines.number()) + ": ";
        const size_t bar = line.rfind('|');
        if (bar == std::string_view::npos || bar == 0) throw Error(where + "expected 'word|count'");
        int count = 0;
        const std::string_view digits = line.substr(bar + 1);
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
        if (ec != std::errc() || end != digits.data() + digits.size() || count < 0 || count > 1000)
            throw Error(where + "bad meaning count '" + std::string(digits) + "'");
        ThesaurusEntry entry{std::string(line.substr(0, bar)), {}};
        for (int k = 0; k < count; ++k) {
            if (!lines.next(line))
                throw Error(where + "'" + entry.word + "' announces " + std::to_string(count) +
                            " meanings, the file ends after " + std::to_string(k));
            // "(Nom)|rebut|débris": the part of speech first, then the synonyms.
            size_t start = line.find('|');
            while (start != std::string_view::npos) {
                const size_t stop = line.find('|', start + 1);
                std::string synonym(line.substr(start + 1, stop == std::string_view::npos ? stop : stop - start - 1));
                if (!synonym.empty() && synonym != entry.word &&
                    std::find(entry.synonyms.begin(), entry.synonyms.end(), synonym) == entry.synonyms.end())
                    entry.synonyms.push_back(std::move(synonym));
                start = stop;
            }
        }
        entries.push_back(std::move(entry));
    }
    if (entries.empty()) throw Error("thesaurus '" + origin + "' has no entry");
    return entries;
}

std::vector<ThesaurusEntry> read_mythes(const std::string& path) {
    if (!std::filesystem::is_regular_file(path)) throw Error("thesaurus file '" + path + "' not found");
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return parse_mythes(buffer.str(), path);
}

}  // namespace coopatlas::indexer
