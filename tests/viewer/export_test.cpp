#include <catch2/catch.hpp>

#include "helpers.h"
#include "support/support.h"
#include "viewer/state/event_store.h"
#include "viewer/state/load.h"
#include "viewer/viewer_io.h"

using namespace eventmap;
using namespace eventmap::viewer;

TEST_CASE("Exporting writes the window's filtered events, in date order", "[viewer][export]") {
    LoadReport report;
    auto events = load_events_for_viewer({viewer::test::viewer_fixture("ukraine_march.geojson").string()}, LoadOptions{}, report);
    EventStore store = EventStore::build(events, ProjectionKind::web_mercator);
    ViewerState st;
    st.window = {events::Date::from_ymd(2023, 3, 1).days_since_epoch(), events::Date::from_ymd(2023, 3, 31).days_since_epoch()};
    // Everything but the protest.
    for (std::size_t i = 0; i < store.types().size(); ++i)
        if (store.types()[i].slug == "peaceful_protest") st.filters.type_mask &= ~(1u << i);
    auto out = eventmap::test::temp_dir("export") / "filtered.geojson";
    CHECK(export_filtered_geojson(store, st, out.string()) == 4);
    LoadReport back_report;
    auto back = load_events_for_viewer({out.string()}, LoadOptions{}, back_report);
    REQUIRE(back.size() == 4);
    CHECK(back[0].id == "ev-kramatorsk");
    CHECK(back[3].id == "ev-kharkiv");
    for (const auto& e : back) {
        CHECK(e.type != "peaceful_protest");
        CHECK(e.event_date.month == 3);
        REQUIRE_FALSE(e.sources.empty());
        CHECK_FALSE(e.sources[0].sentence.empty());
    }
}
