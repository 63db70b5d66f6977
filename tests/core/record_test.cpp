#include "core/record.hpp"

#include <gtest/gtest.h>

using namespace coopatlas;

TEST(Record, JsonRoundTripKeepsTypeSpecificFields) {
    Record r;
    r.id = "programme/x";
    r.type = "programme";
    r.title = "« clés en main »";
    r.page = 49;
    r.section = {"Thématiques", "3.1 Agriculture"};
    r.countries = {{"MA", "Maroc"}};
    r.odd = {2};
    r.geo = {{34.03, -5.0, "Fès", "city", "geonames:2548885"}};
    r.fields["kind"] = "clés en main";
    Record back = record_from_json(to_json(r));
    EXPECT_EQ(back.id, r.id);
    EXPECT_EQ(back.page, 49);
    EXPECT_EQ(back.section, r.section);
    EXPECT_EQ(back.countries[0].name, "Maroc");
    EXPECT_EQ(back.geo[0].place, "Fès");
    EXPECT_EQ(back.fields["kind"], "clés en main");
    EXPECT_FALSE(back.fields.contains("id"));
}

TEST(Slugify, AsciiLowercaseDashes) {
    EXPECT_EQ(slugify("Grand Angoulême, CA"), "grand-angouleme-ca");
    EXPECT_EQ(slugify("  Côte d’Ivoire "), "cote-d-ivoire");
}
