#include "eventmap/export/reader.h"

#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstring>
#include <memory>

#include "eventmap/core/error.h"
#include "eventmap/events/taxonomy.h"
#include "eventmap/export/detail/fast_geojson.h"
#include "eventmap/export/detail/fields.h"
#include "eventmap/geo/gdal_handles.h"

namespace eventmap::exporter {

namespace {

constexpr std::size_t k_max_problems = 1000;
constexpr int k_date_sample = 50;

struct CoordTransformDeleter {
    void operator()(OGRCoordinateTransformationH h) const noexcept { if (h) OCTDestroyCoordinateTransformation(h); }
};
using CoordTransform = std::unique_ptr<std::remove_pointer_t<OGRCoordinateTransformationH>, CoordTransformDeleter>;

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

constexpr std::array<std::string_view, 12> k_months{"january", "february", "march",     "april",   "may",      "june",
                                                    "july",    "august",   "september", "october", "november", "december"};

int month_from_name(std::string_view word) {
    const std::string w = lower(word);
    if (w.size() < 3) return 0;
    for (std::size_t i = 0; i < k_months.size(); ++i)
        if (k_months[i].starts_with(w.substr(0, std::min<std::size_t>(w.size(), k_months[i].size()))) &&
            (w.size() == 3 || w == k_months[i] || (w.size() == 4 && w.back() == '.')))
            return static_cast<int>(i) + 1;
    return 0;
}

}  // namespace

namespace detail {
// Dates as attribute strings appear as ISO (2023-03-17, 2023-03-17T10:00Z, 2023/03/17) and,
// in ACLED's older exports, as "17 March 2023"; "March 17, 2023" also occurs.
std::optional<events::Date> parse_attribute_date(std::string_view text) {
    std::string s(text);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    std::size_t start = 0;
    while (start < s.size() && std::isspace(static_cast<unsigned char>(s[start]))) ++start;
    s = s.substr(start);
    if (s.size() >= 10 && std::isdigit(static_cast<unsigned char>(s[0])) && (s[4] == '-' || s[4] == '/')) {
        std::string iso = s;
        iso[4] = '-';
        if (iso[7] == '/') iso[7] = '-';
        return events::Date::parse_iso(iso);
    }
    char w1[32] = {0}, w2[32] = {0}, w3[32] = {0};
    if (std::sscanf(s.c_str(), "%31[^ ,] %31[^ ,]%*[ ,]%31s", w1, w2, w3) == 3) {
        int d = 0, y = 0, m = 0;
        char tail = 0;
        if (std::sscanf(w1, "%d%c", &d, &tail) == 1 && (m = month_from_name(w2)) != 0 &&
            std::sscanf(w3, "%d%c", &y, &tail) == 1) {
        } else if ((m = month_from_name(w1)) != 0 && std::sscanf(w2, "%d%c", &d, &tail) == 1 &&
                   std::sscanf(w3, "%d%c", &y, &tail) == 1) {
        } else {
            return std::nullopt;
        }
        const events::Date date{y, m, d};
        if (date.is_valid()) return date;
    }
    return std::nullopt;
}
}  // namespace detail

namespace {

// Where each Event attribute comes from in a layer: eventmap's own name first, then
// the names other tools (ACLED, GDELT exports, hand-made layers) use for the same thing.
struct FieldMap {
    int id = -1, type = -1, event_type = -1, sub_event_type = -1, date_end = -1, time_precision = -1, status = -1;
    int location = -1, geonameid = -1, country = -1, country_name = -1, admin1 = -1, geo_precision = -1;
    int actor1 = -1, actor2 = -1, count = -1, fatalities = -1, confidence = -1;
    int article_id = -1, title = -1, url = -1, published = -1, sentence = -1;
    int trigger_start = -1, trigger_end = -1, place_start = -1, place_end = -1, sources = -1;
    int date = -1;
    OGRFieldType date_type = OFTString;
};

int find_field(OGRFeatureDefnH defn, std::initializer_list<const char*> names) {
    for (const char* n : names) {
        const int idx = OGR_FD_GetFieldIndex(defn, n);
        if (idx >= 0) return idx;
    }
    return -1;
}

FieldMap map_fields(OGRFeatureDefnH d) {
    FieldMap m;
    m.id = find_field(d, {"id", "event_id_cnty", "event_id", "GLOBALEVENTID"});
    m.type = find_field(d, {"type"});
    m.event_type = find_field(d, {"event_type"});
    m.sub_event_type = find_field(d, {"sub_event_type"});
    m.date_end = find_field(d, {"date_end", "end_date"});
    m.time_precision = find_field(d, {"time_precision"});
    m.status = find_field(d, {"status"});
    m.location = find_field(d, {"location", "place", "name"});
    m.geonameid = find_field(d, {"geonameid"});
    m.country = find_field(d, {"country", "iso2", "country_code"});
    m.country_name = find_field(d, {"country_name"});
    m.admin1 = find_field(d, {"admin1"});
    m.geo_precision = find_field(d, {"geo_precision"});
    m.actor1 = find_field(d, {"actor1"});
    m.actor2 = find_field(d, {"actor2"});
    m.count = find_field(d, {"count"});
    m.fatalities = find_field(d, {"fatalities"});
    m.confidence = find_field(d, {"confidence"});
    m.article_id = find_field(d, {"article_id"});
    m.title = find_field(d, {"title"});
    m.url = find_field(d, {"url", "source_url", "SOURCEURL"});
    m.published = find_field(d, {"published"});
    m.sentence = find_field(d, {"sentence", "notes", "description"});
    m.trigger_start = find_field(d, {"trigger_start"});
    m.trigger_end = find_field(d, {"trigger_end"});
    m.place_start = find_field(d, {"place_start"});
    m.place_end = find_field(d, {"place_end"});
    m.sources = find_field(d, {"sources"});
    return m;
}

std::string str(OGRFeatureH f, int idx) {
    if (idx < 0 || !OGR_F_IsFieldSetAndNotNull(f, idx)) return {};
    return OGR_F_GetFieldAsString(f, idx);
}

std::optional<std::int64_t> int64(OGRFeatureH f, int idx) {
    if (idx < 0 || !OGR_F_IsFieldSetAndNotNull(f, idx)) return std::nullopt;
    const char* s = OGR_F_GetFieldAsString(f, idx);
    if (!s || !*s) return std::nullopt;
    return OGR_F_GetFieldAsInteger64(f, idx);
}

std::optional<events::Date> date_of(OGRFeatureH f, int idx) {
    if (idx < 0 || !OGR_F_IsFieldSetAndNotNull(f, idx)) return std::nullopt;
    const OGRFieldType t = OGR_Fld_GetType(OGR_F_GetFieldDefnRef(f, idx));
    if (t == OFTDate || t == OFTDateTime) {
        int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
        float ss = 0;
        if (!OGR_F_GetFieldAsDateTimeEx(f, idx, &y, &m, &d, &hh, &mm, &ss, &tz)) return std::nullopt;
        const events::Date out{y, m, d};
        return out.is_valid() ? std::optional(out) : std::nullopt;
    }
    return detail::parse_attribute_date(OGR_F_GetFieldAsString(f, idx));
}

// The date field: the one asked for, else a Date/DateTime field, else a string field whose
// sampled values all parse as dates; names such as event_date and date win ties.
void choose_date_field(OGRLayerH layer, const std::string& path, const ReadOptions& options, FieldMap& m,
                       ReadReport& report) {
    OGRFeatureDefnH d = OGR_L_GetLayerDefn(layer);
    const int n = OGR_FD_GetFieldCount(d);
    auto field_list = [&] {
        std::string names;
        for (int i = 0; i < n; ++i) names += (i ? ", " : "") + std::string(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(d, i)));
        return names;
    };
    if (options.date_field) {
        m.date = OGR_FD_GetFieldIndex(d, options.date_field->c_str());
        if (m.date < 0)
            throw UsageError(path + ": no field '" + *options.date_field + "' (fields: " + field_list() + ")");
    } else {
        constexpr std::array<std::string_view, 9> preferred{"event_date", "date",     "event_time", "time", "timestamp",
                                                            "datetime",   "start_date", "day",      "when"};
        auto rank = [&](int i) {
            const std::string name = lower(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(d, i)));
            for (std::size_t k = 0; k < preferred.size(); ++k)
                if (name == preferred[k]) return static_cast<int>(k);
            // Secondary dates of eventmap's own schema are never the event's date.
            if (name == "date_end" || name == "published") return 1000;
            return static_cast<int>(preferred.size());
        };
        // A candidate must hold a date in the sampled features: formats such as KML declare
        // date fields (timestamp, begin, end) that are empty.
        std::vector<int> candidates;
        for (int i = 0; i < n; ++i) {
            const OGRFieldType t = OGR_Fld_GetType(OGR_FD_GetFieldDefn(d, i));
            if (t == OFTDate || t == OFTDateTime || t == OFTString) candidates.push_back(i);
        }
        std::vector<int> parsed(static_cast<std::size_t>(n), 0), bad(static_cast<std::size_t>(n), 0);
        OGR_L_ResetReading(layer);
        for (int k = 0; k < k_date_sample; ++k) {
            geo::OgrFeature f(OGR_L_GetNextFeature(layer));
            if (!f) break;
            for (int i : candidates) {
                if (!OGR_F_IsFieldSetAndNotNull(f.get(), i)) continue;
                if (OGR_F_GetFieldAsString(f.get(), i)[0] == '\0') continue;
                (date_of(f.get(), i) ? parsed : bad)[static_cast<std::size_t>(i)]++;
            }
        }
        OGR_L_ResetReading(layer);
        auto typed = [&](int i) { return OGR_Fld_GetType(OGR_FD_GetFieldDefn(d, i)) != OFTString; };
        for (int i : candidates) {
            const auto k = static_cast<std::size_t>(i);
            if (parsed[k] == 0 || (!typed(i) && bad[k] > 0) || rank(i) >= 1000) continue;
            if (m.date < 0 || rank(i) < rank(m.date) || (rank(i) == rank(m.date) && typed(i) && !typed(m.date)))
                m.date = i;
        }
        if (m.date < 0)
            throw IoError(path, "no date field found (a Date field or ISO date strings); name one with --date-field "
                                "(fields: " + field_list() + ")");
    }
    m.date_type = OGR_Fld_GetType(OGR_FD_GetFieldDefn(d, m.date));
    report.date_field_used = OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(d, m.date));
}

