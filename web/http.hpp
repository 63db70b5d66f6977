#pragma once
/// @file http.hpp
/// Small helpers shared by the route files: JSON answers and the `guarded`
/// wrapper that maps the project's exceptions to {"error": ...} statuses.

#include <httplib.h>

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace coopatlas::web {

inline const std::string kJsonContentType = "application/json; charset=utf-8";

/// Sends `body` as JSON (invalid UTF-8 replaced, never thrown).
void send_json(httplib::Response& res, const nlohmann::json& body, int status = 200,
               const std::string& content_type = kJsonContentType);

/// The query parameters as a multimap (repeated parameters kept).
std::multimap<std::string, std::string> params_of(const httplib::Request& req);

/// "http://HOST:PORT" as the client addressed the server (the Host header),
/// for absolute links in OGC documents.
std::string base_url(const httplib::Request& req);

/// Runs a route body and maps UsageError to 400, NotFoundError to 404,
/// TooLargeError to 413, IndexError to 503 and anything else to 500.
httplib::Server::Handler guarded(std::function<void(const httplib::Request&, httplib::Response&)> body);

}  // namespace coopatlas::web
