#include <catch2/catch.hpp>

#include <ogr_api.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <span>

#include "eventmap/core/error.h"
#include "eventmap/core/mapped_file.h"
#include "eventmap/core/parallel.h"
#include "eventmap/export/reader.h"
#include "eventmap/export/writer.h"
#include "eventmap/geo/gdal_handles.h"
#include "sample_events.h"
#include "support/support.h"

using namespace eventmap;
using namespace eventmap::exporter;
namespace fs = std::filesystem;

namespace {

std::vector<events::Event> read_all(const fs::path& p, ReadOptions options = {}) {
    ReadReport report;
    auto events = read_events(p, options, report);
    INFO(p.string());
    CHECK(report.skipped == 0);
    return events;
}

std::size_t files_in(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++n;
    return n;
}

fs::path checker() { return fs::path(EVENTMAP_TEST_FIXTURES).parent_path() / "tools"; }

}  // namespace

TEST_CASE("GeoJSON follows RFC 7946: lon,lat, no crs, at most 7 decimals, a string id per feature", "[export]") {
    const auto dir = test::temp_dir("export_rfc7946");
    const auto out = dir / "events.geojson";
    write_events(test::sample_events(), out, Format::geojson);
    const std::string text = test::read_file(out);
    CHECK(text.find("\"crs\"") == std::string::npos);
    CHECK(text.find("\"name\"") == std::string::npos);
    CHECK(text.find("\"coordinates\": [ 37.7497, 48.1394 ]") != std::string::npos);
    CHECK(text.find("\"id\": \"ev-1a2b3c\"") != std::string::npos);
    CHECK(text.find("\"event_date\": \"2023-03-17\"") != std::string::npos);
    // Every coordinate has at most 7 decimals.
    const std::regex coords(R"("coordinates": \[ (-?[0-9.]+), (-?[0-9.]+) \])");
    int points = 0;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), coords); it != std::sregex_iterator(); ++it) {
        ++points;
        for (int g : {1, 2}) {
            const std::string num = (*it)[g];
            const auto dot = num.find('.');
            CHECK((dot == std::string::npos || num.size() - dot - 1 <= 7));
        }
    }
    CHECK(points == 3);
    CHECK(files_in(dir) == 1);  // no temporary file left beside it
}

TEST_CASE("GDAL reads event_date and date_end back as Date fields", "[export]") {
    const auto out = test::temp_dir("export_ofdate") / "events.geojson";
    write_events(test::sample_events(), out, Format::geojson);
    auto ds = geo::open_vector(out.string());
    OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const int idx = OGR_FD_GetFieldIndex(defn, "event_date");
    REQUIRE(idx >= 0);
    CHECK(OGR_Fld_GetType(OGR_FD_GetFieldDefn(defn, idx)) == OFTDate);
    CHECK(OGR_Fld_GetType(OGR_FD_GetFieldDefn(defn, OGR_FD_GetFieldIndex(defn, "date_end"))) == OFTDate);
    geo::OgrFeature f(OGR_L_GetNextFeature(layer));
    int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
    float ss = 0;
    REQUIRE(OGR_F_GetFieldAsDateTimeEx(f.get(), idx, &y, &m, &d, &hh, &mm, &ss, &tz));
    CHECK((y == 2023 && m == 3 && d == 17));
}

TEST_CASE("GeoJSONSeq puts an RS (0x1E) before each record, one record per line", "[export]") {
    const auto out = test::temp_dir("export_rs") / "events.geojsonl";
    write_events(test::sample_events(), out, Format::geojsonseq);
    const std::string text = test::read_file(out);
    REQUIRE(!text.empty());
    CHECK(text.front() == '\x1e');
    std::size_t records = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        REQUIRE(text[pos] == '\x1e');
        const auto nl = text.find('\n', pos);
        REQUIRE(nl != std::string::npos);
        CHECK(text[pos + 1] == '{');
        CHECK(text[nl - 1] == '}');
        ++records;
        pos = nl + 1;
    }
    CHECK(records == 3);
    CHECK(read_all(out) == test::sample_events());
}

