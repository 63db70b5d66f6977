// coopatlas-gazetteer: offline sources (npm, Debian iso-codes, data/*.tsv) -> var/gazetteer.gpkg.
#include <chrono>
#include <iostream>

#include "core/cli.hpp"
#include "core/error.hpp"
#include "indexer/gazetteer_builder/gazetteer_build.hpp"

int main(int argc, char** argv) {
    using namespace coopatlas;
    return cli::run_main("coopatlas-gazetteer", [&] {
        cli::Parser args("coopatlas-gazetteer", "[--node-modules DIR] [--out PATH]",
                         "Builds the offline gazetteer (GeoNames cities500, INSEE/Etalab communes, EPCI,\n"
                         "départements and régions, ISO 3166 names, Natural Earth outlines, the reviewed\n"
                         "data/places-override.tsv and data/aliases.tsv, the régions' brand names of\n"
                         "data/places/region-aliases.tsv, compiled in) into one GeoPackage.");
        indexer::SourcePaths paths;
        args.add({"node-modules", "DIR", "npm packages folder (default node_modules)", "Input"})
            .add({"iso-codes", "PATH", "ISO 3166-2 JSON of Debian iso-codes (default " + paths.iso_codes_json + ")",
                  "Input"})
            .add({"iso-codes-fr", "PATH", "French catalogue of iso-codes (default " + paths.iso_codes_fr_mo + ")",
                  "Input"})
            .add({"overrides", "PATH", "reviewed places (default data/places-override.tsv)", "Input"})
            .add({"aliases", "PATH", "reviewed aliases (default data/aliases.tsv)", "Input"})
            .add({"out", "PATH", "GeoPackage to write (default var/gazetteer.gpkg)", "Output"})
            .add({"quiet", "", "no progress on stderr", "Output"});
        args.parse(argc, argv);
        if (args.answered_help_or_version(std::cout)) return 0;
        if (!args.positional().empty()) throw UsageError("unexpected argument '" + args.positional()[0] + "'");
        paths.node_modules = args.get_or("node-modules", paths.node_modules);
        paths.iso_codes_json = args.get_or("iso-codes", paths.iso_codes_json);
        paths.iso_codes_fr_mo = args.get_or("iso-codes-fr", paths.iso_codes_fr_mo);
        paths.overrides = args.get_or("overrides", paths.overrides);
        paths.aliases = args.get_or("aliases", paths.aliases);
        const std::string out = args.get_or("out", "var/gazetteer.gpkg");
        const bool quiet = args.has("quiet");
        auto say = [&](const std::string& m) {
            if (!quiet) std::cerr << "coopatlas-gazetteer: " << m << "\n";
        };
        const auto started = std::chrono::steady_clock::now();
        say("reading the sources in " + paths.node_modules);
        auto sources = indexer::load_sources(paths);
        say("deriving places from " + std::to_string(sources.geonames.size()) + " GeoNames rows and " +
            std::to_string(sources.communes.size()) + " communes");
        auto places = indexer::build_places(sources);
        say("writing " + out);
        auto stats = indexer::write_gazetteer(places, sources.shapes, out);
        std::cout << "places by kind:\n";
        for (const auto& [kind, n] : stats.places_by_kind) std::cout << "  " << kind << ": " << n << "\n";
        std::cout << "approximate points: " << stats.approximate << "\ncountry outlines: " << stats.shapes << "\n";
        std::cout << "built in " << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()
                  << " s into " << out << "\n";
        return 0;
    });
}
