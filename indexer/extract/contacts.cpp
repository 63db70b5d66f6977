#include "indexer/extract/contacts.hpp"

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "core/text.hpp"
#include "indexer/extract/programmes.hpp"
#include "indexer/guide/glossary.hpp"
#include "indexer/places/countries.hpp"

namespace coopatlas::indexer {

namespace {

const std::regex& email_re() {
    static const std::regex re(R"([A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})");
    return re;
}
const std::regex& phone_re() {
    static const std::regex re(R"((\+\s?\d{1,3}[\s.]?)?(\(\d{1,4}\)\s?)?\d{1,4}([\s.]\d{2,4}){3,5})");
    return re;
}
const std::regex& url_re() {
    static const std::regex re(R"((https?://|www\.)\S+)");
    return re;
}

std::string lower_ascii(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Words that open an organisation's name rather than a role.
bool organisation_start(const std::string& folded_word) {
    static const std::set<std::string> words = {
        "ambassade",  "consulat",   "association", "conseil", "ministere",     "reseau",     "fonds",
        "alliance",   "mairie",     "ville",       "region",  "metropole",     "conference", "institut",
        "agence",     "federation", "cites",       "front",   "conservatoire", "office",     "delegation",
        "commission", "communaute", "departement", "centre",  "groupement",    "fondation",  "universite",
        "musee",      "maison",     "syndicat"};
    return words.count(folded_word) > 0;
}

// Words that open a role ("chargée de mission", "directeur") or a sentence: such a line is no name.
bool role_or_prose_start(const std::string& folded_word) {
    static const std::set<std::string> words = {"directeur",
                                                "directrice",
                                                "charge",
                                                "chargee",
                                                "responsable",
                                                "secretaire",
                                                "conseiller",
                                                "conseillere",
                                                "chef",
                                                "cheffe",
                                                "president",
                                                "presidente",
                                                "delegue",
                                                "deleguee",
                                                "expert",
                                                "experte",
                                                "groupe",
                                                "coordinateur",
                                                "coordinatrice",
                                                "representant",
                                                "representante",
                                                "le",
                                                "la",
                                                "les",
                                                "l",
                                                "un",
                                                "une",
                                                "pour",
                                                "en",
                                                "voir",
                                                "contact",
                                                "contacts",
                                                "attache",
                                                "attachee",
                                                "adjoint",
                                                "adjointe",
                                                "vice",
                                                "secretariat",
                                                "service",
                                                "direction",
                                                "pole",
                                                "mission",
                                                "comite"};
    return words.count(folded_word) > 0;
}

// A line that can be a person's name: one to five words of letters, no digits,
// not opening like an organisation, a role or a sentence.
bool looks_like_name(const std::string& line, const DisplayText& display) {
    std::string t = text::collapse_whitespace(line);
    if (t.empty() || t.size() > 60) return false;
    for (char c : t)
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '@' || c == '/' || c == ':' || c == ',' || c == '|' ||
            c == '(')
            return false;
    auto ws = text::words(t);
    if (ws.empty() || ws.size() > 5) return false;
    if (organisation_start(ws[0]) || role_or_prose_start(ws[0])) return false;
    for (const auto& w : ws) {
        if (display.is_acronym(w) && w.size() > 1) {
            // "DAECT" alone is an organisation; an initial ("L.") is fine
            bool initial = w.size() == 1;
            if (!initial) return false;
        }
        if (text::is_stopword(w) && w.size() > 1 && w != "de" && w != "du" && w != "le" && w != "la") return false;
    }
    return true;
}

// Splits "role à Organisation" / "role de l'Organisation" into its two parts.
void split_role_organisation(const std::string& s, std::string& role, std::string& organisation,
                             const DisplayText& display) {
    std::string t = text::collapse_whitespace(s);
    if (t.empty()) return;
    auto ws = text::words(t);
    auto first_upper = [](const std::string& x) {
        unsigned char c = x.empty() ? 0 : static_cast<unsigned char>(x[0]);
        return std::isupper(c) || c >= 0xC3;  // a capital, or an accented capital ("École", "Île")
    };
    std::string repaired = display.text(t);
    if (!ws.empty() && (organisation_start(ws[0]) || display.is_acronym(ws[0]) || first_upper(repaired))) {
        organisation = capitalize_first(repaired);
        return;
    }
    static const char* const kMarkers[] = {
        " au sein de l’", " au sein de l'", " au sein de la ", " au sein du ", " au sein de ", " auprès de ",
        " à l’",          " à l'",          " à la ",          " à ",          " au ",         " de l’",
        " de l'",         " du ",           " de la ",         " de "};
    // "experte française au sein de RYCO": without its place the function says little, so the
    // role keeps "au sein de X" and X is also the organisation.
    size_t best = std::string::npos, best_len = 0;
    for (const char* m : kMarkers) {
        std::string marker = m;
        for (size_t pos = repaired.find(marker); pos != std::string::npos; pos = repaired.find(marker, pos + 1)) {
            std::string rest = repaired.substr(pos + marker.size());
            auto rw = text::words(rest);
            bool org = !rest.empty() && (first_upper(rest) || (!rw.empty() && organisation_start(rw[0])));
            if (org && pos < best) {
                best = pos;
                best_len = marker.size();
            }
            if (org) break;
        }
    }
    if (best == std::string::npos) {
        // "directeur IfECo": a function followed by an acronym names the organisation
        auto space = repaired.rfind(' ');
        std::string last = space == std::string::npos ? "" : repaired.substr(space + 1);
        if (!last.empty() && display.is_acronym(text::fold(last)) && last == display.text(text::fold(last)) &&
            role_or_prose_start(ws[0])) {
            role = text::collapse_whitespace(repaired.substr(0, space));
            organisation = last;
            return;
        }
        role = repaired;
        return;
    }
    std::string marker = repaired.substr(best, best_len);
    bool within = marker.rfind(" au sein d", 0) == 0;
    role = within ? repaired : text::collapse_whitespace(repaired.substr(0, best));
    // Mid-line, the organisation keeps the case the guide prints ("au ministère de la
    // Décentralisation" -> "ministère de la Décentralisation"); the elided article goes.
    organisation = text::collapse_whitespace(repaired.substr(best + best_len));
}

// A postal address ("57, boulevard des Invalides - 75007 Paris 07 SP") is neither role nor organisation.
bool is_address(const std::string& line) {
    static const std::regex re(R"((^\d{1,4},? (rue|bd|boulevard|avenue|place|quai|allée|chemin)\b)|\b\d{5}\b)",
                               std::regex::icase);
    return std::regex_search(line, re);
}

// The lines between a name and its address, as units: a line that ends on an open word
// ("secrétaire exécutif de l’Association nationale" / "des Communes du Bénin (AnCB)") goes on
// with the next one; otherwise the next line is a unit of its own ("ambassade de france au
// Mexique" / "Institut français pour l’Amérique latine").
std::vector<std::string> info_units(const Guide& guide, const std::vector<std::string>& lines) {
    static const std::regex open_end(
        R"((\b(de|du|des|d’|d'|la|le|les|l’|l'|à|au|aux|et|en|pour|sur|avec|auprès)|[,’'\-])$)", std::regex::icase);
    static const std::set<std::string> articles = {"le", "la", "les", "l", "un", "une", "pour", "en", "voir"};
    std::vector<std::vector<std::string>> groups;
    for (const auto& l : lines) {
        auto ws = text::words(l);
        // a new unit opens like a function or an organisation ("comité de pilotage", "Institut ...");
        // "france" or "centrafricaine" alone end the line above
        bool opens = !ws.empty() && !articles.count(ws[0]) && (organisation_start(ws[0]) || role_or_prose_start(ws[0]));
        if (groups.empty() || (opens && !std::regex_search(text::collapse_whitespace(groups.back().back()), open_end)))
            groups.emplace_back();
        groups.back().push_back(l);
    }
    std::vector<std::string> units;
    for (const auto& g : groups) units.push_back(join_lines(guide, g));
    return units;
}

// Role and organisation from the units under a name: the first gives both ("groupe-pays Bénin
// à Cités Unies france"); a later unit that opens like an organisation is another organisation
// when none is known yet, else it is added to it; a later unit that opens in lower case is
// another function ("comité de pilotage des Rencontres").
void roles_and_organisations(const std::vector<std::string>& units, Person& p, const DisplayText& display) {
    for (size_t k = 0; k < units.size(); ++k) {
        std::string role, organisation;
        split_role_organisation(units[k], role, organisation, display);
        if (k == 0 && !organisation.empty() && role.empty()) organisation = capitalize_first(organisation);
        if (!role.empty()) p.role += (p.role.empty() ? "" : ", ") + role;
        if (!organisation.empty()) p.organisation += (p.organisation.empty() ? "" : ", ") + organisation;
    }
}

// Acronyms of the guide not explained by its glossary, with the expansion the text gives:
// "(Regional Youth Cooperation Office – RYCO)" or "Agence ... (ABC)".
std::map<std::string, std::string> text_definitions(const Guide& guide, const DisplayText& display) {
    std::map<std::string, std::string> out;  // folded acronym -> display expansion
    std::vector<std::string> paragraph;
    auto flush = [&] {
        // Both kinds of definition sit in parentheses, which the display repair neither adds
        // nor removes: a paragraph without any is skipped before its costly repair.
        bool parenthesis = std::any_of(paragraph.begin(), paragraph.end(),
                                       [](const std::string& l) { return l.find('(') != std::string::npos; });
        if (!parenthesis) paragraph.clear();
        if (paragraph.empty()) return;
        std::string t = display.text(join_lines(guide, paragraph));
        paragraph.clear();
        static const std::regex dash(R"(\(([^()]{8,120}?)\s+(?:–|-)\s+([A-Za-z]{2,10})\))");
        for (std::sregex_iterator it(t.begin(), t.end(), dash), end; it != end; ++it)
            out.try_emplace(text::fold((*it)[2].str()), text::collapse_whitespace((*it)[1].str()));
        for (const auto& a : defined_acronyms(t)) {
            auto at = t.find("(" + display.text(a.acronym) + ")");
            if (at == std::string::npos) at = t.find("(" + a.acronym + ")");
            if (at == std::string::npos) continue;
            std::string before = text::collapse_whitespace(t.substr(0, at));
            for (size_t pos = before.size(); pos-- > 0;) {
                if (pos != 0 && before[pos - 1] != ' ') continue;
                std::string candidate = before.substr(pos);
                std::string folded;
                for (const auto& w : text::words(candidate)) folded += (folded.empty() ? "" : " ") + w;
                if (folded == a.expansion) {
                    out.try_emplace(text::fold(a.acronym), candidate);
                    break;
                }
                if (folded.size() > a.expansion.size()) break;
            }
        }
    };
    for (const auto& l : guide.lines()) {
        if (l.blank())
            flush();
        else
            paragraph.push_back(l.text);
    }
    flush();
    std::set<std::string> explained;
    for (const auto& [acronym, expansion] : display.glossary()) explained.insert(text::fold(acronym));
    for (auto it = out.begin(); it != out.end();) {
        if (explained.count(it->first) || !display.is_acronym(it->first))
            it = out.erase(it);
        else
            ++it;
    }
    return out;
}

// What the organisation needs to be understood out of its section: a bare acronym the glossary
// does not explain gets the expansion the text gives ("RYCO (Regional Youth Cooperation Office)");
// a ministry in a foreign country's section gets that country ("ministère de la Décentralisation
// (Cameroun)").
std::string complete_organisation(const std::string& organisation, const std::vector<std::string>& section,
                                  const std::map<std::string, std::string>& definitions) {
    if (organisation.empty()) return organisation;
    auto ws = text::words(organisation);
    if (ws.size() == 1) {
        auto it = definitions.find(ws[0]);
        if (it != definitions.end() && organisation.find('(') == std::string::npos)
            return organisation + " (" + it->second + ")";
    }
    if (!section.empty() && (ws[0] == "ministere" || ws[0] == "ministeres")) {
        static const std::regex number(R"(^\d{1,2}(\.\d{1,2})?\s+)");
        const auto& table = CountryTable::default_table();
        auto country = table.lookup(std::regex_replace(section.back(), number, ""));
        if (country && country->code != "FR" && table.find_in(organisation).empty())
            return organisation + " (" + country->name + ")";
    }
    return organisation;
}

// "patrick.riba@..." printed alone under "Bolivie :": the person is Patrick Riba.
// Only for a "first.last" address of two alphabetic parts of two letters or more.
std::string name_from_email(const std::string& email, const DisplayText& display) {
    static const std::regex first_last(R"(^([a-z]{2,}(?:-[a-z]{2,})?)\.([a-z]{2,}(?:-[a-z]{2,})?)@)");
    std::smatch m;
    if (!std::regex_search(email, m, first_last)) return "";
    return display.name(m[1].str() + " " + m[2].str());
}

struct Appearance {
    Person person;
    std::vector<std::string> section;
};

// Groups of lines around each e-mail address outside programme blocks: the
// lines above it up to a blank line, a header or another address, and the
// lines below it up to a blank line or a page break.
// "Ambassade de France en Argentine" for a country label ("Argentine :") under a header
// "ConTACTs AU sEIn DEs AMBAssADEs": the preposition the guide itself uses with that country
// ("ambassade de france au Brésil"), else the usual one (en before a vowel or a feminine -e,
// aux before a plural, au otherwise).
// `folded_lines`: the guide's lines, folded.
std::string embassy_of(const std::vector<std::string>& folded_lines, const Country& country,
                       const std::string& printed) {
    static const std::regex re(R"(ambassade de france (en|au|aux) ([a-z' -]+))");
    std::string prep;
    for (const auto& f : folded_lines) {
        if (f.find("ambassade de france") == std::string::npos) continue;
        for (std::sregex_iterator it(f.begin(), f.end(), re), end; it != end && prep.empty(); ++it) {
            auto found = CountryTable::default_table().find_in((*it)[2].str());
            if (!found.empty() && found.front().code == country.code) prep = (*it)[1].str();
        }
        if (!prep.empty()) break;
    }
    if (prep.empty()) {
        std::string f = text::fold(printed);
        bool vowel = !f.empty() && std::string("aeiouy").find(f[0]) != std::string::npos;
        prep = vowel || (!f.empty() && f.back() == 'e') ? "en" : (!f.empty() && f.back() == 's') ? "aux" : "au";
    }
    return "Ambassade de France " + prep + " " + printed;
}

/// A contact block's header, "ConTACT | DAECT" or "ConTACTs" (matched on folded text).
const std::regex& contact_header() {
    static const std::regex header(R"(^contacts?\s*(\|\s*(.+))?$)", std::regex::icase);
    return header;
}

void people_in_groups(const Guide& guide, const std::vector<std::vector<std::string>>& sections,
                      const std::set<int>& skip_lines, const DisplayText& display, std::vector<Appearance>& out) {
    const auto& lines = guide.lines();
    const std::regex& header = contact_header();
    // Folded once: embassy labels search the guide and the lines above them.
    std::vector<std::string> folded_lines;
    folded_lines.reserve(lines.size());
    for (const auto& l : lines) folded_lines.push_back(text::fold(l.text));
    for (size_t i = 0; i < lines.size(); ++i) {
        const auto& l = lines[i];
        if (skip_lines.count(l.number)) continue;
        std::string t = text::collapse_whitespace(l.text);
        if (t.rfind("mailto:", 0) == 0) continue;
        auto emails = find_emails(t);
        if (emails.empty()) continue;
        // "•	 Coordonnées : AimF – sp@aimf.asso.fr" of a block the programme reader did not take whole
        static const std::regex coordinates(R"(^•\s*Coordonn\S*\s*:\s*(.*)$)");
        // ... or whose value runs down to this line ("•	 Coordonnées : Lucas Giboin, chargé de mission" /
        // "" / "Sahel, l.giboin@cites-unies-france.org")
        std::smatch cm;
        std::vector<std::string> value_lines = {t};
        for (size_t k = i; k > 0 && k + 4 > i && !std::regex_match(value_lines.front(), cm, coordinates);) {
            std::string above_line = text::collapse_whitespace(lines[--k].text);
            if (above_line.empty()) continue;
            if (above_line.rfind("•", 0) == 0 && !std::regex_match(above_line, coordinates)) break;
            if (!find_emails(above_line).empty()) break;
            value_lines.insert(value_lines.begin(), above_line);
        }
        if (std::regex_match(value_lines.front(), cm, coordinates)) {
            value_lines.front() = cm[1].str();
            for (auto& p : people_in_coordinates(join_lines(guide, value_lines), l.number, display))
                if (p.email == emails.front() || std::find(emails.begin(), emails.end(), p.email) != emails.end())
                    out.push_back({std::move(p), sections[i]});
            continue;
        }
        // Organisation named by the block header "ConTACT | DAECT".
        std::string header_org;
        size_t top = i;
        std::vector<std::string> above;
        while (top > 0) {
            const auto& prev = lines[top - 1];
            if (prev.blank() || l.sheet - prev.sheet > 1) break;
            std::string pt = text::collapse_whitespace(prev.text);
            std::smatch m;
            std::string pf = text::fold(pt);
            if (std::regex_match(pf, m, header)) {
                if (m[2].matched) {
                    std::smatch raw;
                    auto bar = pt.find('|');
                    header_org = display.text(text::collapse_whitespace(pt.substr(bar + 1)));
                }
                break;
            }
            if (!find_emails(pt).empty() || pt.rfind("•", 0) == 0 || above.size() >= 5) break;
            above.insert(above.begin(), pt);
            --top;
            if (prev.text.size() > 1 && prev.text[0] == ' ' && prev.text[1] != ' ') break;  // first line of a sheet
        }
        if (header_org.empty() && top > 0) {
            // "ConTACT | DAECT", a blank line, then the name: look back over the blank line for the header.
            size_t h = top;
            while (h > 0 && lines[h - 1].blank()) --h;
            if (h > 0) {
                std::smatch m;
                std::string ht = text::collapse_whitespace(lines[h - 1].text);
                std::string hf = text::fold(ht);
                if (std::regex_match(hf, m, header) && m[2].matched)
                    header_org = display.text(text::collapse_whitespace(ht.substr(ht.find('|') + 1)));
            }
        }
        std::vector<std::string> below;
        for (size_t k = i + 1; k < lines.size() && below.size() < 3; ++k) {
            if (lines[k].blank() || lines[k].sheet != l.sheet) break;
            std::string bt = text::collapse_whitespace(lines[k].text);
            if (!find_emails(bt).empty()) break;
            if (std::regex_search(bt, phone_re()) || std::regex_search(bt, url_re()))
                below.push_back(bt);
            else
                break;
        }
        // Prose mentioning an address ("écrire à x@y.fr") keeps only the address.
        bool prose = std::any_of(above.begin(), above.end(), [](const std::string& a) { return a.size() > 70; }) ||
                     t.size() > 70;
        for (const auto& email : emails) {
            Person p;
            p.email = email;
            p.line = l.number;
            std::vector<std::string> info = prose ? std::vector<std::string>{} : above;
            // the e-mail line may hold text before the address ("Lucas Giboin, l.giboin@...")
            if (!prose && !info.empty() && looks_like_name(info.front(), display) && !is_generic_email(email)) {
                p.name = display.name(info.front());
                info.erase(info.begin());
            }
            std::vector<std::string> rest;
            for (const auto& a : info) {
                if (!a.empty() && a.back() == ':') {
                    // "Argentine :", "et à la DAECT :" label the address; an acronym there is the organisation
                    for (const auto& w : text::words(a))
                        if (w.size() >= 3 && display.is_acronym(w) && p.organisation.empty() && display.text(w) != w)
                            p.organisation = display.text(w);
                    // a country under "ConTACTs AU sEIn DEs AMBAssADEs": that country's embassy
                    std::string label = text::collapse_whitespace(a.substr(0, a.size() - 1));
                    auto country = CountryTable::default_table().lookup(label);
                    bool embassies = false;
                    for (size_t k = i; k > 0 && k + 40 > i && !embassies;)
                        embassies = folded_lines[--k].find("au sein des ambassades") != std::string::npos;
                    if (p.organisation.empty() && country && embassies)
                        p.organisation = embassy_of(folded_lines, *country, display.sentence(label));
                    continue;
                }
                if (is_address(a)) continue;
                std::smatch m;
                if (std::regex_search(a, m, url_re()) && text::collapse_whitespace(a) == m.str())
                    p.url = m.str();
                else if (std::regex_search(a, m, phone_re()) &&
                         m.str().size() + 4 >= text::collapse_whitespace(a).size())
                    p.phone = text::collapse_whitespace(m.str());
                else
                    rest.push_back(a);
            }
            for (const auto& b : below) {
                std::smatch m;
                if (std::regex_search(b, m, url_re()))
                    p.url = m.str();
                else if (std::regex_search(b, m, phone_re()))
                    p.phone = text::collapse_whitespace(m.str());
            }
            if (p.name.empty() && !is_generic_email(email)) {
                p.name = name_from_email(email, display);
                p.name_from_email = !p.name.empty();
            }
            if (!rest.empty()) roles_and_organisations(info_units(guide, rest), p, display);
            if (p.organisation.empty() && !header_org.empty()) p.organisation = header_org;
            out.push_back({std::move(p), sections[i]});
        }
    }
}

}  // namespace

std::vector<std::string> find_emails(std::string_view s) {
    std::vector<std::string> out;
    if (s.find('@') == std::string_view::npos) return out;  // most lines: no regex search
    std::string str(s);
    for (std::sregex_iterator it(str.begin(), str.end(), email_re()), end; it != end; ++it) {
        std::string e = lower_ascii(it->str());
        while (!e.empty() && (e.back() == '.' || e.back() == '-')) e.pop_back();
        if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
    }
    return out;
}

bool contact_block(std::string_view text) {
    const std::string folded = text::collapse_whitespace(text::fold(text));
    if (std::regex_match(folded, contact_header())) return true;
    if (find_emails(text).empty() || text.find("•") != std::string_view::npos) return false;
    size_t words = 0;
    for (const auto& w : text::split(folded, ' '))
        if (!w.empty() && w.find('@') == std::string::npos && w.rfind("http", 0) != 0 && w.rfind("www.", 0) != 0)
            ++words;
    return words <= kContactBlockWords;
}

bool is_generic_email(const std::string& email) {
    static const std::set<std::string> functions = {"sp",
                                                    "contact",
                                                    "contacts",
                                                    "info",
                                                    "infos",
                                                    "information",
                                                    "direction",
                                                    "secretariat",
                                                    "international",
                                                    "accueil",
                                                    "communication",
                                                    "presidence",
                                                    "cabinet",
                                                    "webmaster",
                                                    "bonjour",
                                                    "hello",
                                                    "courrier",
                                                    "mairie",
                                                    "daei",
                                                    "dri",
                                                    "ri",
                                                    "cooperation",
                                                    "relations-internationales",
                                                    "europe",
                                                    "admin",
                                                    "office",
                                                    "coordination",
                                                    "scac",
                                                    "annee",
                                                    "semaine"};
    std::string local = email.substr(0, email.find('@'));
    if (functions.count(local)) return true;
    // "annee-2021.meae@", "semaine-alc.ame@": a function word first, or a year in the address
    auto first = local.substr(0, local.find_first_of(".-_"));
    if (functions.count(first) && first.size() > 3) return true;
    if (std::any_of(local.begin(), local.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return true;
    auto dot = local.find_first_of(".-_");
    return dot != std::string::npos && functions.count(local.substr(0, dot)) && local.substr(0, dot).size() > 3;
}

std::vector<Person> people_in_coordinates(const std::string& value, int line, const DisplayText& display) {
    std::vector<Person> out;
    std::string v = value;
    std::vector<std::pair<size_t, size_t>> spans;
    for (std::sregex_iterator it(v.begin(), v.end(), email_re()), end; it != end; ++it)
        spans.emplace_back(static_cast<size_t>(it->position()), static_cast<size_t>(it->length()));
    size_t from = 0;
    for (size_t k = 0; k < spans.size(); ++k) {
        auto [pos, len] = spans[k];
        Person p;
        p.line = line;
        p.email = find_emails(v.substr(pos, len)).front();
        std::string before = text::collapse_whitespace(v.substr(from, pos - from));
        size_t after_end = k + 1 < spans.size() ? spans[k + 1].first : v.size();
        std::string after = text::collapse_whitespace(v.substr(pos + len, after_end - pos - len));
        from = pos + len;
        // "bouzid.sabeg@orange.fr (Arles), ..." : the organisation follows in parentheses.
        if (!after.empty() && after[0] == '(') {
            auto close = after.find(')');
            p.organisation = display.text(
                text::collapse_whitespace(after.substr(1, close == std::string::npos ? std::string::npos : close - 1)));
            from = pos + len + v.substr(pos + len).find(')') + 1;
        }
        while (!before.empty() && (before.front() == ',' || before.front() == ')' || before.front() == '.'))
            before = text::collapse_whitespace(before.substr(1));
        while (!before.empty() && (before.back() == ',' || before.back() == ':'))
            before = text::collapse_whitespace(before.substr(0, before.size() - 1));
        // "AimF – sp@aimf.asso.fr": an organisation before a dash.
        for (const char* dash : {" – ", " - "}) {
            auto d = before.rfind(dash);
            if (d != std::string::npos && d + std::string(dash).size() >= before.size() - 1) {
                p.organisation = display.text(text::collapse_whitespace(before.substr(0, d)));
                before.clear();
            }
        }
        auto ends_with = [](const std::string& s, const std::string& suffix) {
            return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
        };
        for (const char* dash : {" –", " -"})
            if (ends_with(before, dash)) {
                p.organisation =
                    display.text(text::collapse_whitespace(before.substr(0, before.size() - std::string(dash).size())));
                before.clear();
            }
        if (!before.empty()) {
            // "Juliette delbe, directrice des relations internationales" or "marc nielsen, directeur".
            auto comma = before.find(',');
            std::string name = text::collapse_whitespace(before.substr(0, comma));
            std::string role = comma == std::string::npos ? "" : text::collapse_whitespace(before.substr(comma + 1));
            if (looks_like_name(name, display) && !is_generic_email(p.email)) {
                p.name = display.name(name);
                if (!role.empty()) split_role_organisation(role, p.role, p.organisation, display);
            } else if (comma == std::string::npos && text::words(name).size() >= 3) {
                // "marc nielsen directeur" without a comma: the name is the first two words.
                auto ws = text::words(name);
                (void)ws;
                split_role_organisation(name, p.role, p.organisation, display);
            } else {
                split_role_organisation(before, p.role, p.organisation, display);
            }
        }
        if (p.name.empty() && !is_generic_email(p.email)) {
            p.name = name_from_email(p.email, display);
            p.name_from_email = !p.name.empty();
        }
        out.push_back(std::move(p));
    }
    return out;
}

std::string contact_id(const Person& person) {
    return "contact/" + slugify(person.name.empty() ? person.email : person.name);
}

std::vector<Record> extract_contacts(const Guide& guide, const std::vector<std::vector<std::string>>& sections) {
    return extract_contacts(guide, sections, DisplayText(guide));
}

std::vector<Record> extract_contacts(const Guide& guide, const std::vector<std::vector<std::string>>& sections,
                                     const DisplayText& display) {
    return extract_contacts(guide, sections, display, find_programme_blocks(guide));
}

namespace {

/// The people of the blocks' "Coordonnées": they work for the block's lead when they name no
/// organisation ("Porteur : Fonds mondial des villes", "Collectivité territoriale cheffe de file :
/// conseil régional des Hauts-de-France"). Adds the blocks' lines to `programme_lines`.
void people_in_blocks(const std::vector<ProgrammeBlock>& blocks, const std::vector<std::vector<std::string>>& sections,
                      const DisplayText& display, std::set<int>& programme_lines,
                      std::vector<Appearance>& appearances) {
    for (const auto& b : blocks) {
        for (int n = b.line; n <= b.end_line; ++n) programme_lines.insert(n);
        std::string lead;
        for (const auto& f : b.fields) {
            std::string label = text::fold(f.label);
            bool is_lead = label.rfind("porteur", 0) == 0 || label.find("cheffe de file") != std::string::npos ||
                           label.find("responsable") != std::string::npos;
            if (is_lead && lead.empty() && !f.value.empty()) lead = capitalize_first(display.text(f.value));
        }
        for (const auto& f : b.fields) {
            if (text::fold(f.label).rfind("coordonnees", 0) != 0) continue;
            for (auto& p : people_in_coordinates(f.value, f.line, display)) {
                if (p.organisation.empty() && !lead.empty() && lead.size() < 80) p.organisation = lead;
                appearances.push_back({std::move(p), sections[static_cast<size_t>(f.line - 1)]});
            }
        }
    }
}

/// Appearances of one person: the same e-mail, or the same folded name when one has no e-mail
/// (two people of the same name with two different addresses stay apart).
struct PersonGroup {
    std::string key;  // "contact/" + slug of the name (of the address for a generic one)
    std::string name, phone, url;
    bool name_from_email = false;
    std::vector<size_t> members;  // indexes into appearances
};

/// The people of the appearances (sorted by line); `person_of` gives each appearance's group.
std::vector<PersonGroup> group_people(const std::vector<Appearance>& appearances, std::vector<size_t>& person_of) {
    std::vector<PersonGroup> people;
    person_of.assign(appearances.size(), 0);
    std::map<std::string, size_t> by_email, by_name;
    std::set<std::string> keys;
    for (size_t i = 0; i < appearances.size(); ++i) {
        const Person& p = appearances[i].person;
        size_t index = people.size();
        std::string folded_name = p.name.empty() ? "" : text::fold(p.name);
        if (!p.email.empty() && by_email.count(p.email))
            index = by_email[p.email];
        else if (!folded_name.empty() && by_name.count(folded_name)) {
            size_t candidate = by_name[folded_name];
            // two people of the same name with two different addresses stay apart
            bool other_address = false;
            for (size_t m : people[candidate].members)
                if (!p.email.empty() && !appearances[m].person.email.empty() && appearances[m].person.email != p.email)
                    other_address = true;
            if (!other_address) index = candidate;
        }
        if (index == people.size()) {
            PersonGroup g;
            std::string key = contact_id(p);
            for (int n = 2; keys.count(key); ++n) key = contact_id(p) + "-" + std::to_string(n);
            keys.insert(key);
            g.key = key;
            people.push_back(std::move(g));
        }
        PersonGroup& g = people[index];
        g.members.push_back(i);
        // the first printed spelling ("virgine Rouquette" later is a typo); a name read from the
        // address ("maria-ines.rosas@") gives way to the printed one ("María Inés Rosas")
        if (g.name.empty() || (g.name_from_email && !p.name.empty() && !p.name_from_email)) {
            g.name = p.name;
            g.name_from_email = p.name_from_email;
        }
        if (g.phone.empty()) g.phone = p.phone;
        if (g.url.empty()) g.url = p.url;
        person_of[i] = index;
        if (!p.email.empty()) by_email.emplace(p.email, index);
        if (!folded_name.empty()) by_name.emplace(folded_name, index);
    }

    return people;
}

/// One record per appearance: the guide gives a person's role and organisation per section
/// ("groupe-pays Algérie", then "groupe-pays Tunisie"). Appearances of one person share the key
/// `person`, the name, and the lists of every section and line where the person appears.
std::vector<Record> contact_records(const Guide& guide, const std::vector<Appearance>& appearances,
                                    const std::vector<PersonGroup>& people, const std::vector<size_t>& person_of) {
    std::vector<Record> records;
    std::set<std::string> ids;
    auto opt = [](const std::string& v) { return v.empty() ? nlohmann::json(nullptr) : nlohmann::json(v); };
    for (size_t i = 0; i < appearances.size(); ++i) {
        const Person& p = appearances[i].person;
        const PersonGroup& g = people[person_of[i]];
        Record r;
        r.type = "contact";
        r.line = p.line;
        r.page = guide.printed_page_of_line(p.line);
        r.section = appearances[i].section;
        r.title = !g.name.empty() ? g.name : !p.organisation.empty() ? p.organisation : p.email;
        std::string id = g.key;
        if (ids.count(id) && !r.section.empty()) id = g.key + "--" + slugify(r.section.back());
        std::string base = id;
        for (int n = 2; ids.count(id); ++n) id = base + "-" + std::to_string(n);
        ids.insert(id);
        r.id = id;
        r.fields["person"] = g.key;
        r.fields["name"] = opt(g.name);
        r.fields["role"] = opt(p.role);
        r.fields["organisation"] = opt(p.organisation);
        r.fields["email"] = opt(p.email);
        r.fields["phone"] = opt(p.phone.empty() ? g.phone : p.phone);
        r.fields["url"] = opt(p.url.empty() ? g.url : p.url);
        r.fields["generic"] = !p.email.empty() && is_generic_email(p.email);
        r.fields["sections"] = nlohmann::json::array();
        r.fields["lines"] = nlohmann::json::array();
        for (size_t m : g.members) {
            nlohmann::json section = appearances[m].section;
            auto& all = r.fields["sections"];
            if (std::find(all.begin(), all.end(), section) == all.end()) all.push_back(section);
            r.fields["lines"].push_back(appearances[m].person.line);
        }
        records.push_back(std::move(r));
    }
    for (auto& r : records) {
        std::vector<std::string> parts;
        for (const char* key : {"name", "role", "organisation", "email", "phone", "url"})
            if (r.fields[key].is_string()) parts.push_back(r.fields[key].get<std::string>());
        std::string joined;
        for (const auto& s : parts) joined += (joined.empty() ? "" : " — ") + s;
        r.text = joined;
    }
    return records;
}

}  // namespace

std::vector<Record> extract_contacts(const Guide& guide, const std::vector<std::vector<std::string>>& sections,
                                     const DisplayText& display, const std::vector<ProgrammeBlock>& blocks) {
    std::vector<Appearance> appearances;
    std::set<int> programme_lines;
    people_in_blocks(blocks, sections, display, programme_lines, appearances);
    people_in_groups(guide, sections, programme_lines, display, appearances);
    const auto definitions = text_definitions(guide, display);
    for (auto& a : appearances)
        a.person.organisation = complete_organisation(a.person.organisation, a.section, definitions);
    std::stable_sort(appearances.begin(), appearances.end(),
                     [](const Appearance& a, const Appearance& b) { return a.person.line < b.person.line; });

    std::vector<size_t> person_of;
    const std::vector<PersonGroup> people = group_people(appearances, person_of);
    return contact_records(guide, appearances, people, person_of);
}

}  // namespace coopatlas::indexer
