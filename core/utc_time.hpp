#pragma once
/// @file utc_time.hpp
/// Timestamps as the index's meta.json and the server's /healthz write them.

#include <chrono>
#include <string>

namespace coopatlas {

/// `t` in UTC, ISO 8601 to the second: "2026-12-04T05:12:00Z".
std::string iso8601_utc(std::chrono::system_clock::time_point t);

}  // namespace coopatlas
