#include "viewer/render/buffer.h"

#include <cstdio>
#include <string>

#include "eventmap/core/error.h"
#include "eventmap/geo/geos_handles.h"
#include "eventmap/geo/proj_handles.h"

namespace eventmap::viewer {

std::vector<std::vector<geo::LatLon>> buffer_outlines(std::span<const geo::LatLon> points, double radius_km) {
    std::vector<std::vector<geo::LatLon>> out;
    if (points.empty() || !(radius_km > 0)) return out;
    geo::ProjContext ctx{proj_context_create()};
    char def[256];
    std::snprintf(def, sizeof def,
                  "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step +proj=aeqd +lat_0=%.10f "
                  "+lon_0=%.10f +ellps=WGS84",
                  points[0].lat_deg, points[0].lon_deg);
    geo::ProjObject pj{proj_create(ctx.get(), def)};
    if (!pj) throw Error("PROJ: cannot create the azimuthal-equidistant projection for a buffer");

    geo::GeosContext gctx;
    auto h = gctx.get();
    geo::GeosGeom merged;
    for (const auto& p : points) {
        PJ_COORD c = proj_trans(pj.get(), PJ_FWD, proj_coord(p.lon_deg, p.lat_deg, 0, 0));
        auto pt = geo::own(gctx, GEOSGeom_createPointFromXY_r(h, c.xy.x, c.xy.y));
        auto buf = geo::own(gctx, GEOSBuffer_r(h, pt.get(), radius_km * 1000.0, 32));
        if (!buf) throw Error("GEOS: buffer failed");
        merged = merged ? geo::own(gctx, GEOSUnion_r(h, merged.get(), buf.get())) : std::move(buf);
        if (!merged) throw Error("GEOS: union of buffers failed");
    }
    auto add_ring = [&](const GEOSGeometry* ring) {
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
        unsigned n = 0;
        if (!seq || !GEOSCoordSeq_getSize_r(h, seq, &n)) return;
        std::vector<geo::LatLon> pts;
        for (unsigned i = 0; i < n; ++i) {
            double x = 0, y = 0;
            GEOSCoordSeq_getXY_r(h, seq, i, &x, &y);
            PJ_COORD r = proj_trans(pj.get(), PJ_INV, proj_coord(x, y, 0, 0));
            pts.push_back(geo::LatLon::from_degrees(r.lp.phi, r.lp.lam));
        }
        out.push_back(std::move(pts));
    };
    int parts = GEOSGetNumGeometries_r(h, merged.get());
    for (int i = 0; i < parts; ++i) {
        const GEOSGeometry* poly = GEOSGetGeometryN_r(h, merged.get(), i);
        if (GEOSGeomTypeId_r(h, poly) != GEOS_POLYGON) continue;
        add_ring(GEOSGetExteriorRing_r(h, poly));
        for (int r = 0; r < GEOSGetNumInteriorRings_r(h, poly); ++r) add_ring(GEOSGetInteriorRingN_r(h, poly, r));
    }
    return out;
}

}  // namespace eventmap::viewer
