#include "eventmap/events/taxonomy.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace eventmap::events {

namespace {

constexpr std::string_view k_battles = "Battles";
constexpr std::string_view k_explosions = "Explosions/Remote violence";
constexpr std::string_view k_vac = "Violence against civilians";
constexpr std::string_view k_protests = "Protests";
constexpr std::string_view k_riots = "Riots";
constexpr std::string_view k_strategic = "Strategic developments";
constexpr std::string_view k_diplomacy = "Diplomacy";
constexpr std::string_view k_disasters = "Disasters";
constexpr std::string_view k_crime = "Crime";
constexpr std::string_view k_claims = "Claims";

// Bits follow the table order so a mask over ACLED's types is the low 25 bits.
constexpr std::array<EventTypeInfo, 34> k_types{{
    {"armed_clash", k_battles, "Armed clash", "armed groups fight each other and neither takes the place", 0},
    {"government_regains_territory", k_battles, "Government regains territory",
     "state forces take back a place from a non-state group", 1},
    {"non_state_actor_overtakes_territory", k_battles, "Non-state actor overtakes territory",
     "a non-state group takes a place from the state or another group", 2},
    {"chemical_weapon", k_explosions, "Chemical weapon", "a chemical agent is used as a weapon", 3},
    {"air_drone_strike", k_explosions, "Air/drone strike", "aircraft or drones strike from the air", 4},
    {"suicide_bomb", k_explosions, "Suicide bomb", "an attacker detonates explosives killing themself", 5},
    {"shelling_artillery_missile_attack", k_explosions, "Shelling/artillery/missile attack",
     "artillery, mortars, rockets or missiles fired from a distance", 6},
    {"remote_explosive_landmine_ied", k_explosions, "Remote explosive/landmine/IED",
     "a planted or remotely triggered explosive goes off", 7},
    {"grenade", k_explosions, "Grenade", "a hand grenade or similar thrown explosive is used", 8},
    {"sexual_violence", k_vac, "Sexual violence", "sexual violence against civilians by an armed or organised group", 9},
    {"attack", k_vac, "Attack", "an armed or organised group attacks unarmed civilians", 10},
    {"abduction_forced_disappearance", k_vac, "Abduction/forced disappearance",
     "civilians are kidnapped or taken away and not accounted for", 11},
    {"peaceful_protest", k_protests, "Peaceful protest", "a public demonstration without violence or intervention", 12},
    {"protest_with_intervention", k_protests, "Protest with intervention",
     "a peaceful protest that the authorities try to break up", 13},
    {"excessive_force_against_protesters", k_protests, "Excessive force against protesters",
     "lethal or grave force used against peaceful protesters", 14},
    {"violent_demonstration", k_riots, "Violent demonstration",
     "demonstrators turn violent: vandalism, clashes, road blocks", 15},
    {"mob_violence", k_riots, "Mob violence", "a crowd without organisation attacks people or property", 16},
    {"agreement", k_strategic, "Agreement", "parties sign or agree a ceasefire, deal or exchange", 17},
    {"arrests", k_strategic, "Arrests", "authorities detain people of political significance", 18},
    {"change_to_group_activity", k_strategic, "Change to group/activity",
     "a group forms, splits, relocates or changes what it does", 19},
    {"disrupted_weapons_use", k_strategic, "Disrupted weapons use",
     "an attack is prevented: missiles intercepted, bombs defused, drones shot down", 20},
    {"headquarters_or_base_established", k_strategic, "Headquarters or base established",
     "a group sets up a base or headquarters without a fight", 21},
    {"looting_property_destruction", k_strategic, "Looting/property destruction",
     "property is looted, seized or destroyed outside a battle", 22},
    {"non_violent_transfer_of_territory", k_strategic, "Non-violent transfer of territory",
     "control of a place changes hands without fighting", 23},
    {"other", k_strategic, "Other", "a significant development that fits no other type", 24},
    {"diplomatic_visit", k_diplomacy, "Diplomatic visit", "a leader or envoy travels to another country or place", 25},
    {"diplomatic_meeting", k_diplomacy, "Diplomatic meeting", "officials meet or hold talks in person", 26},
    {"diplomatic_call", k_diplomacy, "Diplomatic call", "officials speak by phone or video", 27},
    {"sanctions", k_diplomacy, "Sanctions", "a state or bloc imposes or extends sanctions", 28},
    {"arms_transfer", k_diplomacy, "Arms transfer", "weapons or military aid are delivered or pledged", 29},
    {"natural_disaster", k_disasters, "Natural disaster",
     "an earthquake, flood, storm, landslide, eruption, wildfire or drought strikes", 30},
    {"man_made_disaster", k_disasters, "Man-made disaster",
     "an industrial accident, leak, spill, crash, collapse, accidental blast or fire", 31},
    {"organized_crime", k_crime, "Organized crime",
     "gangs, cartels and smuggling or trafficking rings: their crimes and the busts against them", 32},
    {"claim_of_responsibility", k_claims, "Claim of responsibility",
     "a group claims an attack, or one side blames another for it or denies it", 33},
}};

bool iequal(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace

std::span<const EventTypeInfo> event_types() { return k_types; }

std::string slug_for(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    bool pending_sep = false;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u)) {
            if (pending_sep && !out.empty()) out.push_back('_');
            pending_sep = false;
            out.push_back(static_cast<char>(std::tolower(u)));
        } else {
            pending_sep = true;
        }
    }
    return out;
}

const EventTypeInfo* find_type(std::string_view key) {
    for (const auto& t : k_types)
        if (t.slug == key || iequal(t.sub_event_type, key)) return &t;
    // Tolerate other spellings of the same name ("Air / drone strike", "AIR-DRONE STRIKE").
    const std::string slug = slug_for(key);
    for (const auto& t : k_types)
        if (t.slug == slug) return &t;
    return nullptr;
}

std::string_view disorder_type_for(std::string_view event_type) {
    if (event_type == k_protests || event_type == k_riots) return "Demonstrations";
    if (event_type == k_battles || event_type == k_explosions || event_type == k_vac) return "Political violence";
    return "Strategic developments";
}

}  // namespace eventmap::events
