#include "eventmap/export/writer.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <ctime>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

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

struct EventWriter::Impl {
    AtomicFile file;
    Format format;
    geo::GdalDataset ds;
    OGRLayerH layer = nullptr;
    OGRFeatureDefnH defn = nullptr;  // the layer's, read-only once the fields exist (prepare() threads share it)
    std::size_t count = 0;
    bool kml_extra = false;  // KML placemarks get a name and a description
    int name_idx = -1, description_idx = -1;
    int base = 0;  // index of the first of our own columns

    Impl(const std::filesystem::path& out, Format f) : file(out), format(f) {}
};

EventWriter::EventWriter(const std::filesystem::path& out, Format format)
    : m_impl(std::make_unique<Impl>(out, format)) {
    geo::ensure_gdal_registered();
    auto& im = *m_impl;
    const std::string driver_name(gdal_driver_name(format));
    GDALDriverH driver = GDALGetDriverByName(driver_name.c_str());
    if (!driver) throw IoError(out.string(), "this GDAL has no " + driver_name + " driver");

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
            im.kml_extra = true;
            break;
        case Format::fgb:
            break;
    }

    CPLErrorReset();
    im.ds.reset(GDALCreate(driver, im.file.temp_path().c_str(), 0, 0, 0, GDT_Unknown, ds_options));
    CSLDestroy(ds_options);
    if (!im.ds) {
        CSLDestroy(layer_options);
        throw IoError(out.string(), "GDAL cannot create it: " + geo::last_gdal_error());
    }

    geo::OgrSrs srs(OSRNewSpatialReference(nullptr));
    OSRImportFromEPSG(srs.get(), 4326);
    OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
    im.layer = GDALDatasetCreateLayer(im.ds.get(), "events", (geom_type == wkbNone || format == Format::geojson) ? nullptr : srs.get(), geom_type,
                                      layer_options);
    CSLDestroy(layer_options);
    if (!im.layer) throw IoError(out.string(), "GDAL cannot create the events layer: " + geo::last_gdal_error());

    const bool text_dates = format == Format::csv || format == Format::acled_csv || format == Format::kml;
    auto add_field = [&](std::string_view name, OGRFieldType type, OGRFieldSubType subtype) {
        // GDAL's CSV and KML writers format Date fields as YYYY/MM/DD; ISO text is what tools expect.
        if (text_dates && type == OFTDate) type = OFTString;
        geo::OgrFieldDefn fd(OGR_Fld_Create(std::string(name).c_str(), type));
        if (subtype != OFSTNone) OGR_Fld_SetSubType(fd.get(), subtype);
        if (OGR_L_CreateField(im.layer, fd.get(), TRUE) != OGRERR_NONE)
            throw IoError(out.string(), "GDAL cannot add field " + std::string(name) + ": " + geo::last_gdal_error());
    };
    // One transaction for the whole file: SQLite commits per feature otherwise.
    if (format == Format::gpkg && GDALDatasetStartTransaction(im.ds.get(), FALSE) != OGRERR_NONE)
        throw IoError(out.string(), "GDAL cannot start a transaction: " + geo::last_gdal_error());
    if (format == Format::acled_csv) {
        for (const auto& [name, type] : k_acled_fields) add_field(name, type, OFSTNone);
        im.defn = OGR_L_GetLayerDefn(im.layer);
        return;
    }
    for (const auto& spec : k_event_fields) add_field(spec.name, spec.type, spec.subtype);
    // The KML driver's layers come with Name and Description fields of their own.
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(im.layer);
    im.base = OGR_FD_GetFieldIndex(defn, "id");
    if (im.kml_extra) {
        im.name_idx = OGR_FD_GetFieldIndex(defn, "Name");
        im.description_idx = OGR_FD_GetFieldIndex(defn, "Description");
    }
    if (format == Format::csv) {
        add_field("latitude", OFTReal, OFSTNone);
        add_field("longitude", OFTReal, OFSTNone);
    }
    im.defn = OGR_L_GetLayerDefn(im.layer);
}

