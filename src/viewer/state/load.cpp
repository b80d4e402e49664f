#include "viewer/state/load.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstring>
#include <filesystem>

#include "eventmap/core/error.h"
#include "eventmap/export/reader.h"
#include "eventmap/geo/gdal_handles.h"

namespace eventmap::viewer {
namespace {
std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string extension(const std::string& path) { return lower(std::filesystem::path(path).extension().string()); }

// Field lookup by any of several names (case-insensitive), -1 when none.
int field_index(OGRFeatureDefnH defn, std::initializer_list<const char*> names) {
    for (const char* n : names)
        for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
            if (lower(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i))) == n) return i;
    return -1;
}

std::string str(OGRFeatureH f, int i) {
    if (i < 0 || !OGR_F_IsFieldSetAndNotNull(f, i)) return {};
    return OGR_F_GetFieldAsString(f, i);
}

std::optional<int> integer(OGRFeatureH f, int i) {
    if (i < 0 || !OGR_F_IsFieldSetAndNotNull(f, i)) return std::nullopt;
    std::string s = OGR_F_GetFieldAsString(f, i);
    if (s.empty() || !(std::isdigit(static_cast<unsigned char>(s[0])) || s[0] == '-')) return std::nullopt;
    return OGR_F_GetFieldAsInteger(f, i);
}

std::string slug(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else if (!out.empty() && out.back() != '_') out += '_';
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out;
}

struct Fields {
    int id, type, event_type, sub_event_type, date, date_end, location, country, country_name, admin1, geonameid,
        actor1, actor2, count, fatalities, confidence, sentence, title, url, article_id, status;
};

Fields detect_fields(OGRFeatureDefnH d, const LoadOptions& options, const std::string& path) {
    Fields f{};
    f.id = field_index(d, {"id", "event_id", "event_id_cnty"});
    f.type = field_index(d, {"type", "event_slug"});
    f.event_type = field_index(d, {"event_type"});
    f.sub_event_type = field_index(d, {"sub_event_type"});
    if (!options.date_field.empty()) {
        f.date = field_index(d, {lower(options.date_field).c_str()});
        if (f.date < 0) throw UsageError(path + ": no field named '" + options.date_field + "' (--date-field)");
    } else {
        f.date = field_index(d, {"event_date", "date", "start_date", "datetime", "timestamp", "time", "day"});
        for (int i = 0; f.date < 0 && i < OGR_FD_GetFieldCount(d); ++i) {
            auto t = OGR_Fld_GetType(OGR_FD_GetFieldDefn(d, i));
            if (t == OFTDate || t == OFTDateTime) f.date = i;
        }
    }
    f.date_end = field_index(d, {"date_end", "end_date"});
    f.location = field_index(d, {"location", "place", "name", "admin3", "city"});
    f.country = field_index(d, {"country_code", "iso2", "country_iso2", "country"});
    f.country_name = field_index(d, {"country_name", "country"});
    f.admin1 = field_index(d, {"admin1"});
    f.geonameid = field_index(d, {"geonameid"});
    f.actor1 = field_index(d, {"actor1"});
    f.actor2 = field_index(d, {"actor2"});
    f.count = field_index(d, {"count"});
    f.fatalities = field_index(d, {"fatalities"});
    f.confidence = field_index(d, {"confidence"});
    f.sentence = field_index(d, {"sentence", "notes", "text"});
    f.title = field_index(d, {"title", "source_title"});
    f.url = field_index(d, {"url", "source_url"});
    f.article_id = field_index(d, {"article_id", "source", "source_id"});
    f.status = field_index(d, {"status"});
    return f;
}

std::optional<geo::LatLon> point_of(OGRGeometryH g, LoadReport& report) {
    if (!g) { ++report.no_geometry; return std::nullopt; }
    if (OGR_G_IsEmpty(g)) { ++report.bad_geometry; return std::nullopt; }
    auto type = wkbFlatten(OGR_G_GetGeometryType(g));
    double x = NAN, y = NAN;
    if (type == wkbPoint) {
        x = OGR_G_GetX(g, 0);
        y = OGR_G_GetY(g, 0);
    } else {
        ++report.not_point;
        geo::OgrGeometry c{OGR_G_CreateGeometry(wkbPoint)};
        if (type == wkbMultiPoint && OGR_G_GetGeometryCount(g) > 0) {
            OGRGeometryH first = OGR_G_GetGeometryRef(g, 0);
            x = OGR_G_GetX(first, 0);
            y = OGR_G_GetY(first, 0);
        } else if (OGR_G_Centroid(g, c.get()) == OGRERR_NONE) {
            x = OGR_G_GetX(c.get(), 0);
            y = OGR_G_GetY(c.get(), 0);
        }
    }
    auto p = geo::LatLon::from_degrees(y, x);
    if (!p.is_valid()) { ++report.bad_geometry; return std::nullopt; }
    return p;
}

