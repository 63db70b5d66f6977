#include "ogc.hpp"

#include <chrono>
#include <ctime>

#include "core/error.hpp"
#include "geojson.hpp"
#include "query/request.hpp"

namespace coopatlas::web::ogc {

using nlohmann::json;

namespace {

const char* kCrs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

json link(const std::string& href, const std::string& rel, const std::string& type, const std::string& title = "") {
    json l = {{"href", href}, {"rel", rel}, {"type", type}};
    if (!title.empty()) l["title"] = title;
    return l;
}

int int_param(const std::string& name, const std::string& value, int min) {
    try {
        size_t used = 0;
        long n = std::stol(value, &used);
        if (used != value.size() || n < min) throw std::out_of_range(value);
        return n > 1000000 ? 1000000 : static_cast<int>(n);
    } catch (const std::exception&) {
        throw UsageError(name + " must be an integer of at least " + std::to_string(min) + ", got '" + value + "'");
    }
}

std::string now_rfc3339() {
    std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
}

std::string feature_id_of(const std::string& record_id) {
    size_t slash = record_id.find('/');
    return slash == std::string::npos ? record_id : record_id.substr(slash + 1);
}

}  // namespace

const std::map<std::string, std::string>& collection_titles() {
    static const std::map<std::string, std::string> titles = {
        {"programme", "Programmes et projets"},   {"contact", "Contacts"},
        {"partner", "Collectivités partenaires"}, {"partnership", "Partenariats de coopération"},
        {"passage", "Passages du guide"},
    };
    return titles;
}

void check_collection(const std::string& id) {
    if (!collection_titles().count(id))
        throw NotFoundError("no collection '" + id +
                            "' (collections: programme, contact, partner, partnership, passage)");
}

json landing(const std::string& base) {
    return {{"title", "coopatlas"},
            {"description",
             "Guide opérationnel de la coopération décentralisée (CNCD/DAECT, MEAE, 2020): "
             "programmes, contacts, collectivités partenaires et partenariats"},
            {"links",
             json::array({link(base + "/ogc", "self", "application/json", "this document"),
                          link(base + "/ogc/api", "service-desc", "application/vnd.oai.openapi+json;version=3.0",
                               "API definition"),
                          link(base + "/ogc/conformance", "conformance", "application/json", "conformance classes"),
                          link(base + "/ogc/collections", "data", "application/json", "collections")})}};
}

json conformance() {
    return {{"conformsTo", json::array({"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                                        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson"})}};
}

json api_definition(const std::string& base) {
    json ok = {{"200", {{"description", "success"}}}};
    json paths = json::object();
    for (const char* p : {"/ogc", "/ogc/conformance", "/ogc/collections", "/ogc/collections/{collectionId}",
                          "/ogc/collections/{collectionId}/items", "/ogc/collections/{collectionId}/items/{featureId}"})
        paths[p] = {{"get", {{"responses", ok}}}};
    return {{"openapi", "3.0.3"},
            {"info", {{"title", "coopatlas OGC API - Features"}, {"version", "1.0"}}},
            {"servers", json::array({{{"url", base}}})},
            {"paths", paths}};
}

json collection(const std::string& base, const std::string& id, const std::optional<geo::BBox>& extent) {
    check_collection(id);
    std::string self = base + "/ogc/collections/" + id;
    json c = {{"id", id},
              {"title", collection_titles().at(id)},
              {"itemType", "feature"},
              {"crs", json::array({kCrs84})},
              {"links", json::array({link(self, "self", "application/json"),
                                     link(self + "/items", "items", "application/geo+json", "features")})}};
    if (extent)
        c["extent"] = {
            {"spatial",
             {{"bbox", json::array({json::array({extent->west, extent->south, extent->east, extent->north})})},
              {"crs", kCrs84}}}};
    return c;
}

json collections(const std::string& base, const std::map<std::string, std::optional<geo::BBox>>& extents) {
    json list = json::array();
    for (const auto& type : record_types()) {
        auto it = extents.find(type);
        list.push_back(collection(base, type, it == extents.end() ? std::nullopt : it->second));
    }
    return {{"collections", list},
            {"links", json::array({link(base + "/ogc/collections", "self", "application/json")})}};
}

json items(const query::Searcher& searcher, const std::string& base, const std::string& id,
           const std::multimap<std::string, std::string>& params) {
    check_collection(id);
    query::SearchRequest request;
    request.type = id;
    request.limit = kDefaultLimit;
    std::string bbox_text;
    for (const auto& [name, value] : params) {
        if (params.count(name) > 1) throw UsageError("parameter '" + name + "' given more than once");
        if (name == "limit")
            request.limit = std::min(int_param("limit", value, 1), kMaxLimit);
        else if (name == "offset")
            request.offset = int_param("offset", value, 0);
        else if (name == "bbox") {
            request.bbox = geo::parse_bbox(value, "bbox");
            bbox_text = value;
        } else if (name != "f" && name != "datetime")
            throw UsageError("unknown parameter '" + name + "' (items accept bbox, limit, offset)");
    }
    // One page in the index's order, read directly (no facets or snippets).
    auto found = searcher.records(request, static_cast<Xapian::doccount>(request.offset),
                                  static_cast<Xapian::doccount>(request.limit));
    json features = json::array();
    for (const auto& r : found.records) features.push_back(feature_of(r, feature_id_of(r.id)));
    const long matched = static_cast<long>(found.total);
    const long returned = static_cast<long>(features.size());

    std::string self = base + "/ogc/collections/" + id + "/items";
    auto page = [&](int offset) {
        std::string url = self + "?limit=" + std::to_string(request.limit) + "&offset=" + std::to_string(offset);
        if (!bbox_text.empty()) url += "&bbox=" + bbox_text;
        return url;
    };
    json links = json::array({link(page(request.offset), "self", "application/geo+json", "this page"),
                              link(base + "/ogc/collections/" + id, "collection", "application/json")});
    if (request.offset + returned < matched)
        links.push_back(link(page(request.offset + request.limit), "next", "application/geo+json", "next page"));
    if (request.offset > 0)
        links.push_back(
            link(page(std::max(0, request.offset - request.limit)), "prev", "application/geo+json", "previous page"));
    return {{"type", "FeatureCollection"}, {"features", features},       {"numberMatched", matched},
            {"numberReturned", returned},  {"timeStamp", now_rfc3339()}, {"links", links}};
}

json item(const query::Searcher& searcher, const std::string& base, const std::string& id,
          const std::string& feature_id) {
    check_collection(id);
    std::string record_id = feature_id.rfind(id + "/", 0) == 0 ? feature_id : id + "/" + feature_id;
    Record r = searcher.get(record_id);
    json f = feature_of(r, feature_id_of(r.id));
    std::string collection_url = base + "/ogc/collections/" + id;
    f["links"] = json::array({link(collection_url + "/items/" + feature_id_of(r.id), "self", "application/geo+json"),
                              link(collection_url, "collection", "application/json")});
    return f;
}

}  // namespace coopatlas::web::ogc
