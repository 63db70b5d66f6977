#include "text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>
#include <unordered_map>

namespace coopatlas::text {

namespace {

const icu::Normalizer2& nfd() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status) || n == nullptr) throw std::runtime_error("ICU: NFD normaliser unavailable");
    return *n;
}

bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x00B4; }

bool is_word_char(UChar32 c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK;
}

/// The folded form of one non-ASCII code point, uncached (ICU NFD per call).
void fold_code_point(UChar32 c, std::string& out) {
    switch (c) {
        case 0x0153:
            out += "oe";
            return;  // œ
        case 0x0152:
            out += "oe";
            return;  // Œ
        case 0x00E6:
            out += "ae";
            return;  // æ
        case 0x00C6:
            out += "ae";
            return;  // Æ
        case 0x00DF:
            out += "ss";
            return;  // ß
        case 0x0131:
            out += "i";
            return;  // dotless i
        case 0x2019:
        case 0x2018:
        case 0x02BC:
        case 0x00B4:
            out += '\'';
            return;
        case 0x2010:
        case 0x2011:
        case 0x2012:
        case 0x2013:
        case 0x2014:
            out += '-';
            return;
        case 0x00A0:
        case 0x202F:
        case 0x2009:
            out += ' ';
            return;
        default:
            break;
    }
    icu::UnicodeString decomposed;
    UErrorCode status = U_ZERO_ERROR;
    nfd().normalize(icu::UnicodeString(c), decomposed, status);
    if (U_FAILURE(status)) decomposed = icu::UnicodeString(c);
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 d = decomposed.char32At(i);
        i += U16_LENGTH(d);
        if (u_charType(d) == U_NON_SPACING_MARK) continue;
        d = u_foldCase(d, U_FOLD_CASE_DEFAULT);
        char buf[4];
        int32_t len = 0;
        U8_APPEND_UNSAFE(buf, len, d);
        out.append(buf, static_cast<size_t>(len));
    }
}

/// fold_code_point through a per-thread memo: a text repeats few distinct
/// letters, and the NFD normaliser costs far more than a hash lookup.
void append_folded(UChar32 c, std::string& out) {
    thread_local std::unordered_map<UChar32, std::string> memo;
    auto it = memo.find(c);
    if (it == memo.end()) {
        std::string folded;
        fold_code_point(c, folded);
        if (memo.size() > 65536) memo.clear();  // bounded: only for pathological scripts
        it = memo.emplace(c, std::move(folded)).first;
    }
    out += it->second;
}

// Articles and pronouns that French elides before a vowel; "aujourd'hui" is not one.
constexpr std::array<std::string_view, 13> kElisions = {"l", "d",  "j",     "m",      "n",      "s",     "t",
                                                        "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"};

}  // namespace

std::string fold(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    int32_t i = 0;
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto n = static_cast<int32_t>(utf8.size());
    while (i < n) {
        // A run of ASCII (most of a French text) is copied, then lower-cased in place.
        int32_t run = i;
        while (run < n && s[run] < 0x80) ++run;
        if (run > i) {
            const std::size_t at = out.size();
            out.append(utf8.data() + i, static_cast<std::size_t>(run - i));
            for (std::size_t k = at; k < out.size(); ++k)
                if (out[k] >= 'A' && out[k] <= 'Z') out[k] = static_cast<char>(out[k] + 32);
            i = run;
            continue;
        }
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0) continue;  // invalid UTF-8 byte: dropped
        if (c < 0x80) {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        } else {
            append_folded(c, out);
        }
    }
    return out;
}