TEST_CASE("round trip GeoJSON -> eventmap -> GeoJSON is lossless", "[export]") {
    const auto dir = test::temp_dir("export_roundtrip");
    const auto first = dir / "first.geojson";
    const auto second = dir / "second.geojson";
    const auto events = test::sample_events();
    write_events(events, first, Format::geojson);
    // Only the merged event lists its sources: the others' one source is the flat fields.
    const std::string text = test::read_file(first);
    CHECK(text.find("\"sources\"") == text.rfind("\"sources\""));
    CHECK(text.find("\"sources\": [ { \"article_id\": \"wire-0001\"") != std::string::npos);
    const auto back = read_all(first);
    CHECK(back == events);  // every field, every source of the merged event
    write_events(back, second, Format::geojson);
    CHECK(test::read_file(first) == test::read_file(second));

    // The simdjson fast path and GDAL's GeoJSON driver read the same events.
    ReadOptions via_gdal;
    via_gdal.layer = "first";
    CHECK(read_all(first, via_gdal) == events);
}

TEST_CASE("eventmap's own GeoJSON and GeoJSONSeq are mapped and scanned when the first event has one source",
          "[export]") {
    const auto dir = test::temp_dir("export_scan");
    // The protest (one source, so no `sources` field) first, then the merged shelling.
    auto events = test::sample_events();
    std::rotate(events.begin(), events.begin() + 2, events.end());
    REQUIRE(events.front().sources.size() == 1);
    for (const auto& [name, format] :
         std::vector<std::pair<std::string, Format>>{{"e.geojson", Format::geojson}, {"e.geojsonl", Format::geojsonseq}}) {
        INFO(name);
        write_events(events, dir / name, format);
        const MappedFile file(dir / name);
        ReadReport report;
        std::vector<FeatureSummary> seen;
        CHECK(scan_event_summaries(dir / name, file, 1, report, [&](FeatureSummary&& s) { seen.push_back(std::move(s)); }));
        REQUIRE(seen.size() == 3);
        CHECK(seen[0].type == "peaceful_protest");
        const auto whole = read_event_record(file, seen[0].offset, seen[0].length);
        CHECK(whole == events[0]);  // the one source comes back from the provenance fields
        CHECK(read_event_record(file, seen[1].offset, seen[1].length).sources.size() == 2);
    }
}

TEST_CASE("each format writes and reads back", "[export]") {
    const auto dir = test::temp_dir("export_formats");
    const auto events = test::sample_events();
    for (const auto& [name, format] : std::vector<std::pair<std::string, Format>>{
             {"e.geojson", Format::geojson}, {"e.geojsonl", Format::geojsonseq}, {"e.gpkg", Format::gpkg},
             {"e.fgb", Format::fgb}, {"e.csv", Format::csv}}) {
        INFO(name);
        write_events(events, dir / name, format);
        CHECK(read_all(dir / name) == events);
    }
    SECTION("GeoPackage has a layer called events with a Date field") {
        auto ds = geo::open_vector((dir / "e.gpkg").string());
        OGRLayerH layer = GDALDatasetGetLayerByName(ds.get(), "events");
        REQUIRE(layer);
        OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
        CHECK(OGR_Fld_GetType(OGR_FD_GetFieldDefn(defn, OGR_FD_GetFieldIndex(defn, "event_date"))) == OFTDate);
        CHECK(OGR_L_GetFeatureCount(layer, TRUE) == 3);
    }
    SECTION("KML has a placemark per event with a name and the sentence as description") {
        write_events(events, dir / "e.kml", Format::kml);
        const std::string text = test::read_file(dir / "e.kml");
        CHECK(text.find("<name>Shelling/artillery/missile attack, Avdiivka (2023-03-17)</name>") != std::string::npos);
        CHECK(text.find("<description>Artillery hit the outskirts of Avdiivka") != std::string::npos);
        ReadReport report;
        const auto back = read_events(dir / "e.kml", {}, report);
        REQUIRE(back.size() == 3);
        CHECK(back[0].event_date == events[0].event_date);
        CHECK(back[0].type == events[0].type);
        CHECK(back[0].point.lat_deg == Approx(events[0].point.lat_deg).margin(1e-7));
    }
    SECTION("ACLED CSV uses ACLED's columns") {
        write_events(events, dir / "acled.csv", Format::acled_csv);
        const std::string text = test::read_file(dir / "acled.csv");
        CHECK(text.rfind("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
                         "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
                         "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
                         "notes,fatalities,tags,timestamp\n",
                         0) == 0);
        CHECK(text.find("ev-1a2b3c,2023-03-17,2023,1,Political violence,Explosions/Remote violence,"
                        "Shelling/artillery/missile attack,Russian forces,") != std::string::npos);
        ReadReport report;
        const auto back = read_events(dir / "acled.csv", {}, report);
        REQUIRE(back.size() == 3);
        CHECK(report.date_field_used == "event_date");
        CHECK(back[2].type == "peaceful_protest");
        CHECK(back[2].country_name == "Chile");
        CHECK(back[2].sources.front().sentence == events[2].sources.front().sentence);
        CHECK(back[2].point.lon_deg == Approx(-70.64827));
    }
}

