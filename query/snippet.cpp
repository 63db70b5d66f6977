#include "snippet.hpp"

#include <algorithm>
#include <vector>

#include "core/terms.hpp"
#include "core/text.hpp"

namespace coopatlas::query {

std::string html_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::vector<TextWord> text_words(const std::string& text) {
    std::vector<TextWord> words;
    for (auto& token : text::tokenize(text)) {
        TextWord w{token.begin, token.end, std::move(token.folded), {}, false};
        w.stopword = text::is_stopword(w.folded);
        if (!w.stopword) w.stem = terms::cached_stem(w.folded);  // memoised: a text repeats its words
        words.push_back(std::move(w));
    }
    return words;
}

std::string make_snippet(const std::string& text, const MatchTerms& terms, size_t max_words) {
    return make_snippet(text, text_words(text), terms, max_words);
}

std::string make_snippet(const std::string& text, const std::vector<TextWord>& tokens, const MatchTerms& terms,
                         size_t max_words) {
    if (tokens.empty()) return html_escape(text.substr(0, 200));
    // Per token: which distinct stem among the matched words it is, or kNoHit.
    constexpr size_t kNoHit = static_cast<size_t>(-1);
    std::vector<size_t> hit(tokens.size(), kNoHit);
    std::vector<std::string> hit_stems;
    for (size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].stopword) continue;
        const auto& w = tokens[i].folded;
        const std::string& stem = tokens[i].stem;
        bool matched = terms.words.count(w) || terms.stems.count(stem);
        for (const auto& p : terms.prefixes) matched = matched || w.rfind(p, 0) == 0;
        if (!matched) continue;
        auto known = std::find(hit_stems.begin(), hit_stems.end(), stem);
        hit[i] = static_cast<size_t>(known - hit_stems.begin());
        if (known == hit_stems.end()) hit_stems.push_back(stem);
    }
    // Window of max_words tokens with the most distinct matched words, then the
    // most hits (earliest on ties): "eau ... assainissement" beats "eau eau eau".
    // The window slides one token at a time, its counts updated at both ends.
    size_t window = std::min(max_words, tokens.size());
    size_t best_start = 0, best = 0;
    std::vector<size_t> in_window(hit_stems.size(), 0);
    size_t distinct = 0, count = 0;
    auto enter = [&](size_t i) {
        if (hit[i] == kNoHit) return;
        ++count;
        if (in_window[hit[i]]++ == 0) ++distinct;
    };
    auto leave = [&](size_t i) {
        if (hit[i] == kNoHit) return;
        --count;
        if (--in_window[hit[i]] == 0) --distinct;
    };
    for (size_t i = 0; i < window; ++i) enter(i);
    for (size_t start = 0; start + window <= tokens.size(); ++start) {
        if (start > 0) {
            leave(start - 1);
            enter(start + window - 1);
        }
        size_t score = distinct * 1000 + count;
        if (score > best) {
            best = score;
            best_start = start;
        }
    }
    // Start a little before the first hit so that it has some context.
    if (best > 0) {
        size_t first_hit = best_start;
        while (first_hit < tokens.size() && hit[first_hit] == kNoHit) ++first_hit;
        size_t lead = std::min<size_t>(5, first_hit);
        best_start = std::min(first_hit - lead, tokens.size() - window);
    }
    size_t end_token = best_start + window;
    size_t from = best_start == 0 ? 0 : tokens[best_start].begin;
    size_t to = end_token >= tokens.size() ? text.size() : tokens[end_token - 1].end;

    std::string out = best_start > 0 ? "… " : "";
    size_t cursor = from;
    for (size_t i = best_start; i < end_token; ++i) {
        if (hit[i] == kNoHit) continue;
        out += html_escape(text.substr(cursor, tokens[i].begin - cursor));
        out += "<mark>" + html_escape(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin)) + "</mark>";
        cursor = tokens[i].end;
    }
    out += html_escape(text.substr(cursor, to - cursor));
    if (to < text.size()) out += " …";
    return out;
}

}  // namespace coopatlas::query
