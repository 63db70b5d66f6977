// libFuzzer target: a request's query string -> parameters -> SearchRequest,
// as the server parses every search, GeoJSON, clusters and export URL. Bad
// input must end in coopatlas's own errors (HTTP 400/413), never in anything else.
#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "core/error.hpp"
#include "query/request.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string query_string(reinterpret_cast<const char*>(data), size);
    httplib::Params params;
    httplib::detail::parse_query_text(query_string, params);
    try {
        coopatlas::query::parse_request(std::multimap<std::string, std::string>(params.begin(), params.end()));
    } catch (const coopatlas::UsageError&) {
    } catch (const coopatlas::TooLargeError&) {
    }
    return 0;
}
