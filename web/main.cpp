// coopatlas-serve: the JSON API, GeoJSON, OGC API - Features, exports and the page.
#include <csignal>
#include <iostream>

#include "core/cli.hpp"
#include "core/error.hpp"
#include "server.hpp"

namespace {
coopatlas::web::Server* running = nullptr;
extern "C" void on_signal(int) {
    if (running) running->stop();
}
}  // namespace

int main(int argc, char** argv) {
    using namespace coopatlas;
    return cli::run_main("coopatlas-serve", [&] {
        cli::Parser args("coopatlas-serve", "--index DIR [--host 127.0.0.1] [--port 8080] [--threads N]",
                         "Serves the search page, the JSON API, GeoJSON, OGC API - Features and exports.");
        args.add({"index", "DIR", "index folder (default var/index)", "Input"})
            .add({"static", "DIR", "the page's files (default: web/static of the source tree)", "Input"})
            .add({"vendor", "DIR", "node_modules holding leaflet and world-atlas (default: the source tree's)", "Input"})
            .add({"host", "ADDR", "address to listen on (default 127.0.0.1)", "Network"})
            .add({"port", "N", "port (default 8080)", "Network"})
            .add({"threads", "N", "worker threads (default 4)", "Network"});
        args.parse(argc, argv);
        if (args.answered_help_or_version(std::cout)) return 0;
        if (!args.positional().empty()) throw UsageError("unexpected argument '" + args.positional()[0] + "'");
        web::ServerOptions options;
        options.index_dir = args.get_or("index", "var/index");
        options.static_dir = args.get_or("static", COOPATLAS_SOURCE_DIR "/web/static");
        options.vendor_dir = args.get_or("vendor", COOPATLAS_SOURCE_DIR "/node_modules");
        options.threads = static_cast<int>(args.get_int("threads", 1, 256).value_or(4));
        int port = static_cast<int>(args.get_int("port", 1, 65535).value_or(8080));
        std::string host = args.get_or("host", "127.0.0.1");
        web::Server server(options);
        running = &server;
        std::signal(SIGINT, on_signal);
        std::signal(SIGTERM, on_signal);
        std::cerr << "coopatlas-serve: listening on http://" << host << ":" << port << "/\n";
        server.listen(host, port);
        return 0;
    });
}
