#include "facet_table.hpp"

#include <cctype>
#include <limits>
#include <unordered_map>

#include "core/error.hpp"
#include "core/index_schema.hpp"

namespace coopatlas::query {

FacetTable FacetTable::load(const Xapian::Database& db) {
    FacetTable table;
    // The type: one value per document in the type slot. The value stream runs
    // in docid order, so each type's docid list is ascending.
    std::unordered_map<std::string, ValueId> types;
    std::vector<std::vector<Xapian::docid>> type_docids;
    for (auto it = db.valuestream_begin(schema::kSlotType); it != db.valuestream_end(schema::kSlotType); ++it) {
        const std::string& value = *it;
        if (value.empty()) continue;  // as Xapian::ValueCountMatchSpy
        auto [known, added] = types.emplace(value, static_cast<ValueId>(type_docids.size()));
        if (added) type_docids.emplace_back();
        type_docids[known->second].push_back(it.get_docid());
    }
    std::vector<std::string> type_names(types.size());
    for (auto& [value, id] : types) type_names[id] = value;
    for (size_t v = 0; v < type_names.size(); ++v)
        table.add_value(Facet::type, std::move(type_names[v]), std::move(type_docids[v]));

    // Country, theme, ODD: each boolean term's posting list is its docids.
    const std::array<std::pair<Facet, std::string_view>, 3> term_facets = {{{Facet::country, schema::kCountryPrefix},
                                                                            {Facet::theme, schema::kThemePrefix},
                                                                            {Facet::odd, schema::kOddPrefix}}};
    for (const auto& [facet, prefix_view] : term_facets) {
        const std::string prefix(prefix_view);
        for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
            std::string rest = (*term).substr(prefix.size());
            if (rest.empty() || std::isupper(static_cast<unsigned char>(rest[0]))) continue;
            std::vector<Xapian::docid> docids;
            docids.reserve(term.get_termfreq());
            for (auto p = db.postlist_begin(*term); p != db.postlist_end(*term); ++p) docids.push_back(*p);
            table.add_value(facet, std::move(rest), std::move(docids));
        }
    }

    // CSR: count each docid's values, cumulate, then fill value by value (so
    // that each docid's values come out ascending).
    if (table.postings_.empty()) return table;
    const Xapian::docid last = db.get_lastdocid();
    table.offsets_.assign(size_t{last} + 2, 0);
    size_t total = 0;
    for (const auto& docids : table.postings_) {
        total += docids.size();
        for (Xapian::docid d : docids)
            if (d <= last) ++table.offsets_[d + 1];
    }
    if (total > std::numeric_limits<uint32_t>::max())
        throw IndexError("the index holds more facet values than the facet table can count (" + std::to_string(total) +
                         ")");
    for (size_t d = 1; d < table.offsets_.size(); ++d) table.offsets_[d] += table.offsets_[d - 1];
    table.values_.resize(table.offsets_.back());
    std::vector<uint32_t> next(table.offsets_.begin(), table.offsets_.end() - 1);
    for (ValueId v = 0; v < table.postings_.size(); ++v) {
        for (Xapian::docid d : table.postings_[v])
            if (d <= last) table.values_[next[d]++] = v;
        std::vector<Xapian::docid>().swap(table.postings_[v]);  // free as we go
    }
    table.postings_ = {};
    return table;
}

void FacetTable::add_value(Facet facet, std::string name, std::vector<Xapian::docid> docids) {
    names_.push_back(std::move(name));
    facets_.push_back(facet);
    docs_.push_back(static_cast<Xapian::doccount>(docids.size()));
    postings_.push_back(std::move(docids));
}

const std::string& FacetTable::type(Xapian::docid did) const {
    static const std::string none;
    auto v = values(did);
    return !v.empty() && facets_[v.front()] == Facet::type ? names_[v.front()] : none;
}

size_t FacetTable::memory_bytes() const {
    size_t bytes = offsets_.capacity() * sizeof(uint32_t) + values_.capacity() * sizeof(ValueId) +
                   facets_.capacity() * sizeof(Facet) + docs_.capacity() * sizeof(Xapian::doccount) +
                   names_.capacity() * sizeof(std::string);
    for (const auto& name : names_) bytes += name.capacity() > 15 ? name.capacity() + 1 : 0;  // beyond SSO
    return bytes;
}

void FacetSpy::add_everything() {
    for (FacetTable::ValueId v = 0; v < counts_.size(); ++v) counts_[v] += table_.docs(v);
}

std::map<std::string, Xapian::doccount> FacetSpy::counts(FacetTable::Facet facet) const {
    std::map<std::string, Xapian::doccount> out;
    for (FacetTable::ValueId v = 0; v < counts_.size(); ++v)
        if (counts_[v] && table_.facet(v) == facet) out.emplace(table_.name(v), counts_[v]);
    return out;
}

}  // namespace coopatlas::query