void load_gdal(const std::string& path, const LoadOptions& options, std::vector<events::Event>& out, LoadReport& report) {
    geo::ensure_gdal_registered();
    std::vector<const char*> open_options;
    if (extension(path) == ".csv") {
        open_options = {"X_POSSIBLE_NAMES=lon,longitude,lng,x", "Y_POSSIBLE_NAMES=lat,latitude,y",
                        "KEEP_GEOM_COLUMNS=NO", "AUTODETECT_TYPE=YES"};
    }
    open_options.push_back(nullptr);
    geo::GdalDataset ds{GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, open_options.data(), nullptr)};
    if (!ds) throw IoError(path, "cannot open as events: " + geo::last_gdal_error());
    const std::string name = std::filesystem::path(path).filename().string();
    for (int l = 0; l < GDALDatasetGetLayerCount(ds.get()); ++l) {
        OGRLayerH layer = GDALDatasetGetLayer(ds.get(), l);
        OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
        Fields f = detect_fields(defn, options, path);
        if (f.date < 0) {
            report.messages.push_back(name + ": layer '" + OGR_L_GetName(layer) +
                                      "' has no date field (name one with --date-field)");
        }
        // Coordinates must be WGS84 lon/lat: reproject when the layer says otherwise.
        geo::OgrSrs wgs84{OSRNewSpatialReference(nullptr)};
        OSRSetWellKnownGeogCS(wgs84.get(), "WGS84");
        OSRSetAxisMappingStrategy(wgs84.get(), OAMS_TRADITIONAL_GIS_ORDER);
        OGRSpatialReferenceH layer_srs = OGR_L_GetSpatialRef(layer);
        std::unique_ptr<std::remove_pointer_t<OGRCoordinateTransformationH>, void (*)(OGRCoordinateTransformationH)> ct(
            nullptr, OCTDestroyCoordinateTransformation);
        if (layer_srs && !OSRIsSame(layer_srs, wgs84.get())) ct.reset(OCTNewCoordinateTransformation(layer_srs, wgs84.get()));

        OGR_L_ResetReading(layer);
        while (geo::OgrFeature feat{OGR_L_GetNextFeature(layer)}) {
            ++report.features;
            if (out.size() >= options.max_events) { ++report.truncated; continue; }
            OGRFeatureH fe = feat.get();
            OGRGeometryH g = OGR_F_GetGeometryRef(fe);
            if (g && ct) OGR_G_Transform(g, ct.get());
            auto point = point_of(g, report);
            if (!point) continue;
            std::optional<events::Date> date;
            if (f.date >= 0 && OGR_F_IsFieldSetAndNotNull(fe, f.date)) {
                auto t = OGR_Fld_GetType(OGR_FD_GetFieldDefn(defn, f.date));
                if (t == OFTDate || t == OFTDateTime) {
                    int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
                    float ss = 0;
                    if (OGR_F_GetFieldAsDateTimeEx(fe, f.date, &y, &m, &d, &hh, &mm, &ss, &tz)) {
                        auto cand = events::Date::from_ymd(y, m, d);
                        if (cand.is_valid()) date = cand;
                    }
                } else {
                    date = parse_event_date(OGR_F_GetFieldAsString(fe, f.date));
                }
            }
            if (!date) { ++report.no_date; continue; }
            events::Event e;
            e.point = *point;
            e.event_date = *date;
            if (auto end = parse_event_date(str(fe, f.date_end))) e.date_end = end;
            e.id = f.id >= 0 ? str(fe, f.id) : name + "#" + std::to_string(OGR_F_GetFID(fe));
            e.event_type = str(fe, f.event_type);
            e.sub_event_type = str(fe, f.sub_event_type);
            e.type = str(fe, f.type);
            if (e.type.empty()) e.type = slug(!e.sub_event_type.empty() ? e.sub_event_type : e.event_type);
            e.location = str(fe, f.location);
            std::string country = str(fe, f.country);
            if (country.size() == 2) e.country = country;
            e.country_name = str(fe, f.country_name);
            if (e.country_name.size() == 2) e.country_name.clear();
            e.admin1 = str(fe, f.admin1);
            if (auto gid = integer(fe, f.geonameid)) e.geonameid = *gid;
            e.actor1 = str(fe, f.actor1);
            e.actor2 = str(fe, f.actor2);
            e.count = integer(fe, f.count);
            e.fatalities = integer(fe, f.fatalities);
            if (f.confidence >= 0) e.confidence = OGR_F_GetFieldAsDouble(fe, f.confidence);
            if (auto st = events::parse_status(str(fe, f.status))) e.status = *st;
            events::Source s;
            s.article_id = f.article_id >= 0 ? str(fe, f.article_id) : name;
            s.title = str(fe, f.title);
            s.url = str(fe, f.url);
            s.sentence = str(fe, f.sentence);
            e.sources.push_back(std::move(s));
            out.push_back(std::move(e));
            ++report.loaded;
        }
    }
}
}  // namespace

