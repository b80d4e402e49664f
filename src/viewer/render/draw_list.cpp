#include "viewer/render/draw_list.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "eventmap/geo/geodesic.h"

namespace eventmap::viewer {
namespace {
constexpr double kBinCellPx = 28;

WorldRect view_rect(const Camera& c, const Viewport& v) {
    double s = pixels_per_world(c.zoom);
    return {c.center_x - v.width_px / 2 / s, c.center_y - v.height_px / 2 / s, c.center_x + v.width_px / 2 / s,
            c.center_y + v.height_px / 2 / s};
}

bool bucket_visible(const EventStore& store, int b, std::span<const WorldRect> visible, double margin) {
    const WorldRect& r = store.bucket_bounds(b);
    WorldRect grown{r.x0 - margin, r.y0 - margin, r.x1 + margin, r.y1 + margin};
    for (const auto& v : visible)
        if (grown.intersects(v)) return true;
    return false;
}

std::uint32_t with_alpha(std::array<std::uint8_t, 4> c, std::uint8_t a) { return pack_rgba(c[0], c[1], c[2], a); }

struct LabelPlacer {
    std::vector<std::array<float, 4>> taken;
    bool place(float x, float y, const std::string& text, float height = 14) {
        float w = 7.0f * static_cast<float>(text.size()) / 2 + 2;
        std::array<float, 4> box{x - w, y - height / 2, x + w, y + height / 2};
        for (const auto& t : taken)
            if (box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3]) return false;
        taken.push_back(box);
        return true;
    }
};

void add_map_labels(const FrameInputs& in, const std::vector<int>& copies, FrameDrawList& out, LabelPlacer& placer) {
    if (!in.basemap) return;
    const Camera& cam = in.state.camera;
    // City labels sit below their point so they never cover an event drawn on the city.
    auto try_label = [&](const BasemapLabel& l, std::uint32_t rgba, float dy, float min_zoom) {
        if (cam.zoom < min_zoom) return;
        WorldPoint w = in.projection.forward(l.point);
        for (int k : copies) {
            ScreenPoint s = to_screen(cam, {w.x + k, w.y}, in.viewport.width_px, in.viewport.height_px);
            s.y += dy;
            if (s.x < -50 || s.y < -20 || s.x > in.viewport.width_px + 50 || s.y > in.viewport.height_px + 20) continue;
            if (placer.place(static_cast<float>(s.x), static_cast<float>(s.y), l.text))
                out.labels.push_back({static_cast<float>(s.x), static_cast<float>(s.y), l.text, rgba, true});
        }
    };
    if (in.state.overlays.country_labels)
        for (const auto& l : in.basemap->countries) try_label(l, pack_rgba(110, 110, 110), 0, l.min_zoom);
    if (in.state.overlays.city_labels) {
        std::size_t shown = 0;
        for (const auto& l : in.basemap->cities) {
            if (shown > 60) break;
            std::size_t before = out.labels.size();
            try_label(l, pack_rgba(60, 60, 60), 14, city_min_zoom(l.rank));  // rank = population
            shown += out.labels.size() - before;
        }
    }
}
}  // namespace

float event_size_px(const GpuEvent& e, SizeMode mode, float base_px) {
    float factor = 1;
    if (mode == SizeMode::count) factor = 1 + 0.5f * std::log2(static_cast<float>(std::max<int>(1, e.count)));
    if (mode == SizeMode::fatalities) factor = 1 + 0.5f * std::log2(1.0f + e.fatalities);
    return std::clamp(base_px * factor, 3.0f, 64.0f);
}

std::string format_distance(double distance_km, DistanceUnit unit) {
    double v = unit == DistanceUnit::km ? distance_km : distance_km / 1.609344;
    char buf[64];
    std::snprintf(buf, sizeof buf, v < 10 ? "%.2f %s" : v < 1000 ? "%.1f %s" : "%.0f %s", v,
                  unit == DistanceUnit::km ? "km" : "mi");
    return buf;
}

