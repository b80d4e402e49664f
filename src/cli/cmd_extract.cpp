// `eventmap extract`: articles in, typed, dated, located events out (any GDAL format).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <functional>
#include <future>
#include <iostream>
#include <span>
#include <utility>

#include "cli/args.h"
#include "cli/command.h"
#include "eventmap/core/error.h"
#include "eventmap/core/parallel.h"
#include "eventmap/core/paths.h"
#include "eventmap/events/dedup.h"
#include "eventmap/events/extract.h"
#include "eventmap/events/places.h"
#include "eventmap/export/format.h"
#include "eventmap/export/writer.h"
#include "eventmap/ingest/reader.h"
#include "article_batches.h"

namespace eventmap::cli {
namespace {

constexpr const char* k_usage =
    "usage: eventmap extract INPUT... -o FILE [--format F] [--jobs N] [--date YYYY-MM-DD] [--strict]\n"
    "                        [--dedup-km K] [--min-confidence X] [--index PATH]\n"
    "\n"
    "Reads articles (files, directories, JSON Lines, HTML, '-' for stdin), finds the events they\n"
    "report and writes them to FILE. The format comes from --format (geojson, geojsonseq, gpkg, csv,\n"
    "acled-csv, kml, fgb) or FILE's extension. The output is written to a temporary file and renamed,\n"
    "so an interrupted run leaves no half-written file.\n"
    "\n"
    "  --jobs N            worker threads (default: all cores)\n"
    "  --date D            publication date for articles whose metadata and dateline give none\n"
    "  --strict            stop at the first bad input record (default: report it and go on)\n"
    "  --dedup-km K        merge the same event from several articles within K km (default 10; 0 = off)\n"
    "  --min-confidence X  drop events below confidence X (0..1, default 0)\n"
    "  --index PATH        gazetteer index (default: $EVENTMAP_INDEX or data/index/gazetteer.emx)\n";

int run(const std::vector<std::string>& argv) {
    Args args(argv, {"-o", "--output", "--format", "--jobs", "--date", "--dedup-km", "--min-confidence", "--index"},
              {"--strict"});
    if (args.positional().empty()) throw UsageError("extract needs at least one INPUT (a file, a directory or -)");
    const auto out = args.value("-o") ? args.value("-o") : args.value("--output");
    if (!out) throw UsageError("extract needs -o FILE");
    const exporter::Format format =
        args.value("--format") ? exporter::parse_format(*args.value("--format")) : exporter::format_for_path(*out);
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    const auto jobs = static_cast<unsigned>(args.int_or("--jobs", hw, 1, 256));
    const double dedup_km = args.double_or("--dedup-km", 10.0);
    if (dedup_km < 0) throw UsageError("--dedup-km must be >= 0");
    events::ExtractOptions options;
    options.min_confidence = args.double_or("--min-confidence", 0.0);
    if (auto d = args.value("--date")) {
        options.default_date = events::Date::parse_iso(*d);
        if (!options.default_date) throw UsageError("--date must be YYYY-MM-DD, got '" + *d + "'");
    }
    const std::filesystem::path index = args.value_or("--index", default_index_path().string());

    // With workers to come, the output dataset (GDAL's drivers, EPSG:4326 from proj.db), the
    // detector's tables and the region seats are made on threads of their own while this one loads
    // the geoparser: start-up is a large part of a run over a few thousand notes. With --jobs 1
    // everything runs on this thread.
    const auto launch = jobs > 1 ? std::launch::async : std::launch::deferred;
    auto writer_ready = std::async(launch, [&] { return exporter::EventWriter(*out, format); });
    auto detector_ready = std::async(launch, [] { return events::Detector::load_default(); });
    const gazetteer::Gazetteer gz = gazetteer::Gazetteer::open(index);
    events::PlaceFinder places =
        events::gazetteer_places(gz, std::async(launch, events::region_seats, std::cref(gz)));
    const events::Detector detector = detector_ready.get();
    const events::Extractor extractor(detector, std::move(places), options);

    ingest::ReadOptions read_options;
    read_options.strict = args.flag("--strict");
    ingest::ArticleReader reader(args.positional(), read_options);
    exporter::EventWriter writer = writer_ready.get();

    const bool progress = ::isatty(2) != 0;
    auto last_draw = std::chrono::steady_clock::now();
    std::size_t articles = 0, found = 0;
    auto draw = [&](bool final) {
        if (!progress) return;
        const auto now = std::chrono::steady_clock::now();
        if (!final && now - last_draw < std::chrono::milliseconds(200)) return;
        last_draw = now;
        std::fprintf(stderr, "\r\033[Kextract: %zu articles, %zu events, %.1f MB read", articles, found,
                     static_cast<double>(reader.stats().bytes) / 1e6);
        if (final) std::fputc('\n', stderr);
    };

    // Articles go to the workers in batches (article_batches.h); after a reading error (--strict) the
    // articles read before it are still extracted and written, then the error is raised.
    // What the workers make of a batch: without --dedup-km its events made ready for the writer (for
    // GeoJSON, GeoJSONSeq and CSV GDAL's text of them, so GDAL writes on every worker), so that this
    // thread only reads and appends; with it, the events for merging.
    struct Extracted {
        std::size_t articles = 0, found = 0;
        std::vector<events::Event> events;
        exporter::PreparedBatch prepared;
    };
    const bool dedup = dedup_km > 0;
    ArticleBatches batches(reader);
    std::vector<events::Event> all;
    ordered_parallel<std::vector<ingest::Article>, Extracted>(
        [&] { return batches.next(); },
        [&](std::vector<ingest::Article>& batch) {
            Extracted out;
            out.articles = batch.size();
            for (const auto& a : batch) {
                std::vector<events::Event> evs = events::extract_events(a, extractor);
                out.found += evs.size();
                for (auto& e : evs) out.events.push_back(std::move(e));
            }
            if (!dedup) out.prepared = writer.prepare(std::exchange(out.events, {}));
            return out;
        },
        [&](Extracted& batch) {
            articles += batch.articles;
            found += batch.found;
            for (auto& e : batch.events) all.push_back(std::move(e));
            writer.write(std::move(batch.prepared));
            draw(false);
        },
        jobs, 16);  // 16 batches in flight: at most about 4 MB of text
    draw(true);
    if (dedup) {
        all = events::merge_duplicates(std::move(all), dedup_km);
        // The merged events are made ready on the workers, in runs, while this thread appends.
        constexpr std::size_t kBatchEvents = 256;
        std::size_t next = 0;
        ordered_parallel<std::span<const events::Event>, exporter::PreparedBatch>(
            [&]() -> std::optional<std::span<const events::Event>> {
                if (next >= all.size()) return std::nullopt;
                const std::size_t first = next;
                next = std::min(all.size(), next + kBatchEvents);
                return std::span<const events::Event>(all).subspan(first, next - first);
            },
            [&](std::span<const events::Event>& run) { return writer.prepare(run); },
            [&](exporter::PreparedBatch& prepared) { writer.write(std::move(prepared)); }, jobs, 16);
    }
    writer.close();
    std::cerr << "extract: " << writer.count() << " events from " << articles << " articles";
    if (reader.stats().problems) std::cerr << " (" << reader.stats().problems << " input problems reported above)";
    std::cerr << " -> " << *out << "\n";
    return 0;
}

const Registrar reg{{"extract", "find the events articles report and write them as GIS data", k_usage, run}};

}  // namespace
}  // namespace eventmap::cli
