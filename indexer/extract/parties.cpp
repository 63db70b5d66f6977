#include "indexer/extract/parties.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <regex>
#include <set>
#include <unordered_set>

#include "core/error.hpp"
#include "core/text.hpp"
#include "indexer/places/etalab_lists.hpp"
#include "indexer/places/place_knowledge.hpp"

namespace coopatlas::indexer {

namespace {

// Populations (INSEE, through the Etalab lists) that decide whether a name the guide writes is
// the French commune of that name or something else: a foreign homonym, a common word, a person.
// France has 34,969 communes (Etalab list), 21,955 of them of 300 inhabitants or more, 492 of
// 20,000 or more: most names are villages that are also words or foreign places, and the larger
// the commune, the likelier the guide means it. The values were set on the guide's own sentences
// (the cases are in tests/indexer/parties_test.cpp and the golden entities).

/// A town known well beyond its département (492 communes): "Montreuil" read for
/// "Montreuil-sous-Bois", "la ville de Chambéry au Burkina Faso" a French party acting abroad,
/// "Nantes-Tbilissi" a French and a foreign town.
constexpr long kKnownTownPopulation = 20000;
/// In a sentence or section about another country, a French commune smaller than this is taken
/// for the foreign place of the same name.
constexpr long kAbroadHomonymPopulation = 5000;
/// "la ville de Montréal": a French homonym smaller than this is no "ville".
constexpr long kVillePopulation = 3000;
/// The smallest commune a name is read as when nothing else says French: below it, the name is
/// more often a word, a person or a foreign place than the village.
constexpr long kHamletPopulation = 300;
/// A capitalised word that is a commune of this size is a place even when the guide has not yet
/// shown it capitalised elsewhere.
constexpr long kCapitalisedCommunePopulation = 2000;
/// A lower-case word (small caps lost by the PDF extraction) is taken for a commune only from
/// this size: below it, the common word is likelier.
constexpr long kLowerCaseCommunePopulation = 10000;

// How many times the guide writes a word (folded, any case): PartyLexicon::frequency. A name
// of a foreign locality appears once or a few times; a common word, dozens of times.

/// A word the guide writes at most this often, after a cue of a foreign party (a slash, "avec",
/// "entre ... et", a list of foreign places), is read as a name: a hapax or nearly.
constexpr int kNameAfterCueFrequency = 3;
/// A word this rare (or written capitalised more than not) may start a name after a preposition.
constexpr int kRareWordFrequency = 6;
/// A lower-case commune of kLowerCaseCommunePopulation inhabitants is a place when the guide
/// writes the word at most this often (more often, it is the common word).
constexpr int kLowerCaseCommuneFrequency = 8;
/// "nantes/tbilissi": right after a French town and a slash, a twin town the guide repeats a
/// few times is still a name.
constexpr int kTwinTownFrequency = 10;
/// In a section about another country, a lower-case word after a preposition written at most
/// this often is read as a foreign locality ("à majunga").
constexpr int kAbroadNameFrequency = 12;

std::string key_of(std::string_view name) { return text::words_key(name); }

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// First letter capitalised in the source: ASCII A-Z or Latin-1 À-Þ (UTF-8 C3 80..9E).
bool capitalised(std::string_view s, std::size_t at) {
    if (at >= s.size()) return false;
    auto c = static_cast<unsigned char>(s[at]);
    if (c >= 'A' && c <= 'Z') return true;
    if (c == 0xC3 && at + 1 < s.size()) {
        auto d = static_cast<unsigned char>(s[at + 1]);
        return d >= 0x80 && d <= 0x9E && d != 0x97;
    }
    return c == 0xC5 && at + 1 < s.size() && static_cast<unsigned char>(s[at + 1]) == 0x92;  // Œ
}

/// A word of the sentence: tokens joined by hyphens ("saint-germain-en-laye").
struct Word {
    std::string f;  ///< folded
    std::size_t b = 0, e = 0;
    bool cap = false;
    bool acronym = false;    ///< two or more letters, all capitals ("AFD", "BTVL")
    bool mixed = false;      ///< a capital after the first letter ("PACt", "dAeCt"): small-caps residue
    bool inner_cap = false;  ///< a later hyphenated part is capitalised ("fès-Meknès")
};

std::vector<Word> split_words(std::string_view s) {
    std::vector<Word> out;
    for (auto& t : text::tokenize(s)) {
        if (!out.empty()) {
            std::string_view gap = s.substr(out.back().e, t.begin - out.back().e);
            // "Val-d’Oise", "Saint-Germain-en-Laye": one word across hyphens
            bool hyphen = gap == "-" || (gap == "- " && capitalised(s, t.begin)) ||
                          ((gap.size() >= 3 && gap.size() <= 5) && gap[0] == '-' && (gap[1] == 'd' || gap[1] == 'l') &&
                           gap.size() > 2);
            if (hyphen) {
                out.back().inner_cap = out.back().inner_cap || capitalised(s, t.begin);
                out.back().f += "-" + t.folded;
                out.back().e = t.end;
                continue;
            }
        }
        Word w;
        w.f = t.folded;
        w.b = t.begin;
        w.e = t.end;
        w.cap = capitalised(s, t.begin);
        std::string_view raw = s.substr(t.begin, t.end - t.begin);
        w.acronym = raw.size() >= 2 &&
                    std::all_of(raw.begin(), raw.end(), [](char c) { return !(c >= 'a' && c <= 'z'); }) &&
                    std::any_of(raw.begin(), raw.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        w.mixed = !w.acronym && std::any_of(raw.begin() + 1, raw.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        out.push_back(std::move(w));
    }
    return out;
}

/// Words that name a kind of party, followed by the party's name.
struct KindWord {
    std::array<const char*, 3> words;
    const char* kind;
    int french;       ///< 1 French, 0 foreign, -1 either
    bool plural;      ///< "les communes de A et B"
    bool upper_only;  ///< an abbreviation written in capitals ("CR", "CD")
};

constexpr KindWord kKinds[] = {
    {{"conseil", "regional", nullptr}, "région", 1, false, false},
    {{"conseils", "regionaux", nullptr}, "région", 1, true, false},
    {{"conseils", "departementaux", nullptr}, "département", 1, true, false},
    {{"conseil", "departemental", nullptr}, "département", 1, false, false},
    {{"conseil", "general", nullptr}, "département", 1, false, false},
    {{"communaute", "de", "communes"}, "intercommunalité", 1, false, false},
    {{"communaute", "agglomeration", nullptr}, "intercommunalité", 1, false, false},
    {{"communaute", "urbaine", nullptr}, "intercommunalité", -1, false, false},
    {{"collectivite", "territoriale", nullptr}, "région", 1, false, false},
    {{"region", nullptr, nullptr}, "région", -1, false, false},
    {{"departement", nullptr, nullptr}, "département", -1, false, false},
    {{"regions", nullptr, nullptr}, "région", -1, true, false},
    {{"departements", nullptr, nullptr}, "département", -1, true, false},
    {{"provinces", nullptr, nullptr}, "province", 0, true, false},
    {{"metropole", nullptr, nullptr}, "métropole", 1, false, false},
    {{"agglomeration", nullptr, nullptr}, "intercommunalité", -1, false, false},
    {{"eurometropole", nullptr, nullptr}, "métropole", 1, false, false},
    {{"commune", nullptr, nullptr}, "commune", -1, false, false},
    {{"communes", nullptr, nullptr}, "commune", -1, true, false},
    {{"ville", nullptr, nullptr}, "commune", -1, false, false},
    {{"villes", nullptr, nullptr}, "commune", -1, true, false},
    {{"mairie", nullptr, nullptr}, "commune", -1, false, false},
    {{"village", nullptr, nullptr}, "commune", -1, false, false},
    {{"quartier", nullptr, nullptr}, "commune", -1, false, false},  // "jumelée avec un quartier de Hanoï"
    // a part or the surroundings of a town, named after it, stand for the town: "un accord de coopération
    // région Île-de-France/aire métropolitaine de Lisbonne", "pour la rénovation de la Casbah d'Alger"
    {{"aire", "metropolitaine", nullptr}, "commune", -1, false, false},
    {{"casbah", nullptr, nullptr}, "commune", -1, false, false},
    {{"kasbah", nullptr, nullptr}, "commune", -1, false, false},
    {{"medina", nullptr, nullptr}, "commune", -1, false, false},
    {{"centre", "historique", nullptr}, "commune", -1, false, false},
    {{"centre", "ancien", nullptr}, "commune", -1, false, false},
    {{"vieille", "ville", nullptr}, "commune", -1, false, false},
    {{"municipalite", nullptr, nullptr}, "municipalité", 0, false, false},
    {{"municipalites", nullptr, nullptr}, "municipalité", 0, true, false},
    {{"province", nullptr, nullptr}, "province", 0, false, false},
    // "les communautés autonomes de la Catalogne et des îles Baléares", "le Gouvernement
    // régional du Kurdistan irakien": a foreign region and its government
    {{"communaute", "autonome", nullptr}, "région", 0, false, false},
    {{"communautes", "autonomes", nullptr}, "région", 0, true, false},
    {{"gouvernement", "regional", nullptr}, "région", 0, false, false},
    {{"gouvernement", "provincial", nullptr}, "province", 0, false, false},
    {{"gouvernorat", nullptr, nullptr}, "gouvernorat", 0, false, false},
    {{"cercle", nullptr, nullptr}, "cercle", 0, false, false},
    {{"wilaya", nullptr, nullptr}, "wilaya", 0, false, false},
    {{"district", nullptr, nullptr}, "district", 0, false, false},
    {{"etat", nullptr, nullptr}, "état", 0, false, false},
    {{"comte", nullptr, nullptr}, "comté", 0, false, false},
    {{"celle", nullptr, nullptr}, "commune", -1, false, false},
    {{"celles", nullptr, nullptr}, "commune", -1, true, false},
    {{"chu", nullptr, nullptr}, "établissement", 1, false, true},
    {{"parc", "naturel", "regional"}, "établissement", 1, false, false},
    {{"parc", "national", "regional"}, "établissement", 1, false, false},
    {{"pnr", nullptr, nullptr}, "établissement", 1, false, true},
    {{"cr", nullptr, nullptr}, "région", 1, false, true},
    {{"cd", nullptr, nullptr}, "département", 1, false, true},
    {{"ca", nullptr, nullptr}, "intercommunalité", 1, false, true},
    {{"cc", nullptr, nullptr}, "intercommunalité", 1, false, true},
    {{"cu", nullptr, nullptr}, "intercommunalité", 1, false, true},
};

/// How many words of kind `k` start at words[i] (0 if none).
std::size_t match_kind(const std::vector<Word>& ws, std::size_t i, const KindWord& k) {
    std::size_t n = 0;
    for (const char* w : k.words) {
        if (!w) break;
        if (i + n >= ws.size() || ws[i + n].f != w) return 0;
        ++n;
    }
    if (k.upper_only && !ws[i].acronym) return 0;
    return n;
}

/// True when a kind word starts with this folded word ("conseil", "region", "ville", "cr").
bool starts_a_kind(std::string_view folded) {
    // Asked at every word of every sentence: most words start no kind, told by one lookup.
    static const std::unordered_set<std::string_view> kFirstWords = [] {
        std::unordered_set<std::string_view> words;
        for (const auto& k : kKinds) words.insert(k.words[0]);
        return words;
    }();
    return kFirstWords.count(folded) > 0;
}

const KindWord* kind_at(const std::vector<Word>& ws, std::size_t i, std::size_t& length) {
    if (i >= ws.size() || !starts_a_kind(ws[i].f)) return nullptr;
    for (const auto& k : kKinds) {
        if (std::size_t n = match_kind(ws, i, k)) {
            length = n;
            return &k;
        }
    }
    return nullptr;
}

/// A name of data/places/ as a lookup key, with what it stands for.
struct KeyedName {
    std::string key, target;
};

/// Brand names of French régions (data/places/region-aliases.tsv): alias key -> official key.
const std::vector<KeyedName>& region_aliases() {
    static const std::vector<KeyedName> aliases = [] {
        std::vector<KeyedName> out;
        for (const auto& a : PlaceKnowledge::builtin().region_aliases)
            out.push_back({key_of(a.alias), key_of(a.region)});
        return out;
    }();
    return aliases;
}

/// Short forms the guide uses for the country of a party (data/places/country-aliases.tsv,
/// scope "parties"; the other aliases are in the country table): alias key -> ISO code.
const std::vector<KeyedName>& party_country_aliases() {
    static const std::vector<KeyedName> aliases = [] {
        std::vector<KeyedName> out;
        for (const auto& a : PlaceKnowledge::builtin().country_aliases)
            if (a.scope == AliasScope::kParties) out.push_back({key_of(a.alias), a.code});
        return out;
    }();
    return aliases;
}

/// Words that end a name ("Bretagne et ...", "Testour en Tunisie").
bool particle(std::string_view f) {
    return f == "de" || f == "du" || f == "des" || f == "la" || f == "le" || f == "les";
}

/// "CA du Grand Angoulême" -> "grand angouleme", "Nantes Métropole" -> "nantes metropole".
std::string epci_key(const std::string& name) {
    auto ws = text::words(name);
    static const std::array<std::string_view, 9> lead = {
        "ca", "cc", "cu", "communaute", "de", "du", "des", "agglomeration", "communes"};
    std::size_t i = 0;
    while (i + 1 < ws.size() && std::find(lead.begin(), lead.end(), ws[i]) != lead.end()) ++i;
    if (i + 1 < ws.size() && ws[i] == "urbaine") ++i;
    if (i + 2 < ws.size() && ws[i] == "metropole" && (ws[i + 1] == "de" || ws[i + 1] == "du")) i += 2;
    std::string key;
    for (; i < ws.size(); ++i) key += (key.empty() ? "" : " ") + ws[i];
    return key;
}

}  // namespace

// ---------------------------------------------------------------- lexicon

PartyLexicon PartyLexicon::load(const PartnerOptions& options, const CountryTable& countries) {
    PartyLexicon lex(countries);
    namespace fs = std::filesystem;
    fs::path dir = fs::path(options.node_modules) / "@etalab" / "decoupage-administratif" / "data";
    for (const char* list : {"communes.json", "departements.json", "regions.json", "epci.json"})
        if (!fs::is_regular_file(dir / list))
            throw Error("the French administrative lists are missing: no " + (dir / list).string() +
                        " (install the npm packages with npm ci, or scripts/setup.sh)");
    for (const auto& c : read_etalab_list((dir / "communes.json").string())) {
        if (c.type != "commune-actuelle") continue;
        lex.add_french(c.nom, "commune", c.population);
    }
    for (const auto& d : read_etalab_list((dir / "departements.json").string()))
        lex.add_french(d.nom, "département", 0);
    for (const auto& r : read_etalab_list((dir / "regions.json").string())) lex.add_french(r.nom, "région", 0);
    for (const auto& e : read_etalab_list((dir / "epci.json").string())) {
        std::string key = epci_key(e.nom);
        if (key.empty()) continue;
        lex.french_[key].push_back({e.nom, "intercommunalité", e.population_totale});
        lex.epci_keys_.push_back(key);
    }
    return lex;
}

void PartyLexicon::add_french(const std::string& name, const std::string& kind, long population) {
    std::string key = key_of(name);
    if (key.empty()) return;
    french_[key].push_back({name, kind, population});
    if (kind == "région" && std::find(region_keys_.begin(), region_keys_.end(), key) == region_keys_.end())
        region_keys_.push_back(key);
}

void PartyLexicon::learn_case(const Guide& guide) {
    for (const auto& line : guide.lines()) {
        for (const auto& t : text::tokenize(line.text)) {
            auto& c = case_[t.folded];
            (capitalised(line.text, t.begin) ? c.first : c.second) += 1;
        }
    }
}

void PartyLexicon::add_body(const std::string& name, const std::string& kind, std::string_view spelled) {
    std::string key = key_of(spelled.empty() ? std::string_view(name) : spelled);
    if (key.empty()) return;
    bodies_.try_emplace(key, Body{name, kind});
    body_first_words_.insert(key.substr(0, key.find(' ')));
    // "Sites et Cités remarquables de France" is also "Sites et Cités remarquables": a national body
    // goes by its name without "de France" when three words at least are left
    constexpr std::string_view kOfFrance = " de france";
    if (key.size() > kOfFrance.size() && key.compare(key.size() - kOfFrance.size(), kOfFrance.size(), kOfFrance) == 0) {
        std::string shortened = key.substr(0, key.size() - kOfFrance.size());
        if (std::count(shortened.begin(), shortened.end(), ' ') >= 2) bodies_.try_emplace(shortened, Body{name, kind});
    }
}

const PartyLexicon::Body* PartyLexicon::body(std::string_view key) const {
    auto it = bodies_.find(std::string(key));
    return it == bodies_.end() ? nullptr : &it->second;
}

bool PartyLexicon::starts_body(std::string_view first_word) const {
    return body_first_words_.count(std::string(first_word.substr(0, first_word.find('-')))) > 0;
}

bool PartyLexicon::looks_proper(const std::string& folded) const {
    auto it = case_.find(folded.substr(0, folded.find('-')));
    return it == case_.end() || it->second.first >= it->second.second;
}

bool PartyLexicon::mostly_lower(const std::string& folded) const {
    auto it = case_.find(folded.substr(0, folded.find('-')));
    return it != case_.end() && it->second.second > 4 * it->second.first;
}

int PartyLexicon::frequency(const std::string& folded) const {
    auto it = case_.find(folded.substr(0, folded.find('-')));
    return it == case_.end() ? 0 : it->second.first + it->second.second;
}

bool PartyLexicon::seen_capitalised(const std::string& folded) const {
    auto it = case_.find(folded.substr(0, folded.find('-')));
    return it == case_.end() || it->second.first > 0;
}

const FrenchPlace* PartyLexicon::french(std::string_view name, std::string_view kind) const {
    std::string key = key_of(name);
    if (key.empty()) return nullptr;
    auto best_of = [&](const std::string& k) -> const FrenchPlace* {
        auto it = french_.find(k);
        if (it == french_.end()) return nullptr;
        const FrenchPlace* best = nullptr;
        auto rank = [](const std::string& kd) {
            return kd == "commune" ? 0 : kd == "département" ? 1 : kd == "région" ? 2 : 3;
        };
        for (const auto& p : it->second) {
            if (!kind.empty() && p.kind != kind) continue;
            if (!best || rank(p.kind) < rank(best->kind) ||
                (rank(p.kind) == rank(best->kind) && p.population > best->population))
                best = &p;
        }
        return best;
    };
    for (const char* article : {"", "le ", "la ", "les "}) {
        if (auto* p = best_of(article + key)) return p;
    }
    // "Montreuil-sous-Bois" is officially "Montreuil"
    if (auto sous = key.find(" sous "); sous != std::string::npos && sous > 0)
        if (auto* p = best_of(key.substr(0, sous)); p && p->population >= kKnownTownPopulation) return p;
    if (kind == "région") {
        for (const auto& alias : region_aliases())
            if (key == alias.key) return best_of(alias.target);
        // "Centre" for "Centre-Val de Loire", "Sud-Provence-Alpes-Côte d'Azur" for PACA
        const FrenchPlace* found = nullptr;
        for (const auto& k : region_keys_) {
            for (const auto& p : french_.at(k)) {
                if (p.kind != "région") continue;
                bool prefix = starts_with(k, key + " ");
                bool inside = key.size() > k.size() && key.size() >= k.size() + 4 &&
                              key.compare(key.size() - k.size(), k.size(), k) == 0;
                if (prefix || inside) {
                    if (found && found != &p) return nullptr;  // ambiguous
                    found = &p;
                }
            }
        }
        return found;
    }
    if (kind == "intercommunalité" && key.find(' ') != std::string::npos) {
        // "la communauté d'agglomération du Grand Paris Sud" is "CA Grand Paris Sud Seine Essonne
        // Sénart": the guide shortens a grouping's name to its first words (two at least, one grouping)
        const FrenchPlace* found = nullptr;
        for (const auto& k : epci_keys_) {
            if (!starts_with(k, key + " ")) continue;
            const FrenchPlace* p = best_of(k);
            if (found && found != p) return nullptr;  // ambiguous
            found = p;
        }
        return found;
    }
    return nullptr;
}

std::optional<Country> PartyLexicon::country(std::string_view name) const {
    auto it = country_cache_.find(name);
    if (it == country_cache_.end()) it = country_cache_.emplace(std::string(name), country_uncached(name)).first;
    return it->second;
}

std::optional<Country> PartyLexicon::country_uncached(std::string_view name) const {
    std::string key = key_of(name);
    if (key.empty()) return std::nullopt;
    return country_of_key(key);
}

bool PartyLexicon::starts_country_name(std::string_view first_word) const {
    if (countries_->starts_a_name(first_word)) return true;
    const auto& aliases = party_country_aliases();
    return std::any_of(aliases.begin(), aliases.end(), [&](const KeyedName& alias) {
        return std::string_view(alias.key).substr(0, alias.key.find(' ')) == first_word;
    });
}

std::optional<Country> PartyLexicon::country_of_key(std::string_view key) const {
    auto it = key_cache_.find(key);
    if (it == key_cache_.end()) it = key_cache_.emplace(std::string(key), country_of_key_uncached(key)).first;
    return it->second;
}

namespace {
// French overseas territories have ISO codes of their own but are France here.
bool overseas_code(std::string_view code) { return PlaceKnowledge::builtin().overseas_territory(code) != nullptr; }
}  // namespace

std::optional<Country> PartyLexicon::country_of_key_uncached(std::string_view key) const {
    for (const auto& alias : party_country_aliases())
        if (key == alias.key) return countries_->by_code(alias.target);
    auto c = countries_->lookup_key(key);
    if (c && overseas_code(c->code)) return countries_->lookup("France");
    return c;
}

std::optional<Country> PartyLexicon::overseas(std::string_view name) const {
    std::string key = key_of(name);
    if (key.rfind("la ", 0) == 0) key = key.substr(3);  // "la réunion": the table says "Réunion"
    auto c = countries_->lookup_key(key);
    if (!c || !overseas_code(c->code)) return std::nullopt;
    return c;
}

std::optional<Country> PartyLexicon::country_of_adjective(std::string_view folded_word) const {
    std::string_view word = folded_word;
    if (starts_with(word, "franco-")) word.remove_prefix(7);  // "franco-québécois"
    const std::string* name = PlaceKnowledge::builtin().country_of_demonym(word);
    if (!name) return std::nullopt;
    return country(*name);
}

// ---------------------------------------------------------------- mentions

bool strong_cue(std::string_view sentence) {
    // "mènent des actions": what a body does with a country ("Le Syctom ... et le Sedif ... mènent des
    // actions au titre des « 1% »"), not "actions" alone (a plan's actions)
    static const char* const kStrongCues[] = {
        "cooper",   "partenari",        "partenaire",        "jumel", "collabor", "engage", "accompagn",
        "relation", "mene des actions", "menent des actions"};
    std::string folded = text::fold(sentence);
    return std::any_of(std::begin(kStrongCues), std::end(kStrongCues),
                       [&](const char* c) { return folded.find(c) != std::string::npos; });
}

/// The most words of an adverbial opening a sentence before its subject ("En 2019, ...", "Depuis
/// plusieurs années, ...").
constexpr std::size_t kOpeningAdverbialWords = 4;

bool opens_on_a_named_actor(std::string_view sentence, const std::vector<PartyMention>& mentions) {
    auto tokens = text::tokenize(sentence);
    std::size_t k = 0;
    if (std::size_t comma = sentence.find(','); comma != std::string_view::npos) {
        std::size_t before = 0;
        while (before < tokens.size() && tokens[before].end <= comma) ++before;
        if (before <= kOpeningAdverbialWords) k = before;
    }
    if (k >= tokens.size()) return false;
    // "la Mission ...", "le Consortium ...", "l'Agence ..." (an elided article is no token of its own)
    auto elided = [&](std::size_t at) {
        std::size_t mark = at >= 1 && sentence[at - 1] == '\''            ? 1
                           : at >= 3 && sentence.substr(at - 3, 3) == "’" ? 3
                                                                          : 0;
        return mark > 0 && at > mark && (sentence[at - mark - 1] == 'l' || sentence[at - mark - 1] == 'L');
    };
    const std::string& article = tokens[k].folded;
    if (article == "le" || article == "la" || article == "les")
        ++k;
    else if (!elided(tokens[k].begin))
        return false;
    if (k >= tokens.size()) return false;
    const auto& name = tokens[k];
    // "La Région", "Le Département", "la Ville": a kind word names a collectivité, maybe the one before
    if (!capitalised(sentence, name.begin) || starts_a_kind(name.folded)) return false;
    return std::none_of(mentions.begin(), mentions.end(),
                        [&](const PartyMention& m) { return m.begin < name.end && name.begin < m.end; });
}

std::string PartyMention::key() const { return kind + "|" + key_of(place); }

PartyMention french_place_mention(const FrenchPlace& place, std::string_view raw, const PartyLexicon& lexicon) {
    PartyMention m;
    m.raw = std::string(raw);
    m.kind = place.kind;
    m.place = m.name = place.name;
    m.french = 1;
    m.country = lexicon.country("France");
    return m;
}

std::string repair_place_name(std::string_view name) {
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {  // "Sud-Provence- Alpes": a line-end hyphen
        out += name[i];
        if (name[i] == '-' && i + 1 < name.size() && name[i + 1] == ' ') ++i;
    }
    bool word_start = true;
    std::size_t piece_start = 0;
    for (std::size_t i = 0; i <= out.size(); ++i) {
        bool sep = i == out.size() || out[i] == ' ' || out[i] == '-' || out[i] == '\'';
        if (!sep) continue;
        std::string piece = out.substr(piece_start, i - piece_start);
        std::string f = text::fold(piece);
        bool small = piece_start > 0 && (particle(f) || f == "en" || f == "sur" || f == "sous" || f == "et" ||
                                         f == "les" || f == "d" || f == "l" || f == "lès" || f == "les");
        if (!piece.empty() && !small && word_start) {
            unsigned char c = static_cast<unsigned char>(out[piece_start]);
            if (c >= 'a' && c <= 'z')
                out[piece_start] = static_cast<char>(c - 'a' + 'A');
            else if (c == 0xC3 && piece_start + 1 < out.size()) {
                unsigned char d = static_cast<unsigned char>(out[piece_start + 1]);
                if (d >= 0xA0 && d <= 0xBE && d != 0xB7) out[piece_start + 1] = static_cast<char>(d - 0x20);
            }
        }
        piece_start = i + 1;
        word_start = true;
    }
    return out;
}

namespace {

/// A French participle, adverb or abstract noun ("commencée", "rapidement"): a
/// lower-case word of this shape is not a place name cut by small caps.
bool inflected(const std::string& f) {
    for (std::string_view end : {"ee", "ees", "ment", "tion", "tions", "ant", "ants", "ait", "aient"})
        if (f.size() > end.size() + 2 && f.compare(f.size() - end.size(), end.size(), end) == 0) return true;
    return false;
}

/// "autonome", "métropolitaine": an adjective of status between a kind word and the
/// name ("la province autonome de Voïvodine").
bool status_adjective(const std::string& f) {
    return f == "autonome" || f == "autonomes" || f == "metropolitaine" || f == "metropolitaines";
}

/// What joins two names of one list: ", ", " et ", " ou bien encore "...
bool list_joint(std::string_view between) {
    return between == ", " || between == " et " || between == " ou " || between == ", et " ||
           between == " ou bien encore " || between == " ainsi que ";
}

/// " à Pékin, " -> ", ": a list item's place complement ("le quartier de Dongcheng à Pékin, Hounslow en
/// banlieue de Londres et Ichikawa près de Tokyo") skipped, leaving what joins it to the next item;
/// "" when `between` is no such complement (a clause, a parenthesis, a long phrase).
std::string_view after_locative(std::string_view between) {
    bool locative = false;
    for (std::string_view opening : {" à ", " au ", " aux ", " en ", " près ", " dans "})
        if (between.substr(0, opening.size()) == opening) locative = true;
    if (!locative || between.size() > 48 || between.find_first_of("();:") != std::string_view::npos) return "";
    std::size_t comma = between.find(',');
    if (comma != std::string_view::npos) return between.substr(comma);
    std::size_t et = between.rfind(" et ");
    return et == std::string_view::npos ? std::string_view() : between.substr(et);
}

/// "Centre" for "Centre-Val de Loire": the name is the beginning of the place's official name, not all of it.
bool part_of_name(const std::string& name, const FrenchPlace& place) {
    std::string key = key_of(name), official = key_of(place.name);
    return !key.empty() && official.size() > key.size() && starts_with(official, key + " ");
}

/// Head nouns of a country's organisations of local authorities or public bodies ("l'Association des
/// communes de roumanie", "le Congrès des autorités locales de moldavie", "le ministère ... du Mali").
bool national_organisation_word(const std::string& f) {
    for (std::string_view w : {"association", "congres", "federation", "union", "reseau", "institut", "agence",
                               "universite", "ministere", "office", "chambre"})
        if (f == w) return true;
    return false;
}

/// The scanner of one sentence.
class Scanner {
public:
    Scanner(std::string_view s, const PartyLexicon& lex, const std::optional<Country>& context, bool abroad)
        : s_(s), lex_(lex), context_(context), ws_(split_words(s)), sentence_abroad_(abroad) {}

    std::vector<PartyMention> run();

private:
    std::string_view gap(std::size_t i) const {  // text before word i
        std::size_t from = i == 0 ? 0 : ws_[i - 1].e;
        std::size_t to = i < ws_.size() ? ws_[i].b : s_.size();
        return s_.substr(from, to - from);
    }
    static bool plain_gap(std::string_view g) {
        return !g.empty() && std::all_of(g.begin(), g.end(), [](char c) { return c == ' '; });
    }
    std::string_view slice(std::size_t from, std::size_t to) const {  // words [from, to)
        return s_.substr(ws_[from].b, ws_[to - 1].e - ws_[from].b);
    }
    std::string raw(std::size_t from, std::size_t to) const { return std::string(slice(from, to)); }
    bool entre_before(std::size_t i) const {  // "entre" among the 8 words before word i
        for (std::size_t back = i; back > 0 && i - back < 8; --back)
            if (ws_[back - 1].f == "entre") return true;
        return false;
    }
    /// "OPTECH (Montréal)", "YMCA Québec (Montréal Nord)": a name in parentheses right after an
    /// organisation's acronym (and the country word that may follow it) is where it sits.
    bool seat_of_organisation(std::size_t i) const {
        if (i == 0 || gap(i) != " (") return false;
        std::size_t k = i - 1;
        std::optional<Country> c;
        if (k > 0 && country_at(k, c) == 1 && plain_gap(gap(k))) --k;
        if (!ws_[k].acronym) return false;
        // a place is one to three words: "CESESMA (Centro de Servicios Educativos ...)" spells the acronym out
        for (std::size_t e = i + 1; e <= i + 3; ++e) {
            if (e >= ws_.size()) return s_.find(')', ws_[i].e) != std::string_view::npos;
            if (gap(e).find(')') != std::string_view::npos) return true;
            if (!plain_gap(gap(e))) return false;
        }
        return false;
    }
    /// "Douala (Cameroun)": a capitalised word followed by a foreign country in parentheses is the name
    /// of a place there, however often the guide lowers it elsewhere.
    bool tagged_abroad(std::size_t i) const {
        if (i + 1 >= ws_.size() || gap(i + 1) != " (") return false;
        std::optional<Country> c;
        std::size_t n = country_at(i + 1, c);
        return n > 0 && c->code != "FR" && gap(i + 1 + n).rfind(')', 0) == 0;
    }
    bool rare(const std::string& f) const {
        return f.size() > 2 && (lex_.looks_proper(f) || lex_.frequency(f) <= kRareWordFrequency);
    }
    /// The section or the sentence is about another country.
    bool abroad() const { return (context_ && context_->code != "FR") || sentence_abroad_; }
    /// "toscane" after "la région": a rare lower-case word, neither a common word's inflection nor
    /// an adjective ("parisienne", "frontalière", "centrale" end like adjectives).
    bool lowered_foreign_name(const std::string& f) const {
        if (f.size() <= 3 || text::is_stopword(f) || inflected(f) || lex_.frequency(f) > kNameAfterCueFrequency ||
            lex_.country_of_adjective(f))
            return false;
        for (std::string_view end :
             {"al",   "ale", "ales", "aux", "aire", "ien", "ienne", "ique", "if",  "ive", "eux",
              "euse", "ais", "aise", "ois", "oise", "ain", "aine",  "iere", "ier", "el",  "elle"})
            if (f.size() > end.size() && f.compare(f.size() - end.size(), end.size(), end) == 0) return false;
        return true;
    }

    std::size_t country_at(std::size_t i, std::optional<Country>& found) const;
    std::size_t name_end(std::size_t j, bool after_preposition) const;
    struct Tag {
        std::optional<Country> country;
        bool french = false;
        std::size_t end = 0;  ///< first word after the tag
    };
    Tag tag_after(std::size_t k) const;
    void emit(PartyMention m) { out_.push_back(std::move(m)); }
    bool kind_phrase(std::size_t& i);
    /// Where the name after a kind word starts, and what stands between them.
    struct KindName {
        std::size_t begin = 0;             ///< first word of the name
        bool preposition = false;          ///< "de", "du", "des" or "d'" before it
        std::string article;               ///< "le ", "la ", "les ": the article "du", "des", "de la" held
        std::optional<Country> adjective;  ///< "la municipalité libanaise de": the nationality's country
    };
    bool kind_name(std::size_t i, std::size_t n, const KindWord& k, KindName& out);
    bool not_a_party(std::size_t& i, std::size_t n, const KindWord& k, std::size_t j, std::size_t e);
    void kind_mention(std::size_t& i, const KindWord& k, const KindName& at, std::size_t e);
    bool next_list_item(std::size_t& i, const KindWord& k, std::size_t& j, std::size_t& e);
    bool acting_body(std::size_t& i);
    bool acting_body_from(std::size_t& i, std::size_t from);
    /// How a body named at a word acts: not (only named), as the subject, or linked to a partner.
    enum class Acting { no, subject, linked };
    Acting acting_position(std::size_t i, std::size_t end) const;
    bool leads_a_work(std::size_t k) const;
    void demonstrative(std::size_t i, std::size_t end, const KindWord& k);
    bool bare_name(std::size_t& i);
    bool bare_candidate(std::size_t i, bool slash, bool after_foreign) const;
    std::string grouping_kind(std::size_t i, std::size_t e, std::size_t& end) const;
    bool territory_body(std::size_t& i, std::size_t end, const FrenchPlace& place);
    void record_setting(const FrenchPlace& place, std::size_t i, std::size_t end);
    bool of_organisation(std::size_t i) const;
    bool bound_name(std::size_t i, bool after_foreign) const;
    bool locates_the_place_before(std::size_t i) const;
    std::optional<Country> collectivites_located(std::size_t i) const;
    bool foreign_cue(std::size_t i, std::size_t end, bool slash, bool after_foreign) const;
    bool twinned_pair(std::size_t& i);
    bool cross_border_members(std::size_t& i);
    void overseas_party(PartyMention& m, std::size_t i) const;
    void settle_country(PartyMention& m, const Tag& tag) const;

    std::string_view s_;
    const PartyLexicon& lex_;
    std::optional<Country> context_;
    std::vector<Word> ws_;
    std::vector<PartyMention> out_;
    std::vector<bool> pending_;  // bare unknown names waiting for a list's country tag
    bool sentence_abroad_ = false;
    std::vector<PartyMention> settings_;  // French areas named as settings ("en Centre-Val de Loire")
    std::size_t bound_end_ = 0;           // end of the last name bound to an organisation or a venue ("d'Orléans")
    std::size_t subject_body_end_ = 0;    // end of the body opening the sentence as its subject, if one does
};

std::size_t Scanner::country_at(std::size_t i, std::optional<Country>& found) const {
    // a particle starts no country name ("de France" is found from "France")
    if (i >= ws_.size() || particle(ws_[i].f)) return 0;
    // most words start no country name: no key built, no lookup
    const std::string_view first_token = std::string_view(ws_[i].f).substr(0, ws_[i].f.find('-'));
    if (!lex_.starts_country_name(first_token)) return 0;
    const std::size_t longest = std::min<std::size_t>(5, ws_.size() - i);
    // words_key() of the words [i, i + longest): their tokens, hyphens as spaces. The key
    // of the first n words is its prefix ending at ends[n - 1].
    std::string key;
    std::array<std::size_t, 5> ends{};
    for (std::size_t k = 0; k < longest; ++k) {
        if (k > 0) key += ' ';
        const std::size_t from = key.size();
        key += ws_[i + k].f;
        std::replace(key.begin() + static_cast<std::ptrdiff_t>(from), key.end(), '-', ' ');
        ends[k] = key.size();
    }
    for (std::size_t n = longest; n >= 1; --n) {
        if (n > 1 && !std::all_of(ws_.begin() + i + 1, ws_.begin() + i + n, [&](const Word& w) {
                std::size_t k = &w - ws_.data();
                std::string_view g = gap(k);
                return g.size() <= 6 && g.find_first_of(",;:()/.") == std::string_view::npos;
            }))
            continue;
        if (auto c = lex_.country_of_key(std::string_view(key).substr(0, ends[n - 1]))) {
            found = c;
            return n;
        }
    }
    return 0;
}

/// End of a name that starts at word j: capitalised words, with inner particles
/// ("Santiago de Cuba", "Côte d'Azur"). Returns j when there is no name.
std::size_t Scanner::name_end(std::size_t j, bool after_preposition) const {
    if (j >= ws_.size()) return j;
    const Word& first = ws_[j];
    if (text::is_stopword(first.f) && !(first.cap && (first.f == "le" || first.f == "la" || first.f == "les")))
        return j;
    std::size_t kn = 0;
    if (kind_at(ws_, j, kn)) return j;
    bool ok = first.cap ? (lex_.looks_proper(first.f) || lex_.french(first.f) || after_preposition || tagged_abroad(j))
                        : after_preposition &&
                              (lex_.french(first.f) || lex_.country(first.f) || rare(first.f) ||
                               (context_ && context_->code != "FR" && lex_.frequency(first.f) <= kAbroadNameFrequency &&
                                !inflected(first.f) && !lex_.mostly_lower(first.f) && first.f.size() > 3));
    if (!ok || first.mixed || (first.acronym && !after_preposition)) return j;
    std::size_t k = j + 1;
    // "Le favril": the article belongs to the name
    if ((first.f == "le" || first.f == "la" || first.f == "les") && k < ws_.size() && plain_gap(gap(k))) ++k;
    while (k < ws_.size() && k - j < 6) {
        std::string_view g = gap(k);
        const Word& w = ws_[k];
        std::size_t n = 0;
        // "Grand Est": a capitalised "Est" is the cardinal point, not the verb
        bool word = !text::is_stopword(w.f) || w.f == "est";
        if (plain_gap(g) && w.cap && !w.acronym && !w.mixed && word && !kind_at(ws_, k, n)) {
            ++k;
        } else if (plain_gap(g) && particle(w.f) && k + 1 < ws_.size() && plain_gap(gap(k + 1)) && ws_[k + 1].cap &&
                   !ws_[k + 1].acronym) {
            k += 2;
        } else if ((g == " d’" || g == " d'") && w.cap) {
            ++k;
        } else {
            break;
        }
    }
    return k;
}

Scanner::Tag Scanner::tag_after(std::size_t k) const {
    Tag t;
    t.end = k;
    if (k >= ws_.size()) return t;
    std::string_view g = gap(k);
    std::size_t i = k;
    if (g.find('(') != std::string_view::npos) {
        if (ws_[i].f == "au" || ws_[i].f == "en" || ws_[i].f == "aux") ++i;
        if (i >= ws_.size()) return t;
        std::optional<Country> c;
        if (std::size_t n = country_at(i, c)) {
            t.country = c;
            t.french = c->code == "FR";
            t.end = i + n;
        } else if (ws_[i].f.size() <= 3 && std::isdigit(static_cast<unsigned char>(ws_[i].f[0]))) {
            t.french = true;  // "Épinal (88)": a département number
            t.end = i + 1;
        }
        return t;
    }
    if (!(plain_gap(g) || g == ", ")) return t;
    const std::string& w = ws_[i].f;
    if (w == "au" || w == "en" || w == "aux") {
        std::optional<Country> c;
        if (std::size_t n = country_at(i + 1, c)) {
            t.country = c;
            t.french = c->code == "FR";
            t.end = i + 1 + n;
        } else if (w == "en" && i + 1 < ws_.size() && ws_[i + 1].cap) {
            std::size_t e = name_end(i + 1, true);
            auto* p = e > i + 1 ? lex_.french(raw(i + 1, e)) : nullptr;
            if (p && p->kind != "commune") {  // "Chatte en Isère"
                t.french = true;
                t.end = e;
            }
        }
    } else if (w == "dans" && i + 1 < ws_.size()) {
        std::size_t j = i + 1;
        if (particle(ws_[j].f)) ++j;
        std::size_t e = name_end(j, true);
        auto* p = e > j ? lex_.french(raw(j, e)) : nullptr;
        if (p && (p->kind == "département" || p->kind == "région")) {  // "Lescar dans les Pyrénées-Atlantiques"
            t.french = true;
            t.end = e;
        }
    }
    return t;
}

void Scanner::settle_country(PartyMention& m, const Tag& tag) const {
    if (tag.country) {
        m.country = tag.country;
        m.tagged = true;
        m.french = tag.country->code == "FR" ? 1 : 0;
    } else if (tag.french) {
        m.french = 1;
        m.tagged = true;
    }
    if (m.french == 1 && !m.country) m.country = lex_.country("France");
}

/// "la renaissance en Centre-Val de Loire a conduit à un protocole d'accord entre cette région
/// française et la région toscane": "cette région" (a demonstrative and a bare kind word, words
/// [i, end)) is the French party of that kind the sentence named last, as a party or a setting.
void Scanner::demonstrative(std::size_t i, std::size_t end, const KindWord& k) {
    if (i == 0 || !(ws_[i - 1].f == "cette" || ws_[i - 1].f == "ce" || ws_[i - 1].f == "cet") || k.plural) return;
    const PartyMention* named = nullptr;
    for (const auto* list : {&out_, &settings_})
        for (const auto& m : *list)
            if (m.french == 1 && m.kind == k.kind && (!named || m.begin >= named->begin)) named = &m;
    if (!named) return;
    PartyMention m = *named;
    m.raw = raw(i - 1, end);
    m.begin = ws_[i - 1].b;
    m.end = ws_[end - 1].e;
    m.tagged = false;
    m.acts_in.reset();
    emit(std::move(m));
    pending_.push_back(false);
}

bool Scanner::kind_phrase(std::size_t& i) {
    std::size_t n = 0;
    const KindWord* k = kind_at(ws_, i, n);
    if (!k) return false;
    // "la ville de Lyon et celle de mossoul": "celle" stands for the kind just named
    if ((ws_[i].f == "celle" || ws_[i].f == "celles") && (out_.empty() || out_.back().kind != "commune")) return false;
    KindName name;
    if (!kind_name(i, n, *k, name)) {
        i += n;
        return true;
    }
    std::size_t e = name_end(name.begin, name.preposition);
    if (not_a_party(i, n, *k, name.begin, e)) return true;
    while (true) {
        kind_mention(i, *k, name, e);
        if (!next_list_item(i, *k, name.begin, e)) break;
        name.article.clear();
    }
    return true;
}

/// The name after the kind word(s) at [i, i + n): past an acronym in parentheses, a status
/// adjective and a nationality adjective, after "de" (with its article) or, without one, when
/// it is capitalised or a name small caps lowered. False when no name follows (a "cette
/// région" then stands for the last one named: demonstrative()).
bool Scanner::kind_name(std::size_t i, std::size_t n, const KindWord& k, KindName& out) {
    std::size_t j = i + n;
    // "le parc naturel régional (PnR) du Massif des Bauges": the acronym in parentheses
    if (j + 1 < ws_.size() && gap(j).find('(') != std::string_view::npos && (ws_[j].acronym || ws_[j].mixed) &&
        gap(j + 1).find(')') != std::string_view::npos)
        ++j;
    // "la province autonome de Voïvodine", "les villes métropolitaines de ...": a status, not the name
    if (j + 1 < ws_.size() && plain_gap(gap(j)) && status_adjective(ws_[j].f)) ++j;
    std::optional<Country> adjective;
    if (j < ws_.size() && plain_gap(gap(j))) {
        if ((adjective = lex_.country_of_adjective(ws_[j].f))) ++j;
    }
    // "le conseil départemental des jeunes de l'Aude": the youth council of the collectivité named after it
    if (std::string_view(k.words[0]) == "conseil" && j + 2 < ws_.size() && ws_[j].f == "des" &&
        ws_[j + 1].f == "jeunes" && plain_gap(gap(j + 1)))
        j += 2;
    bool preposition = false;
    std::string article;
    if (j < ws_.size() && (ws_[j].f == "de" || ws_[j].f == "du" || ws_[j].f == "des")) {
        if (ws_[j].f == "du") article = "le ";
        if (ws_[j].f == "des") article = "les ";
        preposition = true;
        ++j;
        // "de la Gironde": the article is not part of the name
        if (j + 1 < ws_.size() && ws_[j].f == "la" && !ws_[j].cap && plain_gap(gap(j + 1))) {
            article = "la ";
            ++j;
        }
    } else if (j < ws_.size()) {
        std::string_view g = gap(j);
        preposition = g.find("d’") != std::string_view::npos || g.find("d'") != std::string_view::npos;
        // "Région Bretagne": a capitalised name right after the kind word; "région fès-Meknès":
        // small caps lost the first capital of a hyphenated name
        bool lost_capital = plain_gap(g) && !ws_[j].cap && ws_[j].inner_cap;
        // "la région occitanie": a known French name of that kind in small caps
        if (!lost_capital && plain_gap(g) && !ws_[j].cap && k.french != 0 && std::string(k.kind) != "commune") {
            std::size_t e2 = name_end(j, true);
            lost_capital = e2 > j && lex_.french(raw(j, e2), k.kind) != nullptr;
        }
        // "la région toscane" in a sentence about another country: a rare lower-case word that is
        // no adjective is the name small caps lowered ("la région parisienne" stays a description)
        std::string_view kind = k.kind;
        if (!lost_capital && plain_gap(g) && !ws_[j].cap && k.french != 1 && !k.plural && abroad() &&
            (kind == "région" || kind == "province") && lowered_foreign_name(ws_[j].f))
            lost_capital = true;
        if (!preposition && (!plain_gap(g) || !(ws_[j].cap || lost_capital))) {
            demonstrative(i, j, k);
            return false;
        }
        if (lost_capital) preposition = true;  // accept the lower-case first letter as after "de"
    }
    out.begin = j;
    out.preposition = preposition;
    out.article = article;
    out.adjective = adjective;
    return true;
}

/// The kind phrase names no party: nothing usable after the kind word, a whole (France's
/// régions) or a foreign country as a whole. Moves i past what it read and returns true then.
bool Scanner::not_a_party(std::size_t& i, std::size_t n, const KindWord& k, std::size_t j, std::size_t e) {
    // "les cinq provinces de la côte": a plural foreign kind names capitalised places only
    if (e == j || (k.plural && k.french == 0 && std::string(k.kind) == "province" && !ws_[j].cap)) {
        i += n;
        return true;
    }
    // "Régions de France", "les départements de France": an association or a whole, not a party
    if (std::optional<Country> whole;
        country_at(j, whole) == e - j && whole && whole->code == "FR" && !lex_.overseas(raw(j, e))) {
        i = e;
        return true;
    }
    // "dans plusieurs régions du Cameroun", "les États du mexique": the country is what is named
    // (not "la ville de Djibouti", a capital of the country's name)
    if (std::optional<Country> whole; !(std::string_view(k.kind) == "commune" && !k.plural) &&
                                      country_at(j, whole) == e - j && whole && whole->code != "FR") {
        i = j;
        return true;
    }
    return false;
}

/// The party the kind phrase names with the name at [at.begin, e): French or foreign, its
/// place and country; emitted unless it is a group or an organisation's région. Moves i past it
/// and its country tag.
void Scanner::kind_mention(std::size_t& i, const KindWord& k, const KindName& at, std::size_t e) {
    std::size_t j = at.begin;
    const std::string& article = at.article;
    const std::optional<Country>& adjective = at.adjective;
    std::string name = raw(j, e);
    PartyMention m;
    m.raw = std::string(s_.substr(ws_[i].b, ws_[e - 1].e - ws_[i].b));
    m.begin = ws_[i].b;
    m.end = ws_[e - 1].e;
    m.kind = k.kind;
    m.french = k.french;
    std::string lookup_kind =
        m.kind == "commune" || m.kind == "établissement" || m.kind == "métropole" ? "commune" : m.kind;
    const FrenchPlace* fp = nullptr;
    if (k.french != 0) {
        fp = lex_.french(article + name, lookup_kind);
        if (!fp) fp = lex_.french(name, lookup_kind);
        if (!fp && m.kind == "intercommunalité") fp = lex_.french(name, "commune");
    }
    // "Le conseil régional de Bretagne et la région Centre collaborent au Burkina-Faso": a région
    // named by part of a French région's name, in a sentence about another country, is that
    // country's ("Centre" is not "Centre-Val de Loire" there)
    if (fp && k.french == -1 && fp->kind == "région" && sentence_abroad_ && part_of_name(name, *fp)) fp = nullptr;
    Tag tag = tag_after(e);
    bool skip = false;
    if (m.kind == "commune" && !fp) {
        // "les communes des Hauts-de-France": a group, not a party
        auto* area = lex_.french(name);
        skip = area && (area->kind == "région" || area->kind == "département");
    }
    if (adjective) {
        m.country = adjective;
        m.french = adjective->code == "FR" ? 1 : 0;
    }
    bool abroad = this->abroad();
    bool unknown_grouping = m.kind == "intercommunalité" && !fp && abroad;
    if (unknown_grouping) {
        // "la communauté de communes de Bam ... au Burkina Faso": an unknown grouping abroad
        m.french = -1;
        settle_country(m, tag);
    } else if (k.french == 1 && !fp && tag.country && tag.country->code != "FR") {
        // "le conseil régional de nouakchott en mauritanie": a French kind word lent to a place the
        // French lists do not know, in the country the tag names
        settle_country(m, tag);
    } else if (k.french == 1 || (fp && fp->kind != "commune") ||
               (fp && fp->population >= kKnownTownPopulation && tag.country && tag.country->code != "FR")) {
        // a French kind word, a French area name or a French town of some size ("la ville
        // de Chambéry au Burkina Faso"): "au Pérou" is where it acts
        m.french = 1;
        if (tag.country && tag.country->code != "FR") m.acts_in = tag.country;
    } else {
        settle_country(m, tag);
    }
    if (m.french == -1) {
        // "la ville de Montréal": a French homonym of under kVillePopulation inhabitants is no "ville"
        long least = abroad ? kAbroadHomonymPopulation : (ws_[i].f == "ville" ? kVillePopulation : kHamletPopulation);
        bool big_enough = fp && (fp->kind != "commune" || tag.french || fp->population >= least);
        m.french = (big_enough && !(tag.country && tag.country->code != "FR")) ? 1 : 0;
    }
    if (m.french == 1 && fp)
        m.place = fp->name;
    else
        m.place = repair_place_name(text::collapse_whitespace(name));
    if (m.french == 1) m.country = lex_.country("France");
    if (m.french == 0 && !m.country) m.country = context_;
    m.name = m.place;
    // "Lianes Coopération, réseau régional multiacteurs de la région Hauts-de-France", "l'Agence de
    // coopération internationale de la région nouvelle-Aquitaine": the région an organisation
    // belongs to, not a party
    if (!skip) skip = of_organisation(i) || locates_the_place_before(i);
    if (!skip) {
        emit(std::move(m));
        pending_.push_back(false);
    }
    i = std::max(tag.end, e);
}

/// A plural kind word lists more names: "les communes de A et B", "les villes de A, B et C".
/// Moves j and e to the next name (i past the separator) and returns true, else false.
bool Scanner::next_list_item(std::size_t& i, const KindWord& k, std::size_t& j, std::size_t& e) {
    if (!k.plural || i >= ws_.size()) return false;
    std::string_view g = gap(i);
    // "les municipalités de Berat (dont le cœur de ville ...) et d'elbasan": a remark between items
    if (g.find('(') != std::string_view::npos && g.find(')') == std::string_view::npos) {
        std::size_t close = i + 1;
        while (close < ws_.size() && close - i < 16 && gap(close).find(')') == std::string_view::npos) ++close;
        if (close < ws_.size() && ws_[close].f == "et" && text::collapse_whitespace(gap(close)) == ")") {
            i = close;
            g = " ";
        }
    }
    std::size_t next = i;
    if (ws_[i].f == "et" && plain_gap(g)) {
        ++next;
    } else if (g != ", ") {
        return false;
    }
    // "et de Bakou", "et d'Elbasan", "conseils départementaux de l'Aude, de Seine-maritime et des Yvelines"
    if (next < ws_.size() && (ws_[next].f == "de" || ws_[next].f == "du" || ws_[next].f == "des")) ++next;
    // "de la Catalogne et des îles Baléares": the islands are the place
    if (next + 1 < ws_.size() && (ws_[next].f == "iles" || ws_[next].f == "ile") && ws_[next + 1].cap) ++next;
    if (next >= ws_.size()) return false;
    std::optional<Country> c;
    if (country_at(next, c)) return false;
    // "les régions de tarija et la nouvelle-Aquitaine": an article before a known name
    if ((ws_[next].f == "la" || ws_[next].f == "le") && next + 1 < ws_.size() && plain_gap(gap(next + 1)) &&
        lex_.french(ws_[next + 1].f, k.kind))
        ++next;
    // "celui des villes de Cognac et de tovuz": a rare lower-case word is a name small caps lowered
    if (!ws_[next].cap && !lex_.french(ws_[next].f) && (k.french == 1 || !lowered_foreign_name(ws_[next].f)))
        return false;
    std::size_t e2 = name_end(next, true);
    if (e2 == next) return false;
    j = next;
    e = e2;
    return true;
}

namespace {

/// Head nouns of organisations: a capitalised word after "avec" that is one
/// of these names an institution, not a locality.
bool organisation_word(const std::string& f) {
    static const std::array<std::string_view, 34> kWords = {
        "institut",   "agence",    "association",  "universite", "centre",     "fondation", "reseau",
        "federation", "ministere", "office",       "union",      "comite",     "conseil",   "chambre",
        "groupe",     "maison",    "ecole",        "musee",      "programme",  "projet",    "fonds",
        "banque",     "societe",   "etat",         "ambassade",  "cites",      "mission",   "organisation",
        "plateforme", "club",      "gouvernement", "consortium", "commission", "congres"};
    return std::find(kWords.begin(), kWords.end(), f) != kWords.end();
}

/// Lower case of ASCII and Latin-1 letters, to compare a name with its official spelling.
std::string lower_latin(std::string_view s) {
    std::string out(s);
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto c = static_cast<unsigned char>(out[i]);
        if (c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c + 32);
        if (c == 0xC3 && i + 1 < out.size()) {
            auto d = static_cast<unsigned char>(out[i + 1]);
            if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
        }
        if (c == '-' || c == '\'') out[i] = ' ';
    }
    return text::collapse_whitespace(out);
}

}  // namespace

/// May word i open a bare name? Capitalised: a word the guide writes as a name, or a known commune
/// of some size ("toulouse" is commoner in small caps than "Toulouse"). In lower case: a large
/// commune not after a determiner, or a rare word after a cue (a slash, a foreign locality in a
/// list, "avec", "entre ... et"), or a listed word the next words place abroad ("douala au Cameroun").
bool Scanner::bare_candidate(std::size_t i, bool slash, bool after_foreign) const {
    const Word& w = ws_[i];
    std::string_view before = gap(i);
    bool after_avec = i > 0 && ws_[i - 1].f == "avec" && plain_gap(before);
    auto* p = lex_.french(w.f);
    if (w.cap)
        return lex_.looks_proper(w.f) || slash ||
               (p && p->kind == "commune" && p->population >= kCapitalisedCommunePopulation &&
                !lex_.mostly_lower(w.f)) ||
               tagged_abroad(i);
    // a determiner before it makes it a common noun: "en ce sens", "les deux sens"
    static const std::array<std::string_view, 22> kDeterminers = {
        "ce",  "cet", "cette", "ces",  "le",    "la",   "les",   "un",    "une", "des",   "du",
        "son", "sa",  "ses",   "leur", "leurs", "deux", "trois", "notre", "nos", "votre", "quel"};
    bool determined = i > 0 && std::find(kDeterminers.begin(), kDeterminers.end(), ws_[i - 1].f) != kDeterminers.end();
    if (p && p->kind == "commune" && p->population >= kLowerCaseCommunePopulation && !determined &&
        (lex_.seen_capitalised(w.f) || lex_.frequency(w.f) <= kLowerCaseCommuneFrequency))
        return true;
    if ((slash || after_foreign || after_avec || (i > 0 && ws_[i - 1].f == "et" && entre_before(i))) &&
        lex_.frequency(w.f) <= kNameAfterCueFrequency && !inflected(w.f))
        return true;
    // "nantes/tbilissi/Sarrebruck": right after a French town and a slash, a name the guide
    // repeats in small caps (a twin town it speaks of again) is a name still
    if (before == "/" && !out_.empty() && out_.back().french == 1 && out_.back().kind == "commune" &&
        out_.back().end == w.b - 1 && lex_.frequency(w.f) <= kTwinTownFrequency && !inflected(w.f) &&
        !text::is_stopword(w.f))
        return true;
    // in a list of parties: "Bordeaux métropole, Hyderabad et douala au Cameroun"
    bool listed = false;
    if (!out_.empty() && !out_.back().context_only && out_.back().kind != "pays") {
        std::string_view between = s_.substr(out_.back().end, w.b - out_.back().end);
        listed = between == ", " || between == " et " || between == ", et ";
    }
    // "à majunga (madagascar)": a parenthesised country right after
    if (i > 0 && ws_[i - 1].f == "a" && i + 1 < ws_.size() && gap(i + 1).find('(') != std::string_view::npos)
        listed = true;
    // (a word the guide also writes capitalised may be frequent: "douala", lowered by the small caps)
    if (listed && (lex_.frequency(w.f) <= kNameAfterCueFrequency || lex_.seen_capitalised(w.f)) && !inflected(w.f)) {
        // "douala au Cameroun": a lower-case name the next words place abroad
        Tag t = tag_after(i + 1);
        return t.country && t.country->code != "FR";
    }
    return false;
}

/// "Grand Angoulême", "Lannion-Trégor Communauté", "Bordeaux métropole", "Cergy-Pontoise": the kind of a French
/// grouping that the name [i, e) carries, "" when none; `end` moves past a kind word that follows the name.
std::string Scanner::grouping_kind(std::size_t i, std::size_t e, std::size_t& end) const {
    std::string kind;
    end = e;
    if (e < ws_.size() && plain_gap(gap(e))) {
        if (ws_[e].f == "metropole") kind = "métropole";
        if (ws_[e].cap && (ws_[e].f == "communaute" || ws_[e].f == "agglo" || ws_[e].f == "agglomeration"))
            kind = "intercommunalité";
        if (!kind.empty()) end = e + 1;
    }
    // "Lannion-Trégor Communauté": the kind word ended up inside the capitalised name
    if (kind.empty() && e > i + 1 &&
        (ws_[e - 1].f == "communaute" || ws_[e - 1].f == "agglomeration" || ws_[e - 1].f == "agglo"))
        kind = "intercommunalité";
    // "Grand Lyon", "Grand Belfort": French when the rest names a French commune ("Grand Bassam" is not)
    if (ws_[i].f == "grand" && e > i + 1) {
        auto* core = lex_.french(raw(i + 1, e));
        if ((core && core->kind == "commune") || lex_.french(raw(i, e), "intercommunalité")) kind = "intercommunalité";
    }
    // "Cergy-Pontoise": a hyphenated name of capitalised parts that is a grouping's whole name (its
    // kind words aside) and names no commune, département or région (those rank first)
    if (kind.empty() && e == i + 1 && ws_[i].cap && ws_[i].inner_cap && ws_[i].f.find('-') != std::string::npos) {
        const FrenchPlace* fp = lex_.french(raw(i, e));
        if (fp && fp->kind == "intercommunalité") kind = "intercommunalité";
    }
    return kind;
}

/// "la coopération entre Savoie déchets et les communes moldaves": after "entre", a territory's name
/// (words [i, end)) and a common noun before "et" name a body of that territory (a syndicat): emitted
/// as a French party; false when the words are not so.
bool Scanner::territory_body(std::size_t& i, std::size_t end, const FrenchPlace& place) {
    if (i == 0 || ws_[i - 1].f != "entre" || place.kind == "commune" || end + 1 >= ws_.size() || !plain_gap(gap(end)) ||
        ws_[end].cap || text::is_stopword(ws_[end].f) || ws_[end + 1].f != "et" || !plain_gap(gap(end + 1)))
        return false;
    PartyMention m;
    m.raw = raw(i, end + 1);
    m.begin = ws_[i].b;
    m.end = ws_[end].e;
    m.kind = "établissement";
    m.place = m.name = repair_place_name(m.raw.substr(0, m.raw.find(' '))) + m.raw.substr(m.raw.find(' '));
    m.french = 1;
    m.country = lex_.country("France");
    emit(std::move(m));
    pending_.push_back(false);
    i = end + 1;
    return true;
}

/// True when the words before word i are an organisation's name and "de la" / "du": "réseau régional
/// multiacteurs de la (région ...)", "Agence de coopération internationale de la (région ...)".
bool Scanner::of_organisation(std::size_t i) const {
    std::size_t k = i;
    if (k > 0 && (ws_[k - 1].f == "la" || ws_[k - 1].f == "le" || ws_[k - 1].f == "l")) --k;
    if (k == 0 || !(ws_[k - 1].f == "de" || ws_[k - 1].f == "du" || ws_[k - 1].f == "des")) return false;
    for (std::size_t back = k - 1; back > 0 && k - back <= 5; --back) {
        if (gap(back).find_first_of(",;:()") != std::string_view::npos) return false;
        if (national_organisation_word(ws_[back - 1].f)) return true;
    }
    return false;
}

/// A French area named as a setting at words [i, end) ("en Centre-Val de Loire"), which a
/// demonstrative may name again ("cette région française").
void Scanner::record_setting(const FrenchPlace& place, std::size_t i, std::size_t end) {
    PartyMention setting;
    setting.raw = raw(i, end);
    setting.kind = place.kind;
    setting.place = setting.name = place.name;
    setting.begin = ws_[i].b;
    setting.end = ws_[end - 1].e;
    setting.french = 1;
    setting.country = lex_.country("France");
    settings_.push_back(std::move(setting));
}

/// "aux collectivités locales albanaises, d'abord à Tirana et Durrës", "les collectivités camerounaises :
/// à Yaoundé": the name after "à" (word i) says which collectivités of that nationality, a party of the
/// adjective's country, not a setting. Returns that country, or nullopt.
std::optional<Country> Scanner::collectivites_located(std::size_t i) const {
    if (i == 0 || ws_[i - 1].f != "a" || !plain_gap(gap(i))) return std::nullopt;
    std::size_t at = ws_[i - 1].b;
    std::size_t from = at > 90 ? at - 90 : 0;
    while (from < at && (static_cast<unsigned char>(s_[from]) & 0xC0) == 0x80) ++from;
    static const std::regex kLocated(
        R"((?:collectivites|communes|villes|municipalites)(?: locales| territoriales)? ([a-z]+)\s*[,:]\s*(?:d'abord |notamment |en particulier |par exemple )?$)");
    std::smatch m;
    std::string before = text::fold(s_.substr(from, at - from));
    if (!std::regex_search(before, m, kLocated)) return std::nullopt;
    auto c = lex_.country_of_adjective(m[1].str());
    if (!c || c->code == "FR") return std::nullopt;
    return c;
}

/// "certaines municipalités de la région du lac Poopó (région d'oruro)", "Xalapa (État de Veracruz)": a kind
/// phrase at word i opening a parenthesis right after a foreign party says where that party is, no party
/// of its own.
bool Scanner::locates_the_place_before(std::size_t i) const {
    if (i == 0 || out_.empty() || text::collapse_whitespace(gap(i)) != "(") return false;
    const PartyMention& last = out_.back();
    return last.french == 0 && last.kind != "pays" && !last.context_only && last.end == ws_[i - 1].e;
}

/// A name at word i bound to an organisation or a venue ("Hospices civils de Lyon", "ambassade ...
/// à Brasilia"), or listed after such a name ("rencontres d'orléans et tours organisées ..."), unless
/// it goes on a list of foreign localities.
bool Scanner::bound_name(std::size_t i, bool after_foreign) const {
    if (collectivites_located(i)) return false;
    std::string_view before = gap(i);
    std::string prev = i > 0 ? ws_[i - 1].f : "";
    std::string prev2 = i > 1 ? ws_[i - 2].f : "";
    bool of = prev == "de" || prev == "du" || prev == "des" || prev == "a" ||
              ((prev == "la" || prev == "le" || prev == "les") && (prev2 == "de" || prev2 == "a")) ||
              before.find("d’") != std::string_view::npos || before.find("d'") != std::string_view::npos;
    if (of) return true;
    if (bound_end_ == 0 || bound_end_ > i || after_foreign) return false;
    std::string_view between = s_.substr(ws_[bound_end_ - 1].e, ws_[i].b - ws_[bound_end_ - 1].e);
    return between == " et " || between == ", " || between == " et de " || between == " et d’" || between == " et d'";
}

/// Does the text around an unknown name [i, end) place it abroad as a partner? A cue just before
/// ("avec Bilbao", "ville jumelle australienne, Robinvale", "nantes/tbilissi", "entre Paris et
/// Accra"), just after ("N'Djamena (anciennement jumelée avec ...)", "Kaolack, ville partenaire"), a
/// counted list ("avec trois territoires, Alger, tipaza et oran"), a list of foreign localities, the
/// subject of a sentence about twinning in a foreign country's section, or the seat of a partner
/// organisation ("OPTECH (Montréal) ont mis en place un partenariat").
bool Scanner::foreign_cue(std::size_t i, std::size_t end, bool slash, bool after_foreign) const {
    const Word& w = ws_[i];
    std::string_view before = gap(i);
    std::string prev = i > 0 ? ws_[i - 1].f : "";
    // "en partenariat avec Aerospace Valley" introduces an organisation, not a locality
    bool organisation_cue = prev == "avec" && i >= 3 && ws_[i - 2].f == "partenariat" && ws_[i - 3].f == "en";
    if (slash || (prev == "avec" && plain_gap(before) && !organisation_cue)) return true;
    for (std::size_t back = i; back > 0 && i - back < 4; --back) {
        const std::string& f = ws_[back - 1].f;
        if (starts_with(f, "jumel") || starts_with(f, "partenaire") || starts_with(f, "homologue") || f == "capitale")
            return true;
    }
    // "entre Paris et Accra", "(par exemple : Angers et Bamako, ...)": an unknown name joined to a
    // French party by "et"; "un volet maritime entre la Corse et la Sardaigne": with an article
    if (!out_.empty() && out_.back().french == 1 && out_.back().kind != "pays") {
        std::string_view between = s_.substr(out_.back().end, w.b - out_.back().end);
        bool article = between == " et la " || between == " et le " || between == " et les " || between == " et l’" ||
                       between == " et l'";
        if ((between == " et " && (w.cap || entre_before(i))) || (article && w.cap && entre_before(i))) return true;
    }
    // "celui entre Sheki et Colmar": an unknown name joined by "entre ... et" to a French town that follows
    if (prev == "entre" && w.cap && end + 1 < ws_.size() && ws_[end].f == "et" && plain_gap(gap(end)) &&
        plain_gap(gap(end + 1))) {
        std::size_t other_end = name_end(end + 1, false);
        auto* other = other_end > end + 1 ? lex_.french(raw(end + 1, other_end)) : nullptr;
        if (other && (other->kind != "commune" || other->population >= kKnownTownPopulation)) return true;
    }
    // "X est jumelée avec", "Sfax est accompagnée par Grenoble"
    for (std::size_t k = end; k < ws_.size() && k < end + 4; ++k)
        if (starts_with(ws_[k].f, "jumel") || ((i == 0 || before == ", ") && starts_with(ws_[k].f, "accompagne")))
            return true;
    if (after_foreign) return true;
    // "le Hebei, province partenaire du conseil régional ...", "Kaolack, ville partenaire de ..."
    if (end + 1 < ws_.size() && gap(end) == ", ") {
        std::size_t kn = 0;
        if (starts_with(ws_[end].f, "partenaire") ||
            (kind_at(ws_, end, kn) && kn == 1 && starts_with(ws_[end + 1].f, "partenaire")))
            return true;
    }
    // "avec trois territoires, Alger, tipaza et oran": a counted list of partners
    if (i >= 3 && (before == ", " || before == " : ")) {
        static const std::array<std::string_view, 9> kGroups = {"territoires",   "villes",        "communes",
                                                                "collectivites", "partenaires",   "regions",
                                                                "provinces",     "municipalites", "departements"};
        const std::string& count = ws_[i - 2].f;
        bool counted = count == "deux" || count == "trois" || count == "quatre" || count == "cinq" || count == "six" ||
                       count == "plusieurs" || std::isdigit(static_cast<unsigned char>(count[0]));
        if (ws_[i - 3].f == "avec" && counted &&
            std::find(kGroups.begin(), kGroups.end(), ws_[i - 1].f) != kGroups.end())
            return true;
    }
    std::string f = text::fold(s_);
    // the subject of a sentence about twinning, in a foreign country's section:
    // "Barcelone est quant à elle jumelée avec toulouse"
    if (i == 0 && w.cap && context_ && context_->code != "FR" &&
        (f.find("jumel") != std::string::npos || f.find("cooper") != std::string::npos ||
         f.find("partenari") != std::string::npos))
        return true;
    // "OPTECH (Montréal) ont mis en place un partenariat": the seat of a partner organisation
    return seat_of_organisation(i) &&
           (f.find("partenari") != std::string::npos || f.find("cooper") != std::string::npos);
}

/// A name without a kind word: "Grand Angoulême", "Bilbao" after "avec", "marseille", "Annaba,
/// tlemcen et Sétif". French by the Etalab lists (a département or a région after "en" / "dans" is a
/// setting), foreign by a cue (foreign_cue), else waiting for a list's country tag.
bool Scanner::bare_name(std::size_t& i) {
    const Word& w = ws_[i];
    if (w.acronym || w.mixed || w.f.size() <= 2 || text::is_stopword(w.f)) return false;
    if (organisation_word(w.f)) {
        // "Cités Unies Liban", "l'Institut de Recherche Technologique Saint-Exupéry": skip the whole name
        std::size_t k = i + 1;
        while (k < ws_.size() && (ws_[k].cap || particle(ws_[k].f)) &&
               gap(k).find_first_of(",;:().") == std::string_view::npos)
            ++k;
        i = k;
        return true;
    }
    std::string_view before = gap(i);
    bool slash = before.find('/') != std::string_view::npos || (i + 1 < ws_.size() && gap(i + 1) == "/");
    // right after a foreign locality in a list ("Annaba, tlemcen et Sétif")
    bool after_foreign = false;
    if (!out_.empty() && out_.back().french == 0 && out_.back().kind != "pays" && !out_.back().context_only) {
        std::string_view between = s_.substr(out_.back().end, w.b - out_.back().end);
        after_foreign = list_joint(between) || list_joint(after_locative(between));
    }
    if (!bare_candidate(i, slash, after_foreign)) return false;
    std::size_t e = name_end(i, !w.cap);
    if (e == i) return false;
    // "le rrmA Bourgogne-Franche-Comté international": a regional network named after its région
    if (i > 0 && ws_[i - 1].f == "rrma") {
        i = e;
        return true;
    }
    std::string name = raw(i, e);
    for (std::size_t k = i; k < e; ++k)
        if (organisation_word(ws_[k].f) || ws_[k].f == "cooperation") {  // "Lianes Coopération"
            i = e;
            return true;
        }
    std::string prev = i > 0 ? ws_[i - 1].f : "";
    std::string prev2 = i > 1 ? ws_[i - 2].f : "";
    std::size_t end = e;
    std::string kind = grouping_kind(i, e, end);
    Tag tag = tag_after(end);
    PartyMention m;
    for (std::size_t k = i + 1; k < e && !m.country; ++k) {
        std::optional<Country> c;
        if (country_at(k, c) == e - k) m.country = c;
    }
    m.raw = std::string(s_.substr(w.b, ws_[end - 1].e - w.b));
    m.begin = w.b;
    m.end = ws_[end - 1].e;
    m.kind = kind.empty() ? "commune" : kind;
    m.place = repair_place_name(text::collapse_whitespace(name));
    if (!kind.empty()) {
        m.french = 1;
        auto* fp = lex_.french(m.raw, "intercommunalité");
        if (m.kind == "métropole")
            m.place = repair_place_name(name);
        else if (fp)
            m.place = fp->name;
        else
            m.place = repair_place_name(m.raw);
    } else if (auto* fp = lex_.french(name) ? lex_.french(name) : lex_.french(name, "région");
               fp && fp->kind != "intercommunalité" && starts_with(lower_latin(name), lower_latin(fp->name))) {
        if (territory_body(i, end, *fp)) return true;
        if (fp->kind == "département" ||
            (fp->kind == "région" && (before.find('(') != std::string_view::npos || prev == "dans" || prev == "en" ||
                                      ((prev == "le" || prev == "la" || prev == "les") && prev2 == "dans")))) {
            // "(Charente-maritime)", "située dans les Pyrénées-orientales", "basées dans le Centre-Val de
            // Loire": where, not who
            record_setting(*fp, i, end);
            i = std::max(end, tag.end);
            return true;
        }
        bool small =
            fp->kind == "commune" && fp->population < (w.cap ? kHamletPopulation : kLowerCaseCommunePopulation);
        bool abroad = (context_ && context_->code != "FR") || sentence_abroad_ || seat_of_organisation(i);
        if (!small && !(abroad && fp->kind == "commune" && fp->population < kAbroadHomonymPopulation && !tag.french)) {
            m.french = 1;
            m.kind = fp->kind;
            m.place = fp->name;
        }
    }
    settle_country(m, tag);
    // "À nantes, la volontaire contribue à ... développer avec Sarrebruck des projets": the French
    // town opening the sentence is where the sentence's action is, its French side
    bool opening_town = i == 1 && ws_[0].f == "a" && m.french == 1 && m.kind == "commune" && gap(end) == ", ";
    if (bound_name(i, after_foreign) && kind.empty() && !m.tagged && !slash && !opening_town) {
        i = end;
        bound_end_ = end;
        return true;
    }
    bool pending = false;
    if (auto located = m.french == -1 ? collectivites_located(i) : std::nullopt) {
        m.french = 0;
        if (!m.country) m.country = located;
    }
    if (m.french == -1) {
        // a small French homonym abroad waits for the list's tag ("Faux-la-Montagne et Saint-Camille, au Québec")
        bool homonym = lex_.french(name) != nullptr && !m.tagged && !seat_of_organisation(i);
        if (foreign_cue(i, end, slash, after_foreign) && !homonym)
            m.french = 0;
        else
            pending = true;  // a later "(Pays)" may still tag this list
        if (!m.country) m.country = context_;
    }
    m.name = m.place;
    emit(std::move(m));
    pending_.push_back(pending);
    i = std::max(end, tag.end);
    return true;
}

/// "mène", "conduit", "accompagne", "se" (propose): a verb whose subject acts.
bool action_verb(const std::string& f) {
    for (std::string_view v : {"mene", "met", "conduit", "accompagne", "soutient", "developpe", "travaille",
                               "intervient", "coopere", "entretient", "apporte", "porte", "pilote", "lance", "se", "s"})
        if (f == v) return true;
    return false;
}

/// "Sites et Cités remarquables lance un programme", "l'AIMF mène un projet": the verb right after a
/// body's name (at word `k`) launches or leads a programme or a project, a cooperation of the body's own.
/// Adverbs and a complement of place or partner may come between the verb and its object ("L'AIMF mène
/// également au Cameroun un programme d'électrification", "a conduit avec plusieurs municipalités un projet").
bool Scanner::leads_a_work(std::size_t k) const {
    if (k >= ws_.size() || !plain_gap(gap(k))) return false;
    const std::string& verb = ws_[k].f;
    if (verb != "lance" && verb != "mene" && verb != "conduit" && verb != "pilote") return false;
    static const std::set<std::string_view> kAdverbs = {"egalement", "aussi", "deja", "notamment", "actuellement"};
    static const std::set<std::string_view> kComplements = {"au", "aux", "en", "avec"};
    std::size_t j = k + 1;
    while (j < ws_.size() && kAdverbs.count(ws_[j].f)) ++j;
    if (j < ws_.size() && kComplements.count(ws_[j].f)) {  // a complement of three words at most
        std::size_t last = std::min(ws_.size(), j + 4);
        for (++j; j < last && ws_[j].f != "un" && ws_[j].f != "le" && ws_[j].f != "une"; ++j) {
        }
    }
    for (std::size_t w = k + 1; w <= j && w < ws_.size(); ++w)
        if (!plain_gap(gap(w))) return false;
    if (j + 1 >= ws_.size()) return false;
    const std::string& article = ws_[j].f;
    if (article != "un" && article != "le" && article != "une") return false;
    return ws_[j + 1].f == "programme" || ws_[j + 1].f == "projet";
}

/// Where a body named at words [i, end) acts: as the subject, opening the sentence ("L'association terres en
/// villes se propose d'accompagner ...", "Par ailleurs, le SICALA ..."); linked to a partner, after
/// "avec", "entre", "tels que" or as the agent of a mission ("un partenariat en cours (projet eau et
/// assainissement avec le Sedif)", "mandaté par le SICALA auprès de la ville de Vushtrri"). Elsewhere
/// it is only named ("le groupe-pays Mali de Cités Unies France", "coordonné par Cités Unies France").
Scanner::Acting Scanner::acting_position(std::size_t i, std::size_t end) const {
    std::size_t k = i;
    if (k > 0 && (ws_[k - 1].f == "le" || ws_[k - 1].f == "la" || ws_[k - 1].f == "les" || ws_[k - 1].f == "l")) --k;
    if (k == 0) return Acting::subject;
    const std::string& before = ws_[k - 1].f;
    if (before == "avec" || before == "entre" || before == "que") return Acting::linked;
    // "Le Syctom (Syndicat de traitement ...) et le Sedif (...) mènent des actions": a body joined to the
    // subject body, over its explanation in parentheses
    if (before == "et" && subject_body_end_ > 0 && k >= 1) {
        std::string between = text::collapse_whitespace(s_.substr(subject_body_end_, ws_[k - 1].b - subject_body_end_));
        if (between.empty() ||
            (between.front() == '(' && between.back() == ')' && between.find(')') == between.size() - 1))
            return Acting::subject;
    }
    // the agent of a project: "un volontaire a été mandaté par le SICALA", "mené par Lianes Coopération"
    // (not "animé par", "coordonné par", "organisées par": who runs a group or a meeting)
    if (before == "par" && k >= 2) {
        const std::string& verb = ws_[k - 2].f;
        for (std::string_view agent : {"mene", "mandate", "porte", "conduit", "pilote"})
            if (verb.rfind(agent, 0) == 0 && verb.size() <= agent.size() + 2) return Acting::linked;
    }
    // after a comma, the subject of a verb of action: "dans le cadre d'un partenariat avec le CdCS du
    // meAe, Cités Unies France mène des actions en partenariat avec la ville de Bangui"
    if (gap(k).find(',') != std::string_view::npos && end < ws_.size() && plain_gap(gap(end)) &&
        action_verb(ws_[end].f))
        return Acting::subject;
    // an opening phrase of a few words and a comma: "Dans le cadre de ce programme, l'AIMF ..."
    if (!out_.empty() || k > 6 || gap(k).find(',') == std::string_view::npos) return Acting::no;
    for (std::size_t w = 1; w < k; ++w)
        if (gap(w).find(',') != std::string_view::npos) return Acting::no;
    return Acting::subject;
}

/// "L'association terres en villes", "le Sedif", "l'AimF": a body of the lexicon (PartyLexicon::add_body),
/// a French party where it acts (acting_position); skipped as a whole elsewhere.
bool Scanner::acting_body(std::size_t& i) {
    // "L'association terres en villes", "le rrmA Lianes Coopération", "le réseau Bretagne Solidaire"; a
    // body named in full may start with that word ("Le réseau des grands sites de France")
    bool introduced = ws_[i].f == "association" || ws_[i].f == "rrma" || ws_[i].f == "reseau";
    for (std::size_t from = i; from <= i + (introduced ? 1 : 0); ++from)
        if (acting_body_from(i, from)) return true;
    return false;
}

/// acting_body() for the body's name starting at word `from` (`i`, or the word after its introducer).
bool Scanner::acting_body_from(std::size_t& i, std::size_t from) {
    if (from >= ws_.size() || !lex_.starts_body(ws_[from].f)) return false;
    for (std::size_t n = std::min<std::size_t>(7, ws_.size() - from); n >= 1; --n) {
        bool one_name = true;  // words of one name: spaces between them, at most a quote
        for (std::size_t w = from + 1; w < from + n; ++w)
            one_name = one_name && (plain_gap(gap(w)) || gap(w) == " « " || gap(w) == " » ");
        if (!one_name) continue;
        const PartyLexicon::Body* b = lex_.body(key_of(raw(from, from + n)));
        if (!b) continue;
        // where it acts, in a sentence stating a cooperation (not only in the body's own name)
        std::string rest(s_);
        std::fill(rest.begin() + static_cast<std::ptrdiff_t>(ws_[from].b),
                  rest.begin() + static_cast<std::ptrdiff_t>(ws_[from + n - 1].e), ' ');
        // as a subject, in a sentence stating a cooperation (not only by the body's own name);
        // linked by "avec", "entre" or as an agent, the usual cue words suffice
        Acting acting = acting_position(i, from + n);
        if (acting == Acting::linked || (acting == Acting::subject && (strong_cue(rest) || leads_a_work(from + n)))) {
            PartyMention m;
            m.raw = raw(i, from + n);
            m.begin = ws_[i].b;
            m.end = ws_[from + n - 1].e;
            m.kind = b->kind;
            m.place = m.name = b->name;
            m.french = 1;
            m.country = lex_.country("France");
            if (acting == Acting::subject && out_.empty()) subject_body_end_ = m.end;
            emit(std::move(m));
            pending_.push_back(false);
        }
        i = from + n;
        return true;
    }
    return false;
}

/// "entre la Guadeloupe et Haïti": an overseas territory named as the subject or the
/// object of a cooperation is its collectivité, a French party (La Réunion, Guadeloupe,
/// Martinique and Guyane as régions, Mayotte as a département, the other territories as
/// collectivités); "à La Réunion", "en Guyane", "de Martinique" are settings.
void Scanner::overseas_party(PartyMention& m, std::size_t i) const {
    auto territory = lex_.overseas(m.raw);
    if (!territory) return;
    std::size_t before = i;
    if (before > 0 && (ws_[before - 1].f == "la" || ws_[before - 1].f == "le" || ws_[before - 1].f == "l")) --before;
    static const std::array<std::string_view, 5> kOpenings = {"entre", "et", "avec", "par", "mais"};
    bool party = before == 0 || std::find(kOpenings.begin(), kOpenings.end(), ws_[before - 1].f) != kOpenings.end();
    if (!party) {
        m.context_only = true;
        return;
    }
    m.kind = PlaceKnowledge::builtin().overseas_territory(territory->code)->party_kind;
    // the official name of the région or département ("La Réunion"), else the territory's
    const FrenchPlace* fp = lex_.french(territory->name, m.kind == "collectivité" ? "" : m.kind);
    m.place = m.name = fp ? fp->name : territory->name;
    m.french = 1;
}

/// "des jumelages ... (Cottbus-montreuil)": two towns joined by a hyphen in a sentence
/// about twinning, one a French commune of some size and the other unknown.
bool Scanner::twinned_pair(std::size_t& i) {
    const Word& w = ws_[i];
    if (w.f.find('-') == std::string::npos) return false;
    // a sentence about twinning or friendship: "(Cottbus-montreuil)", "Pacte d'amitié Paris-Lisbonne"
    std::string folded = text::fold(s_);
    if (folded.find("jumel") == std::string::npos && folded.find("amitie") == std::string::npos) return false;
    // "Bayonne-San Sebastián": the name goes on after the hyphenated word
    if (i + 1 < ws_.size() && plain_gap(gap(i + 1)) && ws_[i + 1].cap) return false;
    std::string_view raw_word = s_.substr(w.b, w.e - w.b);
    std::size_t dash = raw_word.find('-');
    if (dash == std::string_view::npos || raw_word.find('-', dash + 1) != std::string_view::npos) return false;
    std::string left(raw_word.substr(0, dash)), right(raw_word.substr(dash + 1));
    auto french_town = [&](const std::string& name) {
        auto* p = lex_.french(name, "commune");
        return p && p->population >= kKnownTownPopulation ? p : nullptr;
    };
    auto unknown = [&](const std::string& name) {
        std::string f = text::fold(name);
        return name.size() > 3 && !lex_.french(name) && !lex_.country(name) && lex_.looks_proper(f) &&
               !text::is_stopword(f);
    };
    const FrenchPlace* fp = nullptr;
    bool french_left = false;
    if ((fp = french_town(left)) && unknown(right))
        french_left = true;
    else if (!((fp = french_town(right)) && unknown(left)))
        return false;
    PartyMention fr, fo;
    fr.kind = fo.kind = "commune";
    fr.french = 1;
    fr.place = fr.name = fp->name;
    fr.country = lex_.country("France");
    fo.french = 0;
    fo.place = fo.name = repair_place_name(french_left ? right : left);
    fo.country = context_;
    std::size_t split = w.b + dash;
    PartyMention& first = french_left ? fr : fo;
    PartyMention& second = french_left ? fo : fr;
    first.raw = left;
    first.begin = w.b;
    first.end = split;
    second.raw = right;
    second.begin = split + 1;
    second.end = w.e;
    emit(std::move(first));
    pending_.push_back(false);
    emit(std::move(second));
    pending_.push_back(false);
    ++i;
    return true;
}

/// "l'eurorégion nouvelle-Aquitaine-euskadi-navarre", "l'eurocité basque Bayonne-San Sebastián": a
/// cross-border structure named after its members, one French collectivité (the longest run of
/// hyphenated parts the Etalab lists know) and its foreign peers, of the French member's kind (the
/// regions of a eurorégion, the towns of a eurocité). The last member's name may go on after the
/// hyphenated word ("San Sebastián").
bool Scanner::cross_border_members(std::size_t& i) {
    if (i == 0 || ws_[i].f.find('-') == std::string::npos || !plain_gap(gap(i))) return false;
    auto structure = [&](std::size_t k) {
        return ws_[k].f == "euroregion" || ws_[k].f == "eurocite" || ws_[k].f == "eurodistrict";
    };
    // the structure's word right before, or before one adjective ("eurocité basque")
    if (!structure(i - 1) && !(i >= 2 && structure(i - 2) && !ws_[i - 1].cap && plain_gap(gap(i - 1)))) return false;
    const std::size_t base = ws_[i].b;
    const std::string_view word = s_.substr(base, ws_[i].e - base);
    std::vector<std::pair<std::size_t, std::size_t>> parts;  // byte spans in the sentence
    for (std::size_t from = 0; from <= word.size();) {
        std::size_t dash = word.find('-', from);
        if (dash == std::string_view::npos) dash = word.size();
        parts.emplace_back(base + from, base + dash);
        from = dash + 1;
    }
    struct Member {
        std::size_t begin, end;
        const FrenchPlace* french;
    };
    std::vector<Member> members;
    int french_members = 0;
    for (std::size_t p = 0; p < parts.size();) {
        std::size_t n = parts.size() - p;
        const FrenchPlace* fp = nullptr;
        for (; n >= 1; --n) {  // the longest run of parts naming a French collectivité
            fp = lex_.french(s_.substr(parts[p].first, parts[p + n - 1].second - parts[p].first));
            if (fp && (fp->kind != "commune" || fp->population >= kKnownTownPopulation)) break;
            fp = nullptr;
        }
        if (!fp) n = 1;
        members.push_back({parts[p].first, parts[p + n - 1].second, fp});
        french_members += fp ? 1 : 0;
        p += n;
    }
    if (french_members != 1 || members.size() < 2) return false;
    std::size_t next = i + 1;
    if (!members.back().french)  // "Bayonne-San Sebastián": the name goes on
        for (; next < ws_.size() && next < i + 3 && plain_gap(gap(next)) && ws_[next].cap; ++next)
            members.back().end = ws_[next].e;
    const FrenchPlace& french =
        *std::find_if(members.begin(), members.end(), [](const Member& m) { return m.french != nullptr; })->french;
    for (const auto& member : members) {
        std::string_view raw_name = s_.substr(member.begin, member.end - member.begin);
        PartyMention m;
        if (member.french) {
            m = french_place_mention(*member.french, raw_name, lex_);
        } else {
            m.raw = std::string(raw_name);
            m.kind = french.kind;
            m.place = m.name = repair_place_name(raw_name);
            m.french = 0;
            if (context_ && context_->code != "FR") m.country = context_;
        }
        m.begin = member.begin;
        m.end = member.end;
        emit(std::move(m));
        pending_.push_back(false);
    }
    i = next;
    return true;
}

std::vector<PartyMention> Scanner::run() {
    // Does the sentence name a foreign country? Then a small French homonym is not meant.
    for (std::size_t i = 0; i < ws_.size(); ++i) {
        std::optional<Country> c;
        if (country_at(i, c) && c->code != "FR") sentence_abroad_ = true;
        if (auto a = lex_.country_of_adjective(ws_[i].f); a && a->code != "FR") sentence_abroad_ = true;
    }
    for (std::size_t i = 0; i < ws_.size();) {
        // "le gouvernement malgache": the country itself is the party
        if (ws_[i].f == "gouvernement" && i + 1 < ws_.size() && plain_gap(gap(i + 1))) {
            if (auto c = lex_.country_of_adjective(ws_[i + 1].f); c && c->code != "FR") {
                PartyMention m;
                m.raw = raw(i, i + 2);
                m.begin = ws_[i].b;
                m.end = ws_[i + 1].e;
                m.kind = "pays";
                m.place = m.name = c->name;
                m.country = c;
                m.french = 0;
                emit(std::move(m));
                pending_.push_back(false);
                i += 2;
                continue;
            }
        }
        if (acting_body(i)) continue;
        if (kind_phrase(i)) continue;
        std::optional<Country> c;
        if (std::size_t n = country_at(i, c)) {
            PartyMention m;
            m.raw = raw(i, i + n);
            m.begin = ws_[i].b;
            m.end = ws_[i + n - 1].e;
            m.kind = "pays";
            m.place = c->name;
            m.name = c->name;
            m.country = c;
            m.french = c->code == "FR" ? 1 : 0;
            // "l'ambassade de France au Mali", "répondre à Maurice", "Brazzaville, capitale de la République
            // du Congo" (the country of the town named before): a setting, not a party
            if (i > 0 && ws_[i - 1].f == "a") m.context_only = true;
            for (std::size_t back = i; back > 0 && i - back < 4; --back)
                if (ws_[back - 1].f == "ambassade" || ws_[back - 1].f == "ambassades" || ws_[back - 1].f == "capitale")
                    m.context_only = true;
            // "l'Association des communes de roumanie", "le Congrès des autorités locales de moldavie":
            // the country of an organisation, which is the partner named
            if (i > 0 && (ws_[i - 1].f == "de" || ws_[i - 1].f == "du" || ws_[i - 1].f == "d"))
                for (std::size_t back = i - 1; back > 0 && i - back < 6; --back)
                    if (national_organisation_word(ws_[back - 1].f)) m.context_only = true;
            overseas_party(m, i);
            emit(std::move(m));
            pending_.push_back(false);
            i += n;
            continue;
        }
        if (cross_border_members(i)) continue;
        if (twinned_pair(i)) continue;
        if (bare_name(i)) continue;
        ++i;
    }
    // "Boromo et Oury (au Burkina Faso)": the tag of a list's last name covers the list
    for (std::size_t k = out_.size(); k-- > 1;) {
        auto& m = out_[k];
        auto& p = out_[k - 1];
        if (!m.tagged || m.french != 0 || !pending_[k - 1]) continue;
        std::string_view between = s_.substr(p.end, m.begin - p.end);
        if (between == ", " || between == " et " || between == ", et ") {
            pending_[k - 1] = false;
            if (auto* fp = lex_.french(p.place); fp && fp->kind == "commune") {
                // "avec Faux-la-Montagne et Saint-Camille, au Québec": a French commune keeps its side
                p.french = 1;
                p.place = fp->name;
                p.country = lex_.country("France");
                continue;
            }
            p.country = m.country;
            p.french = 0;
            p.tagged = true;
        }
    }
    std::vector<PartyMention> kept;
    for (std::size_t k = 0; k < out_.size(); ++k)
        if (!pending_[k]) kept.push_back(std::move(out_[k]));
    return kept;
}

}  // namespace

std::vector<PartyMention> find_party_mentions(std::string_view sentence, const PartyLexicon& lexicon,
                                              const std::optional<Country>& context, bool paragraph_abroad) {
    return Scanner(sentence, lexicon, context, paragraph_abroad).run();
}

}  // namespace coopatlas::indexer