std::vector<WorldRect> visible_world(const Camera& camera, const Viewport& viewport, double world_height) {
    WorldRect v = view_rect(camera, viewport);
    double y0 = std::max(0.0, v.y0), y1 = std::min(world_height, v.y1);
    if (y0 > y1) return {};
    if (v.x1 - v.x0 >= 1) return {{0, y0, 1, y1}};
    double x0 = v.x0 - std::floor(v.x0);
    double x1 = x0 + (v.x1 - v.x0);
    if (x1 <= 1) return {{x0, y0, x1, y1}};
    return {{x0, y0, 1, y1}, {0, y0, x1 - 1, y1}};
}

std::size_t events_in_view(const EventStore& store, const TimeWindow& window, std::span<const WorldRect> visible) {
    std::size_t n = 0;
    for (int b = 0; b < EventStore::kBuckets; ++b) {
        if (store.bucket(b).size() == 0 || !bucket_visible(store, b, visible, 0)) continue;
        n += store.window_range(b, window).size();
    }
    return n;
}

std::vector<Bin> aggregate(const EventStore& store, const TimeWindow& window, const Filters& filters,
                           std::span<const WorldRect> visible, double cell_world) {
    std::vector<Bin> bins;
    const std::size_t ntypes = std::max<std::size_t>(1, store.types().size());
    auto gpu = store.gpu();
    for (const WorldRect& v : visible) {
        auto cx0 = static_cast<std::int64_t>(std::floor(v.x0 / cell_world));
        auto cy0 = static_cast<std::int64_t>(std::floor(v.y0 / cell_world));
        auto cx1 = static_cast<std::int64_t>(std::floor(v.x1 / cell_world));
        auto cy1 = static_cast<std::int64_t>(std::floor(v.y1 / cell_world));
        std::size_t nx = static_cast<std::size_t>(cx1 - cx0 + 1), ny = static_cast<std::size_t>(cy1 - cy0 + 1);
        if (nx * ny > 4'000'000) continue;  // a cell size this small is a caller error; draw nothing rather than stall
        std::vector<std::uint32_t> counts(nx * ny, 0), by_type(nx * ny * ntypes, 0);
        std::vector<double> sx(nx * ny, 0), sy(nx * ny, 0);
        const double inv = 1.0 / cell_world;
        for (int b = 0; b < EventStore::kBuckets; ++b) {
            if (store.bucket(b).size() == 0 || !bucket_visible(store, b, std::span<const WorldRect>(&v, 1), 0)) continue;
            IndexRange r = store.window_range(b, window);
            for (std::uint32_t i = r.first; i < r.last; ++i) {
                const GpuEvent& e = gpu[i];
                if (!EventStore::passes(e, filters) || !v.contains(e.world_x, e.world_y)) continue;
                auto cx = static_cast<std::int64_t>(e.world_x * inv) - cx0;
                auto cy = static_cast<std::int64_t>(e.world_y * inv) - cy0;
                if (cx < 0 || cy < 0 || cx >= static_cast<std::int64_t>(nx) || cy >= static_cast<std::int64_t>(ny)) continue;
                std::size_t c = static_cast<std::size_t>(cy) * nx + static_cast<std::size_t>(cx);
                ++counts[c];
                ++by_type[c * ntypes + e.type];
                sx[c] += e.world_x;
                sy[c] += e.world_y;
            }
        }
        for (std::size_t c = 0; c < counts.size(); ++c) {
            if (!counts[c]) continue;
            Bin bin;
            bin.count = counts[c];
            bin.world_x = sx[c] / counts[c];
            bin.world_y = sy[c] / counts[c];
            auto* t = &by_type[c * ntypes];
            bin.dominant_type = static_cast<std::uint8_t>(std::max_element(t, t + ntypes) - t);
            bins.push_back(bin);
        }
    }
    return bins;
}

