// `eventmap bench NAME`: performance measurements a user can repeat. Each sub-benchmark is
// one row of the table below; add a row (name, summary, function) to add one.
#include <cstdio>
#include <iostream>
#include <sstream>

#include "cli/args.h"
#include "cli/command.h"
#include "eventmap/core/error.h"

#ifdef EVENTMAP_HAVE_VIEWER
#include "viewer/bench_view.h"
#endif

namespace eventmap::cli {
namespace {

struct SubBench {
    const char* name;
    const char* summary;
    int (*run)(const std::vector<std::string>& args);
};

int bench_view(const std::vector<std::string>& argv) {
    Args args(argv, {"--events", "--seed", "--frames", "--work-dir", "--region-events"}, {"--json"});
#ifndef EVENTMAP_HAVE_VIEWER
    throw UsageError("this build has no viewer (configure with -DEVENTMAP_BUILD_VIEWER=ON)");
#else
    viewer::BenchViewOptions o;
    o.events = static_cast<std::size_t>(args.int_or("--events", 1'000'000, 1, 50'000'000));
    o.seed = static_cast<std::uint64_t>(args.int_or("--seed", 1, 0, 1ll << 62));
    o.frames = static_cast<int>(args.int_or("--frames", 40, 1, 10000));
    o.region_events = static_cast<std::size_t>(args.int_or("--region-events", 100'000, 1, 50'000'000));
    if (auto d = args.value("--work-dir")) o.work_dir = *d;
    bool json = args.flag("--json");
    std::ostringstream quiet;
    viewer::BenchViewResult r = viewer::bench_view(o, json ? static_cast<std::ostream&>(quiet) : std::cerr);
    char buf[256];
    if (json) {
        std::snprintf(buf, sizeof buf, "{\"world_ms\": %.2f, \"scrub_ms\": %.2f, \"region_ms\": %.2f, \"load_s\": %.3f}\n",
                      r.world_ms, r.scrub_ms, r.region_ms, r.load_s);
        std::cout << buf;
    } else {
        std::snprintf(buf, sizeof buf,
                      "events     %zu\nrenderer   %s\nworld_ms   %.2f\nscrub_ms   %.2f\nregion_ms  %.2f  (%zu events on screen, zoom %.2f)\nload_s     %.3f  (%.2f CPU seconds)\n"
                      "pan_ms     %.2f  (world zoom, camera moving)\nregion_pan_ms %.2f\n",
                      o.events, r.gl_renderer.c_str(), r.world_ms, r.scrub_ms, r.region_ms, r.region_in_view, r.region_zoom, r.load_s,
                      r.load_cpu_s, r.pan_ms, r.region_pan_ms);
        std::cout << buf;
    }
    return 0;
#endif
}

const SubBench kBenches[] = {
    {"view", "viewer frame times (world, scrub, region) and load time on N synthetic events", bench_view},
};

int run(const std::vector<std::string>& argv) {
    if (argv.empty()) throw UsageError("name a benchmark (see 'eventmap bench --help')");
    for (const auto& b : kBenches)
        if (argv[0] == b.name) return b.run(std::vector<std::string>(argv.begin() + 1, argv.end()));
    throw UsageError("unknown benchmark '" + argv[0] + "' (see 'eventmap bench --help')");
}

std::string usage() {
    std::string u = "usage: eventmap bench NAME [options]\n\nbenchmarks:\n";
    for (const auto& b : kBenches) u += std::string("  ") + b.name + "  " + b.summary + "\n";
    u += "\nbench view [--events N] [--seed S] [--frames F] [--region-events K] [--work-dir DIR] [--json]\n"
         "  Generates N synthetic events (GeoNames cities by population, biased to conflict regions),\n"
         "  writes them as GeoJSON (cached in DIR), loads them as the viewer does and renders 1280x800\n"
         "  frames offscreen. Prints the median frame at world zoom (world_ms), while a 30-day window\n"
         "  moves every frame (scrub_ms), zoomed to about K events on screen (region_ms), and the\n"
         "  load time (load_s). --json prints {\"world_ms\", \"scrub_ms\", \"region_ms\", \"load_s\"}.\n"
         "  Needs a display: run under xvfb-run -a -s '-screen 0 1280x800x24' on a headless machine.\n";
    return u;
}

const std::string kUsage = usage();
const Registrar reg{{"bench", "measure performance (bench view: the viewer's frame and load times)", kUsage, run}};
}  // namespace
}  // namespace eventmap::cli
