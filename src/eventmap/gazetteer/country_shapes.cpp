#include "eventmap/gazetteer/detail/country_shapes.h"

#include <ogr_api.h>

#include "eventmap/core/error.h"
#include "eventmap/geo/gdal_handles.h"
#include "eventmap/geo/geos_handles.h"

namespace eventmap::gazetteer::detail {

namespace {
struct WkbReader {
    GEOSContextHandle_t ctx;
    GEOSWKBReader* r;
    explicit WkbReader(GEOSContextHandle_t c) : ctx(c), r(GEOSWKBReader_create_r(c)) {}
    ~WkbReader() { GEOSWKBReader_destroy_r(ctx, r); }
    WkbReader(const WkbReader&) = delete;
    WkbReader& operator=(const WkbReader&) = delete;
};
struct WkbWriter {
    GEOSContextHandle_t ctx;
    GEOSWKBWriter* w;
    explicit WkbWriter(GEOSContextHandle_t c) : ctx(c), w(GEOSWKBWriter_create_r(c)) {}
    ~WkbWriter() { GEOSWKBWriter_destroy_r(ctx, w); }
    WkbWriter(const WkbWriter&) = delete;
    WkbWriter& operator=(const WkbWriter&) = delete;
};
}  // namespace

std::vector<CountryShape> read_country_shapes(const std::filesystem::path& topojson) {
    auto ds = geo::open_vector(topojson.string());
    OGRLayerH layer = GDALDatasetGetLayerByName(ds.get(), "countries");
    if (!layer) throw IoError(topojson.string(), "no layer named 'countries'");
    geo::GeosContext ctx;
    WkbReader reader(ctx.get());
    WkbWriter writer(ctx.get());
    std::vector<CountryShape> out;
    OGR_L_ResetReading(layer);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const int id_field = OGR_FD_GetFieldIndex(defn, "id");
    const int name_field = OGR_FD_GetFieldIndex(defn, "name");
    for (geo::OgrFeature f(OGR_L_GetNextFeature(layer)); f; f.reset(OGR_L_GetNextFeature(layer))) {
        CountryShape shape;
        if (id_field >= 0 && OGR_F_IsFieldSetAndNotNull(f.get(), id_field))
            shape.numeric = OGR_F_GetFieldAsString(f.get(), id_field);
        if (shape.numeric.empty()) continue;  // Kosovo, Northern Cyprus, ...: no ISO numeric code
        if (name_field >= 0) shape.name = OGR_F_GetFieldAsString(f.get(), name_field);
        OGRGeometryH g = OGR_F_GetGeometryRef(f.get());
        if (!g || OGR_G_IsEmpty(g)) continue;
        std::vector<unsigned char> wkb(static_cast<std::size_t>(OGR_G_WkbSize(g)));
        if (OGR_G_ExportToWkb(g, wkbNDR, wkb.data()) != OGRERR_NONE) continue;
        auto geom = geo::own(ctx, GEOSWKBReader_read_r(ctx.get(), reader.r, wkb.data(), wkb.size()));
        if (!geom) continue;
        // Russia and Fiji cross the antimeridian and come out self-intersecting.
        if (GEOSisValid_r(ctx.get(), geom.get()) != 1) {
            auto fixed = geo::own(ctx, GEOSMakeValid_r(ctx.get(), geom.get()));
            if (!fixed) continue;
            geom = std::move(fixed);
        }
        auto point = geo::own(ctx, GEOSPointOnSurface_r(ctx.get(), geom.get()));
        double x = 0, y = 0;
        if (!point || GEOSGeomGetX_r(ctx.get(), point.get(), &x) != 1 || GEOSGeomGetY_r(ctx.get(), point.get(), &y) != 1)
            continue;
        shape.representative_point = geo::LatLon::from_degrees(y, x);
        GEOSGeom_getXMin_r(ctx.get(), geom.get(), &shape.min_lon);
        GEOSGeom_getYMin_r(ctx.get(), geom.get(), &shape.min_lat);
        GEOSGeom_getXMax_r(ctx.get(), geom.get(), &shape.max_lon);
        GEOSGeom_getYMax_r(ctx.get(), geom.get(), &shape.max_lat);
        std::size_t size = 0;
        unsigned char* buf = GEOSWKBWriter_write_r(ctx.get(), writer.w, geom.get(), &size);
        if (!buf) continue;
        shape.wkb.assign(buf, buf + size);
        GEOSFree_r(ctx.get(), buf);
        out.push_back(std::move(shape));
    }
    return out;
}

}  // namespace eventmap::gazetteer::detail
