#include "viewer/state/projection.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include "eventmap/core/error.h"

namespace eventmap::viewer {
namespace {
// WGS84 semi-major axis: both pipelines below scale by it, so world units divide it out.
constexpr double kEarthA = 6378137.0;
constexpr double kWorldSpan = 2.0 * std::numbers::pi * kEarthA;

const char* pipeline(ProjectionKind kind) {
    // Pipelines rather than EPSG codes: no proj.db lookup, and lon/lat order is explicit.
    switch (kind) {
        case ProjectionKind::web_mercator:
            return "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step +proj=webmerc +ellps=WGS84";
        case ProjectionKind::equirectangular:
            return "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step +proj=eqc +ellps=WGS84";
    }
    return "";
}

double clamp_lat(ProjectionKind kind, double lat) {
    double limit = kind == ProjectionKind::web_mercator ? kMercatorMaxLatDeg : 90.0;
    return std::clamp(lat, -limit, limit);
}
}  // namespace

Projection Projection::create(ProjectionKind kind) {
    Projection p;
    p.m_kind = kind;
    p.m_ctx.reset(proj_context_create());
    if (!p.m_ctx) throw Error("PROJ: cannot create a context");
    p.m_pj.reset(proj_create(p.m_ctx.get(), pipeline(kind)));
    if (!p.m_pj) throw Error(std::string("PROJ: cannot create the map projection: ") +
                             proj_context_errno_string(p.m_ctx.get(), proj_context_errno(p.m_ctx.get())));
    return p;
}

double Projection::world_height() const { return m_kind == ProjectionKind::web_mercator ? 1.0 : 0.5; }

WorldPoint Projection::forward(geo::LatLon p) const {
    PJ_COORD c = proj_coord(p.lon_deg, clamp_lat(m_kind, p.lat_deg), 0, 0);
    PJ_COORD r = proj_trans(m_pj.get(), PJ_FWD, c);
    return {r.xy.x / kWorldSpan + 0.5, 0.5 * world_height() - r.xy.y / kWorldSpan};
}

geo::LatLon Projection::inverse(WorldPoint w) const {
    double x = w.x - std::floor(w.x);
    double y = std::clamp(w.y, 0.0, world_height());
    PJ_COORD c = proj_coord((x - 0.5) * kWorldSpan, (0.5 * world_height() - y) * kWorldSpan, 0, 0);
    PJ_COORD r = proj_trans(m_pj.get(), PJ_INV, c);
    return geo::LatLon::from_degrees(r.lp.phi, r.lp.lam);
}

void Projection::forward_many(std::span<const geo::LatLon> in, std::span<WorldPoint> out) const {
    const std::size_t chunk = 65536;
    std::vector<double> xs, ys;
    for (std::size_t base = 0; base < in.size(); base += chunk) {
        std::size_t n = std::min(chunk, in.size() - base);
        xs.resize(n);
        ys.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            xs[i] = in[base + i].lon_deg;
            ys[i] = clamp_lat(m_kind, in[base + i].lat_deg);
        }
        proj_trans_generic(m_pj.get(), PJ_FWD, xs.data(), sizeof(double), n, ys.data(), sizeof(double), n,
                           nullptr, 0, 0, nullptr, 0, 0);
        for (std::size_t i = 0; i < n; ++i)
            out[base + i] = {xs[i] / kWorldSpan + 0.5, 0.5 * world_height() - ys[i] / kWorldSpan};
    }
}

double pixels_per_world(double zoom) { return 256.0 * std::exp2(zoom); }

ScreenPoint to_screen(const Camera& camera, WorldPoint w, double width_px, double height_px) {
    double s = pixels_per_world(camera.zoom);
    return {(w.x - camera.center_x) * s + width_px / 2, (w.y - camera.center_y) * s + height_px / 2};
}

WorldPoint to_world(const Camera& camera, ScreenPoint p, double width_px, double height_px) {
    double s = pixels_per_world(camera.zoom);
    return {(p.x - width_px / 2) / s + camera.center_x, (p.y - height_px / 2) / s + camera.center_y};
}

Camera zoom_around(const Camera& camera, ScreenPoint anchor, double delta_zoom, double width_px, double height_px) {
    WorldPoint before = to_world(camera, anchor, width_px, height_px);
    Camera c = camera;
    c.zoom = std::clamp(camera.zoom + delta_zoom, kMinZoom, kMaxZoom);
    WorldPoint after = to_world(c, anchor, width_px, height_px);
    c.center_x += before.x - after.x;
    c.center_y += before.y - after.y;
    return c;
}

Camera fit(double x0, double y0, double x1, double y1, double width_px, double height_px, double margin,
           double max_zoom) {
    Camera c;
    c.center_x = (x0 + x1) / 2;
    c.center_y = (y0 + y1) / 2;
    double w = std::max(x1 - x0, 1e-9), h = std::max(y1 - y0, 1e-9);
    double usable = std::max(1.0 - 2 * margin, 0.1);
    double scale = std::min(width_px * usable / w, height_px * usable / h);
    c.zoom = std::clamp(std::log2(scale / 256.0), kMinZoom, max_zoom);
    return c;
}

}  // namespace eventmap::viewer