void add_problem(ReadReport& report, const std::string& path, std::size_t feature_no, const std::string& reason) {
    ++report.skipped;
    if (report.problems.size() < k_max_problems)
        report.problems.push_back(path + ": feature " + std::to_string(feature_no) + ": " + reason);
}

// One feature to one event; a reason string when it cannot be one.
std::optional<std::string> to_event(OGRFeatureH f, const FieldMap& m, OGRCoordinateTransformationH transform,
                                    const std::string& stem, events::Event& e) {
    OGRGeometryH g = OGR_F_GetGeometryRef(f);
    if (!g) return "no geometry";
    if (OGR_G_IsEmpty(g)) return "empty geometry";
    double x = 0, y = 0;
    if (wkbFlatten(OGR_G_GetGeometryType(g)) == wkbPoint) {
        x = OGR_G_GetX(g, 0);
        y = OGR_G_GetY(g, 0);
    } else {
        geo::OgrGeometry c(OGR_G_CreateGeometry(wkbPoint));
        if (OGR_G_Centroid(g, c.get()) != OGRERR_NONE || OGR_G_IsEmpty(c.get())) return "geometry has no centroid";
        x = OGR_G_GetX(c.get(), 0);
        y = OGR_G_GetY(c.get(), 0);
    }
    if (transform && !OCTTransform(transform, 1, &x, &y, nullptr)) return "cannot transform the point to WGS 84";
    if (!std::isfinite(x) || !std::isfinite(y) || y < -90 || y > 90 || x < -180 || x > 180)
        return "coordinates out of range";
    const auto date = date_of(f, m.date);
    if (!date) return "no date";

    e = events::Event{};
    e.point = geo::LatLon{y, x};
    e.event_date = *date;
    e.id = str(f, m.id);
    if (e.id.empty()) e.id = stem + ":" + std::to_string(OGR_F_GetFID(f));

    const std::string type = str(f, m.type), sub = str(f, m.sub_event_type), etype = str(f, m.event_type);
    detail::apply_type(e, type, sub, etype);

    e.date_end = date_of(f, m.date_end);
    e.time_precision = static_cast<int>(int64(f, m.time_precision).value_or(1));
    e.status = events::parse_status(str(f, m.status)).value_or(events::EventStatus::occurred);
    e.location = str(f, m.location);
    e.geonameid = int64(f, m.geonameid).value_or(0);
    std::string country = str(f, m.country);
    // ACLED's `country` is a name; eventmap's is the ISO code.
    if (country.size() == 2) e.country = country;
    e.country_name = str(f, m.country_name);
    if (e.country_name.empty() && country.size() != 2) e.country_name = country;
    e.admin1 = str(f, m.admin1);
    e.geo_precision = static_cast<int>(int64(f, m.geo_precision).value_or(1));
    e.actor1 = str(f, m.actor1);
    e.actor2 = str(f, m.actor2);
    if (auto v = int64(f, m.count)) e.count = static_cast<int>(*v);
    if (auto v = int64(f, m.fatalities)) e.fatalities = static_cast<int>(*v);
    if (m.confidence >= 0 && OGR_F_IsFieldSetAndNotNull(f, m.confidence))
        e.confidence = OGR_F_GetFieldAsDouble(f, m.confidence);

    const std::string sources = str(f, m.sources);
    if (sources.empty() || !detail::sources_from_json(sources, e.sources)) {
        events::Source s;
        s.article_id = str(f, m.article_id);
        s.title = str(f, m.title);
        s.url = str(f, m.url);
        // GDAL's GeoJSON driver reads an ISO date string as a Date field.
        const auto published = m.published >= 0 && OGR_Fld_GetType(OGR_F_GetFieldDefnRef(f, m.published)) == OFTDate
                                    ? date_of(f, m.published)
                                    : std::nullopt;
        s.published = published ? published->iso() : str(f, m.published);
        s.sentence = str(f, m.sentence);
        s.trigger_start_cp = int64(f, m.trigger_start).value_or(-1);
        s.trigger_end_cp = int64(f, m.trigger_end).value_or(-1);
        s.place_start_cp = int64(f, m.place_start).value_or(-1);
        s.place_end_cp = int64(f, m.place_end).value_or(-1);
        if (s.article_id.empty()) s.article_id = stem;
        e.sources.push_back(std::move(s));
    }
    return std::nullopt;
}