namespace {

// Writes `events` in runs of `run` events, each made ready on one of 4 worker threads while this
// thread writes, as `eventmap extract` does.
void write_in_runs(const std::vector<events::Event>& events, const fs::path& out, Format format, std::size_t run) {
    EventWriter writer(out, format);
    std::size_t next = 0;
    ordered_parallel<std::span<const events::Event>, PreparedBatch>(
        [&]() -> std::optional<std::span<const events::Event>> {
            if (next >= events.size()) return std::nullopt;
            const std::size_t first = next;
            next = std::min(events.size(), next + run);
            return std::span<const events::Event>(events).subspan(first, next - first);
        },
        [&](std::span<const events::Event>& part) { return writer.prepare(part); },
        [&](PreparedBatch& batch) { writer.write(std::move(batch)); }, 4);
    writer.close();
    CHECK(writer.count() == events.size());
}

}  // namespace

TEST_CASE("events made ready on worker threads in runs and written in order give GDAL's one-dataset file",
          "[export]") {
    const auto dir = test::temp_dir("export_prepared");
    std::vector<events::Event> events;
    for (int k = 0; k < 200; ++k)
        for (auto e : test::sample_events()) {
            e.id += "-" + std::to_string(k);
            events.push_back(std::move(e));
        }
    for (const auto& [name, format] : std::vector<std::pair<std::string, Format>>{
             {"geojson", Format::geojson}, {"geojsonl", Format::geojsonseq}, {"csv", Format::csv},
             {"acled.csv", Format::acled_csv}, {"kml", Format::kml}, {"fgb", Format::fgb}}) {
        INFO(name);
        // The reference: all events in one run, so GDAL writes them into a single dataset.
        write_in_runs(events, dir / ("one." + name), format, events.size());
        const std::string one = test::read_file(dir / ("one." + name));
        REQUIRE(one.size() > 1000);
        // GDAL writes the text formats' runs on the workers and the writer joins them: the same bytes.
        for (std::size_t run : {1, 7, 256}) {
            write_in_runs(events, dir / ("runs." + name), format, run);
            CHECK(test::read_file(dir / ("runs." + name)) == one);
        }
        write_events(events, dir / ("each." + name), format);
        CHECK(test::read_file(dir / ("each." + name)) == one);
        EventWriter probe(dir / ("probe." + name), format);
        CHECK(probe.writes_in_parts() == (format != Format::kml && format != Format::fgb));
    }
    SECTION("GeoPackage (its bytes carry a timestamp): the same events read back") {
        write_in_runs(events, dir / "prepared.gpkg", Format::gpkg, 7);
        CHECK(read_all(dir / "prepared.gpkg") == events);
    }
    SECTION("no events: GDAL's empty file, which GDAL reads back") {
        write_in_runs({}, dir / "empty.geojson", Format::geojson, 7);
        const std::string text = test::read_file(dir / "empty.geojson");
        CHECK(text.find("\"FeatureCollection\"") != std::string::npos);
        auto ds = geo::open_vector((dir / "empty.geojson").string());
        REQUIRE(GDALDatasetGetLayerCount(ds.get()) == 1);
        CHECK(OGR_L_GetFeatureCount(GDALDatasetGetLayer(ds.get(), 0), TRUE) == 0);
    }
}

