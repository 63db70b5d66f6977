#include "indexer/places/etalab_lists.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

using namespace coopatlas;
using namespace coopatlas::indexer;

TEST(EtalabLists, KeepsNameTypeAndPopulationOfEachEntry) {
    auto entries = parse_etalab_list(R"([
{"code":"01001","nom":"L'Abergement-Clémenciat","zone":"metro","type":"commune-actuelle",
 "codesPostaux":["01400"],"population":860},
{"code":"200000172","nom":"CC Faucigny - Gli\u00e8res \"Arve\" \ud83d\ude00","type":"CC","populationTotale":29204.7,
 "membres":[{"nom":"Bonneville","type":"x","population":13736},{"nom":"Marignier"}], "x": {"nom": "deep"},
 "flags": [true, false, null, -1.5e3, 0]},
{}
])");
    ASSERT_EQ(entries.size(), 3u);  // member objects are not entries
    EXPECT_EQ(entries[0].nom, "L'Abergement-Clémenciat");
    EXPECT_EQ(entries[0].type, "commune-actuelle");
    EXPECT_EQ(entries[0].population, 860);
    EXPECT_EQ(entries[1].nom, "CC Faucigny - Glières \"Arve\" \xF0\x9F\x98\x80");
    EXPECT_EQ(entries[1].type, "CC");
    EXPECT_EQ(entries[1].population, 0);
    EXPECT_EQ(entries[1].population_totale, 29204);
    EXPECT_EQ(entries[2].nom, "");
}

TEST(EtalabLists, RejectsWhatIsNotJson) {
    for (const char* bad : {"[", R"([{"nom":"x"])", R"([{"nom":"x"}] x)", R"([{"nom":'x'}])", R"([{"population":01}])",
                            R"([{"nom":"\x"}])", R"([{"nom":"\ud83d"}])", "[tru]", R"([{"nom" "x"}])", "[1,]"})
        EXPECT_THROW(parse_etalab_list(bad), Error) << bad;
    EXPECT_THROW(read_etalab_list("/no/such/list.json"), Error);
}
