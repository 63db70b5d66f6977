#include "indexer/extract/partnerships.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "core/text.hpp"
#include "indexer/extract/associations.hpp"
#include "indexer/extract/programmes.hpp"
#include "indexer/extract/table_partnerships.hpp"
#include "indexer/places/countries.hpp"

namespace coopatlas::indexer {

namespace {

bool is_bullet(const std::string& line) { return line.rfind("•", 0) == 0; }

bool ends_sentence(const std::string& line) {
    std::string t = text::collapse_whitespace(line);
    if (t.empty()) return true;
    char c = t.back();
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || (t.size() >= 3 && t.substr(t.size() - 3) == "…");
}

/// "(exemples : projets menés" / blank / "par Dunkerque et ...": a sentence left open
/// inside parentheses or on a comma goes on over a blank line when the next line
/// starts in lower case (a blank of the extraction, not the end of the paragraph); a comma
/// never ends a paragraph, so after one a capitalised line goes on too ("• Bordeaux métropole
/// et la ville d'Hyderabad," / blank / "Gouvernement du telangana, ont une coopération").
bool continues_over_blank(const std::vector<std::string>& para, const std::vector<GuideLine>& lines,
                          std::size_t blank) {
    if (para.empty() || ends_sentence(para.back())) return false;
    std::size_t next = blank + 1;
    while (next < lines.size() && text::collapse_whitespace(lines[next].text).empty()) ++next;
    if (next >= lines.size()) return false;
    std::string t = text::collapse_whitespace(lines[next].text);
    if (t.empty()) return false;
    if (para.back().back() == ',' && std::isupper(static_cast<unsigned char>(t[0]))) return true;
    if (!std::islower(static_cast<unsigned char>(t[0]))) return false;
    // "... de l'attractivité" / blank / "et de la viticulture, mais également celui entre Sheki et
    // Colmar": a conjunction opens no sentence, so the line goes on the one before (not after an
    // address: "patrick.flot@diplomatie.gouv.fr" / "et à la DAECT :" is a new label)
    if ((t.rfind("et ", 0) == 0 || t.rfind("ou ", 0) == 0) && para.back().find('@') == std::string::npos) return true;
    long open = 0;
    for (const auto& l : para) open += std::count(l.begin(), l.end(), '(') - std::count(l.begin(), l.end(), ')');
    return open > 0 || para.back().back() == ',';
}

/// Byte offsets in `text` where a new sentence starts (0 included).
std::vector<std::size_t> sentence_starts(const std::string& s) {
    std::vector<std::size_t> starts{0};
    for (std::size_t i = 0; i < s.size(); ++i) {
        bool ellipsis = s.compare(i, 3, "…") == 0;
        bool stop = s[i] == '.' || s[i] == '!' || s[i] == '?' || ellipsis;
        if (!stop) continue;
        std::size_t after = i + (ellipsis ? 3 : 1);
        if (after >= s.size()) break;
        if (!ellipsis && s[after] != ' ') continue;  // "L.1115-1", "www.x.fr"
        if (!ellipsis) {
            // an initial or an abbreviation before the dot: "M. Dupont", "etc. ("
            std::size_t w = s.find_last_of(' ', i == 0 ? 0 : i - 1);
            std::string word = s.substr(w == std::string::npos ? 0 : w + 1, i - (w == std::string::npos ? 0 : w + 1));
            if (word.size() <= 1 || word == "cf" || word == "St" || word == "Ste" || word == "n°") continue;
        }
        std::size_t next = s.find_first_not_of(' ', after);
        if (next == std::string::npos) break;
        starts.push_back(next);
        i = next - 1;
    }
    return starts;
}

/// "9.3 Espagne" -> Espagne; the deepest element of the path that names a country.
std::optional<Country> country_of_path(const std::vector<std::string>& path, const PartyLexicon& lex) {
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
        std::string title = *it;
        std::size_t start = title.find_first_not_of("0123456789. ");
        if (start == std::string::npos) continue;
        if (auto c = lex.country(title.substr(start)); c && c->code != "FR") return c;
    }
    return std::nullopt;
}

/// A country standing alone on a line ("Chili", "Géorgie"): a sub-heading of a region section.
std::optional<Country> country_line(const std::string& line, const PartyLexicon& lex) {
    std::string t = text::collapse_whitespace(line);
    if (t.empty() || t.size() > 40 || ends_sentence(t)) return std::nullopt;
    std::size_t start = t.find_first_not_of("0123456789. ");
    if (start == std::string::npos) return std::nullopt;
    auto c = lex.country(t.substr(start));
    if (c && c->code == "FR") return std::nullopt;
    return c;
}

/// Words stating a link between the parties of a sentence ("lauréat(e)s" of a call for projects are
/// named with their foreign partners: "Bordeaux avec Douala (Cameroun)").
bool has_cue(const std::string& sentence) {
    static const char* const kCues[] = {
        "cooper",    "partenari", "partenaire", "jumel",         "accompagn", "collabor", "echange",
        "ensemble",  "appui",     "soutien",    "soutenu",       "relation",  "lien",     "projet",
        "programme", "accord",    "convention", "engage",        "action",    "amitie",   "travaill",
        "mene",      "contact",   "euroregion", "transfrontali", "laureat",   "eurocite", "interven"};
    std::string f = text::fold(sentence);
    return std::any_of(std::begin(kCues), std::end(kCues),
                       [&](const char* c) { return f.find(c) != std::string::npos; });
}

/// "les rencontres ... accueillies par le conseil régional de Sud-PACA", "à l'invitation de la
/// région Auvergne-Rhône-Alpes", "le groupe-pays Arménie de Cités Unies France, aujourd'hui présidé
/// par le conseil départemental des Hauts-de-Seine": a French party named as the host of a meeting or
/// the chair of a group (within the few words before it) hosts or chairs it, which states no
/// cooperation with the country of the section or of the sentence.
bool hosts_an_event(const std::string& sentence, const PartyMention& m) {
    std::size_t from = m.begin >= 40 ? m.begin - 40 : 0;
    while (from < m.begin && (static_cast<unsigned char>(sentence[from]) & 0xC0) == 0x80) ++from;
    std::string before = text::fold(sentence.substr(from, m.begin - from));
    for (const char* host : {"accueilli", "invitation d", "organise par", "organisee par", "organisees par",
                             "organises par", "preside par", "presidee par", "presides par", "presidees par"})
        if (before.find(host) != std::string::npos) return true;
    return false;
}

/// An association or an établissement (a syndicat, a CHU...): a French body, no collectivité.
bool is_body(const PartyMention& m) { return m.kind == "association" || m.kind == "établissement"; }

/// "Plusieurs villes normandes (ifs, Colombelles, Fleury) ont des partenariats entre lycées", "Les
/// échanges existant entre les maisons familiales et rurales de la région Auvergne-rhône-Alpes ...": the
/// link word ties the schools or the bodies named after "entre", not the collectivités that locate them.
/// The byte ranges of such link words in `sentence`.
std::vector<std::pair<std::size_t, std::size_t>> links_between_bodies(const std::string& sentence) {
    static const std::set<std::string> kLinks = {"partenariat", "partenariats", "echange",  "echanges",
                                                 "cooperation", "cooperations", "jumelage", "jumelages",
                                                 "lien",        "liens",        "relation", "relations"};
    static const std::set<std::string> kSkipped = {"existant", "existants", "etabli", "etablis", "etablie",
                                                   "etablies", "noue",      "noues",  "les",     "des"};
    static const std::set<std::string> kBodies = {
        "lycee",      "lycees",      "ecole",         "ecoles",         "college", "colleges",
        "universite", "universites", "etablissement", "etablissements", "maison",  "maisons",
        "centre",     "centres",     "club",          "clubs",          "hopital", "hopitaux",
        "chambre",    "chambres",    "entreprise",    "entreprises"};
    std::vector<std::pair<std::size_t, std::size_t>> out;
    auto tokens = text::tokenize(sentence);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!kLinks.count(tokens[i].folded)) continue;
        std::size_t k = i + 1;
        while (k < tokens.size() && kSkipped.count(tokens[k].folded) && tokens[k].folded != "entre") ++k;
        if (k + 1 >= tokens.size() || tokens[k].folded != "entre") continue;
        ++k;
        while (k < tokens.size() && kSkipped.count(tokens[k].folded)) ++k;
        if (k < tokens.size() && kBodies.count(tokens[k].folded)) out.emplace_back(tokens[i].begin, tokens[i].end);
    }
    return out;
}

