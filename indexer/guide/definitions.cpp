#include "indexer/guide/definitions.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

#include "core/text.hpp"

namespace coopatlas::indexer {

namespace {

/// The sentence the passage opens with: up to a '.', '?' or '!' followed by
/// a space ("2.4" and "gouv.fr" go on), without a bullet in front.
std::string_view first_sentence(std::string_view text) {
    for (std::string_view bullet : {"•", "-", "–", " "})
        while (text.substr(0, bullet.size()) == bullet) text.remove_prefix(bullet.size());
    for (size_t i = 0; i + 1 < text.size(); ++i)
        if ((text[i] == '.' || text[i] == '?' || text[i] == '!') && text[i + 1] == ' ') return text.substr(0, i);
    return text;
}

bool starts_with_any(std::string_view text, std::initializer_list<std::string_view> prefixes) {
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [&](std::string_view p) { return text.substr(0, p.size()) == p; });
}

/// "est"/"sont" followed by a determiner: "est le service", "sont des
/// éléments", "est l'un des": what a definition says (not "est toujours
/// disponible", "est créée").
bool copula_with_determiner(std::string_view after) {
    while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
    const std::string next = text::fold(after.substr(0, 8));
    return starts_with_any(next, {"le ", "la ", "les ", "l'", "l’", "un ", "une ", "des "});
}

bool capitalised(std::string_view word) {
    UChar32 c = 0;
    int32_t i = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i, static_cast<int32_t>(word.size()), c);
    return c > 0 && u_isupper(c);
}

}  // namespace

std::vector<std::string> defined_subject(std::string_view passage) {
    const std::string_view sentence = first_sentence(passage);
    const auto tokens = text::tokenize(sentence);
    // The first "est"/"sont" of the sentence outside parentheses ("Le GESCOD
    // (RRMA du Grand est) est un acteur"), after one word at least.
    const auto copula = std::find_if(tokens.begin(), tokens.end(), [&](const text::Token& t) {
        const std::string_view before = sentence.substr(0, t.begin);
        return (t.folded == "est" || t.folded == "sont") &&
               std::count(before.begin(), before.end(), '(') == std::count(before.begin(), before.end(), ')');
    });
    if (copula == tokens.begin() || copula == tokens.end() || !copula_with_determiner(sentence.substr(copula->end)))
        return {};
    // The subject; an apposition between commas before the verb is not part
    // of it ("La DAECT, déjà citée pour ..., est").
    std::string_view subject = sentence.substr(0, copula->begin);
    while (!subject.empty() && subject.back() == ' ') subject.remove_suffix(1);
    if (const size_t comma = subject.find(','); comma != std::string_view::npos) {
        if (subject.back() != ',') return {};  // "En 2019, la DAECT est": a clause, not a subject
        subject = subject.substr(0, comma);
    }
    // It opens on a determiner or on a name: "Son activité principale est",
    // "Pour ce qui est des" define nothing.
    const auto words = text::tokenize(subject);
    if (words.empty()) return {};
    const bool determiner = starts_with_any(subject, {"L'", "l'", "L’", "l’"}) || words[0].folded == "le" ||
                            words[0].folded == "la" || words[0].folded == "les";
    if (!determiner && (!capitalised(subject) || text::is_stopword(words[0].folded))) return {};
    std::vector<std::string> content;
    for (const auto& w : words)
        if (!text::is_stopword(w.folded) &&
            !std::all_of(w.folded.begin(), w.folded.end(), [](char c) { return c >= '0' && c <= '9'; }))
            content.push_back(w.folded);
    if (content.empty() || content.size() > kMaxDefinedWords) return {};
    return content;
}

}  // namespace coopatlas::indexer
