#include "indexer/dictionaries/dictd.hpp"

#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>

#include "core/error.hpp"

namespace coopatlas::indexer {

namespace {

/// The uncompressed size a gzip file announces in its last four bytes (ISIZE,
/// modulo 2^32), or 0: only a hint to size the buffer once.
size_t announced_size(const std::string& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in || in.tellg() < 4) return 0;
    in.seekg(-4, std::ios::end);
    unsigned char b[4] = {};
    in.read(reinterpret_cast<char*>(b), 4);
    return in ? size_t{b[0]} | size_t{b[1]} << 8 | size_t{b[2]} << 16 | size_t{b[3]} << 24 : 0;
}

/// The whole decompressed content of a gzip (or dictzip) file, inflated
/// straight into one buffer of the announced size (FreeDict's English-German
/// is 80 MB: growing a string chunk by chunk copied it again and again).
std::string gunzip_file(const std::string& path) {
    std::unique_ptr<gzFile_s, int (*)(gzFile)> in(gzopen(path.c_str(), "rb"), gzclose);
    if (!in) throw Error("cannot open the dictionary file '" + path + "'");
    gzbuffer(in.get(), 1 << 18);
    // One byte more than announced: the read that finds the end needs room.
    std::string out(announced_size(path) + 1, '\0');
    size_t filled = 0;
    for (;;) {
        if (filled == out.size()) out.resize(2 * out.size());  // the hint was short (over 4 GB, or concatenated)
        const int n = gzread(in.get(), out.data() + filled,
                             static_cast<unsigned>(std::min<size_t>(out.size() - filled, 1u << 30)));
        if (n < 0) {
            int code = 0;
            throw Error("cannot decompress the dictionary file '" + path + "': " + gzerror(in.get(), &code));
        }
        if (n == 0) break;
        filled += static_cast<size_t>(n);
    }
    out.resize(filled);
    return out;
}

std::string_view trim(std::string_view s) {
    const size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

/// "Abfall <masc> [envir.]" -> "Abfall": what is between <>, [], () and {} removed.
std::string without_marks(std::string_view s) {
    std::string out;
    char close = 0;
    for (char c : s) {
        if (close) {
            if (c == close) close = 0;
            continue;
        }
        if (c == '<')
            close = '>';
        else if (c == '[')
            close = ']';
        else if (c == '(')
            close = ')';
        else if (c == '{')
            close = '}';
        else
            out += c;
    }
    return out;
}

/// The length of a sense number "12. " at the start of `line`, or 0.
size_t sense_number(std::string_view line) {
    size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
    return digits > 0 && digits + 1 < line.size() && line[digits] == '.' && line[digits + 1] == ' ' ? digits + 2 : 0;
}

/// "Jugend 2." -> "Jugend": a sense number left at the end of a translation.
std::string_view without_trailing_number(std::string_view s) {
    size_t end = s.size();
    if (end > 0 && s[end - 1] == '.') --end;
    size_t digits = end;
    while (digits > 0 && s[digits - 1] >= '0' && s[digits - 1] <= '9') --digits;
    if (digits < end && digits > 0 && s[digits - 1] == ' ') return trim(s.substr(0, digits));
    return s;
}

}  // namespace

unsigned long long dictd_number(std::string_view digits) {
    static constexpr std::string_view kDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    if (digits.empty() || digits.size() > 10) throw Error("bad dictd number '" + std::string(digits) + "'");
    unsigned long long n = 0;
    for (char c : digits) {
        const size_t d = kDigits.find(c);
        if (d == std::string_view::npos) throw Error("bad dictd number '" + std::string(digits) + "'");
        n = n * 64 + d;
    }
    return n;
}

Dictd parse_dictd(std::string_view index_text, std::string text, const std::string& origin) {
    Dictd dict;
    dict.text = std::move(text);
    dict.entries.reserve(static_cast<size_t>(std::count(index_text.begin(), index_text.end(), '\n')) + 1);
    int number = 0;
    for (size_t pos = 0; pos < index_text.size();) {
        size_t end = index_text.find('\n', pos);
        if (end == std::string_view::npos) end = index_text.size();
        const std::string_view line = index_text.substr(pos, end - pos);
        pos = end + 1;
        ++number;
        if (trim(line).empty()) continue;
        auto where = [&] { return origin + ".index:" + std::to_string(number) + ": "; };
        const size_t tab1 = line.find('\t');
        const size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
        if (tab2 == std::string_view::npos) throw Error(where() + "expected 'headword<TAB>offset<TAB>length'");
        // Some indexes add a fourth field (the original headword): ignored.
        const size_t tab3 = line.find('\t', tab2 + 1);
        unsigned long long offset = 0, length = 0;
        try {
            offset = dictd_number(line.substr(tab1 + 1, tab2 - tab1 - 1));
            length = dictd_number(line.substr(tab2 + 1, tab3 == std::string_view::npos ? tab3 : tab3 - tab2 - 1));
        } catch (const Error& e) {
            throw Error(where() + e.what());
        }
        if (offset > dict.text.size() || length > dict.text.size() - offset)
            throw Error(where() + "entry beyond the end of " + origin + ".dict.dz");
        DictdEntry entry{std::string(line.substr(0, tab1)), static_cast<size_t>(offset), static_cast<size_t>(length)};
        if (entry.headword.rfind("00database", 0) == 0 || entry.headword.rfind("00-database", 0) == 0) {
            if (entry.headword == "00databaseshort" || entry.headword == "00-database-short") {
                // "00-database-short\n  English-French FreeDict Dictionary ver. 0.1.6\n"
                std::string_view title = trim(dict.body(entry));
                if (title.rfind("00", 0) == 0) title = trim(title.substr(std::min(title.size(), title.find('\n'))));
                dict.title = std::string(title);
            }
            continue;
        }
        dict.entries.push_back(std::move(entry));
    }
    if (dict.entries.empty()) throw Error("dictionary '" + origin + ".index' has no entry");
    return dict;
}

Dictd read_dictd(const std::string& base) {
    const std::string index_path = base + ".index", dict_path = base + ".dict.dz";
    for (const auto& path : {index_path, dict_path})
        if (!std::filesystem::is_regular_file(path)) throw Error("dictionary file '" + path + "' not found");
    // Read in one piece: FreeDict's English-German index is 11 MB.
    std::ifstream index(index_path, std::ios::binary | std::ios::ate);
    std::string index_text(static_cast<size_t>(std::max<std::streamoff>(index.tellg(), 0)), '\0');
    index.seekg(0);
    if (!index.read(index_text.data(), static_cast<std::streamsize>(index_text.size())))
        throw Error("cannot read the dictionary file '" + index_path + "'");
    return parse_dictd(index_text, gunzip_file(dict_path), base);
}

std::string Dictd::written_headword(const DictdEntry& entry) const {
    const std::string_view b = body(entry);
    std::string word(b.substr(0, std::min(b.find(" /"), b.find('\n'))));
    return word.empty() ? entry.headword : word;
}

std::vector<std::string> dictd_translations(std::string_view body) {
    std::vector<std::string> out;  // few per entry: a linear search finds repeats
    size_t pos = body.find('\n');  // the first line is "headword /pronunciation/ <grammar>"
    for (int line_number = 1; pos != std::string_view::npos && pos + 1 < body.size(); ++line_number) {
        const size_t end = body.find('\n', pos + 1);
        std::string_view line = body.substr(pos + 1, end == std::string_view::npos ? end : end - pos - 1);
        pos = end;
        if (line.empty() || line[0] == ' ' || line[0] == '\t') continue;  // examples, see:, Synonyms:
        if (const size_t number = sense_number(line)) {
            line.remove_prefix(number);
        } else if (line_number != 1) {
            continue;  // a definition, not a translation
        }
        const std::string clean = without_marks(line);
        size_t start = 0;
        while (start <= clean.size()) {
            size_t stop = clean.find_first_of(",;", start);
            if (stop == std::string::npos) stop = clean.size();
            std::string t(without_trailing_number(trim(std::string_view(clean).substr(start, stop - start))));
            if (!t.empty() && std::find(out.begin(), out.end(), t) == out.end()) out.push_back(std::move(t));
            start = stop + 1;
        }
    }
    return out;
}

}  // namespace coopatlas::indexer
