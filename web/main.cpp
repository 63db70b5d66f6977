// coopatlas-serve: the JSON API, GeoJSON, OGC API - Features, exports and the page.
#include <pthread.h>

#include <csignal>
#include <functional>
#include <iostream>
#include <thread>

#include "core/cli.hpp"
#include "core/error.hpp"
#include "server.hpp"

namespace {

/// SIGINT and SIGTERM stop the server, SIGHUP reloads the index. The signals are
/// blocked in every thread (the mask is inherited) and taken by this one thread
/// with sigwait, so the handling runs as ordinary code, not in a signal handler.
sigset_t handled_signals() {
    sigset_t set;
    sigemptyset(&set);
    for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, s);
    return set;
}

void handle_signals(coopatlas::web::Server& server) {
    const sigset_t set = handled_signals();
    for (;;) {
        int signal = 0;
        if (sigwait(&set, &signal) != 0) continue;
        if (signal == SIGHUP) {
            server.reload_index();  // logs what it did
            continue;
        }
        server.stop();
        return;
    }
}

}  // namespace

int main(int argc, char** argv) {
    using namespace coopatlas;
    return cli::run_main("coopatlas-serve", [&] {
        cli::Parser args("coopatlas-serve", "--index DIR [--host 127.0.0.1] [--port 8080] [--threads N]",
                         "Serves the search page, the JSON API, GeoJSON, OGC API - Features and exports.");
        args.add({"index", "DIR", "index folder (default var/index)", "Input"})
            .add({"static", "DIR", "the page's files (default: web/static of the source tree)", "Input"})
            .add(
                {"vendor", "DIR", "node_modules holding leaflet and world-atlas (default: the source tree's)", "Input"})
            .add({"host", "ADDR", "address to listen on (default 127.0.0.1)", "Network"})
            .add({"port", "N", "port (default 8080)", "Network"})
            .add({"threads", "N", "worker threads (default 16)", "Network"})
            .add({"max-inflight", "N", "connections answered or waiting before 503 (default 256)", "Limits"})
            .add(
                {"request-timeout-ms", "MS", "longest wait for a worker before 503 (default 10000; 0: none)", "Limits"})
            .add({"reload-poll-ms", "MS", "how often to look for a new index build (default 1000; 0: SIGHUP only)",
                  "Input"})
            .add({"answer-cache-mb", "MB", "search answers kept for the same request again (default 32; 0: none)",
                  "Limits"});
        args.parse(argc, argv);
        if (args.answered_help_or_version(std::cout)) return 0;
        if (!args.positional().empty()) throw UsageError("unexpected argument '" + args.positional()[0] + "'");
        web::ServerOptions options;
        options.index_dir = args.get_or("index", "var/index");
        options.static_dir = args.get_or("static", COOPATLAS_SOURCE_DIR "/web/static");
        options.vendor_dir = args.get_or("vendor", COOPATLAS_SOURCE_DIR "/node_modules");
        options.threads = static_cast<int>(args.get_int("threads", 1, 256).value_or(16));
        options.admission.max_inflight = static_cast<size_t>(args.get_int("max-inflight", 1, 1000000).value_or(256));
        options.admission.request_timeout =
            std::chrono::milliseconds(args.get_int("request-timeout-ms", 0, 3600000).value_or(10000));
        options.reload_poll = std::chrono::milliseconds(args.get_int("reload-poll-ms", 0, 3600000).value_or(1000));
        options.answer_cache_bytes = static_cast<size_t>(args.get_int("answer-cache-mb", 0, 65536).value_or(32)) << 20;
        int port = static_cast<int>(args.get_int("port", 1, 65535).value_or(8080));
        std::string host = args.get_or("host", "127.0.0.1");
        const sigset_t signals = handled_signals();
        pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // before any thread starts
        web::Server server(options);
        std::thread(handle_signals, std::ref(server)).detach();
        std::cerr << "coopatlas-serve: listening on http://" << host << ":" << port << "/\n";
        server.listen(host, port);
        return 0;
    });
}
