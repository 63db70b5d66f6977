#include "core/geo.hpp"

#include <gtest/gtest.h>

#include <numbers>

#include "core/error.hpp"

using namespace coopatlas;
using namespace coopatlas::geo;

TEST(Distance, ParisLyonIsAbout392Km) {
    double d = distance_km({48.8566, 2.3522}, {45.7640, 4.8357});
    EXPECT_NEAR(d, 392.0, 2.0);
}

TEST(Distance, ZeroAndAntipodes) {
    EXPECT_DOUBLE_EQ(distance_km({10, 20}, {10, 20}), 0.0);
    EXPECT_NEAR(distance_km({0, 0}, {0, 180}), std::numbers::pi * kEarthRadiusKm, 1e-6);
}

TEST(BBox, CrossingTheAntimeridian) {
    BBox b = parse_bbox("170,-20,-170,0");
    EXPECT_TRUE(b.contains({-10, 175}));
    EXPECT_TRUE(b.contains({-10, -175}));
    EXPECT_FALSE(b.contains({-10, 0}));
}

TEST(Parse, RejectsBadInput) {
    EXPECT_THROW(parse_latlon("91,0"), UsageError);
    EXPECT_THROW(parse_latlon("abc"), UsageError);
    EXPECT_THROW(parse_latlon("1,2,3"), UsageError);
    EXPECT_THROW(parse_bbox("0,10,5,0"), UsageError);
    EXPECT_NO_THROW(parse_latlon(" 45.5, -73.5"));
}
