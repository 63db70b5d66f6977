#pragma once
/// @file relaxation.hpp
/// The looser query that fills a short answer, as Meilisearch's "words"
/// ranking rule and Lucene's coordination factor do: the records holding any
/// of the query's word groups, those holding more groups first (all groups
/// but one, then all but two, ...), BM25 ordering the records that hold as
/// many (the rarer words weigh more). One query, linear in the groups: the
/// groups' subsets are never spelled out.

#include <xapian.h>

#include <vector>

namespace coopatlas::query {

/// Weight a record gains per group it holds: above any BM25 weight of the
/// guide's queries (a few tens per group, a few hundred for a long query),
/// so that the number of groups held decides first.
inline constexpr double kGroupWeight = 1000.0;

/// Each record matching `filter`, weighing `weight` (and nothing else):
/// under OP_AND_MAYBE or OP_OR, a fixed rank for what the filter says.
Xapian::Query weighing_each(const Xapian::Query& filter, double weight);

/// The records matching any of `ranked` (the groups as searched), weighted
/// kGroupWeight per group of `counted` they hold (the same groups, maybe
/// narrower: what counts as holding one) plus their BM25 weight for `ranked`.
/// `counted` has one query per group of `ranked`, in the same order.
Xapian::Query by_groups_held(const std::vector<Xapian::Query>& ranked, const std::vector<Xapian::Query>& counted);

}  // namespace coopatlas::query