std::vector<ScreenPoint> ring_screen_points(const Projection& proj, const Camera& camera, const Viewport& viewport,
                                            geo::LatLon center, double radius_km, int world_copy) {
    std::vector<ScreenPoint> out;
    auto ring = geo::circle(center, radius_km * 1000.0, 180);
    WorldPoint c = proj.forward(center);
    double prev_x = c.x;
    for (const auto& p : ring) {
        WorldPoint w = proj.forward(p);
        // Unwrap: keep each vertex within half a world of the previous one, so a ring across
        // the antimeridian stays one closed curve instead of a line across the map.
        while (w.x - prev_x > 0.5) w.x -= 1;
        while (w.x - prev_x < -0.5) w.x += 1;
        prev_x = w.x;
        out.push_back(to_screen(camera, {w.x + world_copy, w.y}, viewport.width_px, viewport.height_px));
    }
    return out;
}

void append_polyline(std::vector<OverlayVertex>& out, std::span<const ScreenPoint> pts, float width_px,
                     std::uint32_t rgba, bool closed) {
    if (pts.size() < 2) return;
    const float h = width_px / 2;
    std::size_t n = pts.size() - (closed ? 0 : 1);
    for (std::size_t i = 0; i < n; ++i) {
        const ScreenPoint& a = pts[i];
        const ScreenPoint& b = pts[(i + 1) % pts.size()];
        double dx = b.x - a.x, dy = b.y - a.y, len = std::hypot(dx, dy);
        if (len < 1e-9) continue;
        // Extend each segment by half the width so joints have no gaps.
        double ux = dx / len * h, uy = dy / len * h;
        float nx = static_cast<float>(-uy), ny = static_cast<float>(ux);
        float ax = static_cast<float>(a.x - ux), ay = static_cast<float>(a.y - uy);
        float bx = static_cast<float>(b.x + ux), by = static_cast<float>(b.y + uy);
        OverlayVertex v0{ax + nx, ay + ny, rgba}, v1{ax - nx, ay - ny, rgba}, v2{bx + nx, by + ny, rgba},
            v3{bx - nx, by - ny, rgba};
        out.insert(out.end(), {v0, v1, v2, v2, v1, v3});
    }
}

