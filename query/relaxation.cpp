#include "relaxation.hpp"

namespace coopatlas::query {

Xapian::Query weighing_each(const Xapian::Query& filter, double weight) {
    // A filter (no weight of its own) on a source weighing every record alike.
    return Xapian::Query(Xapian::Query::OP_FILTER,
                         Xapian::Query((new Xapian::FixedWeightPostingSource(weight))->release()), filter);
}

Xapian::Query by_groups_held(const std::vector<Xapian::Query>& ranked, const std::vector<Xapian::Query>& counted) {
    std::vector<Xapian::Query> parts = ranked;
    for (const auto& group : counted) parts.push_back(weighing_each(group, kGroupWeight));
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

}  // namespace coopatlas::query
