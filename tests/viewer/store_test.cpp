#include <catch2/catch.hpp>

#include <random>

#include "helpers.h"
#include "viewer/render/draw_list.h"
#include "viewer/state/event_store.h"
#include "viewer/state/neighbours.h"
#include "viewer/state/time_controls.h"

using namespace eventmap;
using namespace eventmap::viewer;
using eventmap::viewer::test::make_event;

namespace {
// Events over 100 days around a few places, types and actors cycling.
std::vector<events::Event> synthetic(std::size_t n, unsigned seed = 7) {
    std::mt19937 rng(seed);
    const char* types[] = {"armed_clash", "shelling_artillery_missile_attack", "peaceful_protest", "air_drone_strike"};
    const double places[][2] = {{48.6, 38.0}, {50.45, 30.52}, {15.5, 32.5}, {-17.7, 179.9}, {34.5, 69.2}};
    std::uniform_real_distribution<double> jitter(-0.5, 0.5);
    std::vector<events::Event> out;
    for (std::size_t i = 0; i < n; ++i) {
        const auto& p = places[i % 5];
        auto date = events::Date::from_ymd(2023, 1, 1).plus_days(static_cast<std::int64_t>(rng() % 100));
        out.push_back(make_event("e" + std::to_string(i), types[(i / 5) % 4], p[0] + jitter(rng),
                                 std::clamp(p[1] + jitter(rng), -180.0, 180.0), date.iso(), i % 3 ? "UA" : "SD",
                                 i % 2 ? "Actor A" : "Actor B"));
    }
    return out;
}

std::size_t brute_count(const EventStore& s, const TimeWindow& w, const Filters& f) {
    std::size_t n = 0;
    for (const auto& g : s.gpu()) n += w.contains(g.day) && EventStore::passes(g, f);
    return n;
}
}  // namespace

TEST_CASE("Events without a point or date are dropped, not drawn", "[viewer][store]") {
    auto ev = synthetic(10);
    ev[3].point = geo::LatLon::invalid();
    ev[4].event_date = events::Date{};
    EventStore s = EventStore::build(ev, ProjectionKind::web_mercator);
    CHECK(s.size() == 8);
    CHECK(s.dropped() == 2);
}

TEST_CASE("Within each bucket events are sorted by day, so a window is one contiguous range", "[viewer][store]") {
    EventStore s = EventStore::build(synthetic(5000), ProjectionKind::web_mercator);
    REQUIRE(s.size() == 5000);
    std::size_t total = 0;
    for (int b = 0; b < EventStore::kBuckets; ++b) {
        IndexRange r = s.bucket(b);
        total += r.size();
        for (std::uint32_t i = r.first + 1; i < r.last; ++i) REQUIRE(s.gpu()[i - 1].day <= s.gpu()[i].day);
    }
    CHECK(total == s.size());
    TimeWindow w{s.first_day() + 10, s.first_day() + 19};
    std::size_t in_window = 0;
    for (int b = 0; b < EventStore::kBuckets; ++b) {
        IndexRange r = s.window_range(b, w);
        for (std::uint32_t i = r.first; i < r.last; ++i) REQUIRE(w.contains(s.gpu()[i].day));
        in_window += r.size();
    }
    CHECK(in_window == brute_count(s, w, Filters{}));
    CHECK(in_window > 0);
    // An empty window selects nothing anywhere.
    for (int b = 0; b < EventStore::kBuckets; ++b) CHECK(s.window_range(b, TimeWindow{5, 4}).size() == 0);
}

TEST_CASE("Types follow the taxonomy's order and each gets its own filter bit", "[viewer][store][filters]") {
    EventStore s = EventStore::build(synthetic(400), ProjectionKind::web_mercator);
    REQUIRE(s.types().size() == 4);
    CHECK(s.types()[0].slug == "armed_clash");  // bit 0 in the taxonomy
    CHECK(s.types()[0].label == "Armed clash");
    CHECK(s.types()[3].slug == "peaceful_protest");
    for (std::size_t i = 0; i < s.size(); ++i) CHECK(s.types()[s.gpu()[i].type].slug == s.event(static_cast<std::uint32_t>(i)).type);
}

