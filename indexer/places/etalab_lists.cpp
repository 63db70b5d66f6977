#include "indexer/places/etalab_lists.hpp"

#include <array>
#include <charconv>
#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace coopatlas::indexer {

namespace {

/// A JSON scanner that keeps the entry members and only steps over the rest. The
/// lists hold 12 MB of codes, member arrays and postcodes: nlohmann's SAX lexer
/// built every one of those strings and numbers, which was a third of the
/// partnership extraction. It accepts exactly JSON (RFC 8259).
class Scanner {
public:
    explicit Scanner(std::string_view text) : s_(text) {}

    std::vector<EtalabEntry> entries() {
        std::vector<EtalabEntry> out;
        value(1, {}, out);
        space();
        if (i_ != s_.size()) fail("text after the end of the list");
        return out;
    }

private:
    [[noreturn]] void fail(const std::string& what) const { throw Error(what + " at byte " + std::to_string(i_)); }
    void space() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
    }
    bool take(char c) {
        space();
        if (i_ < s_.size() && s_[i_] == c) {
            ++i_;
            return true;
        }
        return false;
    }
    void expect(char c) {
        if (!take(c)) fail(std::string("expected '") + c + "'");
    }

    /// A value at `depth` (1: the list, 2: an entry, 3+: inside a member). `key` is
    /// the member name when the value is an entry's member; `out` receives the entries.
    void value(int depth, std::string_view key, std::vector<EtalabEntry>& out) {
        space();
        if (i_ >= s_.size()) fail("unexpected end");
        const char c = s_[i_];
        if (c == '{') {
            ++i_;
            if (depth == 2) out.emplace_back();
            if (take('}')) return;
            do {
                space();
                std::string name = string(depth == 2);
                expect(':');
                value(depth + 1, depth == 2 ? std::string_view(name) : std::string_view(), out);
            } while (take(','));
            expect('}');
        } else if (c == '[') {
            ++i_;
            if (take(']')) return;
            do value(depth + 1, {}, out);
            while (take(','));
            expect(']');
        } else if (c == '"') {
            const bool kept = depth == 3 && (key == "nom" || key == "type");
            std::string text = string(kept);
            if (kept) (key == "nom" ? out.back().nom : out.back().type) = std::move(text);
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            const long v = number();
            if (depth == 3 && key == "population") out.back().population = v;
            if (depth == 3 && key == "populationTotale") out.back().population_totale = v;
        } else {
            for (std::string_view word : {"true", "false", "null"})
                if (s_.substr(i_, word.size()) == word) {
                    i_ += word.size();
                    return;
                }
            fail("unexpected character");
        }
    }

    /// A string at i_ (its opening quote); decoded when `keep`, else only stepped over.
    std::string string(bool keep) {
        if (i_ >= s_.size() || s_[i_] != '"') fail("expected a string");
        ++i_;
        // bytes that end a run of plain characters: the quote, a backslash, control characters
        static constexpr auto kSpecial = [] {
            std::array<bool, 256> special{};
            for (int c = 0; c < 0x20; ++c) special[c] = true;
            special['"'] = special['\\'] = true;
            return special;
        }();
        std::string out;
        while (true) {
            const std::size_t run = i_;
            while (i_ < s_.size() && !kSpecial[static_cast<unsigned char>(s_[i_])]) ++i_;
            if (keep) out.append(s_.substr(run, i_ - run));
            if (i_ >= s_.size()) fail("unterminated string");
            const char c = s_[i_++];
            if (c == '"') return out;
            if (c != '\\') fail("control character in a string");
            if (i_ >= s_.size()) fail("unterminated string");
            const char e = s_[i_++];
            switch (e) {
                case '"':
                case '\\':
                case '/':
                    out += e;
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u':
                    append_utf8(code_point(), out);
                    break;
                default:
                    fail("invalid escape in a string");
            }
            if (!keep) out.clear();
        }
    }
    unsigned hex4() {
        if (i_ + 4 > s_.size()) fail("invalid \\u escape");
        unsigned v = 0;
        auto [end, ec] = std::from_chars(s_.data() + i_, s_.data() + i_ + 4, v, 16);
        if (ec != std::errc() || end != s_.data() + i_ + 4) fail("invalid \\u escape");
        i_ += 4;
        return v;
    }
    char32_t code_point() {
        unsigned high = hex4();
        if (high >= 0xDC00 && high <= 0xDFFF) fail("lone low surrogate in a \\u escape");
        if (high < 0xD800 || high > 0xDBFF) return high;
        if (s_.substr(i_, 2) != "\\u") fail("lone high surrogate in a \\u escape");
        i_ += 2;
        unsigned low = hex4();
        if (low < 0xDC00 || low > 0xDFFF) fail("invalid surrogate pair in a \\u escape");
        return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
    }
    static void append_utf8(char32_t c, std::string& out) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    /// A number at i_, checked against JSON's grammar -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?,
    /// as a whole number (a fraction is cut, as a cast of the double would).
    long number() {
        const std::size_t start = i_;
        auto digits = [&] {
            const std::size_t from = i_;
            while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
            if (i_ == from) fail("invalid number");
        };
        if (s_[i_] == '-') ++i_;
        if (i_ < s_.size() && s_[i_] == '0')
            ++i_;
        else
            digits();
        if (i_ < s_.size() && s_[i_] == '.') {
            ++i_;
            digits();
        }
        if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
            ++i_;
            if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
            digits();
        }
        const std::string_view text = s_.substr(start, i_ - start);
        if (text.find_first_of(".eE") == std::string_view::npos) {
            long v = 0;
            if (std::from_chars(text.data(), text.data() + text.size(), v).ec == std::errc()) return v;
        }
        double v = 0;
        std::from_chars(text.data(), text.data() + text.size(), v);
        return static_cast<long>(v);
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

}  // namespace

std::vector<EtalabEntry> parse_etalab_list(std::string_view json) { return Scanner(json).entries(); }

std::vector<EtalabEntry> read_etalab_list(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot read '" + path + "'");
    std::stringstream buffer;
    buffer << in.rdbuf();
    try {
        return parse_etalab_list(buffer.str());
    } catch (const Error& e) {
        throw Error("'" + path + "' is not valid JSON: " + e.what() +
                    " (reinstall the npm packages with scripts/setup.sh)");
    }
}

}  // namespace coopatlas::indexer
