#include "record.hpp"

#include <algorithm>

#include "text.hpp"

namespace coopatlas {

using nlohmann::json;

json to_json(const Record& r) {
    json j = r.fields.is_object() ? r.fields : json::object();
    j["id"] = r.id;
    j["type"] = r.type;
    j["title"] = r.title;
    j["text"] = r.text;
    j["page"] = r.page;
    j["line"] = r.line;
    j["section"] = r.section;
    j["countries"] = countries_json(r);
    j["themes"] = r.themes;
    j["odd"] = r.odd;
    j["geo"] = geo_json(r);
    return j;
}

json countries_json(const Record& r) {
    json countries = json::array();
    for (const auto& c : r.countries) countries.push_back({{"code", c.code}, {"name", c.name}});
    return countries;
}

json geo_json(const Record& r) {
    json geo = json::array();
    for (const auto& g : r.geo)
        geo.push_back(
            {{"lat", g.lat}, {"lon", g.lon}, {"place", g.place}, {"precision", g.precision}, {"source", g.source}});
    return geo;
}

Record record_from_json(const json& j) {
    static const std::vector<std::string> common = {"id",      "type",      "title",  "text", "page", "line",
                                                    "section", "countries", "themes", "odd",  "geo"};
    Record r;
    r.id = j.value("id", "");
    r.type = j.value("type", "");
    r.title = j.value("title", "");
    r.text = j.value("text", "");
    r.page = j.value("page", 0);
    r.line = j.value("line", 0);
    if (j.contains("section")) r.section = j["section"].get<std::vector<std::string>>();
    if (j.contains("countries"))
        for (const auto& c : j["countries"]) r.countries.push_back({c.value("code", ""), c.value("name", "")});
    if (j.contains("themes")) r.themes = j["themes"].get<std::vector<std::string>>();
    if (j.contains("odd")) r.odd = j["odd"].get<std::vector<int>>();
    if (j.contains("geo"))
        for (const auto& g : j["geo"])
            r.geo.push_back({g.value("lat", 0.0), g.value("lon", 0.0), g.value("place", ""), g.value("precision", ""),
                             g.value("source", "")});
    for (const auto& [key, value] : j.items())
        if (std::find(common.begin(), common.end(), key) == common.end()) r.fields[key] = value;
    return r;
}

std::string slugify(const std::string& utf8) {
    std::string folded = text::fold(utf8);
    std::string out;
    bool dash = false;
    for (char c : folded) {
        bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '@' || c == '.' || c == '_';
        if (keep) {
            if (dash && !out.empty()) out += '-';
            out += c;
            dash = false;
        } else {
            dash = true;
        }
    }
    if (out.size() > 80) out.resize(80);
    while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
    return out;
}

}  // namespace coopatlas