TEST_CASE("Type, actor and country masks filter events", "[viewer][filters]") {
    EventStore s = EventStore::build(synthetic(2000), ProjectionKind::web_mercator);
    TimeWindow all = s.full_window();
    Filters f;
    CHECK(brute_count(s, all, f) == 2000);
    f.type_mask = 1u << 0;  // armed clash only
    CHECK(brute_count(s, all, f) == 500);
    f = Filters{};
    auto actors = s.actors();
    std::uint32_t bit_a = 0;
    while (actors[bit_a].name != "Actor A") ++bit_a;
    f.actor_mask = 1u << bit_a;
    CHECK(brute_count(s, all, f) == 1000);
    f = Filters{};
    auto countries = s.countries();
    std::uint32_t bit_sd = 0;
    while (countries[bit_sd].name != "SD") ++bit_sd;
    f.country_mask = ~(1u << bit_sd);
    CHECK(brute_count(s, all, f) == 2000 - 667);
    f.type_mask = 0;
    CHECK(brute_count(s, all, f) == 0);
}

TEST_CASE("Aggregated bins count exactly the window's filtered events in view", "[viewer][aggregate]") {
    EventStore s = EventStore::build(synthetic(20000), ProjectionKind::web_mercator);
    Camera world{0.5, 0.5, 2};
    Viewport vp{1280, 800};
    auto visible = visible_world(world, vp, 1.0);
    TimeWindow w{s.first_day() + 20, s.first_day() + 49};
    Filters f;
    f.type_mask = 0b0101;
    auto bins = aggregate(s, w, f, visible, 28 / pixels_per_world(2));
    std::size_t sum = 0;
    for (const auto& b : bins) sum += b.count;
    CHECK(sum == brute_count(s, w, f));
    // Few bins for many events: the frame's cost follows what is visible.
    CHECK(bins.size() < 60);
    for (const auto& b : bins) CHECK(((f.type_mask >> b.dominant_type) & 1u) == 1u);
    // Bins at a finer cell size still add up.
    auto fine = aggregate(s, w, Filters{}, visible, 4 / pixels_per_world(2));
    std::size_t fine_sum = 0;
    for (const auto& b : fine) fine_sum += b.count;
    CHECK(fine_sum == brute_count(s, w, Filters{}));
    CHECK(fine.size() > bins.size());
}

TEST_CASE("A view straddling the antimeridian is two rectangles and finds events on both sides", "[viewer][aggregate]") {
    std::vector<events::Event> ev{make_event("w", "attack", -17, 179.5, "2023-01-01"), make_event("e", "attack", -17, -179.5, "2023-01-01")};
    EventStore s = EventStore::build(ev, ProjectionKind::web_mercator);
    Projection p = Projection::create(ProjectionKind::web_mercator);
    Camera c{1.0, p.forward(geo::LatLon::from_degrees(-17, 180)).y, 7};
    auto visible = visible_world(c, Viewport{1280, 800}, 1.0);
    CHECK(visible.size() == 2);
    CHECK(events_in_view(s, s.full_window(), visible) == 2);
}

TEST_CASE("The draw list picks points or bins by how many events are in view", "[viewer][drawlist]") {
    EventStore s = EventStore::build(synthetic(3000), ProjectionKind::web_mercator);
    Projection p = Projection::create(ProjectionKind::web_mercator);
    ViewerState st;
    st.window = s.full_window();
    st.camera = Camera{0.5, 0.5, 2};
    FrameInputs in{s, st, p, Viewport{1280, 800}};
    FrameDrawList points = build_draw_list(in);
    CHECK(points.points);
    CHECK(points.events_in_view == 3000);
    std::int64_t drawn = 0;
    for (auto c : points.count) drawn += c;
    CHECK(drawn == 3000);
    st.aggregate_threshold = 1000;
    FrameDrawList bins = build_draw_list(in);
    CHECK_FALSE(bins.points);
    CHECK(bins.first.empty());
    CHECK(bins.bins > 0);
    // An empty time window draws no events at all.
    st.window = TimeWindow{0, -1};
    FrameDrawList none = build_draw_list(in);
    CHECK(none.events_in_view == 0);
    CHECK(none.first.empty());
    CHECK(none.sprites.empty());
}