/// The sentence without the names of its bodies: "so Coopération (nouvelle-Aquitaine) : Burkina
/// Faso, ..." states no cooperation, "Lianes Coopération" is a name; nor the link words of bodies
/// the collectivités only locate (links_between_bodies).
std::string cue_text(const std::string& sentence, const std::vector<PartyMention>& mentions) {
    std::string out = sentence;
    auto blank = [&](std::size_t begin, std::size_t end) {
        if (end <= out.size())
            std::fill(out.begin() + static_cast<std::ptrdiff_t>(begin), out.begin() + static_cast<std::ptrdiff_t>(end),
                      ' ');
    };
    for (const auto& m : mentions)
        if (is_body(m)) blank(m.begin, m.end);
    for (const auto& [begin, end] : links_between_bodies(sentence)) blank(begin, end);
    return out;
}

struct Pair {
    PartyMention french, foreign;
    std::string text, theme;
    int line = 0;
    std::vector<int> lines{};  ///< lines of the sentence naming each party (a long sentence spans several)
};

std::vector<Pair> pair_parties(const std::string& sentence, std::vector<PartyMention> mentions,
                               std::vector<PartyMention>& memory);

/// "entre la France et l'italie", "la France et le Costa rica ont conclu", "italie-France": a country
/// joined to France, a cooperation of the two States (no partner of the sentence's collectivités).
bool paired_with_france(const std::string& sentence, const std::vector<PartyMention>& mentions, std::size_t i) {
    auto france = [&](std::size_t k) {
        return mentions[k].kind == "pays" && mentions[k].french == 1 && !mentions[k].context_only;
    };
    auto joint = [&](std::size_t a, std::size_t b) {  // mention a right before mention b
        std::string between = text::fold(sentence.substr(mentions[a].end, mentions[b].begin - mentions[a].end));
        for (const char* j :
             {" et ", " et le ", " et la ", " et l ", " et l'", " et l’", " et les ", "-", " - ", " – "})
            if (between == j) return true;
        return false;
    };
    return (i > 0 && france(i - 1) && joint(i - 1, i)) || (i + 1 < mentions.size() && france(i + 1) && joint(i, i + 1));
}

/// Pairs of one sentence. `memory` holds the French parties of the paragraph's
/// earlier sentences, used when this sentence names only the foreign side
/// ("... Les agents ont formé les secrétaires généraux des communes du gouvernorat de Mahdia").
/// `cue_before`: the sentence carries the cooperation word proper of the sentence before
/// (opens_on_a_subject_pronoun).
std::vector<Pair> pair_sentence(const std::string& sentence, std::vector<PartyMention> mentions,
                                std::vector<PartyMention>& memory, const std::optional<Country>& section_country,
                                bool cue_before, const PartyLexicon& lex) {
    auto pairs = pair_parties(sentence, mentions, memory);
    if (!section_country || !(cue_before || strong_cue(cue_text(sentence, mentions)))) return pairs;
    // "Le programme interreg ... de coopération transfrontalière entre la France et l'italie couvre une
    // zone incluant la Corse, ...": a cooperation of the two countries, whose areas are only listed
    for (std::size_t i = 0; i < mentions.size(); ++i)
        if (mentions[i].country && mentions[i].country->code == section_country->code &&
            paired_with_france(sentence, mentions, i))
            return pairs;
    // In a country's section, a French party the sentence pairs with nobody works with
    // that country: "Le Syctom (...) et le Sedif (...) mènent des actions au titre des « 1% »". Not
    // when the sentence names foreign localities that no pair uses: it lists partners without
    // saying who works with whom ("les lauréats (municipalité de iaşi ...; municipalités de Piatra
    // neamț ...) ... villes françaises partenaires du concours (dijon ...; Angers, Besançon ...)"),
    // and the country would stand for one of them.
    auto unpaired_locality = [&](const PartyMention& m) {
        return m.french == 0 && m.kind != "pays" && !m.context_only &&
               std::none_of(pairs.begin(), pairs.end(), [&](const Pair& p) { return p.foreign.key() == m.key(); });
    };
    if (std::any_of(mentions.begin(), mentions.end(), unpaired_locality)) return pairs;
    PartyMention country;
    country.kind = "pays";
    country.place = country.name = section_country->name;
    country.raw = section_country->name;
    country.country = section_country;
    country.french = 0;
    (void)lex;
    // "L'AFCCRE a notamment accompagné les partenariats de nancy/Karlsruhe, nantes/Saarbrücken ...": a
    // body beside pairs of other parties with localities of that country is their go-between
    bool pairs_localities = std::any_of(pairs.begin(), pairs.end(), [&](const Pair& p) {
        return p.foreign.kind != "pays" && p.foreign.country && p.foreign.country->code == section_country->code;
    });
    std::string theme = cooperation_theme(sentence);
    for (auto& m : mentions) {
        if (m.french != 1 || m.kind == "pays" || m.context_only || hosts_an_event(sentence, m)) continue;
        if (pairs_localities && is_body(m)) continue;
        bool paired = std::any_of(pairs.begin(), pairs.end(), [&](const Pair& p) { return p.french.key() == m.key(); });
        if (!paired) pairs.push_back({m, country, sentence, theme, 0});
    }
    return pairs;
}

namespace {

/// The mentions that may be parties, in order, and the foreign countries apart: a country
/// joined to a French party ("le conseil régional de Grand Est et Madagascar") is a party, one
/// paired with France (a State-to-State cooperation) is neither.
void parties_and_countries(const std::string& sentence, const std::vector<PartyMention>& mentions,
                           std::vector<PartyMention>& parties, std::vector<PartyMention>& countries) {
    for (std::size_t i = 0; i < mentions.size(); ++i) {
        const auto& m = mentions[i];
        if (m.context_only) continue;
        if (m.kind == "pays") {
            if (m.french != 0 || paired_with_france(sentence, mentions, i)) continue;
            // "le conseil régional de Grand Est et Madagascar": a country joined to a French party
            bool joined = false;
            if (i > 0 && mentions[i - 1].french == 1 && mentions[i - 1].kind != "pays") {
                std::string between = sentence.substr(mentions[i - 1].end, m.begin - mentions[i - 1].end);
                joined = between == " et " || between == " avec " || between == " avec le " || between == " avec la ";
            }
            (joined ? parties : countries).push_back(m);
        } else if (m.french == 0 || m.french == 1) {
            parties.push_back(m);
        }
    }
}

/// Whether the sentence states a link between its parties: a cue of cooperation, a party
/// introduced by "entre", or a foreign party standing for the French one's kind ("celle(s) de").
bool states_a_link(const std::string& sentence, const std::vector<PartyMention>& mentions,
                   const std::vector<PartyMention>& parties) {
    // "un réseau ... entre la Guadeloupe et Haïti": a party introduced by "entre" states a link
    auto after_entre = [&](const PartyMention& m) {
        std::size_t from = m.begin >= 12 ? m.begin - 12 : 0;
        while (from < m.begin && (static_cast<unsigned char>(sentence[from]) & 0xC0) == 0x80)
            ++from;  // a whole character
        std::string before = text::fold(sentence.substr(from, m.begin - from));
        for (const char* opening : {"entre ", "entre la ", "entre le ", "entre les ", "entre l "})
            if (before.size() >= std::strlen(opening) &&
                before.compare(before.size() - std::strlen(opening), std::strlen(opening), opening) == 0)
                return true;
        return false;
    };
    // "La commune de Moncoutant ... et celles de Boromo et Oury (au Burkina Faso) ont développé":
    // a foreign party standing for the French one's kind ("celle(s) de") is its counterpart
    auto counterpart = [](const PartyMention& m) { return m.french == 0 && m.raw.rfind("celle", 0) == 0; };
    return has_cue(cue_text(sentence, mentions)) || std::any_of(parties.begin(), parties.end(), after_entre) ||
           std::any_of(parties.begin(), parties.end(), counterpart);
}

/// The sentence opens on a determiner of `determiners` and a work noun ("projet", "programme", ...).
bool opens_on_a_work(const std::string& sentence, const std::set<std::string>& determiners) {
    auto tokens = text::tokenize(sentence);
    if (tokens.size() < 2) return false;
    static const std::set<std::string> kWorks = {"projet", "programme", "cooperation", "partenariat", "jumelage"};
    return determiners.count(tokens[0].folded) > 0 && kWorks.count(tokens[1].folded) > 0;
}

/// "Son programme avec le maroc ...", "Sa coopération ...": the sentence opens on the work of the
/// subject of the sentence before it.
bool opens_on_its_subjects_work(const std::string& sentence) {
    static const std::set<std::string> kPossessives = {"son", "sa", "ses", "leur", "leurs"};
    return opens_on_a_work(sentence, kPossessives);
}

/// "Le projet a généré ...", "Ce partenariat porte sur ...", "Son programme ...": the sentence opens on
/// the work the sentence before it described, so its parties are that sentence's.
bool names_the_work_before(const std::string& sentence) {
    static const std::set<std::string> kDeterminers = {"le", "la", "ce", "cet", "cette"};
    return opens_on_a_work(sentence, kDeterminers) || opens_on_its_subjects_work(sentence);
}

/// The French-foreign pairs of one sentence, each pair once, with the sentence's theme.
class SentencePairs {
public:
    explicit SentencePairs(const std::string& sentence) : sentence_(sentence), theme_(cooperation_theme(sentence)) {}

