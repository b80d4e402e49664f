// The types eventmap adds beyond ACLED (issue 4): natural and man-made disasters, organised crime
// and claims of responsibility, on sentences we wrote.
#include <catch2/catch.hpp>

#include "events_support.h"

using eventmap::test::extract_text;
using eventmap::test::main_type;
namespace ev = eventmap::events;

namespace {

void check_all(const std::vector<std::pair<std::string, std::string>>& cases) {
    for (const auto& [text, type] : cases) {
        INFO(text);
        CHECK(main_type(text) == type);
    }
}

}  // namespace

TEST_CASE("natural disasters are their own type, and their toll is not an attack", "[events]") {
    check_all({
        {"A strong earthquake shook Mandalay on Saturday, killing dozens of villagers.", "natural_disaster"},
        {"Flash floods swept through Tripoli on Sunday after two dams gave way.", "natural_disaster"},
        {"A landslide buried part of a mining camp near Goma on Tuesday.", "natural_disaster"},
        {"Cyclone winds tore roofs off shelters in Sittwe on Wednesday.", "natural_disaster"},
        {"Wildfires forced families out of villages near Tbilisi on Thursday.", "natural_disaster"},
        {"Torrential rains cut the main road south of Goma on Monday.", "natural_disaster"},
        {"The volcano near Goma erupted overnight, sending lava towards the city.", "natural_disaster"},
    });
    const auto evs = extract_text("A strong earthquake shook Mandalay on Saturday, killing dozens of villagers.");
    REQUIRE(evs.size() == 1);
    CHECK(evs[0].event_type == "Disasters");
    CHECK(evs[0].sub_event_type == "Natural disaster");
}

TEST_CASE("accidents of human making are man-made disasters, deliberate blasts are not", "[events]") {
    check_all({
        {"A gas leak at a fertiliser factory in Kharkiv sent forty workers to hospital on Monday.", "man_made_disaster"},
        {"A boiler exploded at a textile factory in Dhaka on Tuesday, injuring twelve workers.", "man_made_disaster"},
        {"A packed bus plunged into a ravine near Lahore on Friday.", "man_made_disaster"},
        {"A cargo plane crashed shortly after take-off from Khartoum on Sunday.", "man_made_disaster"},
        {"Oil spilled from a damaged pipeline into the river near Kinshasa on Monday.", "man_made_disaster"},
        {"A five-storey building collapsed in Nairobi on Wednesday, trapping dozens.", "man_made_disaster"},
        {"Twenty people died of alcohol poisoning in Yerevan on Saturday.", "man_made_disaster"},
        // A bomb left in a bin is an attack with an explosive, whatever it was hidden in.
        {"A bomb hidden in a rubbish container exploded in Lahore on Monday, wounding five people.",
         "remote_explosive_landmine_ied"},
        // A war's weapons keep their types next to an industrial site.
        {"Russian missiles struck a power plant in Kharkiv on Thursday.", "shelling_artillery_missile_attack"},
    });
}

TEST_CASE("a protest about a disaster is a protest", "[events]") {
    CHECK(main_type("Hundreds protested in Dhaka on Monday over the slow response to the floods.") ==
          "peaceful_protest");
    CHECK(main_type("Residents rallied in Tbilisi on Tuesday to demand answers about the chemical leak.") ==
          "peaceful_protest");
}

TEST_CASE("organised crime: busts, smuggling and trafficking, gang violence keeps its type", "[events]") {
    check_all({
        {"Police seized two tonnes of cocaine at the port of Mogadishu on Tuesday.", "organized_crime"},
        {"Border guards intercepted twelve people smugglers near Gao on Sunday.", "organized_crime"},
        {"Police in Nairobi arrested six suspected human traffickers on Friday.", "organized_crime"},
        {"Officers found counterfeit banknotes worth millions in a warehouse in Kinshasa on Monday.", "organized_crime"},
        {"Customs officers in Nairobi foiled an attempt to smuggle ivory on Wednesday.", "organized_crime"},
        // Violence by or between gangs is still an attack or a clash.
        {"Gunmen shot dead a drug trafficker in Bogota on Sunday.", "armed_clash"},
        {"Two gangs fought a shoot-out in Bogota on Saturday.", "armed_clash"},
        {"Police seized rifles and drugs in a raid in Bogota on Friday.", "disrupted_weapons_use"},
    });
}

TEST_CASE("a claim of responsibility is kept, and ranks below the attack it claims", "[events]") {
    check_all({
        {"Al-Shabaab took responsibility on Saturday for the blast near the port of Mogadishu.", "claim_of_responsibility"},
        {"Islamic State took credit for the ambush near Kidal on Monday.", "claim_of_responsibility"},
        {"The rebels denied any involvement in the attack on the market in Goma on Tuesday.", "claim_of_responsibility"},
        {"Kyiv blamed Moscow for the strike on the railway station in Kharkiv on Friday.",
         "claim_of_responsibility"},
    });
    // A report of the attack and of the claim: the attack is the main event, the claim stays beside it.
    const auto evs = extract_text(
        "On Saturday a car bomb tore through a checkpoint in Mogadishu, killing nine people. "
        "Al-Shabaab claimed responsibility for the attack.");
    std::vector<std::string> types;
    const ev::Event* best = nullptr;
    for (const auto& e : evs) {
        types.push_back(e.type);
        if (!best || e.confidence > best->confidence) best = &e;
    }
    REQUIRE(best);
    CHECK(best->type == "remote_explosive_landmine_ied");
    CHECK(std::find(types.begin(), types.end(), "claim_of_responsibility") != types.end());
    // "Accused of killing" in a mob's story is the suspicion against the victim, not a claim.
    CHECK(main_type("A mob lynched two men accused of killing a cow near Lahore on Friday.") == "mob_violence");
}
