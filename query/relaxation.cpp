#include "relaxation.hpp"

namespace coopatlas::query {

Xapian::Query by_groups_held(const std::vector<Xapian::Query>& ranked, const std::vector<Xapian::Query>& counted) {
    std::vector<Xapian::Query> parts = ranked;
    for (const auto& group : counted) {
        // kGroupWeight for each record holding the group: the group as a
        // filter (no weight of its own) on a source weighing every record alike.
        parts.emplace_back(Xapian::Query::OP_FILTER,
                           Xapian::Query((new Xapian::FixedWeightPostingSource(kGroupWeight))->release()), group);
    }
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

}  // namespace coopatlas::query
