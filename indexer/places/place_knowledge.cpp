#include "indexer/places/place_knowledge.hpp"

#include <algorithm>
#include <functional>

#include "core/error.hpp"
#include "core/text.hpp"

namespace coopatlas::indexer {

namespace {

/// One table of data/places/: its rows, each with as many fields as the header.
class Table {
public:
    Table(std::string_view text, std::string name, const std::vector<std::string_view>& header)
        : name_(std::move(name)) {
        bool header_seen = false;
        int line_number = 0;
        for (std::size_t start = 0; start < text.size();) {
            std::size_t end = text.find('\n', start);
            if (end == std::string_view::npos) end = text.size();
            std::string_view line = text.substr(start, end - start);
            start = end + 1;
            ++line_number;
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            if (line.empty() || line.front() == '#') continue;
            auto fields = text::split(line, '\t');
            if (!header_seen) {
                if (fields != std::vector<std::string>(header.begin(), header.end()))
                    throw Error(where(line_number) + ": expected the header '" + join(header) + "', got '" +
                                std::string(line) + "'");
                header_seen = true;
                continue;
            }
            if (fields.size() != header.size() ||
                std::any_of(fields.begin(), fields.end(), [](const std::string& f) { return f.empty(); }))
                throw Error(where(line_number) + ": expected " + std::to_string(header.size()) + " non-empty fields (" +
                            join(header) + "), got '" + std::string(line) + "'");
            rows_.push_back({line_number, std::move(fields)});
        }
        if (rows_.empty()) throw Error(name_ + ": the table has no rows (expected " + join(header) + ")");
    }

    struct Row {
        int line;
        std::vector<std::string> fields;
    };
    const std::vector<Row>& rows() const { return rows_; }
    std::string where(int line) const { return name_ + " line " + std::to_string(line); }

private:
    static std::string join(const std::vector<std::string_view>& header) {
        std::string out;
        for (auto h : header) out += (out.empty() ? "" : "<TAB>") + std::string(h);
        return out;
    }

    std::string name_;
    std::vector<Row> rows_;
};

/// One of the allowed values of a field, or an Error naming the table, the line and the values.
std::string_view one_of(const Table& t, const Table::Row& row, std::size_t field,
                        const std::vector<std::string_view>& allowed) {
    for (auto a : allowed)
        if (row.fields[field] == a) return a;
    std::string list;
    for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    throw Error(t.where(row.line) + ": '" + row.fields[field] + "' is not one of " + list);
}

std::string iso_code(const Table& t, const Table::Row& row, std::size_t field) {
    const std::string& code = row.fields[field];
    if (code.size() != 2 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        throw Error(t.where(row.line) + ": '" + code + "' is not an ISO 3166-1 alpha-2 code (two capital letters)");
    return code;
}

}  // namespace

const OverseasTerritory* PlaceKnowledge::overseas_territory(std::string_view code) const {
    auto it = std::find_if(overseas.begin(), overseas.end(), [&](const auto& o) { return o.code == code; });
    return it == overseas.end() ? nullptr : &*it;
}

const std::string* PlaceKnowledge::country_of_demonym(std::string_view folded_word) const {
    auto it = demonym_forms_.find(folded_word);
    return it == demonym_forms_.end() ? nullptr : &it->second;
}

PlaceKnowledge PlaceKnowledge::parse(const PlaceTables& tables) {
    PlaceKnowledge k;
    Table demonyms(tables.demonyms, "data/places/demonyms.tsv", {"stem", "country"});
    for (const auto& row : demonyms.rows()) k.demonyms.push_back({row.fields[0], row.fields[1]});
    for (const auto& d : k.demonyms)
        for (const char* ending : {"", "e", "s", "es", "ne", "nes"})
            k.demonym_forms_.try_emplace(d.stem + ending, d.country);

    Table aliases(tables.country_aliases, "data/places/country-aliases.tsv", {"alias", "code", "scope"});
    for (const auto& row : aliases.rows()) {
        auto scope = one_of(aliases, row, 2, {"countries", "parties"});
        k.country_aliases.push_back({row.fields[0], iso_code(aliases, row, 1),
                                     scope == "countries" ? AliasScope::kCountries : AliasScope::kParties});
    }

    Table regions(tables.region_aliases, "data/places/region-aliases.tsv", {"alias", "region", "standalone"});
    for (const auto& row : regions.rows())
        k.region_aliases.push_back({row.fields[0], row.fields[1], one_of(regions, row, 2, {"yes", "no"}) == "yes"});

    Table overseas(tables.overseas_territories, "data/places/overseas-territories.tsv",
                   {"code", "name", "party_kind", "insee"});
    for (const auto& row : overseas.rows()) {
        auto kind = one_of(overseas, row, 2, {"région", "département", "collectivité"});
        auto insee = one_of(overseas, row, 3, {"yes", "no"});
        k.overseas.push_back({iso_code(overseas, row, 0), row.fields[1], std::string(kind), insee == "yes"});
    }
    return k;
}

const PlaceKnowledge& PlaceKnowledge::builtin() {
    static const PlaceKnowledge knowledge = parse(builtin_place_tables());
    return knowledge;
}

}  // namespace coopatlas::indexer
