#include "eventmap/export/writer.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>

#include "eventmap/core/atomic_file.h"
#include "eventmap/core/error.h"
#include "eventmap/core/paths.h"
#include "eventmap/events/taxonomy.h"
#include "eventmap/export/detail/fields.h"
#include "eventmap/geo/gdal_handles.h"

namespace eventmap::exporter {

namespace {

using detail::k_event_fields;

// ACLED's columns, in ACLED's order.
constexpr std::array<std::pair<std::string_view, OGRFieldType>, 31> k_acled_fields{{
    {"event_id_cnty", OFTString}, {"event_date", OFTDate},       {"year", OFTInteger},
    {"time_precision", OFTInteger}, {"disorder_type", OFTString}, {"event_type", OFTString},
    {"sub_event_type", OFTString}, {"actor1", OFTString},        {"assoc_actor_1", OFTString},
    {"inter1", OFTString},         {"actor2", OFTString},        {"assoc_actor_2", OFTString},
    {"inter2", OFTString},         {"interaction", OFTString},   {"civilian_targeting", OFTString},
    {"iso", OFTInteger},           {"region", OFTString},        {"country", OFTString},
    {"admin1", OFTString},         {"admin2", OFTString},        {"admin3", OFTString},
    {"location", OFTString},       {"latitude", OFTReal},        {"longitude", OFTReal},
    {"geo_precision", OFTInteger}, {"source", OFTString},        {"source_scale", OFTString},
    {"notes", OFTString},          {"fatalities", OFTInteger},   {"tags", OFTString},
    {"timestamp", OFTInteger64},
}};

// ISO 3166 alpha-2 -> numeric, from the i18n-iso-countries data when set-up fetched it
// (ACLED's `iso` column is the numeric code). Empty when the data is absent.
const std::map<std::string, int>& iso_numeric_codes() {
    static std::map<std::string, int> codes;
    static std::once_flag once;
    std::call_once(once, [] {
        std::ifstream in(npm_data_dir() / "i18n-iso-countries/package/codes.json");
        if (!in) return;
        const auto arr = nlohmann::json::parse(in, nullptr, false);
        if (!arr.is_array()) return;
        for (const auto& row : arr) {
            if (!row.is_array() || row.size() < 3 || !row[0].is_string() || !row[2].is_string()) continue;
            try {
                codes[row[0].get<std::string>()] = std::stoi(row[2].get<std::string>());
            } catch (const std::exception&) {
            }
        }
    });
    return codes;
}

void set_string(OGRFeatureH f, int idx, const std::string& value) {
    if (!value.empty()) OGR_F_SetFieldString(f, idx, value.c_str());
}

void set_date(OGRFeatureH f, int idx, const std::optional<events::Date>& d) {
    if (!d || !d->is_valid()) return;
    if (OGR_Fld_GetType(OGR_F_GetFieldDefnRef(f, idx)) == OFTString) OGR_F_SetFieldString(f, idx, d->iso().c_str());
    else OGR_F_SetFieldDateTimeEx(f, idx, d->year, d->month, d->day, 0, 0, 0.0f, 0);
}

void set_offset(OGRFeatureH f, int idx, std::int64_t cp) {
    if (cp >= 0) OGR_F_SetFieldInteger64(f, idx, cp);
}

std::int64_t unix_midnight(const std::string& iso) {
    const auto d = events::Date::parse_iso(iso);
    return d ? d->days_since_epoch() * 86400 : 0;
}

}  // namespace

namespace {

// A dataset with the events layer and its fields, as `format` wants them.
struct Layer {
    geo::GdalDataset ds;
    OGRLayerH layer = nullptr;
    OGRFeatureDefnH defn = nullptr;  // the layer's, read-only once the fields exist (threads share it)
    bool kml_extra = false;          // KML placemarks get a name and a description
    int name_idx = -1, description_idx = -1;
    int base = 0;  // index of the first of our own columns
};

// Creates `path` (a file or a /vsimem/ one) with GDAL; errors name `shown`, the user's path.
Layer create_layer(const std::string& path, Format format, const std::string& shown) {
    geo::ensure_gdal_registered();
    Layer l;
    const std::string driver_name(gdal_driver_name(format));
    GDALDriverH driver = GDALGetDriverByName(driver_name.c_str());
    if (!driver) throw IoError(shown, "this GDAL has no " + driver_name + " driver");

    char** ds_options = nullptr;
    char** layer_options = nullptr;
    OGRwkbGeometryType geom_type = wkbPoint;
    switch (format) {
        case Format::geojson:
            layer_options = CSLSetNameValue(layer_options, "COORDINATE_PRECISION", "7");
            layer_options = CSLSetNameValue(layer_options, "WRITE_NAME", "NO");
            layer_options = CSLSetNameValue(layer_options, "ID_FIELD", "id");
            layer_options = CSLSetNameValue(layer_options, "ID_TYPE", "String");
            break;
        case Format::geojsonseq:
            layer_options = CSLSetNameValue(layer_options, "RS", "YES");
            layer_options = CSLSetNameValue(layer_options, "COORDINATE_PRECISION", "7");
            layer_options = CSLSetNameValue(layer_options, "ID_FIELD", "id");
            layer_options = CSLSetNameValue(layer_options, "ID_TYPE", "String");
            break;
        case Format::gpkg:
            layer_options = CSLSetNameValue(layer_options, "FID", "fid");
            break;
        case Format::csv:
        case Format::acled_csv:
            // Coordinates as named columns (latitude, longitude), which every tool recognises.
            geom_type = wkbNone;
            layer_options = CSLSetNameValue(layer_options, "CREATE_CSVT", "NO");
            layer_options = CSLSetNameValue(layer_options, "STRING_QUOTING", "IF_NEEDED");
            break;
        case Format::kml:
            ds_options = CSLSetNameValue(ds_options, "NameField", "name");
            ds_options = CSLSetNameValue(ds_options, "DescriptionField", "description");
            l.kml_extra = true;
            break;
        case Format::fgb:
            break;
    }

    CPLErrorReset();
    l.ds.reset(GDALCreate(driver, path.c_str(), 0, 0, 0, GDT_Unknown, ds_options));
    CSLDestroy(ds_options);
    if (!l.ds) {
        CSLDestroy(layer_options);
        throw IoError(shown, "GDAL cannot create it: " + geo::last_gdal_error());
    }

    // GeoJSON (RFC 7946) is WGS 84 lon/lat by definition: no SRS, so GDAL writes no `crs`.
    geo::OgrSrs srs;
    if (geom_type != wkbNone && format != Format::geojson) {
        srs.reset(OSRNewSpatialReference(nullptr));
        OSRImportFromEPSG(srs.get(), 4326);
        OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
    }
    l.layer = GDALDatasetCreateLayer(l.ds.get(), "events", srs.get(), geom_type, layer_options);
    CSLDestroy(layer_options);
    if (!l.layer) throw IoError(shown, "GDAL cannot create the events layer: " + geo::last_gdal_error());

    const bool text_dates = format == Format::csv || format == Format::acled_csv || format == Format::kml;
    auto add_field = [&](std::string_view name, OGRFieldType type, OGRFieldSubType subtype) {
        // GDAL's CSV and KML writers format Date fields as YYYY/MM/DD; ISO text is what tools expect.
        if (text_dates && type == OFTDate) type = OFTString;
        geo::OgrFieldDefn fd(OGR_Fld_Create(std::string(name).c_str(), type));
        if (subtype != OFSTNone) OGR_Fld_SetSubType(fd.get(), subtype);
        if (OGR_L_CreateField(l.layer, fd.get(), TRUE) != OGRERR_NONE)
            throw IoError(shown, "GDAL cannot add field " + std::string(name) + ": " + geo::last_gdal_error());
    };
    // One transaction for the whole file: SQLite commits per feature otherwise.
    if (format == Format::gpkg && GDALDatasetStartTransaction(l.ds.get(), FALSE) != OGRERR_NONE)
        throw IoError(shown, "GDAL cannot start a transaction: " + geo::last_gdal_error());
    if (format == Format::acled_csv) {
        for (const auto& [name, type] : k_acled_fields) add_field(name, type, OFSTNone);
        l.defn = OGR_L_GetLayerDefn(l.layer);
        return l;
    }
    for (const auto& spec : k_event_fields) add_field(spec.name, spec.type, spec.subtype);
    // The KML driver's layers come with Name and Description fields of their own.
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(l.layer);
    l.base = OGR_FD_GetFieldIndex(defn, "id");
    if (l.kml_extra) {
        l.name_idx = OGR_FD_GetFieldIndex(defn, "Name");
        l.description_idx = OGR_FD_GetFieldIndex(defn, "Description");
    }
    if (format == Format::csv) {
        add_field("latitude", OFTReal, OFSTNone);
        add_field("longitude", OFTReal, OFSTNone);
    }
    l.defn = OGR_L_GetLayerDefn(l.layer);
    return l;
}

// `e` as a feature of layer `l`.
geo::OgrFeature make_feature(const events::Event& e, const Layer& l, Format format) {
    geo::OgrFeature feature(OGR_F_Create(l.defn));
    OGRFeatureH f = feature.get();
    const events::Source none;
    const events::Source& src = e.sources.empty() ? none : e.sources.front();
    int i = l.base;

    if (format == Format::acled_csv) {
        const auto* info = events::find_type(e.type);
        set_string(f, i++, e.id);
        set_date(f, i++, e.event_date);
        OGR_F_SetFieldInteger(f, i++, e.event_date.year);
        OGR_F_SetFieldInteger(f, i++, e.time_precision);
        set_string(f, i++, std::string(events::disorder_type_for(e.event_type)));
        set_string(f, i++, e.event_type.empty() && info ? std::string(info->event_type) : e.event_type);
        set_string(f, i++, e.sub_event_type.empty() && info ? std::string(info->sub_event_type) : e.sub_event_type);
        set_string(f, i++, e.actor1);
        ++i;  // assoc_actor_1: eventmap does not split associated actors
        ++i;  // inter1: ACLED's actor-class codes are not inferred
        set_string(f, i++, e.actor2);
        ++i;  // assoc_actor_2
        ++i;  // inter2
        ++i;  // interaction
        set_string(f, i++, e.event_type == "Violence against civilians" ? "Civilian targeting" : "");
        const auto& codes = iso_numeric_codes();
        if (auto it = codes.find(e.country); it != codes.end()) OGR_F_SetFieldInteger(f, i, it->second);
        ++i;
        ++i;  // region: ACLED's own regions, not derived
        set_string(f, i++, e.country_name);
        set_string(f, i++, e.admin1);
        ++i;  // admin2
        ++i;  // admin3
        set_string(f, i++, e.location);
        OGR_F_SetFieldDouble(f, i++, e.point.lat_deg);
        OGR_F_SetFieldDouble(f, i++, e.point.lon_deg);
        OGR_F_SetFieldInteger(f, i++, e.geo_precision);
        std::string source;
        std::string latest;
        for (const auto& s : e.sources) {
            if (!source.empty()) source += "; ";
            source += s.title.empty() ? s.article_id : s.title;
            latest = std::max(latest, s.published);
        }
        set_string(f, i++, source);
        ++i;  // source_scale
        set_string(f, i++, src.sentence);
        // ACLED records unknown fatalities as 0.
        OGR_F_SetFieldInteger(f, i++, e.fatalities.value_or(0));
        ++i;  // tags
        // ACLED's timestamp is when the record became available: here the latest source's publication day.
        OGR_F_SetFieldInteger64(f, i++, unix_midnight(latest));
    } else {
        if (l.kml_extra) {
            const std::string name = (e.sub_event_type.empty() ? e.type : e.sub_event_type) +
                                     (e.location.empty() ? "" : ", " + e.location) + " (" + e.event_date.iso() + ")";
            if (l.name_idx >= 0) set_string(f, l.name_idx, name);
            if (l.description_idx >= 0) set_string(f, l.description_idx, src.sentence);
        }
        set_string(f, i++, e.id);
        set_string(f, i++, e.type);
        set_string(f, i++, e.event_type);
        set_string(f, i++, e.sub_event_type);
        set_date(f, i++, e.event_date);
        set_date(f, i++, e.date_end);
        OGR_F_SetFieldInteger(f, i++, e.time_precision);
        set_string(f, i++, events::to_string(e.status));
        set_string(f, i++, e.location);
        if (e.geonameid != 0) OGR_F_SetFieldInteger64(f, i, e.geonameid);
        ++i;
        set_string(f, i++, e.country);
        set_string(f, i++, e.country_name);
        set_string(f, i++, e.admin1);
        OGR_F_SetFieldInteger(f, i++, e.geo_precision);
        set_string(f, i++, e.actor1);
        set_string(f, i++, e.actor2);
        if (e.count) OGR_F_SetFieldInteger(f, i, *e.count);
        ++i;
        if (e.fatalities) OGR_F_SetFieldInteger(f, i, *e.fatalities);
        ++i;
        OGR_F_SetFieldDouble(f, i++, e.confidence);
        set_string(f, i++, src.article_id);
        set_string(f, i++, src.title);
        set_string(f, i++, src.url);
        set_string(f, i++, src.published);
        set_string(f, i++, src.sentence);
        set_offset(f, i++, src.trigger_start_cp);
        set_offset(f, i++, src.trigger_end_cp);
        set_offset(f, i++, src.place_start_cp);
        set_offset(f, i++, src.place_end_cp);
        // The fields above are the first source; `sources` lists them all when there are several
        // (an event merged from several articles). A single source would repeat the fields above.
        if (e.sources.size() > 1) OGR_F_SetFieldString(f, i, detail::sources_to_json(e.sources).c_str());
        ++i;
        if (format == Format::csv) {
            OGR_F_SetFieldDouble(f, i++, e.point.lat_deg);
            OGR_F_SetFieldDouble(f, i++, e.point.lon_deg);
        }
    }

    if (format != Format::csv && format != Format::acled_csv) {
        OGRGeometryH pt = OGR_G_CreateGeometry(wkbPoint);
        OGR_G_SetPoint_2D(pt, 0, e.point.lon_deg, e.point.lat_deg);
        OGR_F_SetGeometryDirectly(f, pt);  // the feature takes ownership
    }
    return feature;
}

// Closes a dataset GDAL has been writing; throws IoError naming `shown` when GDAL reports a failure
// (GDAL 3.6's GDALClose reports failures only through the error state).
void finish(geo::GdalDataset& ds, Format format, const std::string& shown) {
    CPLErrorReset();
    if (format == Format::gpkg && GDALDatasetCommitTransaction(ds.get()) != OGRERR_NONE) {
        ds.reset();
        throw IoError(shown, "GDAL cannot commit the GeoPackage: " + geo::last_gdal_error());
    }
    ds.reset();
    if (CPLGetLastErrorType() >= CE_Failure)
        throw IoError(shown, "GDAL failed to finish the file: " + geo::last_gdal_error());
}

bool writable_in_parts(Format format) {
    return format == Format::geojson || format == Format::geojsonseq || format == Format::csv ||
           format == Format::acled_csv;
}

// GDAL's whole file for `events`, written in memory with the driver and options of `format`.
std::string gdal_text(Format format, std::span<const events::Event> events, const std::string& shown) {
    geo::VsiMemFile mem(format == Format::geojson      ? ".geojson"
                        : format == Format::geojsonseq ? ".geojsonl"
                                                       : ".csv");  // the CSV driver needs .csv for a file
    Layer l = create_layer(mem.path(), format, shown);
    for (const auto& e : events) {
        auto f = make_feature(e, l, format);
        CPLErrorReset();
        if (OGR_L_CreateFeature(l.layer, f.get()) != OGRERR_NONE)
            throw IoError(shown, "GDAL cannot write event " + e.id + ": " + geo::last_gdal_error());
    }
    finish(l.ds, format, shown);
    return mem.take();
}

// How GDAL lays out a file of the format: header, features joined by the separator, footer. Read
// off GDAL's own output for none, one and two features, so it holds for the GDAL at hand; nothing
// when that output is not of this shape (the writer then uses one dataset for the whole file).
struct Layout {
    std::string header, separator, footer;
};

std::optional<Layout> read_layout(Format format, const std::string& shown) {
    if (!writable_in_parts(format)) return std::nullopt;
    events::Event probe;
    probe.id = "layout";
    probe.type = "armed_clash";
    probe.location = "A, \"B\"";
    const std::vector<events::Event> one{probe}, two{probe, probe};
    const std::string empty = gdal_text(format, {}, shown), f1 = gdal_text(format, one, shown),
                      f2 = gdal_text(format, two, shown);
    std::size_t h = 0;
    while (h < empty.size() && h < f1.size() && empty[h] == f1[h]) ++h;
    if (f1.size() <= empty.size() || !f1.ends_with(std::string_view(empty).substr(h))) return std::nullopt;
    Layout layout{empty.substr(0, h), {}, empty.substr(h)};
    const std::string feature = f1.substr(h, f1.size() - empty.size());
    const std::string first = layout.header + feature, last = feature + layout.footer;
    if (f2.size() < first.size() + last.size() || !f2.starts_with(first) || !f2.ends_with(last)) return std::nullopt;
    layout.separator = f2.substr(first.size(), f2.size() - first.size() - last.size());
    return layout;
}

struct FileCloser {
    void operator()(std::FILE* f) const noexcept {
        if (f) std::fclose(f);
    }
};

}  // namespace

void PreparedBatch::FeatureDeleter::operator()(void* feature) const noexcept {
    OGR_F_Destroy(static_cast<OGRFeatureH>(feature));
}

struct EventWriter::Impl {
    AtomicFile file;
    Format format;
    std::string shown;  // the target, for messages
    std::size_t count = 0;
    bool open = true;
    // Formats written in parts: GDAL's layout, the file we append its text to, events waiting.
    std::optional<Layout> layout;
    std::unique_ptr<std::FILE, FileCloser> out;
    std::vector<events::Event> pending;
    // The other formats: one GDAL dataset.
    Layer layer;

