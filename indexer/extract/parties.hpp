#pragma once
/// @file parties.hpp
/// Recognising the parties of a cooperation in a sentence of the guide: a
/// collectivité or local authority ("le conseil régional de Bretagne", "la
/// municipalité libanaise de Khenchara", "Grand Angoulême", a bare "marseille"
/// next to "avec"), its kind, its canonical place name, its country and
/// whether it is French. Mentions of the same party share one key, so
/// "conseil régional de Bretagne", "Région Bretagne" and "CR Bretagne" merge.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/record.hpp"
#include "core/string_map.hpp"
#include "indexer/guide/guide.hpp"
#include "indexer/places/countries.hpp"

namespace coopatlas::indexer {

/// Where the French administrative lists live (the @etalab/decoupage-administratif
/// npm package). Relative paths are taken from the working directory. The lists
/// are required: without them French parties would be recognised by their kind
/// words only, a silently weaker extraction.
struct PartnerOptions {
    std::string node_modules = "node_modules";
};

/// A French commune, département, région or EPCI known by name.
struct FrenchPlace {
    std::string name;     ///< official name, e.g. "Le Lamentin"
    std::string kind;     ///< commune, département, région, intercommunalité
    long population = 0;  ///< communes and EPCI; 0 when unknown
};

/// The names a party can be recognised by: French administrative names, the
/// countries, and how the guide writes each word (capitalised or not), which
/// tells a proper name ("Barcelone") from a common word at a sentence start.
class PartyLexicon {
public:
    /// Reads the Etalab lists under options.node_modules and the country table.
    /// Throws Error, with how to install them, when a list is missing or malformed.
    static PartyLexicon load(const PartnerOptions& options, const CountryTable& countries);
    /// A lexicon with no French list (tests add places by hand).
    explicit PartyLexicon(const CountryTable& countries) : countries_(&countries) {}

    void add_french(const std::string& name, const std::string& kind, long population);
    /// Counts capitalised and lower-case uses of every word of the guide.
    void learn_case(const Guide& guide);

