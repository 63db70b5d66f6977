#include "http.hpp"

#include "core/error.hpp"

namespace coopatlas::web {

using nlohmann::json;

void send_json(httplib::Response& res, const json& body, int status, const std::string& content_type) {
    res.status = status;
    res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), content_type);
}

std::multimap<std::string, std::string> params_of(const httplib::Request& req) {
    return {req.params.begin(), req.params.end()};
}

std::string base_url(const httplib::Request& req) {
    std::string host = req.get_header_value("Host");
    // A Host header is the client's word: keep only characters a host:port may hold.
    bool clean = !host.empty() && host.find_first_not_of(
                                      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                      "0123456789.-:[]") == std::string::npos;
    return "http://" + (clean ? host : std::string("127.0.0.1"));
}

httplib::Server::Handler guarded(std::function<void(const httplib::Request&, httplib::Response&)> body) {
    return [body = std::move(body)](const httplib::Request& req, httplib::Response& res) {
        try {
            body(req, res);
        } catch (const UsageError& e) {
            send_json(res, {{"error", e.what()}}, 400);
        } catch (const NotFoundError& e) {
            send_json(res, {{"error", e.what()}}, 404);
        } catch (const TooLargeError& e) {
            send_json(res, {{"error", e.what()}}, 413);
        } catch (const IndexError& e) {
            send_json(res, {{"error", e.what()}}, 503);
        } catch (const std::exception& e) {
            send_json(res, {{"error", std::string("internal error: ") + e.what()}}, 500);
        }
    };
}

}  // namespace coopatlas::web
