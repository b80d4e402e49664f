#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>

#include "eventmap/events/taxonomy.h"

using namespace eventmap::events;

TEST_CASE("taxonomy has ACLED's 25 sub-event types and 9 of ours, each with a unique slug and bit", "[export]") {
    const auto types = event_types();
    REQUIRE(types.size() == 34);
    std::set<std::string_view> slugs;
    std::set<std::uint32_t> bits;
    std::map<std::string_view, int> ours;
    int acled = 0;
    for (std::size_t i = 0; i < types.size(); ++i) {
        const auto& t = types[i];
        slugs.insert(t.slug);
        bits.insert(t.bit);
        CHECK(t.bit == i);  // the table order
        CHECK(!t.description.empty());
        if (t.event_type == "Diplomacy" || t.event_type == "Disasters" || t.event_type == "Crime" ||
            t.event_type == "Claims") {
            ++ours[t.event_type];
            CHECK(t.bit >= 25);
        } else {
            ++acled;
            CHECK(t.bit < 25);  // ACLED's types fit the low bits of a 32-bit mask
            // ACLED's slugs are derived from the sub-event name; ours are chosen.
            CHECK(slug_for(t.sub_event_type) == t.slug);
        }
    }
    CHECK(acled == 25);
    CHECK(ours["Diplomacy"] == 5);
    CHECK(ours["Disasters"] == 2);
    CHECK(ours["Crime"] == 1);
    CHECK(ours["Claims"] == 1);
    CHECK(slugs.size() == 34);
    CHECK(bits.size() == 34);
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
    CHECK(find_type("Natural disaster")->slug == "natural_disaster");
    CHECK(find_type("man-made disaster")->event_type == "Disasters");
    CHECK(find_type("organized_crime")->event_type == "Crime");
    CHECK(find_type("Claim of responsibility")->slug == "claim_of_responsibility");
    CHECK(disorder_type_for("Disasters") == "Strategic developments");
    CHECK(find_type("weather") == nullptr);
    CHECK(disorder_type_for("Riots") == "Demonstrations");
    CHECK(disorder_type_for("Battles") == "Political violence");
    CHECK(disorder_type_for("Diplomacy") == "Strategic developments");
}
