#pragma once
/// @file facet_table.hpp
/// Every record's facet values (type, country, theme, ODD) in memory, so that
/// counting the facets of a search costs O(1) per match and never reads a
/// document: no term list (an index written with Xapian::DB_NO_TERMLIST has
/// none), no value.
///
/// Layout (CSR): the values of all facets are numbered once (ValueId, the
/// type's values first, then country, theme, ODD); offsets_[d] .. offsets_[d+1]
/// is docid d's range in values_, ascending, so a record's type (if any) comes
/// first. At a million records with 1-3 values per facet: 4 bytes per docid of
/// offsets plus 4 bytes per value.

#include <xapian.h>

#include <array>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace coopatlas::query {

class FacetTable {
public:
    /// The facets of GET /api/search, in the order of their value numbers.
    enum class Facet : uint8_t { type, country, theme, odd };
    static constexpr size_t kFacetCount = 4;
    using ValueId = uint32_t;

    FacetTable() = default;

    /// Reads the table from `db`: the type from the value slot
    /// schema::kSlotType (as Xapian::ValueCountMatchSpy would), country, theme
    /// and ODD from the posting lists of their boolean terms
    /// (schema::kCountryPrefix...). A term whose value starts with an
    /// upper-case letter belongs to a longer prefix (Xapian's convention) and is
    /// left out. Never reads a term list.
    static FacetTable load(const Xapian::Database& db);

    /// The values of a docid, ascending; empty for a docid the table does not know.
    std::span<const ValueId> values(Xapian::docid did) const {
        if (did + size_t{1} >= offsets_.size()) return {};
        return {values_.data() + offsets_[did], values_.data() + offsets_[did + 1]};
    }
    /// The record type of a docid; empty when it has none (or is unknown).
    const std::string& type(Xapian::docid did) const;

    /// The number of distinct values over all facets (ValueIds are 0..).
    size_t value_count() const { return names_.size(); }
    Facet facet(ValueId v) const { return facets_[v]; }
    /// The number of records holding a value.
    Xapian::doccount docs(ValueId v) const { return docs_[v]; }
    /// The facet key of a value: the type, the lower-case ISO code, the theme
    /// slug, the ODD number as text.
    const std::string& name(ValueId v) const { return names_[v]; }

    /// Heap bytes held by the table.
    size_t memory_bytes() const;

private:
    /// Adds a value of `facet` held by `docids` (ascending).
    void add_value(Facet facet, std::string name, std::vector<Xapian::docid> docids);

    std::vector<std::string> names_;      ///< by ValueId
    std::vector<Facet> facets_;           ///< by ValueId
    std::vector<Xapian::doccount> docs_;  ///< by ValueId
    std::vector<uint32_t> offsets_;       ///< by docid, size lastdocid + 2 (empty table: 0)
    std::vector<ValueId> values_;         ///< every docid's values, docid by docid
    /// Filled while loading: each value's docids, turned into offsets_/values_ at the end.
    std::vector<std::vector<Xapian::docid>> postings_;
};

/// Counts the facet values of every match the matcher shows it (add it with
/// Xapian::Enquire::add_matchspy and ask get_mset for every match, as
/// Searcher::search does): one table look-up per match, no document read.
class FacetSpy : public Xapian::MatchSpy {
public:
    /// `table` must outlive the spy.
    explicit FacetSpy(const FacetTable& table) : table_(table), counts_(table.value_count(), 0) {}
    void operator()(const Xapian::Document& doc, double) override { add(doc.get_docid()); }
    /// Counts one match found without the matcher, as operator() does.
    void add(Xapian::docid did) {
        for (FacetTable::ValueId v : table_.values(did)) ++counts_[v];
    }
    /// Counts every record of the table (a request that matches everything).
    void add_everything();
    /// The values of `facet` seen at least once, with their number of matches.
    std::map<std::string, Xapian::doccount> counts(FacetTable::Facet facet) const;
    std::string get_description() const override { return "coopatlas::FacetSpy"; }

private:
    const FacetTable& table_;
    std::vector<Xapian::doccount> counts_;  ///< by ValueId
};

}  // namespace coopatlas::query
