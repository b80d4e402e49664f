#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "eventmap/events/taxonomy.h"

using namespace eventmap::events;

TEST_CASE("taxonomy has ACLED's 25 sub-event types and 5 diplomacy types, each with a unique slug and bit", "[export]") {
    const auto types = event_types();
    REQUIRE(types.size() == 30);
    std::set<std::string_view> slugs;
    std::set<std::uint32_t> bits;
    int acled = 0, diplomacy = 0;
    for (const auto& t : types) {
        slugs.insert(t.slug);
        bits.insert(t.bit);
        CHECK(t.bit < 32);
        CHECK(!t.description.empty());
        if (t.event_type == "Diplomacy") {
            ++diplomacy;
        } else {
            ++acled;
            // ACLED's slugs are derived from the sub-event name; ours are chosen.
            CHECK(slug_for(t.sub_event_type) == t.slug);
        }
    }
    CHECK(acled == 25);
    CHECK(diplomacy == 5);
    CHECK(slugs.size() == 30);
    CHECK(bits.size() == 30);
}

TEST_CASE("slug_for lower-cases and collapses every run of other characters", "[export]") {
    CHECK(slug_for("Shelling/artillery/missile attack") == "shelling_artillery_missile_attack");
    CHECK(slug_for("Air/drone strike") == "air_drone_strike");
    CHECK(slug_for("Remote explosive/landmine/IED") == "remote_explosive_landmine_ied");
    CHECK(slug_for("  Armed -- clash! ") == "armed_clash");
    CHECK(slug_for("") == "");
}

TEST_CASE("find_type accepts a slug or ACLED's name in any case", "[export]") {
    const auto* t = find_type("air_drone_strike");
    REQUIRE(t);
    CHECK(t->sub_event_type == "Air/drone strike");
    CHECK(t->event_type == "Explosions/Remote violence");
    CHECK(find_type("Non-state actor overtakes territory")->slug == "non_state_actor_overtakes_territory");
    CHECK(find_type("ABDUCTION/FORCED DISAPPEARANCE")->slug == "abduction_forced_disappearance");
    CHECK(find_type("Headquarters or base established")->event_type == "Strategic developments");
    CHECK(find_type("arms_transfer")->event_type == "Diplomacy");
    CHECK(find_type("agreement")->event_type == "Strategic developments");
    CHECK(find_type("weather") == nullptr);
    CHECK(disorder_type_for("Riots") == "Demonstrations");
    CHECK(disorder_type_for("Battles") == "Political violence");
    CHECK(disorder_type_for("Diplomacy") == "Strategic developments");
}