    Impl(const std::filesystem::path& target, Format f) : file(target), format(f), shown(target.string()) {}

    void append(std::string_view bytes) {
        if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), out.get()) != bytes.size())
            throw IoError(shown, std::string("cannot write: ") + std::strerror(errno));
    }
};

EventWriter::EventWriter(const std::filesystem::path& out, Format format)
    : m_impl(std::make_unique<Impl>(out, format)) {
    auto& im = *m_impl;
    im.layout = read_layout(format, im.shown);
    if (!im.layout) {
        im.layer = create_layer(im.file.temp_path().string(), format, im.shown);
        return;
    }
    im.out.reset(std::fopen(im.file.temp_path().c_str(), "wb"));
    if (!im.out) throw IoError(im.shown, std::string("cannot create it: ") + std::strerror(errno));
    im.append(im.layout->header);
}

EventWriter::EventWriter(EventWriter&&) noexcept = default;

EventWriter::~EventWriter() {
    if (!m_impl) return;
    // Close the output before AtomicFile removes its temporary file.
    m_impl->out.reset();
    m_impl->layer.ds.reset();
}

std::size_t EventWriter::count() const { return m_impl ? m_impl->count + m_impl->pending.size() : 0; }

bool EventWriter::writes_in_parts() const { return m_impl && m_impl->layout.has_value(); }