std::vector<Token> tokenize(std::string_view utf8) {
    std::vector<Token> tokens;
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto n = static_cast<int32_t>(utf8.size());
    int32_t i = 0;
    while (i < n) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0 || !is_word_char(c)) continue;
        // A word: word characters, with apostrophes allowed between them.
        int32_t end = i;
        std::vector<int32_t> apostrophes;  // byte offsets just after each inner apostrophe
        while (i < n) {
            int32_t before = i;
            UChar32 d;
            U8_NEXT(s, i, n, d);
            if (d >= 0 && is_word_char(d)) {
                end = i;
            } else if (d >= 0 && is_apostrophe(d) && i < n) {
                int32_t peek = i;
                UChar32 e;
                U8_NEXT(s, peek, n, e);
                if (e >= 0 && is_word_char(e)) {
                    apostrophes.push_back(i);
                    continue;
                }
                i = before;
                break;
            } else {
                i = before;
                break;
            }
        }
        // Split on apostrophes, dropping an elided article at the front (pieces are
        // taken as they come: no list of them for every word of a text).
        auto piece = [&](int32_t b, int32_t e, bool last) {
            std::string folded = fold(utf8.substr(static_cast<size_t>(b), static_cast<size_t>(e - b)));
            bool elided = !last && std::find(kElisions.begin(), kElisions.end(), folded) != kElisions.end();
            if (elided || folded.empty()) return;
            tokens.push_back({std::move(folded), static_cast<size_t>(b), static_cast<size_t>(e)});
        };
        int32_t piece_start = start;
        for (int32_t a : apostrophes) {
            // the piece ends before the apostrophe itself
            int32_t back = a;
            U8_BACK_1(s, 0, back);
            piece(piece_start, back, false);
            piece_start = a;
        }
        piece(piece_start, end, true);
    }
    return tokens;
}

std::vector<std::string> words(std::string_view utf8) {
    std::vector<std::string> out;
    for (auto& t : tokenize(utf8)) out.push_back(std::move(t.folded));
    return out;
}

namespace {

/// words_key of a text of ASCII letters, digits and other ASCII characters
/// but apostrophes (so no elision): its runs of letters and digits, lower-cased,
/// joined by one space; nullopt for any other text. The same key as
/// tokenize() gives, without a string per word (the dictionaries fold
/// millions of headwords and translations).
std::optional<std::string> plain_ascii_words_key(std::string_view text) {
    std::string key;
    key.reserve(text.size());
    bool in_word = false;
    for (const char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80 || c == '\'') return std::nullopt;
        const bool letter = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        const bool upper = c >= 'A' && c <= 'Z';
        if (letter || upper) {
            if (!in_word && !key.empty()) key += ' ';
            key += upper ? static_cast<char>(c + 32) : c;
        }
        in_word = letter || upper;
    }
    return key;
}

}  // namespace

std::string words_key(std::string_view utf8) {
    if (auto key = plain_ascii_words_key(utf8)) return std::move(*key);
    std::string key;
    for (const auto& w : words(utf8)) {
        if (!key.empty()) key += ' ';
        key += w;
    }
    return key;
}

bool is_stopword(std::string_view w) {
    static constexpr std::array<std::string_view, 96> kStop = {
        "a",    "au",    "aux",  "avec", "ce",   "ces",   "cette", "dans", "de",    "des", "du",  "elle", "en", "et",
        "eux",  "il",    "ils",  "je",   "la",   "le",    "les",   "leur", "leurs", "lui", "ma",  "mais", "me", "meme",
        "mes",  "moi",   "mon",  "ne",   "nos",  "notre", "nous",  "on",   "ou",    "par", "pas", "pour", "qu", "que",
        "qui",  "sa",    "se",   "ses",  "son",  "sur",   "ta",    "te",   "tes",   "toi", "ton", "tu",   "un", "une",
        "vos",  "votre", "vous", "y",    "est",  "sont",  "ete",   "etre", "ont",   "a",   "l",   "d",    "s",  "c",
        "j",    "m",     "n",    "t",    "sans", "sous",  "si",    "the",  "of",    "and", "or",  "to",   "in", "for",
        "with", "on",    "is",   "are",  "by",   "an",    "at",    "from", "as",    "it",  "be"};
    return std::find(kStop.begin(), kStop.end(), w) != kStop.end();
}

std::vector<std::string> split(std::string_view line, char sep) {
    std::vector<std::string> fields;
    for (std::size_t start = 0;;) {
        std::size_t pos = line.find(sep, start);
        fields.emplace_back(line.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
        if (pos == std::string_view::npos) return fields;
        start = pos + 1;
    }
}

std::string collapse_whitespace(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    auto space = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; };
    const std::size_t n = utf8.size();
    for (std::size_t i = 0; i < n;) {
        while (i < n && space(utf8[i])) ++i;
        const std::size_t word = i;  // a run without spaces, copied whole
        while (i < n && !space(utf8[i])) ++i;
        if (i == word) break;
        if (!out.empty()) out += ' ';
        out.append(utf8.data() + word, i - word);
    }
    return out;
}

}  // namespace coopatlas::text
