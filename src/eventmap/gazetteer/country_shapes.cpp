#include "eventmap/gazetteer/detail/country_shapes.h"

#include <ogr_api.h>

#include <cmath>
#include <vector>

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
// world-atlas 2 keeps spherical topology: rings of Russia, Fiji and Antarctica jump from +180
// to -180 instead of being cut. Unwrap each ring so it is continuous in longitude (possibly
// beyond ±180), closing rings that circle a pole along that pole.
void unwrap_ring(OGRGeometryH ring) {
    const int n = OGR_G_GetPointCount(ring);
    if (n < 2) return;
    double prev = OGR_G_GetX(ring, 0), offset = 0;
    double lat_sum = 0;
    for (int i = 0; i < n; ++i) {
        double x = OGR_G_GetX(ring, i) + offset;
        while (x - prev > 180) { x -= 360; offset -= 360; }
        while (x - prev < -180) { x += 360; offset += 360; }
        lat_sum += OGR_G_GetY(ring, i);
        OGR_G_SetPoint_2D(ring, i, x, OGR_G_GetY(ring, i));
        prev = x;
    }
    const double x0 = OGR_G_GetX(ring, 0), y0 = OGR_G_GetY(ring, 0);
    const double x1 = OGR_G_GetX(ring, n - 1);
    if (std::abs(x1 - x0) > 1e-9) {
        const double pole = lat_sum < 0 ? -90.0 : 90.0;
        OGR_G_AddPoint_2D(ring, x1, pole);
        OGR_G_AddPoint_2D(ring, x0, pole);
        OGR_G_AddPoint_2D(ring, x0, y0);
    }
}

void unwrap(OGRGeometryH g) {
    const auto type = wkbFlatten(OGR_G_GetGeometryType(g));
    if (type == wkbLineString || type == wkbLinearRing) return unwrap_ring(g);
    for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i) unwrap(OGR_G_GetGeometryRef(g, i));
}

int shift_x(double* x, double*, void* userdata) {
    *x += *static_cast<double*>(userdata);
    return 1;
}

// Cuts an unwrapped geometry back into [-180, 180]: the parts beyond are moved by ∓360.
geo::GeosGeom fold_into_range(const geo::GeosContext& ctx, const GEOSGeometry* g) {
    GEOSContextHandle_t c = ctx.get();
    double xmin = 0, xmax = 0;
    GEOSGeom_getXMin_r(c, g, &xmin);
    GEOSGeom_getXMax_r(c, g, &xmax);
    if (xmin >= -180 && xmax <= 180) return geo::own(ctx, GEOSGeom_clone_r(c, g));
    std::vector<GEOSGeometry*> parts;
    const double windows[3][2] = {{-180, 180}, {180, 540}, {-540, -180}};
    for (const auto& w : windows) {
        GEOSGeometry* part = GEOSClipByRect_r(c, g, w[0], -90, w[1], 90);
        if (!part) continue;
        if (GEOSisEmpty_r(c, part) == 1) { GEOSGeom_destroy_r(c, part); continue; }
        double dx = w[0] == -180 ? 0 : (w[0] == 180 ? -360 : 360);
        if (dx != 0) {
            GEOSGeometry* moved = GEOSGeom_transformXY_r(c, part, shift_x, &dx);
            GEOSGeom_destroy_r(c, part);
            if (!moved) continue;
            part = moved;
        }
        parts.push_back(part);
    }
    if (parts.empty()) return geo::own(ctx, nullptr);
    auto collection = geo::own(ctx, GEOSGeom_createCollection_r(c, GEOS_GEOMETRYCOLLECTION, parts.data(),
                                                                 static_cast<unsigned>(parts.size())));
    return geo::own(ctx, GEOSUnaryUnion_r(c, collection.get()));
}
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
        unwrap(g);
        std::vector<unsigned char> wkb(static_cast<std::size_t>(OGR_G_WkbSize(g)));
        if (OGR_G_ExportToWkb(g, wkbNDR, wkb.data()) != OGRERR_NONE) continue;
        auto geom = geo::own(ctx, GEOSWKBReader_read_r(ctx.get(), reader.r, wkb.data(), wkb.size()));
        if (!geom) continue;
        // Some Natural Earth shapes (Russia, Fiji) self-intersect or touch themselves once unwrapped.
        if (GEOSisValid_r(ctx.get(), geom.get()) != 1) {
            auto fixed = geo::own(ctx, GEOSMakeValid_r(ctx.get(), geom.get()));
            if (!fixed) continue;
            geom = std::move(fixed);
        }
        geom = fold_into_range(ctx, geom.get());
        if (!geom) continue;
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