TEST_CASE("every GeoJSON file passes @placemarkio/check-geojson", "[export]") {
    const auto tools = checker();
    if (std::system("node --version > /dev/null 2>&1") != 0 || !fs::exists(tools / "node_modules/@placemarkio")) {
        WARN("node or tests/tools/node_modules absent (run npm install in tests/tools): check-geojson skipped");
        return;
    }
    const auto dir = test::temp_dir("export_check");
    write_events(test::sample_events(), dir / "events.geojson", Format::geojson);
    write_events({}, dir / "empty.geojson", Format::geojson);
    for (const char* name : {"events.geojson", "empty.geojson"}) {
        const std::string cmd = "node '" + (tools / "check_geojson.mjs").string() + "' '" + (dir / name).string() + "' 2>&1";
        INFO(cmd);
        CHECK(std::system(cmd.c_str()) == 0);
    }
    const auto bad = dir / "bad.geojson";
    std::ofstream(bad) << R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1]},"properties":{}}]})";
    const std::string cmd = "node '" + (tools / "check_geojson.mjs").string() + "' '" + bad.string() + "' > /dev/null 2>&1";
    CHECK(std::system(cmd.c_str()) != 0);  // the checker itself catches a broken file
}

TEST_CASE("output is atomic: an unfinished or failed write leaves neither the target nor a temp file", "[export]") {
    const auto dir = test::temp_dir("export_atomic");
    SECTION("a writer destroyed without close()") {
        {
            EventWriter w(dir / "events.geojson", Format::geojson);
            for (const auto& e : test::sample_events()) w.write(e);
            CHECK(w.count() == 3);
        }
        CHECK(files_in(dir) == 0);
    }
    SECTION("a rename that fails") {
        // The target is a non-empty directory, so moving the finished file onto it fails.
        fs::create_directories(dir / "taken.gpkg" / "inside");
        EventWriter w(dir / "taken.gpkg", Format::gpkg);
        w.write(test::sample_events().front());
        CHECK_THROWS_AS(w.close(), IoError);
        CHECK(files_in(dir) == 1);
        CHECK(fs::is_directory(dir / "taken.gpkg" / "inside"));
    }
    SECTION("an existing file is replaced only when the new one is complete") {
        std::ofstream(dir / "events.geojson") << "old";
        {
            EventWriter w(dir / "events.geojson", Format::geojson);
            w.write(test::sample_events().front());
        }
        CHECK(test::read_file(dir / "events.geojson") == "old");
        write_events(test::sample_events(), dir / "events.geojson", Format::geojson);
        CHECK(read_all(dir / "events.geojson").size() == 3);
        CHECK(files_in(dir) == 1);
    }
}