void EventWriter::write(const events::Event& e) {
    auto& im = *m_impl;
    if (!im.open) throw IoError(im.shown, "write after close");
    if (!im.layout) {
        write(prepare(std::span(&e, 1)));
        return;
    }
    im.pending.push_back(e);
    if (im.pending.size() >= 256) flush_pending();
}

void EventWriter::flush_pending() {
    auto& im = *m_impl;
    if (im.pending.empty()) return;
    const std::vector<events::Event> waiting = std::exchange(im.pending, {});
    write(prepare(waiting));
}

PreparedBatch EventWriter::prepare(std::span<const events::Event> events) const {
    const auto& im = *m_impl;
    if (!im.open) throw IoError(im.shown, "write after close");
    PreparedBatch batch;
    batch.m_count = events.size();
    if (events.empty()) return batch;
    if (im.layout) {
        std::string text = gdal_text(im.format, events, im.shown);
        const auto& [header, separator, footer] = *im.layout;
        if (text.size() < header.size() + footer.size() || !text.starts_with(header) || !text.ends_with(footer))
            throw IoError(im.shown, "GDAL wrote " + std::to_string(events.size()) +
                                        " events in a layout other than its empty file's (from event " +
                                        events.front().id + ")");
        text.erase(text.size() - footer.size());
        text.erase(0, header.size());
        batch.m_text = std::move(text);
        return batch;
    }
    batch.m_features.reserve(events.size());
    batch.m_ids.reserve(events.size());
    for (const auto& e : events) {
        batch.m_features.emplace_back(make_feature(e, im.layer, im.format).release());
        batch.m_ids.push_back(e.id);
    }
    return batch;
}

