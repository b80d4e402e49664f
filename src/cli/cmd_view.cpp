// `eventmap view`: the map viewer, interactive or one offscreen frame to a PNG (--snapshot).
#include <cmath>
#include <iostream>
#include <sstream>

#include "eventmap/core/paths.h"
#include "eventmap/events/dedup.h"
#include "eventmap/events/extract.h"
#include "eventmap/events/places.h"
#include "eventmap/gazetteer/gazetteer.h"
#include "eventmap/ingest/reader.h"
#include "cli/args.h"
#include "cli/command.h"
#include "eventmap/core/error.h"

#ifdef EVENTMAP_HAVE_VIEWER
#include "viewer/app.h"
#include "viewer/platform/window.h"
#endif

namespace eventmap::cli {
namespace {
constexpr const char* kUsage =
    "usage: eventmap view FILE... [options]\n"
    "\n"
    "Opens the map viewer on events: eventmap GeoJSON / GeoJSONSeq, or any point layer GDAL reads\n"
    "(GeoPackage, CSV with lat/lon columns, shapefile...) with a date field.\n"
    "\n"
    "options:\n"
    "  --snapshot out.png     render one frame offscreen, write the PNG and exit (no window)\n"
    "  --size WxH             snapshot size in pixels (default 1280x800)\n"
    "  --time-window A..B     show events from date A to date B (YYYY-MM-DD, inclusive)\n"
    "  --center LAT,LON       centre of the view (degrees)\n"
    "  --zoom Z               web-map zoom: 0 shows the world in 256 px, each level doubles\n"
    "  --select ID            select the event with this id (rings go around it)\n"
    "  --rings R1,R2,...      show geodesic range rings with these radii (km)\n"
    "  --date-field NAME      the field holding each feature's date (default: detected)\n"
    "  --projection P         webmercator (default) or equirectangular\n"
    "  --aggregate MODE       auto (default), points or bins\n"
    "  --max-events N         load at most N events (default 5000000)\n"
    "  --no-labels            no country or city labels\n"
    "\n"
    "Without a display, use --snapshot. Controls of the window: see docs/viewer.md.\n";

#ifdef EVENTMAP_HAVE_VIEWER
std::vector<double> parse_list(const std::string& text, const std::string& option) {
    std::vector<double> out;
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ',')) {
        char* end = nullptr;
        double v = std::strtod(item.c_str(), &end);
        if (item.empty() || *end != '\0' || !std::isfinite(v))
            throw UsageError(option + ": '" + item + "' is not a number");
        out.push_back(v);
    }
    if (out.empty()) throw UsageError(option + ": needs at least one number");
    return out;
}
#endif

int run(const std::vector<std::string>& argv) {
    Args args(argv,
              {"--snapshot", "--size", "--time-window", "--center", "--zoom", "--select", "--rings", "--date-field",
               "--projection", "--aggregate", "--max-events"},
              {"--no-labels"});
#ifndef EVENTMAP_HAVE_VIEWER
    throw UsageError("this build has no viewer (configure with -DEVENTMAP_BUILD_VIEWER=ON)");
#else
    using namespace eventmap::viewer;
    ViewOptions o;
    o.inputs = args.positional();
    if (o.inputs.empty()) throw UsageError("give an events file (see 'eventmap view --help')");
    if (auto s = args.value("--snapshot")) o.snapshot = *s;
    if (auto s = args.value("--size")) {
        int w = 0, h = 0;
        char x = 0;
        std::istringstream in(*s);
        if (!(in >> w >> x >> h) || (x != 'x' && x != 'X') || w < 16 || h < 16 || w > 8192 || h > 8192)
            throw UsageError("--size: expected WxH between 16x16 and 8192x8192, got '" + *s + "'");
        o.width_px = w;
        o.height_px = h;
    }
    if (auto s = args.value("--time-window")) o.window = parse_time_window(*s);
    if (auto s = args.value("--center")) {
        auto v = parse_list(*s, "--center");
        if (v.size() != 2) throw UsageError("--center: expected LAT,LON");
        o.center = geo::LatLon::from_degrees(v[0], v[1]);
        if (!o.center->is_valid()) throw UsageError("--center: latitude must be in -90..90 and longitude in -180..180");
    }
    if (args.value("--zoom")) {
        o.zoom = args.double_or("--zoom", 0);
        if (*o.zoom < 0 || *o.zoom > 16) throw UsageError("--zoom: expected 0..16");
    }
    if (auto s = args.value("--select")) o.select_id = *s;
    if (auto s = args.value("--rings")) {
        o.rings_km = parse_list(*s, "--rings");
        for (double r : *o.rings_km)
            if (r <= 0 || r > 20000) throw UsageError("--rings: radii must be in (0, 20000] km");
    }
    if (auto s = args.value("--date-field")) o.load.date_field = *s;
    std::string proj = args.value_or("--projection", "webmercator");
    if (proj == "webmercator" || proj == "mercator") o.projection = ProjectionKind::web_mercator;
    else if (proj == "equirectangular" || proj == "eqc") o.projection = ProjectionKind::equirectangular;
    else throw UsageError("--projection: expected webmercator or equirectangular");
    std::string agg = args.value_or("--aggregate", "auto");
    if (agg == "auto") o.aggregate = AggregateMode::automatic;
    else if (agg == "points") o.aggregate = AggregateMode::points;
    else if (agg == "bins") o.aggregate = AggregateMode::bins;
    else throw UsageError("--aggregate: expected auto, points or bins");
    o.load.max_events = static_cast<std::size_t>(args.int_or("--max-events", 5'000'000, 1, 100'000'000));
    // Articles as input: the events stage extracts them on the fly (index opened only then).
    o.load.extract_articles = [](const std::vector<std::string>& paths) {
        const auto gz = gazetteer::Gazetteer::open(default_index_path());
        const auto detector = events::Detector::load_default();
        const events::Extractor extractor(detector, events::gazetteer_places(gz));
        std::vector<events::Event> out;
        ingest::ArticleReader reader(paths);
        ingest::Article article;
        while (reader.next(article)) {
            auto found = events::extract_events(article, extractor);
            out.insert(out.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
        }
        return events::merge_duplicates(std::move(out));
    };
    o.labels = !args.flag("--no-labels");

    if (!o.snapshot && !display_available()) throw Error("no display: use --snapshot out.png");
    Scene scene = load_scene(o);
    std::cerr << "eventmap view: " << scene.report.summary() << "\n";
    for (const auto& m : scene.report.messages) std::cerr << "eventmap view: " << m << "\n";
    if (o.snapshot) {
        SnapshotInfo info = render_snapshot(scene, o);
        std::cout << "wrote " << o.snapshot->string() << " (" << o.width_px << "x" << o.height_px << ", "
                  << info.events_in_view << " events in view, " << (info.points ? "points" : "aggregated bins") << ")\n";
        return 0;
    }
    return run_interactive(std::move(scene), o);
#endif
}

const Registrar reg{{"view", "open the map viewer (or write a PNG snapshot with --snapshot)", kUsage, run}};
}  // namespace
}  // namespace eventmap::cli