FrameDrawList build_draw_list(const FrameInputs& in) {
    FrameDrawList out;
    const ViewerState& st = in.state;
    const Camera& cam = st.camera;
    const double w = in.viewport.width_px, h = in.viewport.height_px;
    WorldRect v = view_rect(cam, in.viewport);
    // Copy k spans [k, k+1) in world x: only those overlapping the view are drawn.
    for (int k = static_cast<int>(std::floor(v.x0)); k < v.x1; ++k)
        if (k + 1 > v.x0) out.world_copies.push_back(k);

    auto visible = visible_world(cam, in.viewport, in.projection.world_height());
    out.events_in_view = events_in_view(in.store, st.window, visible);
    const double scale = pixels_per_world(cam.zoom);
    // Points cost fragments (llvmpipe: ~30 M/s), bins cost one pass over the window's events in
    // view. Buckets over-count at high zoom, so above the threshold the exact filtered count
    // in view decides, computed by the aggregation pass that bins need anyway.
    bool bins = st.aggregate == AggregateMode::bins;
    std::vector<Bin> agg;
    if (st.aggregate == AggregateMode::automatic && out.events_in_view > st.aggregate_threshold) {
        agg = aggregate(in.store, st.window, st.filters, visible, kBinCellPx / scale);
        std::size_t exact = 0;
        for (const auto& b : agg) exact += b.count;
        bins = exact > st.aggregate_threshold;
    } else if (bins) {
        agg = aggregate(in.store, st.window, st.filters, visible, kBinCellPx / scale);
    }
    LabelPlacer placer;

    if (!bins) {
        out.points = true;
        double margin = 32 / scale;  // a marker's radius, so edge events do not pop
        for (int b = 0; b < EventStore::kBuckets; ++b) {
            if (in.store.bucket(b).size() == 0 || !bucket_visible(in.store, b, visible, margin)) continue;
            IndexRange r = in.store.window_range(b, st.window);
            if (r.size() == 0) continue;
            if (!out.first.empty() && out.first.back() + out.count.back() == static_cast<std::int32_t>(r.first))
                out.count.back() += static_cast<std::int32_t>(r.size());
            else {
                out.first.push_back(static_cast<std::int32_t>(r.first));
                out.count.push_back(static_cast<std::int32_t>(r.size()));
            }
        }
    } else {
        out.bins = agg.size();
        std::uint32_t max_count = 1;
        for (const auto& b : agg) max_count = std::max(max_count, b.count);
        for (const auto& b : agg) {
            float size = static_cast<float>(8 + 22 * std::sqrt(static_cast<double>(b.count) / max_count));
            auto colour = b.dominant_type < in.store.types().size() ? in.store.types()[b.dominant_type].rgba
                                                                     : type_colour(0);
            for (int k : out.world_copies) {
                ScreenPoint s = to_screen(cam, {b.world_x + k, b.world_y}, w, h);
                if (s.x < -40 || s.y < -40 || s.x > w + 40 || s.y > h + 40) continue;
                out.sprites.push_back({static_cast<float>(s.x), static_cast<float>(s.y), size, with_alpha(colour, 200), 0});
                if (b.count >= 10 && size >= 14) {
                    std::string text = b.count >= 10000 ? std::to_string(b.count / 1000) + "k" : std::to_string(b.count);
                    out.labels.push_back({static_cast<float>(s.x), static_cast<float>(s.y), text, pack_rgba(20, 20, 20), true});
                    placer.place(static_cast<float>(s.x), static_cast<float>(s.y), text);
                }
            }
        }
    }

    // Selection highlights: a dark ring around each selected event.
    for (std::uint32_t i : st.selection) {
        if (i >= in.store.size()) continue;
        const GpuEvent& e = in.store.gpu()[i];
        for (int k : out.world_copies) {
            ScreenPoint s = to_screen(cam, {e.world_x + static_cast<double>(k), e.world_y}, w, h);
            out.sprites.push_back({static_cast<float>(s.x), static_cast<float>(s.y),
                                   event_size_px(e, st.size_mode, st.point_size_px) + 8, pack_rgba(0, 0, 0), 6});
        }
    }

    // Range rings around the first selected event, or the clicked point.
    std::optional<geo::LatLon> ring_center = st.overlays.ring_center;
    if (!st.selection.empty() && st.selection[0] < in.store.size()) ring_center = in.store.point(st.selection[0]);
    if (st.overlays.rings_visible && ring_center) {
        for (double r : st.overlays.ring_radii_km) {
            if (!(r > 0) || r > 20000) continue;
            for (int k : out.world_copies) {
                auto pts = ring_screen_points(in.projection, cam, in.viewport, *ring_center, r, k);
                append_polyline(out.overlay, pts, 2.0f, kRingRgba, true);
                // The label sits at the ring's northernmost vertex (the first one: azimuth 0).
                const ScreenPoint& top = pts.front();
                if (top.x > 0 && top.x < w && top.y > 0 && top.y < h)
                    out.labels.push_back({static_cast<float>(top.x), static_cast<float>(top.y - 9),
                                          format_distance(r, st.measure.unit), kRingRgba, true});
            }
        }
    }

    // Measure tool: geodesic legs with length and initial bearing.
    const auto& mp = st.measure.points;
    double total_km = 0;
    for (std::size_t i = 0; i + 1 < mp.size(); ++i) {
        geo::Inverse leg = geo::inverse(mp[i], mp[i + 1]);
        total_km += leg.distance_m / 1000;
        const int steps = 64;
        for (int k : out.world_copies) {
            std::vector<ScreenPoint> pts;
            double prev_x = in.projection.forward(mp[i]).x;
            for (int s = 0; s <= steps; ++s) {
                geo::LatLon p = geo::direct(mp[i], leg.azimuth1_deg, leg.distance_m * s / steps);
                WorldPoint wp = in.projection.forward(p);
                while (wp.x - prev_x > 0.5) wp.x -= 1;
                while (wp.x - prev_x < -0.5) wp.x += 1;
                prev_x = wp.x;
                pts.push_back(to_screen(cam, {wp.x + k, wp.y}, w, h));
            }
            append_polyline(out.overlay, pts, 2.5f, kMeasureRgba);
            const ScreenPoint& mid = pts[steps / 2];
            char bearing[32];
            std::snprintf(bearing, sizeof bearing, " %03.0f°", std::fmod(leg.azimuth1_deg + 360, 360));
            out.labels.push_back({static_cast<float>(mid.x), static_cast<float>(mid.y - 10),
                                  format_distance(leg.distance_m / 1000, st.measure.unit) + bearing, kMeasureRgba, true});
        }
    }
    for (const auto& p : mp) {
        WorldPoint wp = in.projection.forward(p);
        for (int k : out.world_copies) {
            ScreenPoint s = to_screen(cam, {wp.x + k, wp.y}, w, h);
            out.sprites.push_back({static_cast<float>(s.x), static_cast<float>(s.y), 8, kMeasureRgba, 0});
        }
    }
    if (mp.size() >= 3) {
        WorldPoint wp = in.projection.forward(mp.back());
        ScreenPoint s = to_screen(cam, wp, w, h);
        out.labels.push_back({static_cast<float>(s.x), static_cast<float>(s.y + 14),
                              "total " + format_distance(total_km, st.measure.unit), kMeasureRgba, true});
    }

    // Buffers around the selection (outlines computed elsewhere, cached by the app).
    if (st.overlays.buffer_visible && in.buffers) {
        for (const auto& ring : *in.buffers) {
            for (int k : out.world_copies) {
                std::vector<ScreenPoint> pts;
                double prev_x = ring.empty() ? 0 : in.projection.forward(ring[0]).x;
                for (const auto& p : ring) {
                    WorldPoint wp = in.projection.forward(p);
                    while (wp.x - prev_x > 0.5) wp.x -= 1;
                    while (wp.x - prev_x < -0.5) wp.x += 1;
                    prev_x = wp.x;
                    pts.push_back(to_screen(cam, {wp.x + k, wp.y}, w, h));
                }
                append_polyline(out.overlay, pts, 2.0f, kBufferRgba, true);
            }
        }
    }

    add_map_labels(in, out.world_copies, out, placer);
    return out;
}

