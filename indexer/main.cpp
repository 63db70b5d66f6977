// coopatlas-index: guide -> records -> geocoded -> Xapian + GeoPackage + JSON Lines.
#include <iostream>

#include "core/cli.hpp"
#include "core/error.hpp"
#include "indexer/write/index_build.hpp"

int main(int argc, char** argv) {
    using namespace coopatlas;
    return cli::run_main("coopatlas-index", [&] {
        cli::Parser args("coopatlas-index", "--guide PATH --out DIR [--gazetteer PATH | --no-geocode] [--shards N]",
                         "Parses the guide into passages and records, geocodes them offline and writes the index\n"
                         "folder (xapian/, atlas.gpkg, entities.jsonl, meta.json). The folder is built beside DIR and\n"
                         "swapped into place atomically: a failed run leaves the previous index untouched.\n"
                         "Without a gazetteer the run fails (exit 1) unless --no-geocode is given; build one with\n"
                         "build/indexer/coopatlas-gazetteer --out var/gazetteer.gpkg.");
        args.add({"guide", "PATH", "guide text (default data/guide/guide.txt)", "Input"})
            .add({"gazetteer", "PATH",
                  "gazetteer GeoPackage (default var/gazetteer.gpkg, else gazetteer.gpkg beside DIR)", "Input"})
            .add({"no-geocode", "", "index without a gazetteer: records get no points (no map)", "Input"})
            .add({"out", "DIR", "index folder to write (default var/index)", "Output"})
            .add({"shards", "N", "split the index into N shards and a stub listing them (docs/scaling.md)", "Output"})
            .add({"quiet", "", "no progress on stderr", "Output"});
        args.parse(argc, argv);
        if (args.answered_help_or_version(std::cout)) return 0;
        if (!args.positional().empty()) throw UsageError("unexpected argument '" + args.positional()[0] + "'");
        if (args.has("no-geocode") && args.has("gazetteer"))
            throw UsageError("--no-geocode and --gazetteer exclude each other");
        indexer::BuildOptions options{args.get_or("guide", "data/guide/guide.txt"), args.get_or("out", "var/index"),
                                      args.get_or("gazetteer", ""), !args.has("no-geocode")};
        options.shards = static_cast<unsigned>(args.get_int("shards", 1, 256).value_or(1));
        bool quiet = args.has("quiet");
        auto summary = indexer::build_index(options, [&](const std::string& message) {
            if (!quiet) std::cerr << "coopatlas-index: " << message << "\n";
        });
        std::cout << "records:\n";
        for (const auto& [type, count] : summary.records_by_type) std::cout << "  " << type << ": " << count << "\n";
        std::cout << "points by precision:\n";
        for (const auto& [precision, count] : summary.points_by_precision)
            std::cout << "  " << precision << ": " << count << "\n";
        std::cout << "built in " << summary.seconds << " s into " << options.out_dir << "\n";
        return 0;
    });
}