void read_with_gdal(const std::filesystem::path& path, const ReadOptions& options, ReadReport& report,
                    const std::function<void(events::Event&&)>& sink) {
    geo::ensure_gdal_registered();
    const std::string p = path.string();
    char** open_options = nullptr;
    if (lower(path.extension().string()) == ".csv") {
        open_options = CSLSetNameValue(open_options, "X_POSSIBLE_NAMES", "lon,longitude,x,lng");
        open_options = CSLSetNameValue(open_options, "Y_POSSIBLE_NAMES", "lat,latitude,y");
        open_options = CSLSetNameValue(open_options, "KEEP_GEOM_COLUMNS", "NO");
        open_options = CSLSetNameValue(open_options, "EMPTY_STRING_AS_NULL", "YES");
    }
    CPLErrorReset();
    geo::GdalDataset ds(GDALOpenEx(p.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, open_options, nullptr));
    CSLDestroy(open_options);
    if (!ds) throw IoError(p, "GDAL cannot open it as a vector dataset: " + geo::last_gdal_error());
    OGRLayerH layer = options.layer ? GDALDatasetGetLayerByName(ds.get(), options.layer->c_str())
                                    : (GDALDatasetGetLayerCount(ds.get()) > 0 ? GDALDatasetGetLayer(ds.get(), 0) : nullptr);
    if (!layer) throw IoError(p, options.layer ? "no layer named '" + *options.layer + "'" : "no layer");

    FieldMap m = map_fields(OGR_L_GetLayerDefn(layer));
    choose_date_field(layer, p, options, m, report);

    CoordTransform transform;
    if (OGRSpatialReferenceH src = OGR_L_GetSpatialRef(layer)) {
        geo::OgrSrs wgs84(OSRNewSpatialReference(nullptr));
        OSRImportFromEPSG(wgs84.get(), 4326);
        OSRSetAxisMappingStrategy(wgs84.get(), OAMS_TRADITIONAL_GIS_ORDER);
        geo::OgrSrs source(OSRClone(src));
        OSRSetAxisMappingStrategy(source.get(), OAMS_TRADITIONAL_GIS_ORDER);
        if (!OSRIsSame(source.get(), wgs84.get())) {
            transform.reset(OCTNewCoordinateTransformation(source.get(), wgs84.get()));
            if (!transform) throw IoError(p, "cannot transform its coordinates to WGS 84: " + geo::last_gdal_error());
        }
    }

    const std::string stem = path.stem().string();
    OGR_L_ResetReading(layer);
    std::size_t feature_no = 0;
    events::Event e;
    while (true) {
        geo::OgrFeature f(OGR_L_GetNextFeature(layer));
        if (!f) break;
        ++feature_no;
        ++report.features;
        if (auto reason = to_event(f.get(), m, transform.get(), stem, e)) {
            add_problem(report, p, feature_no, *reason);
            continue;
        }
        sink(std::move(e));
    }
}

}  // namespace

void read_events(const std::filesystem::path& path, const ReadOptions& options, ReadReport& report,
                 const std::function<void(events::Event&&)>& sink) {
    // eventmap's own GeoJSON / GeoJSONSeq go through a simdjson reader (OGR's GeoJSON driver
    // holds the whole document as json-c objects: too slow and too big for a million events).
    if (!options.layer && (!options.date_field || *options.date_field == "event_date") &&
        detail::read_own_geojson(path, options.jobs, report, sink))
        return;
    read_with_gdal(path, options, report, sink);
}

std::vector<events::Event> read_events(const std::filesystem::path& path, const ReadOptions& options,
                                       ReadReport& report) {
    std::vector<events::Event> out;
    read_events(path, options, report, [&](events::Event&& e) { out.push_back(std::move(e)); });
    return out;
}

bool scan_event_summaries(const std::filesystem::path& path, const MappedFile& file, unsigned jobs, ReadReport& report,
                          const std::function<void(FeatureSummary&&)>& sink) {
    return detail::scan_own_geojson(path, file, jobs, report, sink);
}

events::Event read_event_record(const MappedFile& file, std::uint64_t offset, std::uint32_t length) {
    return detail::parse_own_feature(file, offset, length);
}

}  // namespace eventmap::exporter