TEST_CASE("Zoomed in, only the buckets in view are drawn", "[viewer][drawlist]") {
    EventStore s = EventStore::build(synthetic(5000), ProjectionKind::web_mercator);
    Projection p = Projection::create(ProjectionKind::web_mercator);
    ViewerState st;
    st.window = s.full_window();
    WorldPoint kyiv = p.forward(geo::LatLon::from_degrees(50.45, 30.52));
    st.camera = Camera{kyiv.x, kyiv.y, 8};
    FrameDrawList l = build_draw_list(FrameInputs{s, st, p, Viewport{1280, 800}});
    CHECK(l.events_in_view == 1000);  // one place of five
    std::int64_t drawn = 0;
    for (auto c : l.count) drawn += c;
    CHECK(drawn == 1000);
}

TEST_CASE("Rings are drawn around the selected event with labels", "[viewer][drawlist][rings]") {
    EventStore s = EventStore::build(synthetic(50), ProjectionKind::web_mercator);
    Projection p = Projection::create(ProjectionKind::web_mercator);
    ViewerState st;
    st.window = s.full_window();
    st.selection = {0};
    WorldPoint w = p.forward(s.event(0).point);
    st.camera = Camera{w.x, w.y, 7};
    st.overlays.rings_visible = true;
    st.overlays.ring_radii_km = {25, 50};
    FrameDrawList l = build_draw_list(FrameInputs{s, st, p, Viewport{1280, 800}});
    CHECK(l.overlay.size() == 2 * 180 * 6);  // two rings of 180 segments, 6 vertices each
    std::size_t ring_labels = 0;
    for (const auto& lab : l.labels) ring_labels += lab.text == "25.0 km" || lab.text == "50.0 km";
    CHECK(ring_labels == 2);
}

TEST_CASE("Stepping and playing move the window and stop at the data's end", "[viewer][time]") {
    EventStore s = EventStore::build(synthetic(500), ProjectionKind::web_mercator);
    ViewerState st;
    st.window = {s.first_day(), s.first_day() + 6};
    step_window(st, s, 7);
    CHECK(st.window.first_day == s.first_day() + 7);
    CHECK(st.window.width_days() == 7);
    step_window(st, s, -100);
    CHECK(st.window.first_day == s.first_day());
    jump_to(st, s, s.last_day() + 50);
    CHECK(st.window.last_day == s.last_day());
    st.window = {s.first_day(), s.first_day() + 6};
    st.playback.playing = true;
    st.playback.speed_days_per_s = 10;
    advance_playback(st, s, 0.25);  // 2.5 days: two whole days applied
    CHECK(st.window.first_day == s.first_day() + 2);
    for (int i = 0; i < 100; ++i) advance_playback(st, s, 1.0);
    CHECK(st.window.last_day == s.last_day());
    CHECK_FALSE(st.playback.playing);
}

TEST_CASE("Nearest neighbours are ordered by geodesic distance", "[viewer][neighbours]") {
    std::vector<events::Event> ev{make_event("a", "attack", 48.0, 37.0, "2023-01-01"),
                                  make_event("b", "attack", 48.1, 37.0, "2023-01-02"),
                                  make_event("c", "attack", 48.0, 37.5, "2023-01-03"),
                                  make_event("d", "attack", 10.0, 10.0, "2023-01-04")};
    EventStore s = EventStore::build(ev, ProjectionKind::web_mercator);
    auto a = static_cast<std::uint32_t>(s.find_id("a"));
    auto nn = nearest_neighbours(s, a, 2);
    REQUIRE(nn.size() == 2);
    CHECK(s.event(nn[0].first).id == "b");
    CHECK(nn[0].second == Catch::Detail::Approx(11.12).epsilon(0.01));  // 0.1° of latitude
    CHECK(s.event(nn[1].first).id == "c");
    CHECK(nn[1].second == Catch::Detail::Approx(37.3).epsilon(0.01));   // 0.5° of longitude at 48°N
}
