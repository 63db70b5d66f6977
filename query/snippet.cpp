#include "snippet.hpp"

#include <unordered_set>
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

std::string make_snippet(const std::string& text, const MatchTerms& terms, size_t max_words) {
    auto tokens = text::tokenize(text);
    if (tokens.empty()) return html_escape(text.substr(0, 200));
    std::vector<bool> hit(tokens.size(), false);
    for (size_t i = 0; i < tokens.size(); ++i) {
        const auto& w = tokens[i].folded;
        if (text::is_stopword(w)) continue;
        bool matched = terms.words.count(w) || terms.stems.count(terms::stem(w));
        for (const auto& p : terms.prefixes) matched = matched || w.rfind(p, 0) == 0;
        hit[i] = matched;
    }
    // Window of max_words tokens with the most distinct matched words, then the
    // most hits (earliest on ties): "eau ... assainissement" beats "eau eau eau".
    size_t window = std::min(max_words, tokens.size());
    size_t best_start = 0, best = 0;
    for (size_t start = 0; start + window <= tokens.size(); ++start) {
        std::unordered_set<std::string> distinct;
        size_t count = 0;
        for (size_t i = start; i < start + window; ++i) {
            if (!hit[i]) continue;
            ++count;
            distinct.insert(terms::stem(tokens[i].folded));
        }
        size_t score = distinct.size() * 1000 + count;
        if (score > best) {
            best = score;
            best_start = start;
        }
    }
    // Start a little before the first hit so that it has some context.
    if (best > 0) {
        size_t first_hit = best_start;
        while (first_hit < tokens.size() && !hit[first_hit]) ++first_hit;
        size_t lead = std::min<size_t>(5, first_hit);
        best_start = std::min(first_hit - lead, tokens.size() - window);
    }
    size_t end_token = best_start + window;
    size_t from = best_start == 0 ? 0 : tokens[best_start].begin;
    size_t to = end_token >= tokens.size() ? text.size() : tokens[end_token - 1].end;

    std::string out = best_start > 0 ? "… " : "";
    size_t cursor = from;
    for (size_t i = best_start; i < end_token; ++i) {
        if (!hit[i]) continue;
        out += html_escape(text.substr(cursor, tokens[i].begin - cursor));
        out += "<mark>" + html_escape(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin)) + "</mark>";
        cursor = tokens[i].end;
    }
    out += html_escape(text.substr(cursor, to - cursor));
    if (to < text.size()) out += " …";
    return out;
}

}  // namespace coopatlas::query