void EventWriter::write(PreparedBatch&& prepared) {
    auto& im = *m_impl;
    if (!im.open) throw IoError(im.shown, "write after close");
    const PreparedBatch batch = std::move(prepared);  // destroyed here, written or not
    if (batch.m_count == 0) return;
    if (im.layout) {
        flush_pending();  // events write() kept back go first
        if (im.count > 0) im.append(im.layout->separator);
        im.append(batch.m_text);
        im.count += batch.m_count;
        return;
    }
    for (std::size_t k = 0; k < batch.m_features.size(); ++k) {
        CPLErrorReset();
        if (OGR_L_CreateFeature(im.layer.layer, static_cast<OGRFeatureH>(batch.m_features[k].get())) != OGRERR_NONE)
            throw IoError(im.shown, "GDAL cannot write event " + batch.m_ids[k] + ": " + geo::last_gdal_error());
        ++im.count;
    }
}

void EventWriter::close() {
    auto& im = *m_impl;
    if (!im.open) throw IoError(im.shown, "closed twice");
    try {
        if (im.layout) {
            flush_pending();
            im.append(im.layout->footer);
            std::FILE* f = im.out.release();
            if (std::fflush(f) != 0 || std::fclose(f) != 0)
                throw IoError(im.shown, std::string("cannot write: ") + std::strerror(errno));
        } else {
            finish(im.layer.ds, im.format, im.shown);
        }
        im.open = false;
        im.file.commit();
    } catch (...) {
        // Leave nothing behind even while the writer object lives on.
        im.open = false;
        im.out.reset();
        im.layer.ds.reset();
        std::error_code ec;
        std::filesystem::remove_all(im.file.temp_path(), ec);
        throw;
    }
}

void write_events(const std::vector<events::Event>& events, const std::filesystem::path& out, Format format) {
    EventWriter writer(out, format);
    for (const auto& e : events) writer.write(e);
    writer.close();
}

}  // namespace eventmap::exporter