    /// The French place of that name and kind ("" = any kind, communes preferred
    /// by population); articles "le/la/les" are tried too ("du Lamentin").
    const FrenchPlace* french(std::string_view name, std::string_view kind = "") const;
    std::optional<Country> country(std::string_view name) const;
    /// The country table the lexicon reads names from.
    const CountryTable& countries() const { return *countries_; }
    /// country() for a name already normalised with text::words_key() ("cote ivoire").
    std::optional<Country> country_of_key(std::string_view key) const;
    /// False when no key country_of_key() knows starts with this folded word.
    bool starts_country_name(std::string_view first_word) const;
    /// A French overseas territory under its own name ("Guadeloupe", "la réunion",
    /// "Saint-Pierre-et-Miquelon"): its name and ISO code, which country() reports as France.
    std::optional<Country> overseas(std::string_view name) const;
    /// "tunisienne" -> Tunisie, "martiniquaise" -> France.
    std::optional<Country> country_of_adjective(std::string_view folded_word) const;
    /// True when the guide writes this folded word capitalised at least as often
    /// as in lower case (or never saw it).
    bool looks_proper(const std::string& folded) const;
    /// True when the guide writes this word in lower case over four times as often
    /// as capitalised: a common word ("sens"), not a small-caps name ("toulouse").
    bool mostly_lower(const std::string& folded) const;
    /// An association, a network or a syndicat that acts as a party ("Terres en villes", "AIMF",
    /// "SEDIF"), of kind "association" or "établissement" (a syndicat): recognised in prose where
    /// it acts (associations.hpp learns them from the guide). `spelled`: the words naming it there
    /// when they are not its name ("réseau des grands sites de France" for "RGSF").
    void add_body(const std::string& name, const std::string& kind, std::string_view spelled = {});
    struct Body {
        std::string name, kind;
    };
    /// The body of these words (text::words_key form: "terres en villes"), or null.
    const Body* body(std::string_view key) const;
    /// False when no body's name starts with this folded word.
    bool starts_body(std::string_view first_word) const;
    /// How many times the guide uses this folded word.
    int frequency(const std::string& folded) const;
    /// True when the guide writes this folded word capitalised at least once.
    bool seen_capitalised(const std::string& folded) const;

private:
    const CountryTable* countries_;
    std::unordered_map<std::string, std::vector<FrenchPlace>> french_;  // key: folded words
    std::vector<std::string>
        region_keys_;  // keys of french_ naming a région: the partial-name fallback scans only these
    std::vector<std::string> epci_keys_;  // keys of french_ naming an EPCI: the shortened-name fallback scans these
    std::unordered_map<std::string, std::pair<int, int>> case_;  // folded -> (capitalised, lower)
    std::unordered_map<std::string, Body> bodies_;               // key: words_key of the name
    std::unordered_set<std::string> body_first_words_;           // first word of each key
    /// country() answers by raw name: the scanner asks the same names many times
    /// per sentence, as slices of it (looked up by string_view). Not thread-safe: one lexicon per thread.
    mutable StringMap<std::optional<Country>> country_cache_;
    mutable StringMap<std::optional<Country>> key_cache_;
    std::optional<Country> country_uncached(std::string_view name) const;
    std::optional<Country> country_of_key_uncached(std::string_view key) const;
};

/// One mention of a party (or of a country) in a sentence.
struct PartyMention {
    std::string raw;    ///< the words of the sentence, e.g. "conseil régional de normandie"
    std::string kind;   ///< commune, région, pays, ...
    std::string place;  ///< the locality a geocoder looks up, display-repaired
    std::string name;   ///< display name of the party
    int french = -1;    ///< 1 French, 0 foreign, -1 undecided
    std::optional<Country> country;
    std::size_t begin = 0, end = 0;  ///< byte span in the sentence
    bool tagged = false;             ///< country stated right after the name ("(Haïti)", "au Mexique")
    bool context_only = false;       ///< a country named as a setting, not a party ("ambassade de France au Mali")
    /// A French party stated as acting in a country: "le conseil départemental de
    /// Meurthe-et-Moselle au Pérou".
    std::optional<Country> acts_in;

    /// Identity of the party across mentions: kind + folded place.
    std::string key() const;
};

/// Finds the party and country mentions of one sentence, in order. `context`
/// is the country the surrounding text is about (a geography section), if any:
/// it decides the side of an unknown bare name next to a cue ("avec Bilbao").
/// `paragraph_abroad`: the surrounding paragraph names a foreign country (or a
/// nationality, "franco-québécois"), so a small French homonym ("la ville de
/// Montréal") is the foreign place, as when the sentence itself names one.
std::vector<PartyMention> find_party_mentions(std::string_view sentence, const PartyLexicon& lexicon,
                                              const std::optional<Country>& context = std::nullopt,
                                              bool paragraph_abroad = false);

/// True when the sentence has a cooperation word proper ("coopération", "partenariat", "jumelage",
/// "collaborer", "engagé", "accompagner", "relation"), not only "soutient" or "projet".
bool strong_cue(std::string_view sentence);

/// "En 2019, la Mission Bassin Minier a rencontré des représentants de la province du Shanxi": the
/// sentence opens (after a short adverbial closed by a comma) on an article and a capitalised name that
/// is no party of `mentions` (the sentence's) and no kind word ("La Région", "Le Département"): an actor
/// of its own is its subject.
bool opens_on_a_named_actor(std::string_view sentence, const std::vector<PartyMention>& mentions);

/// The French party of a place the Etalab lists know, named by itself ("cheffe de file :
/// occitanie", a table's "Orléans"): its kind and official name.
PartyMention french_place_mention(const FrenchPlace& place, std::string_view raw, const PartyLexicon& lexicon);

/// "nouvelle-Aquitaine" -> "Nouvelle-Aquitaine", "issy-les-moulineaux" ->
/// "Issy-les-Moulineaux": capitals the guide's small-caps extraction lost.
std::string repair_place_name(std::string_view name);

}  // namespace coopatlas::indexer
