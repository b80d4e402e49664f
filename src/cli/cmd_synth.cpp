// `eventmap synth`: random but plausible events for trying the viewer and the exporters.
#include <iostream>

#include "cli/args.h"
#include "cli/command.h"
#include "eventmap/core/error.h"
#include "eventmap/core/paths.h"
#include "eventmap/export/format.h"
#include "eventmap/export/writer.h"
#include "eventmap/gazetteer/gazetteer.h"

#ifdef EVENTMAP_HAVE_VIEWER
#include "viewer/state/synthetic.h"
#endif

namespace eventmap::cli {
namespace {
constexpr const char* kUsage =
    "usage: eventmap synth --events N -o FILE [--seed S] [--start YYYY-MM-DD] [--days D] [--index PATH]\n"
    "\n"
    "Writes N synthetic events: places from the gazetteer (weighted by population, biased to a few\n"
    "regions of armed conflict), types from the taxonomy, dates over D days (default 365 from\n"
    "2023-01-01), generated sentences. The format follows FILE's extension (.geojson, .geojsonl,\n"
    ".gpkg, .csv, ...). Needs the gazetteer index (see 'eventmap paths').\n";

int run(const std::vector<std::string>& argv) {
    Args args(argv, {"--events", "-o", "--seed", "--start", "--days", "--index"}, {});
#ifndef EVENTMAP_HAVE_VIEWER
    throw UsageError("this build has no viewer, which holds the generator (configure with -DEVENTMAP_BUILD_VIEWER=ON)");
#else
    auto out = args.value("-o");
    if (!out) throw UsageError("-o FILE is required");
    if (!args.value("--events")) throw UsageError("--events N is required");
    viewer::SynthOptions o;
    o.events = static_cast<std::size_t>(args.int_or("--events", 1000, 1, 50'000'000));
    o.seed = static_cast<std::uint64_t>(args.int_or("--seed", 1, 0, 1ll << 62));
    o.days = static_cast<int>(args.int_or("--days", 365, 1, 36500));
    if (auto s = args.value("--start")) {
        auto d = events::Date::parse_iso(*s);
        if (!d) throw UsageError("--start: expected YYYY-MM-DD, got '" + *s + "'");
        o.first_day = *d;
    }
    exporter::Format format = exporter::format_for_path(*out);
    std::filesystem::path index = args.value_or("--index", default_index_path().string());
    if (!std::filesystem::exists(index))
        throw Error("synth needs the gazetteer index and there is none at " + index.string() +
                    " (build it: eventmap gazetteer build)");
    auto g = gazetteer::Gazetteer::open(index);
    auto places = viewer::seed_places(g);
    if (places.empty()) throw Error(index.string() + ": the gazetteer has no populated places to put events at");
    auto events = viewer::synthesize(places, o);
    exporter::write_events(events, *out, format);
    std::cout << "wrote " << events.size() << " events to " << *out << "\n";
    return 0;
#endif
}

const Registrar reg{{"synth", "write random but plausible events (for the viewer and exporters)", kUsage, run}};
}  // namespace
}  // namespace eventmap::cli
