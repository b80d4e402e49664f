#include "viewer/bench_view.h"

#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <ostream>

#include "eventmap/export/writer.h"
#include "viewer/app.h"
#include "viewer/imgui_session.h"
#include "viewer/platform/window.h"
#include "viewer/render/gl.h"
#include "viewer/render/labels.h"
#include "viewer/render/map_view.h"
#include "viewer/state/synthetic.h"

namespace eventmap::viewer {
namespace {
using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }
// CPU seconds of all this process's threads: what loading costs whatever else the machine runs.
double process_cpu_s() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// Events actually on screen (not just in visible buckets), for choosing the region view.
std::size_t on_screen(const EventStore& store, const Camera& c, const Viewport& vp) {
    double s = pixels_per_world(c.zoom);
    double x0 = c.center_x - vp.width_px / 2 / s, x1 = c.center_x + vp.width_px / 2 / s;
    double y0 = c.center_y - vp.height_px / 2 / s, y1 = c.center_y + vp.height_px / 2 / s;
    std::size_t n = 0;
    for (const auto& e : store.gpu()) n += e.world_x >= x0 && e.world_x <= x1 && e.world_y >= y0 && e.world_y <= y1;
    return n;
}
}  // namespace

BenchViewResult bench_view(const BenchViewOptions& o, std::ostream& log) {
    BenchViewResult r;
    Viewport vp{static_cast<double>(o.width_px), static_cast<double>(o.height_px)};
    std::filesystem::path dir = o.work_dir.empty() ? std::filesystem::temp_directory_path() / "eventmap-bench" : o.work_dir;
    std::filesystem::create_directories(dir);
    auto file = dir / ("view-" + std::to_string(o.events) + "-" + std::to_string(o.seed) + ".geojson");

    // Seeds: GeoNames cities of the basemap (always present offline), weighted by population.
    Basemap base = load_basemap(BasemapResolution::r50m);
    std::vector<SeedPlace> seeds;
    for (const auto& c : base.cities) seeds.push_back({c.point, c.text, "", "", c.rank, 0});
    if (!std::filesystem::exists(file)) {
        log << "generating " << o.events << " synthetic events\n";
        auto events = synthesize(seeds, SynthOptions{o.events, o.seed});
        auto t = Clock::now();
        exporter::write_events(events, file, exporter::Format::geojson);
        r.write_s = seconds_since(t);
        log << "wrote " << file.string() << " in " << r.write_s << " s\n";
    }

    auto t0 = Clock::now();
    const double cpu0 = process_cpu_s();
    ViewOptions vo;
    vo.inputs = {file.string()};
    vo.load.max_events = o.events + 1;
    LoadReport report;
    auto loaded = load_for_viewer(vo.inputs, vo.load, report);
    double read_s = seconds_since(t0);
    Scene scene;
    scene.report = report;
    scene.store = EventStore::build(std::move(loaded), ProjectionKind::web_mercator);
    r.load_s = seconds_since(t0);
    r.load_cpu_s = process_cpu_s() - cpu0;
    log << "loaded " << scene.store.size() << " events in " << r.load_s << " s (reading " << read_s << " s, arranging "
        << r.load_s - read_s << " s; " << r.load_cpu_s << " CPU seconds over all threads)\n";

    Window window(64, 64, "eventmap bench", false);
    r.gl_renderer = window.gl_renderer();
    OffscreenTarget target(o.width_px, o.height_px);
    MapView map(scene.store, ProjectionKind::web_mercator, false);
    ImGuiSession gui(nullptr, asset_dir());
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(vp.width_px), static_cast<float>(vp.height_px));

    // One frame as the window does it: draw lists, GL draw, labels; glFinish so the GPU's
    // (llvmpipe's) work is inside the measurement.
    double list_ms = 0, draw_ms = 0;
    auto frame = [&](const ViewerState& st) {
        auto t = Clock::now();
        FrameDrawList list = map.frame(scene.store, st, vp);
        list_ms = seconds_since(t) * 1000;
        target.bind();
        auto td = Clock::now();
        map.draw(list, scene.store, st, vp);
        glFinish();
        draw_ms = seconds_since(td) * 1000;
        io.DeltaTime = 1.0f / 60.0f;
        ImGui_ImplOpenGL3_NewFrame();
        ImGui::NewFrame();
        draw_labels(ImGui::GetBackgroundDrawList(), gui.regular(), 15.0f, list.labels);
        ImGui::Render();
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        glFinish();
        return seconds_since(t) * 1000;
    };

    ViewerState st;
    st.window = scene.store.full_window();
    st.camera = Camera{0.5, 0.5, std::log2(vp.width_px / 256.0)};
    frame(st);  // warm-up: shader compilation, font atlas, caches
    std::vector<double> times;
    for (int i = 0; i < o.frames; ++i) times.push_back(frame(st));
    r.world_ms = median(times);
    log << "world: " << r.world_ms << " ms (last frame: draw list " << list_ms << " ms, GL " << draw_ms << " ms)\n";

    times.clear();
    st.window = {scene.store.first_day(), scene.store.first_day() + 29};
    for (int i = 0; i < o.frames; ++i) {
        times.push_back(frame(st));
        st.window.first_day += 1;
        st.window.last_day += 1;
    }
    r.scrub_ms = median(times);
    log << "scrub: " << r.scrub_ms << " ms (last frame: draw list " << list_ms << " ms, GL " << draw_ms << " ms)\n";

    // Panning: the camera moves every frame, so the basemap is redrawn each time.
    times.clear();
    st.window = scene.store.full_window();
    for (int i = 0; i < o.frames; ++i) {
        times.push_back(frame(st));
        st.camera.center_x += 3 / pixels_per_world(st.camera.zoom);
    }
    r.pan_ms = median(times);
    log << "pan: " << r.pan_ms << " ms (world zoom, basemap redrawn every frame)\n";

    // Region: centred on the busiest bucket, zoomed until about region_events are on screen.
    int busiest = 0;
    for (int b = 1; b < EventStore::kBuckets; ++b)
        if (scene.store.bucket(b).size() > scene.store.bucket(busiest).size()) busiest = b;
    const WorldRect& bb = scene.store.bucket_bounds(busiest);
    st.window = scene.store.full_window();
    st.camera = Camera{(bb.x0 + bb.x1) / 2, (bb.y0 + bb.y1) / 2, 3};
    while (st.camera.zoom < 12 && on_screen(scene.store, st.camera, vp) > o.region_events) st.camera.zoom += 0.05;
    r.region_in_view = on_screen(scene.store, st.camera, vp);
    r.region_zoom = st.camera.zoom;
    times.clear();
    frame(st);
    for (int i = 0; i < o.frames; ++i) times.push_back(frame(st));
    r.region_ms = median(times);
    log << "region: " << r.region_ms << " ms (" << r.region_in_view << " events on screen at zoom " << r.region_zoom
        << "; last frame: draw list " << list_ms << " ms, GL " << draw_ms << " ms)\n";
    times.clear();
    for (int i = 0; i < o.frames; ++i) {
        times.push_back(frame(st));
        st.camera.center_x += 3 / pixels_per_world(st.camera.zoom);
    }
    r.region_pan_ms = median(times);
    log << "region pan: " << r.region_pan_ms << " ms\n";
    return r;
}

}  // namespace eventmap::viewer