    void add(const PartyMention& a, const PartyMention& b) {
        const PartyMention& f = a.french == 1 ? a : b;
        const PartyMention& g = a.french == 1 ? b : a;
        if (f.french != 1 || g.french != 0) return;
        for (auto& p : pairs)
            if (p.french.key() == f.key() && p.foreign.key() == g.key()) return;
        pairs.push_back({f, g, sentence_, theme_, 0});
    }

    std::vector<Pair> pairs;

private:
    const std::string& sentence_;
    std::string theme_;
};

/// French parties acting in a country ("le conseil départemental de Meurthe-et-Moselle au Pérou")
/// are paired with that country; the country covers the French parties listed just before.
void pair_acting_abroad(const std::string& sentence, std::vector<PartyMention>& parties,
                        const std::vector<PartyMention>& countries, SentencePairs& out) {
    // "Dunkerque et le département de La Réunion aux Comores", "le département de Seine-Maritime avec
    // la ville de Chambéry au Burkina Faso": the country covers the French parties listed before
    for (std::size_t i = parties.size(); i-- > 1;) {
        PartyMention& before = parties[i - 1];
        if (parties[i].french != 1 || !parties[i].acts_in || before.french != 1 || before.acts_in ||
            before.kind == "pays")
            continue;
        std::string between = sentence.substr(before.end, parties[i].begin - before.end);
        for (const char* joint : {" et ", ", ", " et le ", " et la ", " et l’", " et l'", " et les ", " avec ",
                                  " avec le ", " avec la ", " avec l’", " avec les "})
            if (between == joint) before.acts_in = parties[i].acts_in;
    }
    // "le conseil départemental de Meurthe-et-Moselle au Pérou": paired with that country only
    for (std::size_t i = 0; i < parties.size(); ++i) {
        if (parties[i].french != 1 || !parties[i].acts_in) continue;
        PartyMention c;
        c.kind = "pays";
        c.place = c.name = c.raw = parties[i].acts_in->name;
        c.country = parties[i].acts_in;
        c.french = 0;
        out.add(parties[i], c);
    }
    // "... de Meurthe-et-Moselle au Pérou et en Équateur": the countries listed after the first
    // one, each with its preposition, are where it acts too
    for (const auto& f : parties) {
        if (f.french != 1 || !f.acts_in) continue;
        std::size_t last = f.end;
        for (const auto& c : countries) {
            if (c.begin < last) continue;
            std::string between = text::fold(sentence.substr(last, c.begin - last));
            bool first = last == f.end;
            static const std::regex first_item(R"(^ (?:au|en|aux) [^,;:()]{1,30}(?:,| et) (?:au|en|aux) $)");
            if (!(first ? std::regex_match(between, first_item)
                        : between == ", au " || between == ", en " || between == ", aux " || between == " et au " ||
                              between == " et en " || between == " et aux "))
                break;
            out.add(f, c);
            last = c.end;
        }
    }
}

/// "nantes/tbilissi/Sarrebruck": a slash (or hyphen) chain pairs within itself. Returns which
/// parties a chain used.
std::vector<bool> pair_slash_chains(const std::string& sentence, const std::vector<PartyMention>& parties,
                                    SentencePairs& out) {
    std::vector<bool> used(parties.size(), false);
    for (std::size_t i = 0; i + 1 < parties.size();) {
        std::size_t j = i;
        while (j + 1 < parties.size() &&
               (sentence.substr(parties[j].end, parties[j + 1].begin - parties[j].end) == "/" ||
                sentence.substr(parties[j].end, parties[j + 1].begin - parties[j].end) == "-"))
            ++j;
        if (j > i) {
            for (std::size_t a = i; a <= j; ++a) {
                used[a] = true;
                for (std::size_t b = i; b <= j; ++b)
                    if (parties[a].french == 1 && parties[b].french == 0) out.add(parties[a], parties[b]);
            }
        }
        i = j + 1;
    }
    return used;
}

/// Runs of one side pair with the French run beside them in the same clause (see inside).
void pair_runs(const std::string& sentence, const std::vector<PartyMention>& rest, SentencePairs& out) {
    // Runs of one side: "Bordeaux avec Bilbao et madrid, nice avec Alicante" pairs each
    // foreign run with the French run before it (or after it, "Barcelone ... avec toulouse").
    // Clauses: "entre les régions de tarija et la nouvelle-Aquitaine ..., tandis que celui établi
    // entre la ville de Brest et ..." states two pairs; a run never spans a clause break.
    auto clause_break = [&](const PartyMention& a, const PartyMention& b) {
        std::string between = text::fold(sentence.substr(a.end, b.begin - a.end));
        for (const char* sep : {" tandis que ", " tandis qu", " alors que ", " alors qu", " mais ", " ou encore "})
            if (between.find(sep) != std::string::npos) return true;
        return false;
    };
    std::vector<std::vector<PartyMention>> runs;
    std::vector<int> clause_of_run;
    int clause = 0;
    for (std::size_t k = 0; k < rest.size(); ++k) {
        bool cut = k > 0 && clause_break(rest[k - 1], rest[k]);
        clause += cut ? 1 : 0;
        if (runs.empty() || runs.back().front().french != rest[k].french || cut) {
            runs.emplace_back();
            clause_of_run.push_back(clause);
        }
        runs.back().push_back(rest[k]);
    }
    auto acting_abroad = [](const std::vector<PartyMention>& run) {
        return std::all_of(run.begin(), run.end(), [](const PartyMention& m) { return m.acts_in.has_value(); });
    };
    for (std::size_t r = 0; r < runs.size(); ++r) {
        if (runs[r].front().french != 0) continue;
        const std::vector<PartyMention>* partner = nullptr;
        auto french_run = [&](std::size_t q) { return runs[q].front().french == 1; };
        if (r > 0 && french_run(r - 1) && clause_of_run[r - 1] == clause_of_run[r])
            partner = &runs[r - 1];
        else if (r + 1 < runs.size() && french_run(r + 1) && clause_of_run[r + 1] == clause_of_run[r])
            partner = &runs[r + 1];
        else if (r > 0 && french_run(r - 1))
            partner = &runs[r - 1];
        else if (r + 1 < runs.size() && french_run(r + 1))
            partner = &runs[r + 1];
        // "Meurthe-et-Moselle au Pérou ..., et ... Sousse": already paired with its country
        if (partner && acting_abroad(*partner)) continue;
        // a long list against a long list states no pairs ("lauréats ... villes françaises partenaires")
        if (!partner || partner->size() * runs[r].size() > 6) continue;
        for (auto& f : *partner)
            for (auto& g : runs[r]) {
                // "... de Meurthe-et-Moselle au Pérou et en Équateur, et ... de l'Aude dans le cadre de la
                // coopération avec Sousse en Tunisie": a party acting in a country works with no
                // locality of another one
                bool elsewhere = f.acts_in && g.country && g.country->code != f.acts_in->code;
                if (!elsewhere) out.add(f, g);
            }
    }
}

}  // namespace

namespace {

/// Offset of the parenthesis open at `at` in the sentence (its innermost "("), npos when none is.
std::size_t open_parenthesis(const std::string& sentence, std::size_t at) {
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < at && i < sentence.size(); ++i) {
        if (sentence[i] == '(') open.push_back(i);
        if (sentence[i] == ')' && !open.empty()) open.pop_back();
    }
    return open.empty() ? std::string::npos : open.back();
}