// GeoJSON goes through the export stage's reader first (a simdjson fast path for eventmap's own
// files that keeps every field). When it refuses the file (no date field, broken JSON), the
// GDAL loader below reads what it can and counts what it cannot, so the viewer still opens.
bool load_geojson(const std::string& path, const LoadOptions& options, std::vector<events::Event>& out, LoadReport& report) {
    std::string ext = extension(path);
    if (ext != ".geojson" && ext != ".json" && ext != ".geojsonl" && ext != ".geojsons" && ext != ".geojsonseq") return false;
    const std::size_t before = out.size();
    exporter::ReadReport rr;
    exporter::ReadOptions ro;
    if (!options.date_field.empty()) ro.date_field = options.date_field;
    std::size_t truncated = 0;
    // Reserve generously (untouched reserved pages cost nothing): growth by doubling would copy
    // every event to fresh pages several times over.
    std::error_code ec;
    auto bytes = std::filesystem::file_size(path, ec);
    if (!ec) out.reserve(std::min<std::size_t>(options.max_events, before + static_cast<std::size_t>(bytes / 200) + 16));
    try {
        exporter::read_events(path, ro, rr, [&](events::Event&& e) {
            if (out.size() >= options.max_events) { ++truncated; return; }
            if (!e.point.is_valid()) return;  // counted below as skipped
            out.push_back(std::move(e));
        });
    } catch (const Error&) {
        out.resize(before);
        return false;
    }
    if (rr.features == 0) {
        out.resize(before);
        return false;  // let GDAL say what the file holds
    }
    std::size_t loaded = out.size() - before;
    report.features += rr.features;
    report.loaded += loaded;
    report.truncated += truncated;
    std::size_t skipped = rr.features - loaded - truncated;
    if (skipped) {
        report.bad_geometry += 0;
        report.messages.push_back(std::to_string(skipped) + " features skipped" +
                                  (rr.problems.empty() ? std::string() : " (first: " + rr.problems.front() + ")"));
    }
    return true;
}

std::string LoadReport::summary() const {
    std::string s = std::to_string(loaded) + " events loaded from " + std::to_string(features) + " features";
    auto add = [&](std::size_t n, const char* what) {
        if (n) s += "; " + std::to_string(n) + " " + what;
    };
    add(no_date, "without a usable date skipped");
    add(no_geometry, "without a geometry skipped");
    add(bad_geometry, "with an empty or invalid geometry skipped");
    add(not_point, "not points (drawn at their centroid)");
    add(truncated, "beyond the --max-events limit not loaded");
    if (features == 0) s = "no features in the input";
    else if (loaded == 0) s += " (nothing to draw)";
    return s;
}

bool is_article_input(const std::string& path) {
    std::string ext = extension(path);
    return ext == ".txt" || ext == ".html" || ext == ".htm" || ext == ".jsonl" || ext == ".md" ||
           (std::filesystem::is_directory(path));
}

