#pragma once
/// @file countries.hpp
/// French country names -> ISO 3166-1 alpha-2 codes, read from the
/// i18n-iso-countries French table (node_modules/i18n-iso-countries/langs/fr.json,
/// installed by scripts/setup.sh; only the JSON file is read, node is not needed).
/// Names are matched on folded words, so "Côte d’Ivoire", "côte-d'ivoire" and a
/// small-caps "cote d'ivoire" split over two lines all give CI.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/record.hpp"
#include "core/string_map.hpp"

namespace coopatlas::indexer {

/// The names of each country code in a table of the i18n-iso-countries format
/// ({"countries": {"FR": "France" | [names]}}), the official name first, in
/// the file's order. Throws Error naming `origin` when it is malformed.
std::vector<std::pair<std::string, std::vector<std::string>>> country_names(std::string_view json_text,
                                                                            const std::string& origin);
/// The text of a country table; throws Error with the fix when it cannot be read.
std::string read_country_file(const std::string& json_path);

class CountryTable {
public:
    /// Reads a table in the i18n-iso-countries format ({"countries": {"FR": "France" | [names]}}).
    /// Throws Error naming the file if it is missing or malformed.
    static CountryTable load(const std::string& json_path);
    /// Builds a table from a JSON document already in memory (tests).
    static CountryTable parse(std::string_view json_text, const std::string& origin = "<memory>");
    /// The table of the source tree (COOPATLAS_COUNTRIES_JSON, fixed at build time to
    /// node_modules/i18n-iso-countries/langs/fr.json), loaded once.
    static const CountryTable& default_table();
    /// The path default_table() reads.
    static std::string default_path();

    /// The country a whole name designates ("Bénin", "Rép. du Congo", "corée"), if any.
    std::optional<Country> lookup(std::string_view name) const;
    /// lookup() for a name already normalised with text::words_key() (no second folding).
    std::optional<Country> lookup_key(std::string_view key) const;
    /// The one country whose key is a single edit (a letter missing, added or changed) away from
    /// `key`, a words_key() of 8 letters or more: a typo in a list of countries ("bukina faso").
    /// nullopt when none or several are.
    std::optional<Country> lookup_typo(std::string_view key) const;
    /// The country of an ISO 3166-1 alpha-2 code, under its display name ("CA" -> Canada).
    std::optional<Country> by_code(std::string_view code) const;
    /// Every country named in free text, in order of first mention, without
    /// repeats; the longest name wins ("République démocratique du Congo" is CD,
    /// not CG). Names that are also common words or first names ("Maurice",
    /// "Dominique", "réunion") are left to lookup().
    std::vector<Country> find_in(std::string_view text) const;

    std::size_t size() const { return names_.size(); }
    /// True when the key of some name starts with this folded word ("cote" for
    /// "cote ivoire"): a scanner need not look up the names a word cannot start.
    bool starts_a_name(std::string_view first_word) const { return first_words_.count(first_word) > 0; }

private:
    void add(const std::string& name, const Country& country, bool searchable);

    struct Entry {
        Country country;
        bool searchable = true;
    };
    StringMap<Entry> names_;  // folded words joined by one space
    StringMap<Country> by_code_;
    std::size_t max_words_ = 1;
    std::unordered_set<std::string, StringViewHash, std::equal_to<>> first_words_;  // first word of every key
};

}  // namespace coopatlas::indexer
