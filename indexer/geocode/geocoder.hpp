#pragma once
/// @file geocoder.hpp
/// Records -> geo[] points, offline, from the gazetteer: every
/// partner, programme and contact gets at least one point, a partnership one
/// point per party; what fell back to a country is listed for review.

#include <optional>
#include <string>
#include <vector>

#include "core/record.hpp"
#include "indexer/geocode/gazetteer.hpp"

namespace coopatlas::indexer {

/// What a phrase of the guide says about the place it names:
/// "la communauté de communes de Puisaye-Forterre dans l'Yonne" gives the name
/// "Puisaye-Forterre", the kinds {epci, ...} and the admin area of the Yonne;
/// "Saint-Camille, au Québec" the name "Saint-Camille" and the country CA;
/// "Épinal (88)" the département 88.
struct PlacePhrase {
    std::string full;                    ///< the phrase without parentheses and trailing area, kind words kept
    std::string name;                    ///< the name left once the cues are removed
    std::vector<PlaceKind> kinds;        ///< preferred gazetteer kinds, best first
    std::vector<std::string> countries;  ///< countries the phrase states
    std::vector<std::string> admins;     ///< admin1/admin2 codes the phrase states ("89", "FR.11"...)
    bool is_country = false;             ///< the whole phrase is a country name
    const Place* area = nullptr;         ///< the admin area the cues name, if any
};

/// Reads the cues of a phrase (kind words, parentheses, ", au Mexique",
/// "dans l'Yonne", collectivité prefixes) with the gazetteer's names.
PlacePhrase parse_place_phrase(const std::string& phrase, const Gazetteer& gazetteer);

/// Gazetteer kinds for a partner's `kind` field or a kind word of the guide
/// ("région" -> admin1; "département" -> admin2; "intercommunalité" -> epci...).
std::vector<PlaceKind> kinds_for(const std::string& kind_word);

/// A name the geocoder placed only at country level (or not at all).
struct Unresolved {
    std::string name;
    std::string context;  ///< record id and the text it came from
    int page = 0;
};

/// A point outside the country its record claims (a gazetteer or guide error).
struct CountryMismatch {
    std::string record_id, place, country;
};

/// A partner whose stated country the gazetteer contradicted: its record now
/// names the country of the place found (no point outside its country).
struct CountryCorrection {
    std::string record_id, place, from, to;
};

class Geocoder {
public:
    explicit Geocoder(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}

    /// The best point for a phrase, or nothing. `countries` restrict the
    /// answer (hard), `context_countries` prefer (soft); `loose` also tries the
    /// phrase's inner word sequences ("le CHU de Strasbourg" -> Strasbourg).
    std::optional<GeoPoint> locate(const std::string& phrase, const std::vector<std::string>& countries = {},
                                   const std::vector<std::string>& context_countries = {},
                                   const std::vector<PlaceKind>& kinds = {}, bool loose = true) const;

    /// The place of an organisation: an embassy in its country's capital (or
    /// the city after "à"), a conseil régional or départemental at its seat, a
    /// collectivité by name, else by its e-mail domain ("@grandest.fr" ->
    /// Grand Est, "@nantes.fr" -> Nantes).
    std::optional<GeoPoint> locate_organisation(const std::string& organisation, const std::string& email,
                                                const std::vector<std::string>& context_countries) const;

    /// A French collectivité from an e-mail address or web domain, or nothing.
    std::optional<GeoPoint> locate_domain(const std::string& email_or_url) const;

    /// The country-level point (at its capital) for a code, or nothing.
    std::optional<GeoPoint> country_point(const std::string& code) const;

    /// ISO code of a country name or code ("Liban", "LB"), or "".
    std::string country_code(const std::string& name_or_code) const;

    /// Fills geo[] of every partner, programme, contact and partnership
    /// (partners first: a partnership takes its parties' points, and its foreign
    /// party's country when its statements named none).
    void geocode(std::vector<Record>& records);

    const std::vector<Unresolved>& unresolved() const { return unresolved_; }
    const std::vector<CountryMismatch>& mismatches() const { return mismatches_; }
    const std::vector<CountryCorrection>& corrections() const { return corrections_; }

private:
    /// The gazetteer entry locate() answers with, or nullptr.
    const Place* find_place(const std::string& phrase, const std::vector<std::string>& countries,
                            const std::vector<std::string>& context_countries, const std::vector<PlaceKind>& kinds,
                            bool loose) const;
    void geocode_partner(Record& r);
    void geocode_programme(Record& r);
    void geocode_contact(Record& r);
    /// Falls back to the record's countries, then France; notes the record as unresolved.
    void fallback(Record& r, const std::string& name, const std::vector<std::string>& countries);
    void check_countries(Record& r, const std::vector<std::string>& claimed);
    /// The record's countries, else the country its geography section names.
    std::vector<std::string> section_countries(const Record& r) const;

    const Gazetteer& gazetteer_;
    std::vector<Unresolved> unresolved_;
    std::vector<CountryMismatch> mismatches_;
    std::vector<CountryCorrection> corrections_;
};

/// Writes unresolved.tsv: a header then name, context, page per line.
void write_unresolved_tsv(const std::vector<Unresolved>& rows, const std::string& path);

}  // namespace coopatlas::indexer
