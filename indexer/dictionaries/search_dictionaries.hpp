#pragma once
/// @file search_dictionaries.hpp
/// The dictionaries the indexer reads to let queries cross words: FreeDict's
/// bilingual dictionaries (English -> French, english_french.hpp) and
/// LibreOffice's French thesaurus (french_synonyms.hpp), installed by Debian
/// packages (scripts/setup.sh) and read at index time only: what they give is
/// stored in the index as synonyms, so a query needs nothing outside the index.
/// A missing file is an error naming the package to install, never a weaker
/// index built silently.

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/record.hpp"
#include "indexer/dictionaries/english_french.hpp"
#include "indexer/dictionaries/mythes.hpp"

namespace coopatlas::indexer {

struct DictionaryPaths {
    std::string dictd_dir = "/usr/share/dictd";               ///< FreeDict's freedict-*.{index,dict.dz}
    std::string thesaurus = "/usr/share/mythes/thes_fr.dat";  ///< mythes-fr
    std::string countries_en;  ///< i18n-iso-countries' en.json; empty: beside CountryTable::default_path()
};

class SearchDictionaries {
public:
    /// Reads every dictionary. Throws Error naming the missing file and the
    /// apt-get command that installs it, or the malformed file.
    static SearchDictionaries load(const DictionaryPaths& paths = {});

    /// The synonyms to store for the guide's `records`: English keys with
    /// their French translations, French words with their thesaurus synonyms,
    /// both restricted to what the guide's words can match.
    std::vector<std::pair<std::string, std::string>> synonyms(const std::vector<Record>& records) const;

    /// What was read, for meta.json: per dictionary its title and files
    /// (path, bytes, modified, sha256; build_inputs.hpp).
    const nlohmann::json& inputs() const { return inputs_; }

private:
    EnglishFrench english_french_;
    std::vector<ThesaurusEntry> thesaurus_;
    std::vector<std::string>
        french_words_;  ///< light stems (terms::light_stem) of the French dictionaries' folded headwords, sorted
    nlohmann::json inputs_ = nlohmann::json::object();
};

}  // namespace coopatlas::indexer