/// "C'est le cas en tunisie (...) ou au maroc (actions de formation ..., portées par régions de France
/// et le conseil régional d'occitanie, ...)": a French party inside a parenthesis is part of a remark on
/// what the parenthesis follows; it pairs with the parties of the remark and the last one named before
/// it (the Maroc), not with the others of the sentence (the Tunisie).
void keep_remarks_to_their_subject(const std::string& sentence, const std::vector<PartyMention>& parties,
                                   std::vector<Pair>& pairs) {
    pairs.erase(std::remove_if(pairs.begin(), pairs.end(),
                               [&](const Pair& p) {
                                   std::size_t open = open_parenthesis(sentence, p.french.begin);
                                   if (open == std::string::npos || p.foreign.end == 0) return false;
                                   if (open_parenthesis(sentence, p.foreign.begin) == open) return false;
                                   // the last party named before the parenthesis opens
                                   const PartyMention* subject = nullptr;
                                   for (const auto& m : parties)
                                       if (m.end <= open && (!subject || m.end > subject->end)) subject = &m;
                                   return !(subject && subject->begin == p.foreign.begin);
                               }),
                pairs.end());
}

}  // namespace

std::vector<Pair> pair_parties(const std::string& sentence, std::vector<PartyMention> mentions,
                               std::vector<PartyMention>& memory) {
    std::vector<PartyMention> parties, countries;
    parties_and_countries(sentence, mentions, parties, countries);
    bool any_french = std::any_of(parties.begin(), parties.end(), [](auto& m) { return m.french == 1; });
    bool any_foreign = std::any_of(parties.begin(), parties.end(), [](auto& m) { return m.french == 0; });
    if (any_french) {
        memory.clear();
        for (auto& m : parties)
            if (m.french == 1) memory.push_back(m);
    }
    if (!states_a_link(sentence, mentions, parties)) return {};
    SentencePairs out(sentence);
    pair_acting_abroad(sentence, parties, countries, out);
    if (!any_foreign) {
        if (!any_french) {
            if (!names_the_work_before(sentence)) return out.pairs;
            // "Le conseil régional de Centre-Val de Loire a développé un projet ... Le projet a généré
            // une dynamique ... à l'étranger (Maroc, Mauritanie, ...)": the countries of that work
            for (auto& f : memory)
                for (auto& c : countries) out.add(f, c);
            return out.pairs;
        }
        // the host of a meeting about a country works with no one there
        parties.erase(std::remove_if(parties.begin(), parties.end(),
                                     [&](const PartyMention& m) { return hosts_an_event(sentence, m); }),
                      parties.end());
        if (parties.empty()) return out.pairs;
        parties.insert(parties.end(), countries.begin(), countries.end());
        std::sort(parties.begin(), parties.end(), [](auto& a, auto& b) { return a.begin < b.begin; });
        any_foreign = !countries.empty();
    }
    if (!any_foreign) return out.pairs;
    if (!any_french) {
        for (auto& f : memory)
            for (auto& g : parties) out.add(f, g);
        return out.pairs;
    }
    const std::vector<bool> used = pair_slash_chains(sentence, parties, out);
    std::vector<PartyMention> rest;
    for (std::size_t i = 0; i < parties.size(); ++i)
        if (!used[i]) rest.push_back(parties[i]);
    std::vector<PartyMention> fr, fo;
    for (auto& m : rest) (m.french == 1 ? fr : fo).push_back(m);
    // "Dunkerque, Lille ainsi que Lyon ... avec leur partenaire respectif, Annaba, tlemcen et Sétif"
    if (text::fold(sentence).find("respecti") != std::string::npos && fr.size() == fo.size() && fr.size() > 1) {
        for (std::size_t i = 0; i < fr.size(); ++i) out.add(fr[i], fo[i]);
        return out.pairs;
    }
    pair_runs(sentence, rest, out);
    keep_remarks_to_their_subject(sentence, parties, out.pairs);
    return out.pairs;
}

/// "départementale" -> département: an adjective naming the kind of a French party.
std::string kind_of_adjective(const std::string& folded) {
    static const std::pair<const char*, const char*> kAdjectives[] = {
        {"departemental", "département"}, {"departementale", "département"}, {"regional", "région"},
        {"regionale", "région"},          {"municipal", "commune"},          {"municipale", "commune"},
        {"communal", "commune"},          {"communale", "commune"}};
    for (const auto& [adjective, kind] : kAdjectives)
        if (folded == adjective) return kind;
    return "";
}

/// "Les pays sont ceux visés par la stratégie départementale de coopération : l’Arménie, le Bénin,
/// le Cambodge et Haïti.": a sentence naming countries and no other party, with a cooperation word
/// and, before the countries, an adjective of the kind of the French party its paragraph named
/// ("départementale" and "Le conseil départemental des Hauts-de-Seine"), pairs that party with each
/// country. The paragraph must have named one French party of that kind only.
std::vector<Pair> kind_adjective_pairs(const std::string& sentence, const std::vector<PartyMention>& mentions,
                                       const std::vector<PartyMention>& paragraph_french) {
    std::vector<Pair> pairs;
    std::vector<const PartyMention*> countries;
    for (const auto& m : mentions) {
        if (m.context_only || m.french == -1) continue;
        if (m.kind != "pays" || m.french != 0) return pairs;  // another party: the usual pairing decides
        countries.push_back(&m);
    }
    if (countries.empty() || !strong_cue(cue_text(sentence, mentions))) return pairs;
    const PartyMention* french = nullptr;
    for (const auto& t : text::tokenize(sentence.substr(0, countries.front()->begin))) {
        std::string kind = kind_of_adjective(t.folded);
        if (kind.empty()) continue;
        for (const auto& m : paragraph_french) {
            if (m.kind != kind) continue;
            if (french && french->key() != m.key()) return pairs;  // two of that kind: which one?
            french = &m;
        }
    }
    if (!french) return pairs;
    std::string theme = cooperation_theme(sentence);
    for (const auto* c : countries) pairs.push_back({*french, *c, sentence, theme, 0, {}});
    return pairs;
}

std::string cleaned(std::string s) {
    s = text::collapse_whitespace(s);
    while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ';')) s.pop_back();
    return text::collapse_whitespace(s);
}

/// A word the guide writes at least this often, mostly in lower case, is a common noun ("forêt",
/// "zone"), not a locality: counted by PartyLexicon::frequency on the whole guide.
constexpr int kCommonNounFrequency = 5;

/// The longest body name looked up at a sentence's start ("Sites et Cités remarquables de France").
constexpr std::size_t kBodyNameWords = 7;

/// A programme box's rubric ("« clés en main » proposé par l’AIMf") is a few words, no sentence.
constexpr std::size_t kRubricWords = 14;

