// coopatlas-query: search the index from the command line; --json prints
// exactly the body that GET /api/search returns.
#include <iostream>
#include <map>
#include <regex>

#include "core/cli.hpp"
#include "core/error.hpp"
#include "request.hpp"
#include "searcher.hpp"

namespace {

std::string plain(const std::string& snippet) {
    static const std::regex tags("</?mark>");
    std::string s = std::regex_replace(snippet, tags, "*");
    for (auto [from, to] : {std::pair{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}}) {
        for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + 1))
            s.replace(p, std::string(from).size(), to);
    }
    return s;
}

void print_table(const nlohmann::json& body) {
    std::cout << body["total"].get<long>() << " result(s)";
    if (!body["suggestion"].is_null()) std::cout << " -- Essayez : " << body["suggestion"].get<std::string>();
    std::cout << "\n";
    int rank = 0;
    for (const auto& r : body["results"]) {
        std::cout << "\n"
                  << ++rank << ". [" << r["type"].get<std::string>() << "] " << r["title"].get<std::string>()
                  << "  (p. " << r["page"].get<int>() << ")";
        if (!r["distance_km"].is_null()) std::cout << "  " << r["distance_km"].get<double>() << " km";
        std::cout << "\n   " << r["id"].get<std::string>() << "\n   " << plain(r["snippet"].get<std::string>()) << "\n";
    }
}

}  // namespace

int main(int argc, char** argv) {
    using namespace coopatlas;
    return cli::run_main("coopatlas-query", [&] {
        cli::Parser args("coopatlas-query", "--index DIR [filters] [--json] [QUERY...]",
                         "Searches the coopatlas index: French keywords (accents, case, typos and acronyms\n"
                         "forgiven, \"phrases\", AND/OR/NOT, -word, prefix*, pays: theme: odd: type:) combined\n"
                         "with map filters. Same answers as GET /api/search.");
        args.add({"index", "DIR", "index folder (default var/index)", "Input"})
            .add({"near", "LAT,LON", "centre for --radius-km and distances", "Geography"})
            .add({"radius-km", "R", "keep records with a point within R km of --near", "Geography"})
            .add({"bbox", "W,S,E,N", "keep records with a point in the box (W > E crosses 180°)", "Geography"})
            .add({"type", "T", "passage, programme, contact, partner or partnership", "Filters"})
            .add({"country", "CC", "ISO 3166-1 alpha-2 country code", "Filters"})
            .add({"theme", "X", "theme", "Filters"})
            .add({"odd", "N", "sustainable development goal, 1 to 17", "Filters"})
            .add({"sort", "S", "relevance (default) or distance", "Results"})
            .add({"limit", "N", "results per page (default 10, at most 1000)", "Results"})
            .add({"offset", "N", "results to skip (default 0)", "Results"})
            .add({"json", "", "print the JSON body of GET /api/search", "Results"});
        args.parse(argc, argv);
        if (args.answered_help_or_version(std::cout)) return 0;
        std::multimap<std::string, std::string> params;
        std::string q;
        for (const auto& w : args.positional()) q += (q.empty() ? "" : " ") + w;
        if (!q.empty()) params.emplace("q", q);
        for (const auto& [flag, param] : std::map<std::string, std::string>{{"near", "near"},
                                                                            {"radius-km", "radius_km"},
                                                                            {"bbox", "bbox"},
                                                                            {"type", "type"},
                                                                            {"country", "country"},
                                                                            {"theme", "theme"},
                                                                            {"odd", "odd"},
                                                                            {"sort", "sort"},
                                                                            {"limit", "limit"},
                                                                            {"offset", "offset"}})
            if (auto v = args.get(flag)) params.emplace(param, *v);
        auto request = query::parse_request(params);
        query::Searcher searcher(args.get_or("index", "var/index"));
        auto body = searcher.search(request);
        if (args.has("json"))
            std::cout << body.dump() << "\n";
        else
            print_table(body);
        return 0;
    });
}