std::optional<std::uint32_t> pick_event(const EventStore& store, const ViewerState& state, const Viewport& viewport,
                                        ScreenPoint at, double radius_px) {
    WorldPoint w = to_world(state.camera, at, viewport.width_px, viewport.height_px);
    double s = pixels_per_world(state.camera.zoom);
    double rw = radius_px / s;
    double x = w.x - std::floor(w.x);
    WorldRect probe{x - rw, w.y - rw, x + rw, w.y + rw};
    std::optional<std::uint32_t> best;
    double best_d2 = radius_px * radius_px;
    auto gpu = store.gpu();
    for (int b = 0; b < EventStore::kBuckets; ++b) {
        if (store.bucket(b).size() == 0 || !bucket_visible(store, b, std::span<const WorldRect>(&probe, 1), 0)) continue;
        IndexRange r = store.window_range(b, state.window);
        for (std::uint32_t i = r.first; i < r.last; ++i) {
            const GpuEvent& e = gpu[i];
            if (!EventStore::passes(e, state.filters)) continue;
            double dx = (e.world_x - x) * s, dy = (e.world_y - w.y) * s;
            double d2 = dx * dx + dy * dy;
            if (d2 <= best_d2) { best_d2 = d2; best = i; }
        }
    }
    return best;
}

}  // namespace eventmap::viewer