TEST_CASE("any point layer: CSV with lat/lon columns and a string date", "[export]") {
    const auto p = test::temp_dir("export_csv_in") / "reports.csv";
    std::ofstream(p) << "when_seen,lat,lon,kind,place,what\n"
                        "2024-05-02,50.45,30.52,Air/drone strike,Kyiv,Drones were shot at over the capital.\n"
                        "2024-05-03,49.99,36.23,march,Kharkiv,People walked together.\n"
                        "yesterday,48.0,37.8,Armed clash,Donetsk,A row without a date.\n"
                        "2024-05-04,,,Armed clash,Nowhere,A row without a point.\n";
    ReadOptions options;
    options.date_field = "when_seen";
    ReadReport report;
    const auto events = read_events(p, options, report);
    REQUIRE(events.size() == 2);
    CHECK(report.features == 4);
    CHECK(report.skipped == 2);
    REQUIRE(report.problems.size() == 2);
    CHECK(report.problems[0].find("feature 3: no date") != std::string::npos);
    CHECK(report.problems[1].find("feature 4: no geometry") != std::string::npos);
    CHECK(events[0].event_date == events::Date::from_ymd(2024, 5, 2));
    CHECK(events[0].point.lat_deg == Approx(50.45));
    CHECK(events[0].point.lon_deg == Approx(30.52));
    CHECK(events[0].location == "Kyiv");
    CHECK(events[1].type == "other");  // no type column recognised: "kind" is not one of ours
}

TEST_CASE("any point layer: foreign GeoJSON with a detected date, polygons as centroids, bad rows skipped", "[export]") {
    const auto p = test::temp_dir("export_foreign") / "foreign.geojson";
    std::ofstream(p) << R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"label":"a","date":"2021-07-09","sub_event_type":"Armed clash"},
 "geometry":{"type":"Polygon","coordinates":[[[10,10],[12,10],[12,12],[10,12],[10,10]]]}},
{"type":"Feature","properties":{"label":"b","date":"2021-07-10","type":"mob_violence"},"geometry":null},
{"type":"Feature","properties":{"label":"c","date":null},"geometry":{"type":"Point","coordinates":[5,6]}},
{"type":"Feature","properties":{"label":"d","date":"2021-07-11","event_type":"Riots"},"geometry":{"type":"Point","coordinates":[7,8]}}
]})";
    ReadReport report;
    const auto events = read_events(p, {}, report);
    CHECK(report.date_field_used == "date");
    REQUIRE(events.size() == 2);
    CHECK(report.skipped == 2);
    CHECK(events[0].type == "armed_clash");
    CHECK(events[0].event_type == "Battles");
    CHECK(events[0].point.lon_deg == Approx(11));
    CHECK(events[0].point.lat_deg == Approx(11));
    CHECK(events[1].type == "other");  // an event_type alone does not name a sub-event
    CHECK(events[1].event_type == "Riots");
}

TEST_CASE("a file without any date field is an error that names its fields", "[export]") {
    const auto p = test::temp_dir("export_nodate") / "plain.geojson";
    std::ofstream(p) << R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"label":"a"},"geometry":{"type":"Point","coordinates":[1,2]}}]})";
    ReadReport report;
    try {
        read_events(p, {}, report);
        FAIL("no exception");
    } catch (const IoError& e) {
        CHECK(std::string(e.what()).find("label") != std::string::npos);
    }
    CHECK_THROWS_AS(read_events(p.parent_path() / "missing.geojson", {}, report), IoError);
}

TEST_CASE("large files of our own are read in order, identically with one or several threads", "[export]") {
    // Over a megabyte, so the reader splits the file into several blocks.
    std::vector<events::Event> many;
    const auto base = test::sample_events();
    for (int i = 0; i < 4000; ++i) {
        auto e = base[static_cast<std::size_t>(i) % base.size()];
        e.id = "ev-" + std::to_string(i);
        e.event_date = e.event_date.plus_days(i % 400);
        e.point = geo::LatLon{static_cast<double>(i % 170) - 85.0, static_cast<double>(i % 350) - 175.0};
        many.push_back(std::move(e));
    }
    const auto dir = test::temp_dir("export_large");
    for (const char* name : {"many.geojson", "many.geojsonl"}) {
        INFO(name);
        write_events(many, dir / name, format_for_path(name));
        REQUIRE(fs::file_size(dir / name) > (1u << 20));
        for (unsigned jobs : {1u, 2u, 3u}) {
            ReadOptions options;
            options.jobs = jobs;
            CHECK(read_all(dir / name, options) == many);
        }
    }
}
