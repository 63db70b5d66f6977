#include "utc_time.hpp"

#include <ctime>

namespace coopatlas {

std::string iso8601_utc(std::chrono::system_clock::time_point t) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%FT%TZ", &utc);
    return text;
}

}  // namespace coopatlas
