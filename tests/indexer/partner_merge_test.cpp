#include "indexer/geocode/partner_merge.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace coopatlas::indexer {
namespace {

Record partner(const std::string& id, const std::string& title, const std::string& kind, bool french,
               const std::string& source, const std::string& precision, int line) {
    Record r;
    r.id = "partner/" + id;
    r.type = "partner";
    r.title = title;
    r.line = line;
    r.text = title;
    r.fields = {{"name", title}, {"kind", kind}, {"place", title}, {"french", french}, {"mentions", {title}}};
    r.geo.push_back({0, 0, title, precision, source});
    return r;
}

Record partnership(const std::string& a, const std::string& b, int line) {
    Record r;
    r.id = "partnership/" + a + "--" + b;
    r.type = "partnership";
    r.line = line;
    r.fields = {
        {"parties", {"partner/" + a, "partner/" + b}}, {"theme", ""}, {"occurrences", {{{"line", line}, {"page", 1}}}}};
    return r;
}

const Record* find(const std::vector<Record>& records, const std::string& id) {
    auto it = std::find_if(records.begin(), records.end(), [&](const Record& r) { return r.id == id; });
    return it == records.end() ? nullptr : &*it;
}

TEST(PartnerMerge, OnePartnerWrittenTwoWaysIsOne) {
    std::vector<Record> records = {
        partner("commune-nantes", "Nantes", "commune", true, "insee:44109", "city", 10),
        partner("commune-saarbrucken", "Saarbrücken", "commune", false, "geonames:2842647", "city", 20),
        partner("commune-sarrebruck", "Sarrebruck", "commune", false, "geonames:2842647", "city", 30),
        partnership("commune-nantes", "commune-saarbrucken", 20),
        partnership("commune-nantes", "commune-sarrebruck", 30),
    };
    EXPECT_EQ(merge_partners_by_place(records), 1u);
    EXPECT_EQ(find(records, "partner/commune-sarrebruck"), nullptr);
    const Record* kept = find(records, "partner/commune-saarbrucken");
    ASSERT_NE(kept, nullptr);
    EXPECT_EQ(kept->fields["mentions"], (std::vector<std::string>{"Saarbrücken", "Sarrebruck"}));
    EXPECT_EQ(find(records, "partnership/commune-nantes--commune-sarrebruck"), nullptr);
    const Record* pair = find(records, "partnership/commune-nantes--commune-saarbrucken");
    ASSERT_NE(pair, nullptr);
    EXPECT_EQ(pair->fields["occurrences"].size(), 2u);  // both statements
    EXPECT_EQ(find(records, "partner/commune-nantes")->fields["partnerships"],
              (std::vector<std::string>{"partnership/commune-nantes--commune-saarbrucken"}));
}

TEST(PartnerMerge, IntercommunalityAndMetropoleAreOneKind) {
    std::vector<Record> records = {
        partner("intercommunalite-grand-lyon", "Grand Lyon", "intercommunalité", true, "insee-epci:200046977", "admin",
                5),
        partner("metropole-lyon", "Lyon", "métropole", true, "insee-epci:200046977", "admin", 9),
        partner("commune-rabat", "Rabat", "commune", false, "geonames:2538475", "city", 5),
        partnership("metropole-lyon", "commune-rabat", 9),
    };
    EXPECT_EQ(merge_partners_by_place(records), 1u);
    const Record* pair = find(records, "partnership/intercommunalite-grand-lyon--commune-rabat");
    ASSERT_NE(pair, nullptr);
    EXPECT_EQ(pair->title, "Grand Lyon – Rabat");
}

TEST(PartnerMerge, DifferentKindsSidesAndCountryPointsStayApart) {
    std::vector<Record> records = {
        // a commune and its métropole share the town's point but are two parties
        partner("commune-bordeaux", "Bordeaux", "commune", true, "insee:33063", "city", 1),
        partner("metropole-bordeaux", "Bordeaux", "métropole", true, "insee:33063", "city", 2),
        // two unknown places that fell back to their country
        partner("commune-a", "A", "commune", false, "capital:1", "country", 3),
        partner("commune-b", "B", "commune", false, "capital:1", "country", 4),
    };
    EXPECT_EQ(merge_partners_by_place(records), 0u);
    EXPECT_EQ(records.size(), 4u);
}

}  // namespace
}  // namespace coopatlas::indexer
