#include "indexer/dictionaries/search_dictionaries.hpp"

#include <algorithm>
#include <filesystem>
#include <unordered_set>

#include "core/error.hpp"
#include "core/terms.hpp"
#include "core/text.hpp"
#include "indexer/dictionaries/french_synonyms.hpp"
#include "indexer/places/countries.hpp"
#include "indexer/write/build_inputs.hpp"

namespace fs = std::filesystem;

namespace coopatlas::indexer {

namespace {

/// A word that is French too and in this many records is French in the guide.
constexpr size_t kFrenchWordRecords = 5;

/// The FreeDict dictionaries read, each with the Debian package installing it.
struct FreeDict {
    const char* name;  ///< file name without .index / .dict.dz
    const char* package;
};
constexpr FreeDict kEngFra{"freedict-eng-fra", "dict-freedict-eng-fra"};
constexpr FreeDict kFraEng{"freedict-fra-eng", "dict-freedict-fra-eng"};
constexpr FreeDict kEngDeu{"freedict-eng-deu", "dict-freedict-eng-deu"};
constexpr FreeDict kFraDeu{"freedict-fra-deu", "dict-freedict-fra-deu"};
constexpr FreeDict kDeuFra{"freedict-deu-fra", "dict-freedict-deu-fra"};
constexpr const char* kThesaurusPackage = "mythes-fr";

std::string install_hint(const std::string& package) {
    return ": install it with apt-get install " + package + " (scripts/setup.sh does)";
}

Dictd read_freedict(const std::string& dir, const FreeDict& d, nlohmann::json& inputs) {
    const std::string base = (fs::path(dir) / d.name).string();
    for (const char* ext : {".index", ".dict.dz"})
        if (!fs::is_regular_file(base + ext))
            throw Error("dictionary file '" + base + ext + "' not found" + install_hint(d.package));
    Dictd dict = read_dictd(base);
    inputs[d.name] = {{"title", dict.title},
                      {"package", d.package},
                      {"files", {describe_file(base + ".index"), describe_file(base + ".dict.dz")}}};
    return dict;
}

}  // namespace

SearchDictionaries SearchDictionaries::load(const DictionaryPaths& paths) {
    SearchDictionaries out;
    // French headwords: an English key that is also one of them and used by the guide stays French.
    std::unordered_set<std::string> french;
    {
        const Dictd fra_deu = read_freedict(paths.dictd_dir, kFraDeu, out.inputs_);
        const Dictd deu_fra = read_freedict(paths.dictd_dir, kDeuFra, out.inputs_);
        out.english_french_.add_german_french(fra_deu, deu_fra);
        for (const auto& e : fra_deu.entries) french.insert(text::words_key(fra_deu.written_headword(e)));
        out.english_french_.add_english_german(read_freedict(paths.dictd_dir, kEngDeu, out.inputs_));
    }
    out.english_french_.add_english_french(read_freedict(paths.dictd_dir, kEngFra, out.inputs_));
    {
        const Dictd fra_eng = read_freedict(paths.dictd_dir, kFraEng, out.inputs_);
        out.english_french_.add_french_english(fra_eng);
        for (const auto& e : fra_eng.entries) french.insert(text::words_key(fra_eng.written_headword(e)));
    }
    // Countries: FreeDict knows few ("Tunisia" is missing), i18n-iso-countries all.
    const std::string countries_fr = CountryTable::default_path();
    const std::string countries_en =
        paths.countries_en.empty() ? (fs::path(countries_fr).parent_path() / "en.json").string() : paths.countries_en;
    std::unordered_map<std::string, std::string> french_name;
    for (const auto& [code, names] : country_names(read_country_file(countries_fr), countries_fr))
        french_name.emplace(code, names.front());
    for (const auto& [code, names] : country_names(read_country_file(countries_en), countries_en))
        if (auto it = french_name.find(code); it != french_name.end())
            for (const auto& english : names) out.english_french_.add_direct(english, it->second);
    out.inputs_["country_names_en"] = describe_file(countries_en);

    if (!fs::is_regular_file(paths.thesaurus))
        throw Error("thesaurus file '" + paths.thesaurus + "' not found" + install_hint(kThesaurusPackage));
    out.thesaurus_ = read_mythes(paths.thesaurus);
    out.inputs_["thesaurus_fr"] = {{"package", kThesaurusPackage}, {"files", {describe_file(paths.thesaurus)}}};
    for (const auto& e : out.thesaurus_) french.insert(text::words_key(e.word));

    for (const auto& word : french) out.french_words_.push_back(terms::light_stem(word));
    std::sort(out.french_words_.begin(), out.french_words_.end());
    return out;
}

std::vector<std::pair<std::string, std::string>> SearchDictionaries::synonyms(
    const std::vector<Record>& records) const {
    // The guide's vocabulary: the stems of its runs of up to kMaxPhraseWords
    // words (stop words skipped), joined by spaces, and in how many records each stem is.
    constexpr size_t kMaxPhraseWords = 4;
    std::unordered_set<std::string> phrases;
    std::unordered_map<std::string, size_t> records_of;  // stem -> records holding it
    for (const auto& r : records) {
        std::unordered_set<std::string> record_stems;
        for (const auto* field : {&r.title, &r.text}) {
            std::vector<std::string> run;
            for (const auto& w : text::words(*field)) {
                if (text::is_stopword(w)) continue;
                run.push_back(terms::stem(w));
                if (record_stems.insert(run.back()).second) ++records_of[run.back()];
                if (run.size() > kMaxPhraseWords) run.erase(run.begin());
                std::string phrase;
                for (auto s = run.rbegin(); s != run.rend(); ++s)
                    phrases.insert(phrase = *s + (phrase.empty() ? "" : " " + phrase));
            }
        }
    }
    // Folded text the guide uses, its words in some inflection, in this order (stop words aside).
    // (The dictionaries' words come up again and again: their stems are memoised.)
    auto usable = [&](const std::string& folded) {
        std::string phrase;
        size_t n = 0;
        for (const auto& w : text::words(folded))
            if (!text::is_stopword(w)) phrase += (n++ ? " " : "") + terms::cached_stem(w);
        return n > 0 && n <= kMaxPhraseWords && phrases.count(phrase) > 0;
    };
    // French or not in any inflection: "aides" (an English plural of "aide")
    // is French too. A French word the guide writes often ("culture",
    // "transport") is French there; one it writes in a few records only is
    // an English name's ("Water and Sanitation..."), translated.
    auto kind = [&](const std::string& english) {
        if (!std::binary_search(french_words_.begin(), french_words_.end(), terms::light_stem(english)))
            return EnglishKind::only;
        const bool single = english.find(' ') == std::string::npos;
        return single && records_of[terms::stem(english)] >= kFrenchWordRecords ? EnglishKind::skip
                                                                                : EnglishKind::and_french;
    };
    auto out = english_synonyms(english_french_.translations(usable), kind);
    for (auto& pair : french_synonyms(thesaurus_, usable)) out.push_back(std::move(pair));
    return out;
}

}  // namespace coopatlas::indexer
