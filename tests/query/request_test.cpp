#include "query/request.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

using namespace coopatlas;
using namespace coopatlas::query;

TEST(Request, ParsesEveryParameter) {
    auto r = parse_request({{"q", "eau"},
                            {"near", "45.5,-73.6"},
                            {"radius_km", "100"},
                            {"type", "partner"},
                            {"odd", "6"},
                            {"sort", "distance"},
                            {"limit", "5"},
                            {"offset", "10"}});
    EXPECT_EQ(r.q, "eau");
    ASSERT_TRUE(r.near);
    EXPECT_DOUBLE_EQ(r.near->lat, 45.5);
    EXPECT_DOUBLE_EQ(*r.radius_km, 100);
    EXPECT_EQ(r.type, "partner");
    EXPECT_EQ(*r.odd, 6);
    EXPECT_EQ(r.limit, 5);
    EXPECT_EQ(r.offset, 10);
}

TEST(Request, RejectsBadValuesWithUsageError) {
    EXPECT_THROW(parse_request({{"limit", "-1"}}), UsageError);
    EXPECT_THROW(parse_request({{"limit", "abc"}}), UsageError);
    EXPECT_THROW(parse_request({{"odd", "18"}}), UsageError);
    EXPECT_THROW(parse_request({{"radius_km", "10"}}), UsageError);  // no near
    EXPECT_THROW(parse_request({{"near", "1,2"}, {"radius_km", "-5"}}), UsageError);
    EXPECT_THROW(parse_request({{"sort", "distance"}}), UsageError);
    EXPECT_THROW(parse_request({{"type", "planet"}}), UsageError);
    EXPECT_THROW(parse_request({{"bbox", "1,2,3"}}), UsageError);
}

TEST(Request, TooLongQueryIs413) {
    EXPECT_THROW(parse_request({{"q", std::string(kMaxQueryBytes + 1, 'a')}}), TooLargeError);
}