EventWriter::EventWriter(EventWriter&&) noexcept = default;

EventWriter::~EventWriter() {
    if (!m_impl) return;
    // Close the dataset before AtomicFile removes its temporary file.
    m_impl->ds.reset();
}

std::size_t EventWriter::count() const { return m_impl ? m_impl->count : 0; }

void PreparedEvent::FeatureDeleter::operator()(void* feature) const noexcept {
    OGR_F_Destroy(static_cast<OGRFeatureH>(feature));
}

void EventWriter::write(const events::Event& e) { write(prepare(e)); }

PreparedEvent EventWriter::prepare(const events::Event& e) const {
    const auto& im = *m_impl;
    if (!im.ds) throw IoError(im.file.target().string(), "write after close");
    PreparedEvent prepared{std::unique_ptr<void, PreparedEvent::FeatureDeleter>(OGR_F_Create(im.defn)), e.id};
    OGRFeatureH f = static_cast<OGRFeatureH>(prepared.feature.get());
    const events::Source none;
    const events::Source& src = e.sources.empty() ? none : e.sources.front();
    int i = im.base;

    if (im.format == Format::acled_csv) {
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
        if (im.kml_extra) {
            const std::string name = (e.sub_event_type.empty() ? e.type : e.sub_event_type) +
                                     (e.location.empty() ? "" : ", " + e.location) + " (" + e.event_date.iso() + ")";
            if (im.name_idx >= 0) set_string(f, im.name_idx, name);
            if (im.description_idx >= 0) set_string(f, im.description_idx, src.sentence);
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
        OGR_F_SetFieldString(f, i++, detail::sources_to_json(e.sources).c_str());
        if (im.format == Format::csv) {
            OGR_F_SetFieldDouble(f, i++, e.point.lat_deg);
            OGR_F_SetFieldDouble(f, i++, e.point.lon_deg);
        }
    }

    if (im.format != Format::csv && im.format != Format::acled_csv) {
        OGRGeometryH pt = OGR_G_CreateGeometry(wkbPoint);
        OGR_G_SetPoint_2D(pt, 0, e.point.lon_deg, e.point.lat_deg);
        OGR_F_SetGeometryDirectly(f, pt);  // the feature takes ownership
    }
    return prepared;
}

void EventWriter::write(PreparedEvent&& prepared) {
    auto& im = *m_impl;
    if (!im.ds) throw IoError(im.file.target().string(), "write after close");
    const PreparedEvent feature = std::move(prepared);  // destroyed here, written or not
    CPLErrorReset();
    if (OGR_L_CreateFeature(im.layer, static_cast<OGRFeatureH>(feature.feature.get())) != OGRERR_NONE)
        throw IoError(im.file.target().string(),
                      "GDAL cannot write event " + feature.id + ": " + geo::last_gdal_error());
    ++im.count;
}

void EventWriter::close() {
    auto& im = *m_impl;
    if (!im.ds) throw IoError(im.file.target().string(), "closed twice");
    CPLErrorReset();
    if (im.format == Format::gpkg && GDALDatasetCommitTransaction(im.ds.get()) != OGRERR_NONE) {
        im.ds.reset();
        std::error_code ec;
        std::filesystem::remove_all(im.file.temp_path(), ec);
        throw IoError(im.file.target().string(), "GDAL cannot commit the GeoPackage: " + geo::last_gdal_error());
    }
    // GDAL 3.6's GDALClose reports failures only through the error state.
    im.ds.reset();
    try {
        if (CPLGetLastErrorType() >= CE_Failure)
            throw IoError(im.file.target().string(), "GDAL failed to finish the file: " + geo::last_gdal_error());
        im.file.commit();
    } catch (...) {
        // Leave nothing behind even while the writer object lives on.
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
