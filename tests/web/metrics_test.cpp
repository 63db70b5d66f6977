#include "web/metrics.hpp"

#include <gtest/gtest.h>

using namespace coopatlas::web;

TEST(Metrics, RouteLabelsKeepCardinalityLow) {
    EXPECT_EQ(route_label("GET", "/api/search", 200), "/api/search");
    EXPECT_EQ(route_label("GET", "/ogc/", 200), "/ogc");
    EXPECT_EQ(route_label("GET", "/ogc/api", 200), "/ogc/api");
    EXPECT_EQ(route_label("GET", "/api/entity/partner/lyon", 200), "/api/entity/{id}");
    EXPECT_EQ(route_label("GET", "/ogc/collections/partner", 200), "/ogc/collections/{type}");
    EXPECT_EQ(route_label("GET", "/ogc/collections/partner/items", 200), "/ogc/collections/{type}/items");
    EXPECT_EQ(route_label("GET", "/ogc/collections/partner/items/lyon", 200), "/ogc/collections/{type}/items/{id}");
    EXPECT_EQ(route_label("GET", "/export/partner.csv", 200), "/export/{file}");
    EXPECT_EQ(route_label("GET", "/vendor/leaflet/leaflet.js", 200), "/vendor");
    EXPECT_EQ(route_label("GET", "/app.js", 200), "static");
    EXPECT_EQ(route_label("GET", "/no/such/thing", 404), "unknown");
    EXPECT_EQ(route_label("GET", "/api/nothing", 404), "unknown");
    EXPECT_EQ(route_label("POST", "/api/search", 404), "POST /api/search");
    EXPECT_EQ(route_label("", "", 414), "unknown");
}

TEST(Metrics, CountsPerRouteAndStatusAndCumulativeBuckets) {
    Metrics m;
    m.observe("/api/search", 200, 0.002);
    m.observe("/api/search", 200, 0.3);
    m.observe("/api/search", 400, 0.0001);
    std::string text = m.text();
    EXPECT_NE(text.find("# TYPE coopatlas_http_requests_total counter"), std::string::npos);
    EXPECT_NE(text.find("coopatlas_http_requests_total{route=\"/api/search\",status=\"200\"} 2\n"), std::string::npos);
    EXPECT_NE(text.find("coopatlas_http_requests_total{route=\"/api/search\",status=\"400\"} 1\n"), std::string::npos);
    EXPECT_NE(text.find("# TYPE coopatlas_http_request_duration_seconds histogram"), std::string::npos);
    // 0.0001 and 0.002 are <= 0.0025; 0.3 only reaches the 1 s bucket.
    EXPECT_NE(text.find("coopatlas_http_request_duration_seconds_bucket{route=\"/api/search\",le=\"0.0025\"} 2\n"),
              std::string::npos);
    EXPECT_NE(text.find("coopatlas_http_request_duration_seconds_bucket{route=\"/api/search\",le=\"0.25\"} 2\n"),
              std::string::npos);
    EXPECT_NE(text.find("coopatlas_http_request_duration_seconds_bucket{route=\"/api/search\",le=\"1\"} 3\n"),
              std::string::npos);
    EXPECT_NE(text.find("coopatlas_http_request_duration_seconds_bucket{route=\"/api/search\",le=\"+Inf\"} 3\n"),
              std::string::npos);
    EXPECT_NE(text.find("coopatlas_http_request_duration_seconds_count{route=\"/api/search\"} 3\n"), std::string::npos);
}

TEST(Metrics, LabelValuesAreEscaped) {
    Metrics m;
    m.observe("a\"b\\c", 200, 0);
    EXPECT_NE(m.text().find("route=\"a\\\"b\\\\c\""), std::string::npos);
}