/// "forêt de Parakou" -> "Parakou": a destination opening with a common noun (one the
/// guide writes in lower case, and often) names its place after "de"; false when no
/// locality follows ("zone de l’UEMOA"). Other names are left as they are.
bool described_place(std::string& name, const PartyLexicon& lex) {
    std::size_t space = name.find(' ');
    if (space == std::string::npos || name.empty() || !std::islower(static_cast<unsigned char>(name[0]))) return true;
    std::string head = text::fold(name.substr(0, space));
    if (!lex.mostly_lower(head) || lex.frequency(head) < kCommonNounFrequency) return true;
    static const std::regex of(R"(^\S+\s+(?:de\s+la\s+|de\s+l(?:'|’)|de\s+|du\s+|d(?:'|’))(.+)$)");
    std::smatch m;
    if (!std::regex_match(name, m, of)) return false;
    std::string rest = m[1].str();
    // "l’UemoA": an organisation's acronym (capitals after the first letter), not a locality
    std::string first_word = rest.substr(0, rest.find(' '));
    if (std::any_of(first_word.begin() + 1, first_word.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        return false;
    name = rest;
    return true;
}

/// "conseils départementaux de l'Aude, de Seine-maritime et des Yvelines", "occitanie": adds the
/// French collectivités a lead bullet names to `leads`.
void add_collectivite_leads(const std::string& value, const PartyLexicon& lex, std::vector<PartyMention>& leads) {
    for (auto& m : find_party_mentions(value, lex))
        if (m.french == 1 && m.kind != "pays") leads.push_back(m);
    if (!leads.empty()) return;
    // "cheffe de file : occitanie": a bare French name
    if (auto* p = lex.french(value)) leads.push_back(french_place_mention(*p, value, lex));
}

/// "Porteur : rrmA Lianes Coopération", "Association responsable : AimF": adds the association
/// leading to `leads`.
void add_association_leads(const std::string& value, const PartyLexicon& lex, std::vector<PartyMention>& leads) {
    for (auto& m : find_party_mentions(value, lex))
        if (m.french == 1 && m.kind != "pays") leads.push_back(m);
    if (leads.empty())
        if (auto a = association_lead(value, lex)) leads.push_back(*a);
}

/// "A, B (X) et C": the parts split on "," and " et " outside parentheses.
std::vector<std::string> split_items(const std::string& group) {
    std::vector<std::string> items;
    std::string current;
    int depth = 0;
    for (std::size_t i = 0; i < group.size(); ++i) {
        char c = group[i];
        if (c == '(') ++depth;
        if (c == ')') --depth;
        bool et = depth == 0 && group.compare(i, 4, " et ") == 0;
        if ((c == ',' && depth == 0) || et) {
            items.push_back(current);
            current.clear();
            if (et) i += 3;
            continue;
        }
        current += c;
    }
    items.push_back(current);
    return items;
}

/// "Bitola, Vélès ; Stip, Prilep (macédoine du nord) ; Berat (Albanie)": each part's country is the
/// one in parentheses at its end, else the next part's (a parenthesised country covers the parts
/// before it). `clean` first strips a part's trailing punctuation.
std::vector<std::optional<Country>> tail_countries(const std::vector<std::string>& parts, bool clean,
                                                   const PartyLexicon& lex) {
    static const std::regex tail(R"(\(([^)]*)\)\s*$)");
    std::vector<std::optional<Country>> countries(parts.size());
    std::optional<Country> carry;
    for (std::size_t k = parts.size(); k-- > 0;) {
        std::string part = clean ? cleaned(parts[k]) : parts[k];
        std::smatch m;
        if (std::regex_search(part, m, tail))
            if (auto c = lex.country(m[1].str())) carry = c;
        countries[k] = carry;
    }
    return countries;
}

/// One destination item ("communes de A", "départements de l'Alibori", "région centrale (togo)",
/// "forêt de Parakou", "toutes les régions du maroc", "Ksar tafilelt en Algérie") as a foreign
/// party, or nullopt (a count, an organisation's zone, a French place). `list_kind` carries the kind
/// word of "départements de A et du B" over the list; `fallback` is the country when the item says none.
std::optional<PartyMention> destination_party(const std::string& item, std::string& list_kind,
                                              const std::optional<Country>& fallback, const PartyLexicon& lex,
                                              std::string& name) {
    static const std::regex item_re(
        R"(^\s*(?:(communes?|villes?|d(?:e|é)partements?|r(?:e|é)gions?|provinces?|municipalit(?:e|é)s?)\s+)?(?:de\s+la\s+|de\s+l(?:'|’)|de\s+|du\s+|des\s+|d(?:'|’))?(.*?)\s*(?:\(([^)]*)\))?\s*$)",
        std::regex::icase);
    std::smatch m;
    std::string it = cleaned(item);
    if (it.empty() || !std::regex_match(it, m, item_re)) return std::nullopt;
    // "villes des régions de marrakech-Safi": the inner kind word names the places
    while (m[1].matched) {
        std::string inner = m[2].str();
        std::smatch im;
        if (!std::regex_match(inner, im, item_re) || !im[1].matched) break;
        it = inner;
        std::regex_match(it, m, item_re);
    }
    std::string kind_word = text::fold(m[1].str());
    std::string item_kind = kind_word.rfind("depart", 0) == 0     ? "département"
                            : kind_word.rfind("region", 0) == 0   ? "région"
                            : kind_word.rfind("province", 0) == 0 ? "province"
                            : kind_word.empty()                   ? ""
                                                                  : "commune";
    if (!item_kind.empty())
        list_kind = item_kind;
    else if (!list_kind.empty() && it.rfind("du ", 0) != 0 && it.rfind("de ", 0) != 0 && it.rfind("d’", 0) != 0 &&
             it.rfind("d'", 0) != 0)
        list_kind.clear();  // "départements de A, B": only "de/du" items continue the kind
    name = cleaned(m[2].str());
    // "28 régions réparties dans 5 pays : ...": a count, not a place
    if (!name.empty() && std::isdigit(static_cast<unsigned char>(name[0]))) return std::nullopt;
    auto words = text::words(name);
    // "toutes les régions du maroc": a quantifier names the country, no common noun's place
    bool quantified = !words.empty() && (words[0] == "tous" || words[0] == "toutes");
    if (item_kind.empty() && !quantified && !described_place(name, lex)) return std::nullopt;
    std::optional<Country> c = m[3].matched ? lex.country(m[3].str()) : std::nullopt;
    // "comité tinkaré (commune de diéma)": a body or a place the parenthesis locates in its commune
    static const std::regex in_commune(R"(^(?:commune|ville|municipalit(?:e|é))\s+(?:de\s+|d(?:'|’))(.+)$)",
                                       std::regex::icase);
    std::string remark = m[3].str();
    if (std::smatch cm; m[3].matched && !c && std::regex_match(remark, cm, in_commune)) {
        name = cleaned(cm[1].str());
        list_kind = "commune";
    }
    // "Ksar tafilelt en Algérie": the country said after the name
    static const std::regex in_country(R"(^(.+?)\s+(?:en|au|aux)\s+(.+)$)");
    if (std::smatch cm; std::regex_match(name, cm, in_country))
        if (auto tail = lex.country(cm[2].str())) {
            c = tail;
            name = cm[1].str();
        }
    if (!c) c = fallback;
    PartyMention d;
    d.raw = it;
    d.french = 0;
    words = text::words(name);
    if (auto whole = lex.country(name)) {
        d.kind = "pays";
        d.place = d.name = whole->name;
        d.country = whole;
    } else if (!name.empty() && std::islower(static_cast<unsigned char>(name[0])) &&
               text::is_stopword(words.empty() ? "" : words[0])) {
        return std::nullopt;
    } else if (words.empty() || quantified || words[0] == "villes") {
        // "toutes les régions du maroc": the country
        std::optional<Country> inside;
        for (auto& pm : find_party_mentions(name, lex))
            if (pm.kind == "pays") inside = pm.country;
        if (!inside) return std::nullopt;
        d.kind = "pays";
        d.place = d.name = inside->name;
        d.country = inside;
    } else {
        d.kind = list_kind.empty() ? "commune" : list_kind;
        d.place = d.name = repair_place_name(name);
        d.country = c;
    }
    if (d.country && d.country->code == "FR") return std::nullopt;
    return d;
}

/// The line of a destination: the first line of the bullet's value holding the first word of its name.
int destination_line(const ProgrammeField& f, const std::string& name) {
    std::string needle = text::fold(name.substr(0, name.find(' ')));
    for (std::size_t li = 0; li < f.lines.size(); ++li) {
        std::string_view printed = f.lines[li].text;
        if (li == 0) printed = printed.substr(std::min(printed.size(), printed.find(':') + 1));  // not the label
        if (text::fold(printed).find(needle) != std::string::npos) return f.lines[li].line;
    }
    return f.line;
}

struct Destination {
    PartyMention party;
    int line = 0;
};

/// The destinations of a "Villes / Pays / Territoires de destination" bullet: its first sentence
/// (after a colon when it has one: "28 régions réparties dans 5 pays : Burkina Faso, ..."), groups
/// split by ';', items by ',' and " et "; `context` is the country of the block's rubric.
std::vector<Destination> destinations_of(const ProgrammeField& b, std::string value,
                                         const std::optional<Country>& context, const PartyLexicon& lex) {
    std::vector<Destination> out;
    value = value.substr(0, value.find(". "));  // the first sentence lists the destinations
    if (std::size_t colon = value.rfind(" : "); colon != std::string::npos) value = value.substr(colon + 3);
    std::vector<std::string> groups;
    for (std::size_t from = 0; from <= value.size();) {
        std::size_t to = value.find(';', from);
        groups.push_back(value.substr(from, to == std::string::npos ? std::string::npos : to - from));
        if (to == std::string::npos) break;
        from = to + 1;
    }
    auto group_countries = tail_countries(groups, false, lex);
    for (std::size_t g = 0; g < groups.size(); ++g) {
        auto items = split_items(groups[g]);
        auto item_countries = tail_countries(items, true, lex);
        std::string list_kind;
        for (std::size_t k = 0; k < items.size(); ++k) {
            std::optional<Country> fallback = item_countries[k] ? item_countries[k] : group_countries[g];
            if (!fallback) fallback = context;
            std::string name;
            if (auto d = destination_party(items[k], list_kind, fallback, lex, name))
                out.push_back({std::move(*d), destination_line(b, name)});
        }
    }
    return out;
}

/// "PRoGRAMME mutualisable – projet « Sèmè City ... » – la Région Hauts-de-France et la commune de Sèmè Podji"
/// / "Pays de destination : Bénin": a country destination stands for the localities of that country the
/// block's title names (the foreign local authority when one is named, otherwise the country).
void name_localities_of_countries(const ProgrammeBlock& block, std::vector<Destination>& destinations,
                                  const PartyLexicon& lex) {
    std::vector<Destination> out;
    for (auto& d : destinations) {
        std::size_t before = out.size();
        if (d.party.kind == "pays" && d.party.country)
            for (auto& m : find_party_mentions(cleaned(block.subtitle), lex, d.party.country))
                if (m.french == 0 && m.kind != "pays" && !m.context_only && m.country &&
                    m.country->code == d.party.country->code)
                    out.push_back({std::move(m), d.line});
        if (out.size() == before) out.push_back(std::move(d));
    }
    destinations = std::move(out);
}

/// Lead × destination pairs of the PROGRAMME / PROJET blocks: each lead collectivité ("Collectivité
/// territoriale cheffe de file", "Collectivités territoriales impliquées"), else the association of
/// "Porteur" / "Association responsable", with each destination (a country when the block names no
/// locality there: "Pays de destination : Cameroun").
std::vector<Pair> programme_pairs(const std::vector<ProgrammeBlock>& blocks,
                                  const std::vector<std::vector<std::string>>& sections, const PartyLexicon& lex) {
    std::vector<Pair> pairs;
    for (const auto& block : blocks) {
        auto context = country_of_path(sections[static_cast<std::size_t>(block.line - 1)], lex);
        std::vector<PartyMention> leads, association_leads;
        int lead_line = 0, association_line = 0;  // the bullets naming them
        std::vector<Destination> destinations;
        std::string theme;
        for (const auto& field : block.fields) {
            std::string label = text::fold(field.label);
            std::string value = cleaned(field.value);
            if (label.find("thematique") != std::string::npos) theme = value.substr(0, value.find('.'));
            bool lead = label.find("collectivit") != std::string::npos &&
                        (label.find("file") != std::string::npos || label.find("impliqu") != std::string::npos);
            bool association = !lead && (label.rfind("porteur", 0) == 0 || label.rfind("association", 0) == 0);
            if (association) {
                add_association_leads(value, lex, association_leads);
                if (!association_line) association_line = field.line;
            }
            if (lead) {
                add_collectivite_leads(value, lex, leads);
                if (!lead_line) lead_line = field.line;
            }
            if (label.find("destination") == std::string::npos) continue;
            for (auto& d : destinations_of(field, value, context, lex)) destinations.push_back(std::move(d));
        }
        if (leads.empty()) {
            leads = association_leads;
            lead_line = association_line;
        }
        name_localities_of_countries(block, destinations, lex);
        // the pair is named by the destination's line and by the lead's bullet ("Porteur : association
        // Vitagora" may be pages of prose away from "Ville de destination : Vinnytsia")
        for (auto& l : leads)
            for (auto& d : destinations) {
                std::vector<int> naming{d.line};
                if (lead_line && lead_line != d.line) naming.push_back(lead_line);
                pairs.push_back(
                    {l, d.party, "Programme – " + l.name + " – destination : " + d.party.name, theme, d.line, naming});
            }
    }
    return pairs;
}

std::string party_id(const PartyMention& m) { return "partner/" + slugify(m.kind + " " + m.place); }

std::string display_name(const PartyMention& m) {
    if (m.kind == "région") return "Région " + m.place;
    if (m.kind == "département") return "Département " + m.place;
    if (m.kind == "province" || m.kind == "gouvernorat" || m.kind == "cercle" || m.kind == "wilaya" ||
        m.kind == "district") {
        std::string k = m.kind;
        k[0] = static_cast<char>(k[0] - 'a' + 'A');
        return k + " de " + m.place;
    }
    if (m.kind == "établissement") {
        // "CHU de Strasbourg"; a syndicat known by its acronym ("SEDIF") is its place
        std::string r = text::collapse_whitespace(m.raw);
        std::size_t space = r.find(' ');
        if (space == std::string::npos) return m.place;
        return repair_place_name(r.substr(0, space)) + r.substr(space);
    }
    return m.place;
}

/// Paragraphs naming a foreign country or nationality: a small French homonym there is abroad.
std::set<int> abroad_paragraphs(const std::vector<GuideSentence>& sentences, const PartyLexicon& lex) {
    std::set<int> abroad;
    for (const auto& s : sentences) {
        if (abroad.count(s.paragraph)) continue;
        for (const auto& m : find_party_mentions(s.text, lex))
            if (m.kind == "pays" && m.country && m.country->code != "FR") abroad.insert(s.paragraph);
        for (const auto& w : text::words(s.text))
            if (auto c = lex.country_of_adjective(w); c && c->code != "FR") abroad.insert(s.paragraph);
    }
    return abroad;
}

/// The pairs of a paragraph, less a country party that the paragraph covers with a locality of that
/// country for the same French party.
void add_uncovered(const std::vector<Pair>& paragraph_pairs, std::vector<Pair>& pairs) {
    for (const auto& p : paragraph_pairs) {
        if (p.foreign.kind == "pays") {
            bool covered = std::any_of(paragraph_pairs.begin(), paragraph_pairs.end(), [&](const Pair& q) {
                return q.foreign.kind != "pays" && q.french.key() == p.french.key() && q.foreign.country &&
                       p.foreign.country && q.foreign.country->code == p.foreign.country->code;
            });
            if (covered) continue;
        }
        pairs.push_back(p);
    }
}

/// A foreign party without a country takes the one country the sentence (else the paragraph)
/// names, adjectives included ("décentralisation tunisienne"); `paragraph_countries` gathers them.
void give_countries(const std::string& sentence, std::vector<PartyMention>& mentions,
                    std::map<std::string, Country>& paragraph_countries, const PartyLexicon& lex) {
    std::map<std::string, Country> named;
    for (auto& m : mentions)
        if (m.country && m.country->code != "FR") named.emplace(m.country->code, *m.country);
    for (const auto& w : text::words(sentence))
        if (auto c = lex.country_of_adjective(w); c && c->code != "FR") named.emplace(c->code, *c);
    for (auto& [code, c] : named) paragraph_countries.emplace(code, c);
    for (auto& m : mentions) {
        if (m.french != 0 || m.country) continue;
        if (named.size() == 1)
            m.country = named.begin()->second;
        else if (named.empty() && paragraph_countries.size() == 1)
            m.country = paragraph_countries.begin()->second;
    }
}

/// "elles impliquent ... des collectivités ... (région Sud-PACA, dunkerque…)" after "La France est le
/// seul pays à mener des actions de coopération décentralisée aux Comores.": a sentence opening on a
/// subject pronoun goes on about what the sentence before said, its cooperation included.
bool opens_on_a_subject_pronoun(const std::string& sentence) {
    auto tokens = text::tokenize(sentence);
    if (tokens.empty()) return false;
    const std::string& first = tokens[0].folded;
    return first == "il" || first == "elle" || first == "ils" || first == "elles";
}

/// "mutualisable proposé par l’AvITEM", "Programme proposé par le RRMA Pays de la Loire ...": the rubric
/// of a programme box (a few words, no full stop) naming who proposes it; that collectivité or body.
std::optional<PartyMention> programme_proposer(const std::string& sentence, const PartyLexicon& lex) {
    static const std::regex rubric(R"(^[^.]*\bpropos(?:é|ée|és|ées)\s+par\s+([^.]+)$)", std::regex::icase);
    std::smatch m;
    if (text::words(sentence).size() > kRubricWords || !std::regex_match(sentence, m, rubric)) return std::nullopt;
    std::string named = m[1].str();
    for (auto& party : find_party_mentions(named, lex))
        if (party.french == 1 && party.kind != "pays") return party;
    return association_lead(named, lex);
}

/// "Lianes Coopération est le réseau multi-acteurs de la région Hauts-de-France.": the body of the
/// lexicon (PartyLexicon::add_body) opening the sentence as its subject, acting or not.
std::optional<PartyMention> opening_body(const std::string& sentence, const PartyLexicon& lex) {
    auto tokens = text::tokenize(sentence);
    std::size_t from = 0;
    if (!tokens.empty() && (tokens[0].folded == "le" || tokens[0].folded == "la" || tokens[0].folded == "les")) ++from;
    if (from < tokens.size() && (tokens[from].folded == "association" || tokens[from].folded == "rrma")) ++from;
    if (from >= tokens.size() || !lex.starts_body(tokens[from].folded)) return std::nullopt;
    for (std::size_t n = std::min<std::size_t>(kBodyNameWords, tokens.size() - from); n >= 1; --n) {
        std::string key;
        for (std::size_t k = from; k < from + n; ++k) key += (key.empty() ? "" : " ") + tokens[k].folded;
        const PartyLexicon::Body* body = lex.body(key);
        if (!body) continue;
        PartyMention m;
        m.raw = sentence.substr(tokens[0].begin, tokens[from + n - 1].end - tokens[0].begin);
        m.begin = tokens[0].begin;
        m.end = tokens[from + n - 1].end;
        m.kind = body->kind;
        m.place = m.name = body->name;
        m.french = 1;
        m.country = lex.country("France");
        return m;
    }
    return std::nullopt;
}

/// What a paragraph remembers while its sentences are read.
struct ParagraphState {
    int index = -1;
    std::vector<PartyMention> memory;  ///< French parties of the sentence just before
    int sentences_without_french = 0;  ///< since the paragraph's last sentence naming a French party
    std::vector<Pair> pairs;
    std::map<std::string, Country> countries;
    std::vector<PartyMention> french;  ///< every French party the paragraph names, in order
    bool strong_cue = false;           ///< the sentence just before has a cooperation word proper
    std::optional<PartyMention> body;  ///< the body opening the sentence just before, acting or not
};

/// `french` with the foreign parties a sentence names (that names no French party itself): the
/// localities, else the countries ("En Algérie, le projet « Ksar Tafilelt » ouvre la voie ..." -> Algérie).
std::vector<Pair> foreign_pairs(const PartyMention& french, const GuideSentence& s,
                                const std::vector<PartyMention>& mentions) {
    std::vector<Pair> out;
    for (bool localities : {true, false}) {
        for (const auto& m : mentions)
            if (m.french == 0 && !m.context_only && (m.kind != "pays") == localities)
                out.push_back({french, m, s.text, cooperation_theme(s.text), 0});
        if (!out.empty()) break;
    }
    return out;
}

/// Prose pairs: sentence by sentence, a paragraph remembering its French parties; the country the
/// text is about comes from the section or a country line ("Chili"). The sentence right after a
/// programme box's rubric ("PROGRAMME mutualisable proposé par l’AvITEM") describes the programme:
/// its foreign parties pair with the proposer when it names no French party.
std::vector<Pair> prose_pairs(const Guide& guide, const std::vector<std::vector<std::string>>& sections,
                              const PartyLexicon& lex) {
    std::vector<Pair> pairs;
    auto sentences = guide_sentences(guide, sections, &lex);
    auto abroad = abroad_paragraphs(sentences, lex);
    ParagraphState paragraph;
    std::vector<std::string> override_path;
    std::optional<Country> override_country;
    std::optional<PartyMention> proposer;  // of the programme whose rubric is the sentence just before
    for (const auto& s : sentences) {
        const auto& path = sections[static_cast<std::size_t>(s.line - 1)];
        if (path != override_path) {
            override_path = path;
            override_country.reset();
        }
        if (auto c = country_line(s.text, lex)) {
            override_country = c;
            continue;
        }
        if (s.paragraph != paragraph.index) {
            add_uncovered(paragraph.pairs, pairs);
            paragraph = ParagraphState{};
            paragraph.index = s.paragraph;
        }
        std::optional<Country> context = override_country ? override_country : country_of_path(path, lex);
        auto mentions = find_party_mentions(s.text, lex, context, abroad.count(s.paragraph) > 0);
        give_countries(s.text, mentions, paragraph.countries, lex);
        auto named_here = [&](const PartyMention& m) {
            return std::any_of(mentions.begin(), mentions.end(), [&](const PartyMention& n) {
                return n.begin == m.begin && n.end == m.end && n.end > 0 && n.key() == m.key();
            });
        };
        // The French parties of the sentence just before, not of any earlier one: "Le conseil
        // départemental des hautes-Alpes a conduit ... Le SICALA de la Haute-Loire a conduit ...
        // un volontaire ... auprès de la ville de Vushtrri" is no Hautes-Alpes partner.
        bool names_french = std::any_of(mentions.begin(), mentions.end(), [](const PartyMention& m) {
            return m.french == 1 && m.kind != "pays" && !m.context_only;
        });
        if (!names_french && paragraph.sentences_without_french++ > 0) paragraph.memory.clear();
        // "Elle s'inscrit ... dans les politiques ... menées par le conseil régional Hauts-de-France. En 2019,
        // la Mission Bassin Minier a rencontré des représentants de la province du Shanxi": a sentence
        // opening on an actor of its own says what that actor does, not the French party named before
        if (!names_french && opens_on_a_named_actor(s.text, mentions)) paragraph.memory.clear();
        if (names_french) paragraph.sentences_without_french = 0;
        for (const auto& m : mentions)
            if (m.french == 1 && m.kind != "pays" && !m.context_only) paragraph.french.push_back(m);
        bool cue_before = paragraph.strong_cue && opens_on_a_subject_pronoun(s.text);
        paragraph.strong_cue = cue_before || strong_cue(cue_text(s.text, mentions));
        auto sentence_pairs = pair_sentence(s.text, mentions, paragraph.memory, context, cue_before, lex);
        if (sentence_pairs.empty()) sentence_pairs = kind_adjective_pairs(s.text, mentions, paragraph.french);
        if (sentence_pairs.empty() && proposer && !names_french && !is_bullet(s.text))
            sentence_pairs = foreign_pairs(*proposer, s, mentions);
        // "Lianes Coopération est le réseau ... Son programme avec le maroc permettra ...": the work of the
        // body the sentence before opened on, though it did not act there
        if (sentence_pairs.empty() && paragraph.body && !names_french && opens_on_its_subjects_work(s.text))
            sentence_pairs = foreign_pairs(*paragraph.body, s, mentions);
        proposer = programme_proposer(s.text, lex);
        paragraph.body = opening_body(s.text, lex);
        for (auto& p : sentence_pairs) {
            p.line = s.line;
            for (const PartyMention* m : {&p.french, &p.foreign})
                if (named_here(*m)) p.lines.push_back(s.line_at(m->end - 1));  // the line of its name
            paragraph.pairs.push_back(std::move(p));
        }
    }
    add_uncovered(paragraph.pairs, pairs);
    return pairs;
}

/// Records: one partnership per pair of parties (the first statement kept, later ones in
/// `occurrences`), one partner per party with its mentions and partnerships.
std::vector<Record> partnership_records(const Guide& guide, const std::vector<std::vector<std::string>>& sections,
                                        const std::vector<Pair>& pairs) {
    struct PartnerAcc {
        Record record;
        std::set<std::string> mentions;
        std::vector<std::string> partnerships;
    };
    std::map<std::string, PartnerAcc> partners;
    std::map<std::string, Record> partnerships;
    std::vector<std::string> order;
    auto partner_of = [&](const PartyMention& m, const Pair& p) -> std::string {
        std::string id = party_id(m);
        auto [it, fresh] = partners.try_emplace(id);
        auto& acc = it->second;
        if (fresh) {
            Record& r = acc.record;
            r.id = id;
            r.type = "partner";
            r.title = display_name(m);
            r.line = p.line;
            r.page = guide.printed_page_of_line(p.line);
            r.section = sections[static_cast<std::size_t>(p.line - 1)];
            if (m.country) r.countries.push_back(*m.country);
            r.fields["name"] = r.title;
            r.fields["kind"] = m.kind;
            r.fields["place"] = m.place;
            r.fields["french"] = m.french == 1;
            r.fields["country"] = m.country ? m.country->name : "";
        } else if (acc.record.countries.empty() && m.country) {
            acc.record.countries.push_back(*m.country);
            acc.record.fields["country"] = m.country->name;
        }
        acc.mentions.insert(text::collapse_whitespace(m.raw));
        return id;
    };
    for (const auto& p : pairs) {
        std::string a = partner_of(p.french, p);
        std::string b = partner_of(p.foreign, p);
        std::string id = "partnership/" + a.substr(8) + "--" + b.substr(8);
        auto [it, fresh] = partnerships.try_emplace(id);
        Record& r = it->second;
        if (fresh) {
            order.push_back(id);
            r.id = id;
            r.type = "partnership";
            r.title = partners[a].record.title + " – " + partners[b].record.title;
            r.text = p.text;
            r.line = p.line;
            r.page = guide.printed_page_of_line(p.line);
            r.section = sections[static_cast<std::size_t>(p.line - 1)];
            if (p.foreign.country) r.countries.push_back(*p.foreign.country);
            r.fields["parties"] = {a, b};
            r.fields["theme"] = p.theme;
            r.fields["occurrences"] = nlohmann::json::array();
            partners[a].partnerships.push_back(id);
            partners[b].partnerships.push_back(id);
        }
        if (r.fields["theme"].get<std::string>().empty() && !p.theme.empty()) r.fields["theme"] = p.theme;
        // a later statement may say the country the first one left unsaid
        if (r.countries.empty() && p.foreign.country) r.countries.push_back(*p.foreign.country);
        // The lines naming the pair, each with the line its statement starts on: a sentence may start
        // lines before it names a party ("..., la commune de X a développé avec Y"). A statement naming
        // neither party itself (a pronoun, a programme's destination line) is named on its own line.
        std::vector<int> naming = p.lines.empty() ? std::vector<int>{p.line} : p.lines;
        auto& occurrences = r.fields["occurrences"];
        for (int l : naming) {
            bool known = std::any_of(occurrences.begin(), occurrences.end(),
                                     [&](const nlohmann::json& o) { return o["line"] == l; });
            if (!known)
                occurrences.push_back(
                    {{"line", l}, {"page", guide.printed_page_of_line(l)}, {"statement_line", p.line}});
        }
    }
    std::vector<Record> out;
    for (auto& [id, acc] : partners) {
        Record r = std::move(acc.record);
        r.fields["partnerships"] = acc.partnerships;
        r.fields["mentions"] = std::vector<std::string>(acc.mentions.begin(), acc.mentions.end());
        std::string kind = r.fields["kind"].get<std::string>();
        r.text = r.title + " (" + kind + (r.countries.empty() ? "" : ", " + r.countries.front().name) + ")";
        for (auto& m : acc.mentions) r.text += " · " + m;
        out.push_back(std::move(r));
    }
    for (auto& id : order) out.push_back(std::move(partnerships[id]));
    return out;
}

}  // namespace

int GuideSentence::line_at(std::size_t offset) const {
    int at = line;
    for (const auto& [start, number] : line_starts) {
        if (start > offset) break;
        at = number;
    }
    return at;
}

std::string cooperation_theme(const std::string& sentence) {
    // The pattern's openings in ASCII lower case: no match starts before the first of
    // them, and a sentence holding none has no theme (most sentences: no regex at all).
    std::string lower = sentence;
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    std::size_t first = std::string::npos;
    for (const char* opening : {"dans l", "sur l", "autour d", "en mati"}) first = std::min(first, lower.find(opening));
    if (first == std::string::npos) return "";
    static const std::regex re(
        R"((?:dans (?:le|les) domaines? (?:de la |de l(?:'|’)|du |des |de )?|sur (?:le|les) thèmes? (?:de la |de l(?:'|’)|du |des |de )?|autour (?:de la |de l(?:'|’)|du |des |de )|en matière (?:de la |de l(?:'|’)|de |d(?:'|’)))([^,.;:()]{3,}))",
        std::regex::icase);
    std::smatch m;
    if (!std::regex_search(sentence.begin() + static_cast<std::ptrdiff_t>(first), sentence.end(), m, re)) return "";
    std::string theme = text::collapse_whitespace(m[1].str());
    // keep whole words, at most about 90 bytes
    if (theme.size() > 90) theme = theme.substr(0, theme.rfind(' ', 90));
    return theme;
}

std::vector<GuideSentence> guide_sentences(const Guide& guide, const std::vector<std::vector<std::string>>& sections,
                                           const PartyLexicon* lexicon) {
    std::vector<GuideSentence> out;
    const auto& lines = guide.lines();
    std::vector<std::string> para;
    std::vector<int> numbers;
    int paragraph = 0;
    auto flush = [&] {
        if (para.empty()) return;
        // cumulative joined length after each line, to find the line a sentence starts on
        std::vector<std::size_t> upto;
        std::vector<std::string> prefix;
        for (auto& l : para) {
            prefix.push_back(l);
            upto.push_back(join_lines(guide, prefix).size());
        }
        std::string joined = join_lines(guide, para);
        auto starts = sentence_starts(joined);
        for (std::size_t k = 0; k < starts.size(); ++k) {
            std::size_t end = k + 1 < starts.size() ? starts[k + 1] : joined.size();
            std::string s = text::collapse_whitespace(joined.substr(starts[k], end - starts[k]));
            if (s.empty()) continue;
            std::size_t li = 0;
            while (li + 1 < upto.size() && upto[li] <= starts[k]) ++li;
            GuideSentence sentence{s, numbers[li], paragraph, {}};
            for (std::size_t n = li; n + 1 < upto.size() && upto[n] < end; ++n)
                sentence.line_starts.emplace_back(upto[n] - starts[k], numbers[n + 1]);
            out.push_back(std::move(sentence));
        }
        para.clear();
        numbers.clear();
        ++paragraph;
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& l = lines[i];
        std::string t = text::collapse_whitespace(l.text);
        if (t.empty()) {
            if (!continues_over_blank(para, lines, i)) flush();
            continue;
        }
        bool heading =
            (i > 0 && i < sections.size() && sections[i] != sections[i - 1]) || (lexicon && country_line(t, *lexicon));
        bool page_break = i > 0 && l.sheet != lines[i - 1].sheet;
        bool closed = !para.empty() && ends_sentence(para.back());
        if (is_bullet(t) || heading || (page_break && closed)) flush();
        para.push_back(t);
        numbers.push_back(l.number);
        if (heading) flush();  // a heading is a paragraph of its own
    }
    flush();
    return out;
}

PartnerOptions default_partner_options() {
    namespace fs = std::filesystem;
    PartnerOptions options;
    if (fs::exists(fs::path(options.node_modules) / "@etalab")) return options;
    // The country table's path is fixed at build time inside the source tree's node_modules.
    fs::path countries = CountryTable::default_path();
    options.node_modules = countries.parent_path().parent_path().parent_path().string();
    return options;
}

PartyLexicon default_party_lexicon() {
    return PartyLexicon::load(default_partner_options(), CountryTable::default_table());
}

std::vector<Record> extract_partnerships(const Guide& guide, const std::vector<std::vector<std::string>>& sections) {
    return extract_partnerships(guide, sections, default_party_lexicon());
}

std::vector<Record> extract_partnerships(const Guide& guide, const std::vector<std::vector<std::string>>& sections,
                                         PartyLexicon lexicon) {
    return extract_partnerships(guide, sections, DisplayText(guide), find_programme_blocks(guide), std::move(lexicon));
}

std::vector<Record> extract_partnerships(const Guide& guide, const std::vector<std::vector<std::string>>& sections,
                                         const DisplayText& display, const std::vector<ProgrammeBlock>& blocks,
                                         PartyLexicon lex) {
    lex.learn_case(guide);
    // Programme blocks first: the associations leading them are bodies the prose may show acting.
    auto programme = programme_pairs(blocks, sections, lex);
    std::vector<std::string> association_leads;
    for (const auto& p : programme)
        if (p.french.kind == "association") association_leads.push_back(p.french.name);
    learn_acting_bodies(guide, association_leads, lex);
    auto pairs = prose_pairs(guide, sections, lex);
    pairs.insert(pairs.end(), programme.begin(), programme.end());
    for (auto& t : table_pairs(guide, lex))
        pairs.push_back({std::move(t.lead), std::move(t.country), std::move(t.text), std::move(t.theme), t.line,
                         std::move(t.lines)});
    auto records = partnership_records(guide, sections, pairs);
    for (auto& r : records)
        if (r.type == "partnership") r.text = display.prose(r.text);
    return records;
}

}  // namespace coopatlas::indexer
