// The routes of web/server.hpp beyond search, entity and health: GeoJSON,
// suggestions, OGC API - Features, exports and metrics. Kept apart so that
// server.cpp stays a short table of routes.
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "core/text.hpp"
#include "exports.hpp"
#include "geojson.hpp"
#include "http.hpp"
#include "ogc.hpp"
#include "query/request.hpp"
#include "server.hpp"

namespace coopatlas::web {

using nlohmann::json;

namespace {

/// GET /api/geojson without `limit` returns the first this many located matches.
constexpr int kMaxGeojsonFeatures = 10000;

constexpr int kMaxSuggestions = 20;

/// Streams a file from disk; `keep` stays alive until the response is sent
/// (a temporary export removes its folder when released).
void send_file(httplib::Response& res, const std::string& path, const std::string& content_type,
               const std::string& download_name, std::shared_ptr<void> keep = nullptr) {
    auto size = std::filesystem::file_size(path);
    auto in = std::make_shared<std::ifstream>(path, std::ios::binary);
    if (!*in) throw Error("cannot read " + path);
    res.set_header("Content-Disposition", "attachment; filename=\"" + download_name + "\"");
    res.set_content_provider(
        static_cast<size_t>(size), content_type,
        [in](size_t offset, size_t length, httplib::DataSink& sink) {
            std::vector<char> buffer(std::min<size_t>(length, 64 * 1024));
            in->seekg(static_cast<std::streamoff>(offset));
            in->read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
            std::streamsize got = in->gcount();
            if (got <= 0) return false;
            sink.write(buffer.data(), static_cast<size_t>(got));
            return true;
        },
        [in, keep](bool) { in->close(); });
}

}  // namespace

void Server::api_routes() {
    http_.Get("/api/geojson", guarded([this](const httplib::Request& req, httplib::Response& res) {
                  query::SearchRequest request = query::parse_request(params_of(req));
                  // One page of located records, read from the index page by page: never
                  // the whole answer. Without `limit`, pages of kMaxGeojsonFeatures.
                  const bool sized = req.has_param("limit");
                  const auto limit = static_cast<Xapian::doccount>(sized ? request.limit : kMaxGeojsonFeatures);
                  const auto offset = static_cast<Xapian::doccount>(request.offset);
                  auto page = searcher().records(request, offset, limit, true);
                  json body = feature_collection(page.records);
                  body["numberMatched"] = page.total;
                  body["numberReturned"] = page.records.size();
                  body["links"] = json::array();
                  if (offset + page.records.size() < page.total && limit > 0) {
                      // The same URL, the next offset: every match is reachable page by page.
                      httplib::Params next(req.params.begin(), req.params.end());
                      next.erase("offset");
                      next.emplace("offset", std::to_string(offset + page.records.size()));
                      body["links"].push_back(
                          {{"rel", "next"},
                           {"type", "application/geo+json"},
                           {"href", base_url(req) + req.path + "?" + httplib::detail::params_to_query_str(next)}});
                  }
                  send_json(res, body, 200, "application/geo+json");
              }));
    http_.Get(
        "/api/suggest", guarded([this](const httplib::Request& req, httplib::Response& res) {
            std::string q = req.has_param("q") ? req.get_param_value("q") : "";
            if (q.size() > query::kMaxQueryBytes)
                throw TooLargeError("q is " + std::to_string(q.size()) + " bytes long; the limit is " +
                                    std::to_string(query::kMaxQueryBytes));
            int limit = 8;
            if (req.has_param("limit")) {
                const std::string v = req.get_param_value("limit");
                try {
                    size_t used = 0;
                    limit = std::stoi(v, &used);
                    if (used != v.size() || limit < 1 || limit > kMaxSuggestions) throw std::out_of_range(v);
                } catch (const std::exception&) {
                    throw UsageError("limit must be an integer from 1 to " + std::to_string(kMaxSuggestions) +
                                     ", got '" + v + "'");
                }
            }
            json body = searcher().suggest(q, limit);
            // Whole queries for the search box: the words typed so far, the last one completed.
            std::string head = q.substr(0, q.find_last_of(" \t") == std::string::npos ? 0 : q.find_last_of(" \t") + 1);
            body["completions"] = json::array();
            for (const auto& word : body["suggestions"]) body["completions"].push_back(head + word.get<std::string>());
            // Named records (programmes, partners...) whose title words start with the last word typed.
            body["records"] = json::array();
            auto words = text::words(q);
            if (!words.empty() && words.back().size() >= 3) {
                query::SearchRequest titles;
                titles.q = words.back() + "*";
                titles.limit = 50;
                const json found = searcher().search(titles);
                for (const auto& hit : found["results"]) {
                    if (hit["type"] == "passage") continue;
                    bool in_title = false;
                    for (const auto& w : text::words(hit["title"].get<std::string>()))
                        in_title = in_title || w.rfind(words.back(), 0) == 0;
                    if (!in_title) continue;
                    body["records"].push_back({{"id", hit["id"]}, {"type", hit["type"]}, {"title", hit["title"]}});
                    if (static_cast<int>(body["records"].size()) >= std::min(limit, 5)) break;
                }
            }
            send_json(res, body);
        }));
}

void Server::ogc_routes() {
    auto landing = guarded(
        [](const httplib::Request& req, httplib::Response& res) { send_json(res, ogc::landing(base_url(req))); });
    http_.Get("/ogc", landing);
    http_.Get("/ogc/", landing);
    http_.Get("/ogc/conformance",
              guarded([](const httplib::Request&, httplib::Response& res) { send_json(res, ogc::conformance()); }));
    http_.Get("/ogc/api", guarded([](const httplib::Request& req, httplib::Response& res) {
                  send_json(res, ogc::api_definition(base_url(req)), 200,
                            "application/vnd.oai.openapi+json;version=3.0");
              }));
    http_.Get("/ogc/collections", guarded([this](const httplib::Request& req, httplib::Response& res) {
                  send_json(res, ogc::collections(base_url(req), extents()));
              }));
    http_.Get(R"(/ogc/collections/([^/]+))", guarded([this](const httplib::Request& req, httplib::Response& res) {
                  const std::string id = req.matches[1];
                  ogc::check_collection(id);
                  send_json(res, ogc::collection(base_url(req), id, extents().at(id)));
              }));
    http_.Get(R"(/ogc/collections/([^/]+)/items)", guarded([this](const httplib::Request& req, httplib::Response& res) {
                  send_json(res, ogc::items(searcher(), base_url(req), req.matches[1], params_of(req)), 200,
                            "application/geo+json");
              }));
    http_.Get(R"(/ogc/collections/([^/]+)/items/(.+))",
              guarded([this](const httplib::Request& req, httplib::Response& res) {
                  send_json(res, ogc::item(searcher(), base_url(req), req.matches[1], req.matches[2]), 200,
                            "application/geo+json");
              }));
}

void Server::export_routes() {
    http_.Get(
        "/export/atlas.gpkg", guarded([this](const httplib::Request&, httplib::Response& res) {
            searcher();  // 503 without an index
            const std::string path = (std::filesystem::path(options_.index_dir) / "atlas.gpkg").string();
            if (!std::filesystem::is_regular_file(path))
                throw NotFoundError("this index has no atlas.gpkg (rebuild it with a coopatlas-index that writes one)");
            send_file(res, path, "application/geopackage+sqlite3", "atlas.gpkg");
        }));
    http_.Get(R"(/export/([a-z]+)\.([a-z]+))", guarded([this](const httplib::Request& req, httplib::Response& res) {
                  const std::string type = req.matches[1];
                  const ExportFormat& format = export_format(req.matches[2]);
                  if (!ogc::collection_titles().count(type))
                      throw NotFoundError("no record type '" + type +
                                          "' (programme, contact, partner, partnership, passage)");
                  auto params = params_of(req);
                  params.erase("type");
                  query::SearchRequest request = query::parse_request(params);  // the search filters narrow an export
                  request.type = type;
                  const Xapian::doccount total = searcher().count(request);
                  if (total > options_.max_export_records)
                      throw TooLargeError("this export holds " + std::to_string(total) + " records; the limit is " +
                                          std::to_string(options_.max_export_records) +
                                          ": narrow it with q, country, theme, odd, bbox or near + radius_km");
                  auto file = write_export(searcher().all_matches(request), type, format);
                  send_file(res, file->path(), format.content_type, type + "." + format.extension, file);
              }));
}

void Server::metrics_hooks() {
    http_.Get("/metrics", guarded([this](const httplib::Request&, httplib::Response& res) {
                  res.set_content(metrics_.text(), "text/plain; version=0.0.4; charset=utf-8");
              }));
}

}  // namespace coopatlas::web