std::optional<events::Date> parse_event_date(const std::string& text_in) {
    std::string t = text_in;
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.erase(t.begin());
    if (t.size() >= 10 && std::isdigit(static_cast<unsigned char>(t[0])) && (t[4] == '-' || t[4] == '/')) {
        std::string iso = t.substr(0, 10);
        std::replace(iso.begin(), iso.end(), '/', '-');
        if (auto d = events::Date::parse_iso(iso)) return d;
    }
    if (t.size() == 8 && std::all_of(t.begin(), t.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
        if (auto d = events::Date::parse_iso(t.substr(0, 4) + "-" + t.substr(4, 2) + "-" + t.substr(6, 2))) return d;
    }
    // "14 March 2023" (ACLED's spelling).
    static constexpr std::array<const char*, 12> months{"january", "february", "march",     "april",   "may",      "june",
                                                         "july",    "august",   "september", "october", "november", "december"};
    int day = 0, year = 0;
    char month[32] = {};
    if (std::sscanf(t.c_str(), "%d %31s %d", &day, month, &year) == 3) {
        std::string m = lower(month);
        for (int i = 0; i < 12; ++i)
            if (m == months[static_cast<std::size_t>(i)] || (m.size() >= 3 && std::string(months[static_cast<std::size_t>(i)]).rfind(m, 0) == 0)) {
                auto d = events::Date::from_ymd(year, i + 1, day);
                if (d.is_valid()) return d;
            }
    }
    return std::nullopt;
}

std::vector<events::Event> load_events_for_viewer(const std::vector<std::string>& inputs, const LoadOptions& options,
                                                  LoadReport& report) {
    std::vector<events::Event> out;
    std::vector<std::string> articles;
    for (const auto& path : inputs) {
        if (is_article_input(path)) { articles.push_back(path); continue; }
        if (!std::filesystem::exists(path)) throw IoError(path, "no such file");
        if (!load_geojson(path, options, out, report)) load_gdal(path, options, out, report);
    }
    if (!articles.empty()) {
        // The place where the events stage plugs in: articles → extracted events.
        if (!options.extract_articles)
            throw UsageError("articles as viewer input need the events stage (" + articles.front() +
                             "); give an events file (GeoJSON, GeoPackage, CSV) instead");
        auto extracted = options.extract_articles(articles);
        report.features += extracted.size();
        report.loaded += extracted.size();
        out.insert(out.end(), std::make_move_iterator(extracted.begin()), std::make_move_iterator(extracted.end()));
    }
    return out;
}

namespace {
// eventmap's own GeoJSON, summarised: false (nothing loaded) when the file is not one.
bool scan_geojson(const std::string& path, const LoadOptions& options, LoadedEvents& out, LoadReport& report) {
    std::string ext = extension(path);
    if (ext != ".geojson" && ext != ".json" && ext != ".geojsonl" && ext != ".geojsons" && ext != ".geojsonseq") return false;
    if (!options.date_field.empty() && lower(options.date_field) != "event_date") return false;
    auto file = std::make_shared<const MappedFile>(path, /*populate=*/true);
    if (!file->ok()) return false;
    const std::size_t before = out.size();
    // A row per ~1 kB feature: reserving avoids copying the rows while they grow.
    out.rows.reserve(std::min<std::size_t>(options.max_events, before + file->size() / 512 + 16));
    const std::uint16_t file_id = out.records.add_file(file, std::filesystem::path(path).stem().string());
    exporter::ReadReport rr;
    std::size_t truncated = 0;
    try {
        const bool ours = exporter::scan_event_summaries(path, *file, 0, rr, [&](exporter::FeatureSummary&& s) {
            if (out.size() >= options.max_events) { ++truncated; return; }
            out.add(s, file_id);
        });
        if (!ours || rr.features == 0) {
            out.rows.resize(before);
            return false;
        }
    } catch (const Error&) {
        out.rows.resize(before);
        return false;  // the whole reader below says what is wrong, and loads what it can
    }
    const std::size_t loaded = out.size() - before;
    report.features += rr.features;
    report.loaded += loaded;
    report.truncated += truncated;
    const std::size_t skipped = rr.features - loaded - truncated;
    if (skipped)
        report.messages.push_back(std::to_string(skipped) + " features skipped" +
                                  (rr.problems.empty() ? std::string() : " (first: " + rr.problems.front() + ")"));
    return true;
}
}  // namespace

LoadedEvents load_for_viewer(const std::vector<std::string>& inputs, const LoadOptions& options, LoadReport& report) {
    LoadedEvents out;
    std::vector<std::string> rest;
    for (const auto& path : inputs) {
        if (!is_article_input(path) && std::filesystem::exists(path) && scan_geojson(path, options, out, report)) continue;
        rest.push_back(path);
    }
    if (!rest.empty()) {
        LoadOptions o = options;
        o.max_events = options.max_events > out.size() ? options.max_events - out.size() : 0;
        for (auto& e : load_events_for_viewer(rest, o, report)) out.add(std::move(e));
    }
    return out;
}

}  // namespace eventmap::viewer
