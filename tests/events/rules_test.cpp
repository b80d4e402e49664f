// The type, victim, place-linking and qualifier rules added for issue 4, on sentences we wrote.
#include <catch2/catch.hpp>

#include "events_support.h"
#include "eventmap/events/places.h"

using eventmap::test::extract_text;
using eventmap::test::main_type;
using eventmap::test::types_of;
namespace ev = eventmap::events;
namespace gz = eventmap::gazetteer;
namespace gp = eventmap::geoparse;

TEST_CASE("forms that used to report nothing now give their type", "[events]") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"Soldiers opened fire at a passing car outside Goma on Friday.", "attack"},
        {"The bodies of two men were found in a field near Lahore on Monday.", "attack"},
        {"Truck drivers blocked the main road into Nairobi on Monday.", "peaceful_protest"},
        {"Villagers blocked the highway near Goma with burning tyres on Tuesday to denounce the killings.",
         "violent_demonstration"},
        {"Militants set a school on fire in Gao on Wednesday.", "looting_property_destruction"},
        {"Occupying troops deported dozens of civilians from Kherson on Monday.", "abduction_forced_disappearance"},
        {"Monitors observed twelve explosions near Avdiivka on Thursday.", "shelling_artillery_missile_attack"},
        {"Russian air forces struck Kharkiv overnight.", "air_drone_strike"},
        {"About 300 people were evacuated from Mykolaiv on Saturday.", "other"},
        {"Two gangs fought a shoot-out in Bogota on Saturday.", "armed_clash"},
        {"Police found the body of a young man in a field near Lahore on Monday.", "attack"},
        {"Police fired without warning at a car near Lahore on Monday.", "attack"},
        {"Rebels fired in the direction of army positions near Goma on Monday.", "armed_clash"},
    };
    for (const auto& [text, type] : cases) {
        INFO(text);
        CHECK(main_type(text) == type);
    }
}

TEST_CASE("who the victim is decides between an attack and a clash", "[events]") {
    // A soldier on duty shot by gunmen: two armed sides.
    CHECK(main_type("Gunmen shot dead a soldier in Bogota on Saturday.") == "armed_clash");
    // Off duty, retired or held captive, he is a civilian victim.
    CHECK(main_type("Gunmen shot dead an off-duty soldier in Bogota on Saturday.") == "attack");
    CHECK(main_type("Militants executed a captive soldier near Gao on Sunday.") == "attack");
}

TEST_CASE("only authorities arrest, armed groups abduct", "[events]") {
    CHECK(main_type("Police detained three elders in Mogadishu on Monday.") == "arrests");
    CHECK(main_type("Al-Shabaab detained three elders in a village near Mogadishu on Monday.") ==
          "abduction_forced_disappearance");
    // Kidnapped and killed: the killing decides, as ACLED codes it.
    CHECK(main_type("Gunmen kidnapped a teacher in Lahore on Wednesday.") == "abduction_forced_disappearance");
    CHECK(main_type("Gunmen kidnapped two farmers and killed a third near Gao on Sunday.") == "attack");
}

TEST_CASE("a crowd that beats or kills someone is mob violence", "[events]") {
    CHECK(main_type("Residents beat a suspected thief to death in Nairobi on Friday.") == "mob_violence");
    CHECK(main_type("A man was beaten by villagers near Goma on Monday.") == "mob_violence");
    // Soldiers are an organised armed group, not a mob.
    CHECK(main_type("Soldiers beat a man near Goma on Monday.") == "attack");
}

TEST_CASE("a demonstration's road blocks and demands keep it a demonstration", "[events]") {
    // Burning tyres on a road block with a demand: a violent demonstration, not mob violence.
    CHECK(main_type("Students blocked a road in Dhaka with burning tyres on Monday, demanding lower fees.") ==
          "violent_demonstration");
    // A crowd that fights with no demand at all is still a mob.
    CHECK(main_type("Rioters from two villages clashed with sticks near Dhaka on Monday.") == "mob_violence");
}

namespace {

// The place the detector links the verb `verb` of the one-sentence `text` to ("" when none).
std::string linked_place(const std::string& text, const std::string& verb) {
    ev::SentenceContext ctx;
    ctx.text = text;
    ctx.sentence = eventmap::text::Span{0, text.size()};
    eventmap::ingest::Article a;
    a.text = text;
    const auto places = eventmap::test::test_place_finder()(a, eventmap::text::ArticleStructure{});
    ctx.places = places;
    const std::size_t at = text.find(verb);
    const gp::Toponym* p = eventmap::test::test_detector().place_of(ctx, eventmap::text::Span{at, at + verb.size()});
    return p ? p->text : "";
}

}  // namespace

TEST_CASE("a given verb is linked to its own place", "[events]") {
    const std::string text = "Officials in Kyiv said that shelling hit Kherson overnight.";
    CHECK(linked_place(text, "hit") == "Kherson");
    CHECK(linked_place(text, "said") == "Kyiv");
    // A sentence that names no place links nothing.
    CHECK(linked_place("Gunmen attacked a convoy overnight.", "attacked").empty());
}

TEST_CASE("a place named as an owner or a side is not where the event happened", "[events]") {
    for (const std::string text : {"Gunners in Kyiv's pay shelled villages outside Kherson on Monday.",
                                   "Gunners in Moscow-backed units shelled villages outside Kherson on Monday.",
                                   "Gunners in Moscow troops' positions shelled villages outside Kherson on Monday."}) {
        INFO(text);
        CHECK(linked_place(text, "shelled") == "Kherson");
    }
}

namespace {

// A made-up gazetteer for the qualifier rules: a village name shared by places in two regions.
gz::Place place(std::uint32_t index, std::string_view name, std::string_view country, std::string_view admin1_code,
                std::string_view admin1_name, std::string_view feature, double lat, double lon,
                std::int64_t population = 1000) {
    gz::Place p;
    p.index = index;
    p.geonameid = 1000 + index;
    p.name = name;
    p.country = country;
    p.admin1_code = admin1_code;
    p.admin1_name = admin1_name;
    p.feature_code = feature;
    p.point = eventmap::geo::LatLon::from_degrees(lat, lon);
    p.population = population;
    return p;
}

const std::vector<gz::Place>& table() {
    static const std::vector<gz::Place> t{
        place(0, "Novoselivka", "UA", "17", "Odesa", "PPL", 46.2, 30.1),
        place(1, "Novoselivka", "UA", "05", "Donetsk", "PPL", 48.3, 37.6),
        place(2, "Donetsk", "UA", "05", "Donetsk", "PPLA", 48.02, 37.8, 900000),
        place(3, "Donetsk", "UA", "05", "Donetsk", "ADM1", 48.0, 37.8, 3500000),
        place(4, "Kharkiv", "UA", "07", "Kharkiv", "PPLA", 49.98, 36.25, 1400000),
        place(5, "Kyiv", "UA", "12", "Kyiv City", "PPLC", 50.45, 30.52, 2900000),
        place(6, "San Sebastian", "ES", "59", "Basque Country", "PPLA2", 43.31, -1.98, 180000),
        place(7, "San Sebastian", "CO", "16", "Magdalena Department", "PPL", 9.24, -74.35, 5000),
        place(8, "Magdalena", "MX", "14", "Jalisco", "PPL", 20.9, -103.97, 16000),
        place(9, "Zarichne", "UA", "17", "Odesa", "PPL", 46.0, 30.0),
        place(10, "Mala", "SE", "02", "Vaesterbotten", "PPL", 65.18, 18.74),
        place(11, "Harib", "YE", "14", "Marib", "PPLA2", 14.93, 45.5, 20000),
        place(12, "Marib", "YE", "14", "Marib", "ADM1", 15.5, 45.5, 300000),
    };
    return t;
}

std::vector<gz::Place> lookup(std::string_view name) {
    std::vector<gz::Place> out;
    for (const auto& p : table())
        if (p.name == name) out.push_back(p);
    return out;
}

// The toponym a geoparser would give for `name` at its first occurrence in `text`, resolved to place `index`.
gp::Toponym toponym(const std::string& text, const std::string& name, std::uint32_t index) {
    gp::Toponym t;
    t.start_byte = text.find(name);
    t.end_byte = t.start_byte + name.size();
    t.start_cp = static_cast<std::int64_t>(t.start_byte);
    t.end_cp = static_cast<std::int64_t>(t.end_byte);
    t.text = name;
    const gz::Place& p = table()[index];
    t.place = p.index;
    t.name = std::string(p.name);
    t.country = std::string(p.country);
    t.admin1 = std::string(p.admin1_name);
    t.feature_code = std::string(p.feature_code);
    t.point = p.point;
    return t;
}

}  // namespace

TEST_CASE("a place is resolved inside the region its qualifier names", "[events]") {
    SECTION("Village, Region: the namesake in that region") {
        const std::string text = "Russian forces shelled Novoselivka, Donetsk, on Monday.";
        std::vector<gp::Toponym> tops{toponym(text, "Novoselivka", 0), toponym(text, "Donetsk", 2)};
        ev::resolve_with_qualifiers(text, tops, lookup);
        CHECK(tops[0].place == 1);
        CHECK(tops[0].admin1 == "Donetsk");
        CHECK_FALSE(tops[0].derived);
    }
    SECTION("Village (District, Region) in parentheses") {
        const std::string text = "Gunmen attacked Novoselivka (Kramatorsk district, Donetsk) on Monday.";
        std::vector<gp::Toponym> tops{toponym(text, "Novoselivka", 0), toponym(text, "Donetsk", 2)};
        ev::resolve_with_qualifiers(text, tops, lookup);
        CHECK(tops[0].place == 1);
    }
    SECTION("no namesake in the region: the region's place, marked derived") {
        const std::string text = "Russian forces shelled Zarichne, Donetsk. Casualties unknown.";
        std::vector<gp::Toponym> tops{toponym(text, "Zarichne", 9), toponym(text, "Donetsk", 2)};
        ev::resolve_with_qualifiers(text, tops, lookup);
        CHECK(tops[0].place == 3);
        CHECK(tops[0].feature_code == "ADM1");
        CHECK(tops[0].derived);
        // The event made from it is coded to the region (geo_precision 3), not to the far namesake.
        CHECK(tops[0].point.lat_deg == Approx(48.0));
    }
    SECTION("no namesake in the country at all: the district's seat the text names") {
        // The only Mala the gazetteer knows is in Sweden; the text puts it in Harib district, Marib.
        const std::string text = "IRG forces fired missiles at Houthi positions in Mala (Harib, Marib). Casualties unknown.";
        std::vector<gp::Toponym> tops{toponym(text, "Mala", 10), toponym(text, "Harib", 11), toponym(text, "Marib", 12)};
        ev::resolve_with_qualifiers(text, tops, lookup);
        CHECK(tops[0].country == "YE");
        CHECK(tops[0].derived);
        CHECK(tops[0].anchor == "Harib");
        CHECK(tops[0].point.lat_deg == Approx(14.93));
        CHECK(tops[0].name == "Mala");
    }
    SECTION("a list is not a qualification") {
        const std::string text = "Missiles hit Kharkiv, Donetsk and Kyiv on Monday.";
        std::vector<gp::Toponym> tops{toponym(text, "Kharkiv", 4), toponym(text, "Donetsk", 2), toponym(text, "Kyiv", 5)};
        ev::resolve_with_qualifiers(text, tops, lookup);
        CHECK(tops[0].place == 4);
        CHECK(tops[1].place == 2);
    }
    SECTION("a qualifier naming the admin1 as the gazetteer spells it") {
        const std::string text = "In San Sebastian (Magdalena), gunmen killed a trader.";
        std::vector<gp::Toponym> tops{toponym(text, "San Sebastian", 6), toponym(text, "Magdalena", 8)};
        ev::resolve_with_qualifiers(text, tops, lookup);
        CHECK(tops[0].place == 7);
        CHECK(tops[0].country == "CO");
    }
    SECTION("a well-known town with no namesake keeps its place when the region is a slip") {
        const std::string text = "Protesters marched in Kharkiv (Donetsk) on Monday.";
        std::vector<gp::Toponym> tops{toponym(text, "Kharkiv", 4), toponym(text, "Donetsk", 2)};
        ev::resolve_with_qualifiers(text, tops, lookup);
        CHECK(tops[0].place == 4);
    }
}

TEST_CASE("only the subject takes ground: state forces after the trigger were what was taken", "[events]") {
    // The named state forces are the object: rebels overtook their base.
    CHECK(main_type("Rebels captured the headquarters of the Myanmar army in Mandalay on Saturday.") ==
          "non_state_actor_overtakes_territory");
    // Named state forces as the subject retake it.
    CHECK(main_type("The Myanmar army recaptured the town of Sittwe on Saturday.") == "government_regains_territory");
    CHECK(main_type("The Myanmar army captured the town of Sittwe from the rebels on Saturday.") ==
          "government_regains_territory");
}

TEST_CASE("what a protest is about is not an event of its own", "[events]") {
    // The killing is the protest's topic.
    CHECK(types_of("Hundreds of residents marched in Nairobi on Sunday against the killing of a teacher.") ==
          std::vector<std::string>{"peaceful_protest"});
    // A memorandum handed over at a protest is not an agreement.
    CHECK(types_of("Residents protested in Kinshasa on Monday and submitted a memorandum to the governor.") ==
          std::vector<std::string>{"peaceful_protest"});
    // Without a protest the same words are events.
    CHECK(main_type("Gunmen killed a teacher in Nairobi on Sunday.") == "attack");
}

TEST_CASE("communities fighting with weapons clash, with sticks they are a mob", "[events]") {
    CHECK(main_type("Two clans clashed with guns near Mogadishu on Monday.") == "armed_clash");
    CHECK(main_type("Two clans clashed with sticks near Mogadishu on Monday.") == "mob_violence");
}

TEST_CASE("an attack on a convoy is the event, and refugees arriving are no visit", "[events]") {
    CHECK(main_type("Militants attacked a military convoy near Gao on Sunday.") == "armed_clash");
    CHECK(main_type("A military convoy arrived in Gao on Sunday.") == "change_to_group_activity");
    CHECK(main_type("About 2,000 refugees from Ukraine arrived in Paris on Monday.") == "other");
    CHECK(main_type("The French president arrived in Kyiv on Friday for a visit.") == "diplomatic_visit");
}

TEST_CASE("the means and the crowd's acts decide between neighbouring types", "[events]") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"Rebels attacked an army patrol with landmines near Gao on Monday.", "remote_explosive_landmine_ied"},
        {"Police intervened to remove demonstrators from a sit-in in Paris on Monday.", "protest_with_intervention"},
        {"Demonstrators threw bottles at police in Paris on Saturday.", "violent_demonstration"},
        {"Protests in Nairobi turned violent on Tuesday.", "violent_demonstration"},
        {"Weapons and ammunition were seized in a raid in Bogota on Friday.", "disrupted_weapons_use"},
        {"Heavy clashes broke out near Bakhmut amid shelling on Monday.", "armed_clash"},
    };
    for (const auto& [text, type] : cases) {
        INFO(text);
        CHECK(main_type(text) == type);
    }
}

TEST_CASE("a disaster's toll is no attack, expulsions and new posts have their types", "[events]") {
    // Killed by a flood: a natural disaster, not an attack. Killed by gunmen: an attack.
    CHECK(types_of("Flash floods killed twelve people in Dhaka on Monday.") == std::vector<std::string>{"natural_disaster"});
    CHECK(main_type("Gunmen killed twelve people in Dhaka on Monday.") == "attack");
    // A protest after an earthquake is still a protest.
    CHECK(main_type("Residents protested in Dhaka on Monday over slow help after the earthquake.") ==
          "peaceful_protest");
    // "Clashes erupted" is fighting, not a volcano.
    CHECK(main_type("Clashes erupted between two armed groups near Goma on Monday.") == "armed_clash");
    CHECK(main_type("Paris expelled two Russian diplomats on Monday.") == "sanctions");
    CHECK(main_type("Turkish forces set up a new military observation post near Tripoli on Sunday.") ==
          "headquarters_or_base_established");
}

TEST_CASE("in a sentence that reports fighting, the clash is the better-attested event", "[events]") {
    const auto evs = extract_text("Militants clashed with soldiers near Gao on Monday; gunmen also shot dead a villager.");
    REQUIRE(evs.size() == 2);
    CHECK(main_type("Militants clashed with soldiers near Gao on Monday; gunmen also shot dead a villager.") ==
          "armed_clash");
    // Without the fighting the killing stands on its own.
    CHECK(main_type("Gunmen shot dead a villager near Gao on Monday.") == "attack");
}

TEST_CASE("settlers beating a farmer are a mob, a sniper shooting a teenager attacks a civilian", "[events]") {
    CHECK(main_type("Settlers physically assaulted a farmer near Kidal on Sunday.") == "mob_violence");
    CHECK(main_type("A sniper shot and injured a teenager in Kharkiv on Monday.") == "attack");
    CHECK(main_type("A sniper shot and injured a soldier in Kharkiv on Monday.") == "armed_clash");
}

TEST_CASE("a full date opening the sentence dates its events, 'due to' is a cause, not a plan", "[events]") {
    auto evs = extract_text("On 5 March 2024, in Kherson, a farmer detained on 2 March 2024 was shot dead by soldiers.",
                            "2024-03-08");
    REQUIRE(evs.size() == 1);
    CHECK(evs[0].event_date.iso() == "2024-03-05");
    // Without an opening date, the date nearest the trigger still counts.
    evs = extract_text("Soldiers shot dead a farmer in Kherson on 5 March 2024.", "2024-03-08");
    REQUIRE(evs.size() == 1);
    CHECK(evs[0].event_date.iso() == "2024-03-05");
    evs = extract_text("Hundreds of families left Kherson on 4 March 2024 due to shelling.", "2024-03-08");
    REQUIRE(evs.size() == 1);
    CHECK(evs[0].status == ev::EventStatus::occurred);
    CHECK(evs[0].event_date.iso() == "2024-03-04");
}

TEST_CASE("a report's opening sentence and the qualified place come first", "[events]") {
    // The note opens with its date and main event; the detail after it is less attested.
    CHECK(main_type("On 5 March 2024, Russian artillery shelled Kherson. Gunmen later killed a farmer in Kharkiv.") ==
          "shelling_artillery_missile_attack");
    // "Bakhmut, Donetsk": the town, even when the qualifying city stands nearer the trigger.
    const auto evs = extract_text("Bakhmut, Donetsk, was shelled overnight.");
    REQUIRE(evs.size() == 1);
    CHECK(evs[0].location == "Bakhmut");
}

namespace {

// The most confident event (nullptr when none).
const ev::Event* main_event(const std::vector<ev::Event>& evs) {
    const ev::Event* best = nullptr;
    for (const auto& e : evs)
        if (!best || e.confidence > best->confidence) best = &e;
    return best;
}

}  // namespace

TEST_CASE("an event the text says is coded separately gives way to the main event", "[events]") {
    // The clash is told in its own report: the shooting is this report's event.
    CHECK(main_type("On 4 March 2024, near Goma, a farmer was shot by a soldier while walking home after "
                    "clashes had broken out near the market (coded separately).") == "attack");
    // Without the remark, the clash in the same sentence still comes first.
    CHECK(main_type("On 4 March 2024, near Goma, a farmer was shot by a soldier while walking home after "
                    "clashes had broken out near the market.") == "armed_clash");
    // "kidnapped during a clash ... (coded separately)": the abduction belongs to that other report too.
    const auto evs = extract_text("Around 6 March 2024, in Gao, two traders were killed. Police think gunmen had "
                                  "kidnapped them during a clash with the army near Kidal on 2 March 2024 (coded separately).");
    const ev::Event* e = main_event(evs);
    REQUIRE(e);
    CHECK(e->type == "attack");
    CHECK(e->event_date.iso() == "2024-03-06");
    // After a place name the remark is about the same event's other places: the event keeps its rank.
    CHECK(main_type("On 4 March 2024, militants attacked civilians in Gao and Kidal (coded separately). "
                    "They also burned down a clinic.") == "attack");
}

TEST_CASE("a sentence's full date, not 'overnight' beside it, dates the sentences after it", "[events]") {
    const auto evs = extract_text("On 6 March 2024, overnight, soldiers searched homes in Kherson. "
                                  "Police arrested two men.", "2024-03-08");
    bool found = false;
    for (const auto& e : evs)
        if (e.type == "arrests") {
            found = true;
            CHECK(e.event_date.iso() == "2024-03-06");
        }
    CHECK(found);
}

TEST_CASE("an event on the report's opening day outranks the earlier days the report goes through", "[events]") {
    const auto evs = extract_text("Around 7 March 2024 (from 3 - 7 March), officers took part in a sweep in Kyiv. "
                                  "On 3 March, police detained 40 men in Kyiv. On 7 March, police detained 25 men "
                                  "in Kyiv.", "2024-03-08");
    const ev::Event* e = main_event(evs);
    REQUIRE(e);
    CHECK(e->type == "arrests");
    CHECK(e->event_date.iso() == "2024-03-07");
}

TEST_CASE("an event a later sentence dates before the report's opening day is recalled", "[events]") {
    const auto evs = extract_text("Around 7 March 2024, near Goma, the body of a trader was found, shot dead. The "
                                  "trader had admitted in a video that he planted a car bomb in Kinshasa on "
                                  "2 March 2024.", "2024-03-08");
    const ev::Event* e = main_event(evs);
    REQUIRE(e);
    CHECK(e->type == "attack");
    CHECK(e->event_date.iso() == "2024-03-07");
}

TEST_CASE("barricades or a road blocked with objects make a demonstration violent", "[events]") {
    CHECK(main_type("Traders barricaded the main road into Goma on Monday to protest against new taxes.") ==
          "violent_demonstration");
    CHECK(main_type("Farmers blocked the highway with logs and stones near Nairobi on Tuesday to demand water.") ==
          "violent_demonstration");
    // Blocking a road, and nothing more, stays peaceful.
    CHECK(main_type("Truck drivers blocked the main road into Nairobi on Monday to demand lower fuel prices.") ==
          "peaceful_protest");
}

TEST_CASE("signs, headquarters, a fallen rocket and a Liberation Army are not what they sound like", "[events]") {
    // "Signs of torture" are no agreement; signing one needs what is signed.
    CHECK(main_type("Two bodies with signs of torture were found near Bogota on Monday.") == "attack");
    CHECK(main_type("The two sides signed a ceasefire agreement in Khartoum on Monday.") == "agreement");
    // A protest in front of a headquarters is a protest; a headquarters set up is a base.
    CHECK(main_type("Nurses held a protest outside the provincial governor's headquarters in Lahore on Monday.") ==
          "peaceful_protest");
    CHECK(main_type("The militia set up a new headquarters in Gao on Monday.") == "headquarters_or_base_established");
    // A rocket that fell somewhere is the rocket's strike, not a town falling.
    CHECK(main_type("A rocket fell near a school in Kharkiv on Monday.") == "shelling_artillery_missile_attack");
    CHECK(main_type("Kidal fell to the rebels on Monday.") == "non_state_actor_overtakes_territory");
    // A group's name is not the liberation of a town.
    CHECK(main_type("The Tripoli Liberation Front clashed with the army near Tripoli on Monday.") == "armed_clash");
    // Residents who catch a thief and beat him: mob violence, not a captured town.
    CHECK(main_type("Traders captured and beat up a suspected thief in Nairobi on Monday.") == "mob_violence");
}

TEST_CASE("suspicions, stun grenades, grenade launchers and seized grenades", "[events]") {
    // What a man is accused of is not an event of the report; what the crowd did to him is.
    CHECK(main_type("Residents in Nairobi beat a man suspected of rape on Monday.") != "sexual_violence");
    // Stun grenades thrown at a crowd break up a protest.
    CHECK(main_type("Police used stun grenades to disperse protesters in Tbilisi on Monday.") ==
          "protest_with_intervention");
    // Grenade launchers fire from a distance, like mortars.
    CHECK(main_type("Troops fired on Avdiivka with mortars and grenade launchers on Monday.") ==
          "shelling_artillery_missile_attack");
    // Grenades and rifles found or seized: an attack prevented.
    CHECK(main_type("Police seized hand grenades and rifles in a house in Nairobi on Monday.") ==
          "disrupted_weapons_use");
}

TEST_CASE("withdrawals, places left without a fight, exchanges and cleared mines", "[events]") {
    CHECK(main_type("Government troops withdrew from Kidal on Monday.") == "change_to_group_activity");
    CHECK(main_type("Rebels entered Kidal on Monday after the army withdrew from the town.") ==
          "non_violent_transfer_of_territory");
    CHECK(main_type("The rebels took Gao on Monday without firing a shot.") == "non_violent_transfer_of_territory");
    CHECK(main_type("The army freed twenty rebels in Gao on Monday in exchange for six soldiers.") == "agreement");
    CHECK(main_type("Engineers cleared more than 300 landmines near Kherson on Monday.") == "disrupted_weapons_use");
    // A withdrawal under fire is still the fight.
    CHECK(main_type("Rebels clashed with soldiers near Gao on Monday before they withdrew.") == "armed_clash");
}

TEST_CASE("places taken in more words, suspected militants killed by soldiers", "[events]") {
    CHECK(main_type("Rebels have taken control of Kidal, the army said on Monday.") ==
          "non_state_actor_overtakes_territory");
    CHECK(main_type("Rebels seized the regional capital near Gao on Monday.") == "non_state_actor_overtakes_territory");
    CHECK(main_type("The army has taken over two localities near Goma, a spokesman said on Monday.") ==
          "government_regains_territory");
    // Soldiers who kill "suspected" militants fight them; a crowd that beats a suspected thief is a mob.
    CHECK(main_type("Soldiers killed ten suspected militants near Gao on Monday.") == "armed_clash");
    CHECK(main_type("Residents beat a suspected thief in Nairobi on Monday.") == "mob_violence");
}

TEST_CASE("arrests a protest is about are its topic, not an intervention", "[events]") {
    CHECK(main_type("Students protested in Tbilisi on Monday to demand the release of two classmates arrested last week.") ==
          "peaceful_protest");
    CHECK(main_type("Relatives gathered in Lahore on Monday in support of activists detained by the police.") ==
          "peaceful_protest");
    // Protesters arrested at the protest: an intervention.
    CHECK(main_type("Police suppressed a protest in Tbilisi on Monday and detained six protesters.") ==
          "protest_with_intervention");
    // Traders who beat a thief are a mob.
    CHECK(main_type("Traders captured and beat up a thief in Nairobi on Monday.") == "mob_violence");
}

TEST_CASE("interceptions need a weapon, measures against an attack are diplomacy, mustard gas", "[events]") {
    CHECK(main_type("Air defences intercepted six drones over Kyiv on Monday.") == "disrupted_weapons_use");
    CHECK(main_type("Two missiles were intercepted over Kharkiv on Monday.") == "disrupted_weapons_use");
    // People stopped on a road were not a weapon stopped.
    CHECK(main_type("Gunmen intercepted a bus near Gao on Monday and abducted four passengers.") ==
          "abduction_forced_disappearance");
    CHECK(main_type("Paris imposed sanctions on Moscow on Monday in response to the chemical weapons attack.") ==
          "sanctions");
    CHECK(main_type("Militants used mustard gas against soldiers near Khartoum on Monday.") == "chemical_weapon");
}

TEST_CASE("a rebel group that retakes a town overtakes it, the army that retakes it regains it", "[events]") {
    CHECK(main_type("Al Shabaab militants recaptured a coastal town near Mogadishu on Monday.") ==
          "non_state_actor_overtakes_territory");
    CHECK(main_type("Hezbollah fighters retook two hills near Tripoli on Monday.") == "non_state_actor_overtakes_territory");
    // The army named first, the group it fought after it: the army regains the ground.
    CHECK(main_type("The army clashed with Al Shabaab militants and regained control of a village near Mogadishu on Monday.") ==
          "government_regains_territory");
}

TEST_CASE("force used violently on a protest is excessive, molestation is sexual violence", "[events]") {
    CHECK(main_type("Police violently dispersed a peaceful march in Tbilisi on Monday, injuring dozens.") ==
          "excessive_force_against_protesters");
    CHECK(main_type("Police dispersed a march in Tbilisi on Monday.") == "protest_with_intervention");
    CHECK(main_type("A soldier molested a girl at a checkpoint near Goma on Monday.") == "sexual_violence");
    // What residents accuse a man of is their reason, not the report's event.
    CHECK(main_type("Residents beat a man in Lahore on Monday, accusing him of molesting a girl.") == "mob_violence");
}

TEST_CASE("a weapons depot found, ground taken from government forces", "[events]") {
    CHECK(main_type("Soldiers discovered a tunnel full of weapons and ammunition near Gao on Monday.") ==
          "disrupted_weapons_use");
    CHECK(main_type("Opposition fighters retook a town near Tripoli from government forces on Monday.") ==
          "non_state_actor_overtakes_territory");
}

TEST_CASE("missiles fired by jets come from the air, 'intervened' alone is weak", "[events]") {
    CHECK(main_type("Two missiles were fired by fighter jets at a depot near Kharkiv on Monday.") == "air_drone_strike");
    CHECK(main_type("An air strike killed nine soldiers near Khartoum on Monday after the air force intervened.") ==
          "air_drone_strike");
    CHECK(main_type("Police intervened to break up a protest in Dhaka on Monday.") == "protest_with_intervention");
}

TEST_CASE("the victim of a passive verb with an adverb or a second verb before it", "[events]") {
    // The victim comes before "was severely beaten by": the police are the perpetrators, not the other side.
    CHECK(main_type("A journalist was severely beaten by police officers in Lahore on Monday.") == "attack");
    CHECK(main_type("A policeman was shot and killed by gunmen in Bogota on Monday.") == "armed_clash");
}

TEST_CASE("a vehicle, a home or displaced people attacked are civilian targets", "[events]") {
    CHECK(main_type("Gunmen attacked a passenger bus near Gao on Monday.") == "attack");
    CHECK(main_type("Soldiers shot volunteers delivering food near Kherson on Monday.") == "attack");
    // A military vehicle is an armed target.
    CHECK(main_type("Gunmen attacked a military vehicle near Gao on Monday.") == "armed_clash");
}

TEST_CASE("a force's name is no mobilisation, armed men clashing with police fight them", "[events]") {
    CHECK(main_type("Gunmen ambushed a Popular Mobilization Forces convoy near Tripoli on Monday.") == "armed_clash");
    CHECK(main_type("The government announced a general mobilisation in Yerevan on Monday.") == "change_to_group_activity");
    CHECK(main_type("Gunmen clashed with police in Lahore on Monday.") == "armed_clash");
    CHECK(main_type("Rebels fired at an army patrol near Goma on Monday.") == "armed_clash");
    // In a protest, a clash with the police is a violent demonstration.
    CHECK(main_type("Protesters clashed with police in Dhaka on Monday.") == "violent_demonstration");
}

TEST_CASE("a crowd that fights or assaults police is a mob, a named force is not a crowd", "[events]") {
    CHECK(main_type("Villagers beat three policemen outside Lahore on Monday.") == "mob_violence");
    CHECK(main_type("Students fought with police in Dhaka on Monday.") == "mob_violence");
    // Armed men, or a force whose name holds "People's", fight.
    CHECK(main_type("Armed men clashed with police near Lahore on Monday.") == "armed_clash");
    CHECK(main_type("Fighters of the People's Defence Force clashed with soldiers near Mandalay on Monday.") ==
          "armed_clash");
}

TEST_CASE("the policy a protest is about is its topic, migrants captured and detained are arrested", "[events]") {
    CHECK(main_type("Job seekers protested outside the army recruitment office in Lahore on Monday.") ==
          "peaceful_protest");
    CHECK(main_type("Parents protested in Tbilisi on Monday against the newly appointed school director.") ==
          "peaceful_protest");
    CHECK(main_type("Police captured and detained forty migrants who entered the country near Tbilisi on Monday.") ==
          "arrests");
}

TEST_CASE("livestock seized is looting, 'destroyed' is a strike's toll, vandalism is property destruction", "[events]") {
    CHECK(main_type("Militants seized livestock in a village near Gao on Monday.") == "looting_property_destruction");
    CHECK(main_type("Russian forces shelled Kharkiv on Monday, and several houses were destroyed.") ==
          "shelling_artillery_missile_attack");
    CHECK(main_type("Unknown people vandalised a memorial in Tbilisi on Monday.") == "looting_property_destruction");
    // In a protest, vandalism makes the protest violent.
    CHECK(main_type("Protesters vandalised shops in Tbilisi on Monday.") == "violent_demonstration");
}

TEST_CASE("bomb threats, training and parades are other developments", "[events]") {
    CHECK(main_type("A school in Paris was evacuated on Monday after a bomb threat.") == "other");
    CHECK(main_type("The militia held a graduation ceremony for new recruits near Mandalay on Monday.") == "other");
    CHECK(main_type("The army held a military parade with missiles in Moscow on Monday.") == "other");
    CHECK(main_type("Rebels completed combat training near Goma on Monday.") == "other");
}

TEST_CASE("sexual harassment in custody, protesters assaulted by police", "[events]") {
    CHECK(main_type("Two women were sexually harassed by guards in a police station in Lahore on Monday.") ==
          "sexual_violence");
    CHECK(main_type("Police assaulted protesters holding a sit-in in Tbilisi on Monday.") == "protest_with_intervention");
}

TEST_CASE("ground fighting beside the artillery that supported it is the battle", "[events]") {
    CHECK(main_type("Russian forces shelled, assaulted, and were repulsed from positions near Bakhmut on Monday.") ==
          "armed_clash");
    CHECK(main_type("Troops backed by howitzers launched ground operations near Gao on Monday.") == "armed_clash");
    CHECK(main_type("Russian forces shelled Avdiivka with artillery on Monday.") == "shelling_artillery_missile_attack");
}

TEST_CASE("fire set to a person is an attack", "[events]") {
    CHECK(main_type("Two men doused a shopkeeper with petrol and set fire to him in Nairobi on Monday.") == "attack");
    CHECK(main_type("Militants set fire to a clinic near Gao on Monday.") == "looting_property_destruction");
}

TEST_CASE("activists arrested with no protest in sight are arrests", "[events]") {
    CHECK(main_type("Police arrested three activists at their homes in Tbilisi on Monday.") == "arrests");
    CHECK(main_type("Police arrested three activists at a protest in Tbilisi on Monday.") == "protest_with_intervention");
}

TEST_CASE("armed groups' names as victims, 'to be' passives, a child is a civilian", "[events]") {
    CHECK(main_type("A Taliban member was killed by gunmen near Lahore on Monday.") == "armed_clash");
    CHECK(main_type("A schoolboy was shot and injured by Taliban fighters near Lahore on Monday.") == "attack");
    CHECK(main_type("A shepherd was said to be beaten and killed by the Taliban near Lahore on Monday.") == "attack");
}

TEST_CASE("members of a tribe or clan who beat people are a mob", "[events]") {
    CHECK(main_type("Members of a rival clan beat up two herders near Gao on Monday.") == "mob_violence");
}

TEST_CASE("fire opened towards military posts is a clash", "[events]") {
    CHECK(main_type("Soldiers opened fire towards rebel positions near Goma on Monday.") == "armed_clash");
    CHECK(main_type("Soldiers opened fire on a crowd of villagers near Goma on Monday.") != "armed_clash");
}

TEST_CASE("demonstrators' own violence makes a protest violent, in its sentence or the next", "[events]") {
    // Objects thrown, told in the passive; the arrests that follow do not make it an intervention only.
    CHECK(main_type("Dozens were arrested at a rally in Paris on Sunday after bottles were thrown at police.") ==
          "violent_demonstration");
    // "turned very violent": the adverb between does not hide it.
    CHECK(main_type("The protest against fuel prices in Paris turned very violent on Friday.") == "violent_demonstration");
    CHECK(main_type("Protesters pulled down the fence around the parliament in Tbilisi on Monday.") ==
          "violent_demonstration");
    // Clashes with the police outrank the tear gas the police fired.
    CHECK(main_type("Police fired tear gas at protesters in Dhaka on Monday during clashes near the university.") ==
          "violent_demonstration");
    // A march, then rioters in the next sentence: one violent demonstration, not mob violence.
    const auto types = types_of(
        "Hundreds of farmers marched through Dhaka on Monday to demand lower fuel prices. "
        "Later in the day rioters set fire to two shops near the square.");
    CHECK(types == std::vector<std::string>{"violent_demonstration"});
    // Fires lit at a protest keep it peaceful; a fence pulled down by soldiers is no demonstration.
    CHECK(main_type("Residents rallied in Tbilisi on Monday and lit fires in the square.") == "peaceful_protest");
}

TEST_CASE("a protest's topic is not its place, the paragraph's town is", "[events]") {
    // The protest names only what it is against; the sentence before said where the dockers were. A
    // country (or continent) that sentence also names is not "where" either.
    const auto events = extract_text(
        "A ship carrying grain from Kherson to Russia docked in Mykolaiv on Monday. "
        "Dozens of dockers were protesting against the war of Russia against Ukraine.");
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == "peaceful_protest");
    CHECK(events[0].location == "Mykolaiv");
    // "in Moscow" after the topic is the place, not the topic.
    const auto moscow = extract_text("Students protested against the war in Moscow on Monday.");
    REQUIRE(moscow.size() == 1);
    CHECK(moscow[0].location == "Moscow");
}

TEST_CASE("'the X district of Y': X is the place, Y the region it lies in", "[events]") {
    // Bakhmut lies in the Donetsk region: the event is in Bakhmut, not at the region's point.
    const auto events = extract_text("Russian forces shelled the Bakhmut district of Donetsk region on Monday.");
    REQUIRE(events.size() == 1);
    CHECK(events[0].location == "Bakhmut");
    // The other way round, the town comes after: "the Donetsk region town of Avdiivka".
    const auto town = extract_text("Russian forces shelled the Donetsk region town of Avdiivka on Monday.");
    REQUIRE(town.size() == 1);
    CHECK(town[0].location == "Avdiivka");
}

TEST_CASE("'in Mali's northern Kidal': the preposition reaches past a possessive and a compass word", "[events]") {
    // The Gao gunmen came from elsewhere; the shooting was in Kidal.
    const auto events = extract_text("Gao gunmen shot a teacher in Mali's northern Kidal on Monday.");
    REQUIRE_FALSE(events.empty());
    CHECK(events[0].location == "Kidal");
}

TEST_CASE("'one of the wounded' names casualties, not a new attack", "[events]") {
    const auto types = types_of(
        "Russian artillery shelled Kherson overnight, killing two civilians, the governor said on Monday. "
        "Firefighters in Kherson pulled one of the wounded from the rubble.");
    CHECK(types == std::vector<std::string>{"shelling_artillery_missile_attack"});
    // The verb still counts: "two men were wounded" is an attack.
    CHECK(main_type("Gunmen wounded two farmers in Lahore on Monday.") == "attack");
}

TEST_CASE("places listed together are each an event's place, one event in each", "[events]") {
    const auto events = extract_text("Thousands of people marched in Kherson, Mykolaiv and Kharkiv on Saturday against the war.");
    std::vector<std::string> places;
    for (const auto& e : events) places.push_back(e.location);
    std::sort(places.begin(), places.end());
    CHECK(places == std::vector<std::string>{"Kharkiv", "Kherson", "Mykolaiv"});
    // The toll belongs to the whole: only the first place's event carries it.
    const auto strikes = extract_text("Missiles struck Kherson and Mykolaiv overnight, killing four people.");
    REQUIRE(strikes.size() == 2);
    int with_toll = 0;
    for (const auto& e : strikes) with_toll += e.fatalities.has_value() ? 1 : 0;
    CHECK(with_toll == 1);
}

TEST_CASE("no list: a town and its region, two ends of a road", "[events]") {
    // "Avdiivka, Donetsk region" is one place and its qualifier.
    const auto town = extract_text("Shelling hit Avdiivka, Donetsk region, on Monday.");
    REQUIRE(town.size() == 1);
    CHECK(town[0].location == "Avdiivka");
    // "Between Kherson and Mykolaiv" names the ends of a stretch, not two places of the event.
    const auto road = extract_text("A convoy was ambushed on the road between Kherson and Mykolaiv on Monday.");
    REQUIRE(road.size() == 1);
}

TEST_CASE("the subject of talks is not where they were held", "[events]") {
    // The call is about Kherson; no place of its own here, so it is not mapped at Kherson.
    const auto events = extract_text("The two ministers spoke by phone on Monday about restoring power to Kherson.");
    for (const auto& e : events) {
        INFO(e.type);
        CHECK_FALSE((e.type == "diplomatic_call" && e.location == "Kherson"));
    }
    // Held in a place, the talks are there.
    const auto held = extract_text("The two ministers held talks in Brussels on Monday about restoring power to Kherson.");
    REQUIRE_FALSE(held.empty());
    CHECK(held[0].location == "Brussels");
}

TEST_CASE("other senses of conflict verbs are no events: a title captured, a film shot, prices shot up", "[events]") {
    CHECK(extract_text("The Kenyan runner captured the title in Paris on Sunday.").empty());
    CHECK(extract_text("The director shot most scenes of the film in Kyiv last summer.").empty());
    CHECK(extract_text("Bread prices shot up by 20 percent in Khartoum on Monday.").empty());
    CHECK(linked_place("The Kenyan runner captured the title in Paris on Sunday.", "captured").empty());
    // The conflict sense stays: a town captured, a man shot.
    CHECK(main_type("Rebels captured the town of Kidal on Sunday.") == "non_state_actor_overtakes_territory");
    CHECK(main_type("Gunmen shot a trader in Lahore on Monday.") == "attack");
}

TEST_CASE("the place carried to the next sentences is the town, not its qualifier", "[events]") {
    const auto events = extract_text(
        "Gunmen shot a trader in Mykolaiv (Odesa region) on Monday. Two hours later the gunmen shot a police officer.");
    REQUIRE(events.size() >= 2);
    for (const auto& e : events) {
        INFO(e.type);
        CHECK(e.location == "Mykolaiv");
    }
}

TEST_CASE("a region set off after a town, or a people's home, is not the event's place", "[events]") {
    // "Kupiansk, in the Kharkiv region, was occupied": the region says where the town is.
    const auto town = extract_text("Mykolaiv, in the Odesa region, was shelled overnight, officials said.");
    REQUIRE_FALSE(town.empty());
    CHECK(town[0].location == "Mykolaiv");
    // "representatives of the Karabakh Armenians": the name of a people's home, not where talks are held.
    const auto talks = extract_text("Talks with leaders of the Kherson Russian community were held in Kyiv yesterday.");
    REQUIRE_FALSE(talks.empty());
    CHECK(talks[0].location == "Kyiv");
}

TEST_CASE("weapons named as what hit a place keep their type: shells that landed, a drone that attacked, gas-filled grenades",
          "[events]") {
    // Shells that "landed in" a camp shelled it; a leader who "landed in" a capital visits it.
    CHECK(main_type("Three mortar shells landed in a market in Goma on Tuesday, killing two traders.") ==
          "shelling_artillery_missile_attack");
    CHECK(main_type("The French president landed in Kyiv on Tuesday on an unannounced trip.") == "diplomatic_visit");
    // Artillery that killed someone is shelling, not an attack on those it killed.
    CHECK(main_type("Artillery fire on Kherson killed two women on Monday, the governor said.") ==
          "shelling_artillery_missile_attack");
    CHECK(main_type("Gunmen killed two women in Kherson on Monday.") == "attack");
    // A drone that attacked a base struck it from the air.
    CHECK(main_type("A drone attacked an army base near Bakhmut on Sunday.") == "air_drone_strike");
    // Munitions filled with a toxic agent are chemical weapons, whatever the agent is called.
    CHECK(main_type("Drones dropped grenades filled with a toxic irritant on trenches near Avdiivka on Friday.") ==
          "chemical_weapon");
    CHECK(main_type("Shells hit a chemical plant near Avdiivka on Friday.") == "shelling_artillery_missile_attack");
}

TEST_CASE("an agreement signed outranks what it covers, ending a truce is no agreement, weapons that arrived were delivered",
          "[events]") {
    CHECK(main_type("Poland signed a defence agreement with Ukraine in Kyiv on Tuesday covering military aid and training.") ==
          "agreement");
    CHECK(main_type("The rebels said on Monday they were ending the truce with the army near Goma.") ==
          "change_to_group_activity");
    CHECK(main_type("The rebels agreed to a truce with the army near Goma on Monday.") == "agreement");
    CHECK(main_type("Two hundred tanks bought by a group of allies arrived in Kyiv last week.") == "arms_transfer");
    CHECK(main_type("The German chancellor arrived in Kyiv on Monday.") == "diplomatic_visit");
}

TEST_CASE("a country before 'in X' does not lie in X, and a region after 'X city (' only qualifies X", "[events]") {
    // "The army of Pakistan in Lahore": the town is not held by the country named before it, and the
    // region in parentheses after "city" says where the town is.
    const auto events =
        extract_text("Militants fired rockets at a base of the army of Pakistan in Lahore city (Punjab) on Monday.");
    REQUIRE_FALSE(events.empty());
    CHECK(events[0].location == "Lahore");
    // The same qualifier without the country, the event's words nearer the region than the town (which
    // the gazetteer reads as its district).
    const auto clash = extract_text(
        "Gunmen clashed with a tribal militia in Pokrovsk city (Donetsk region) after they tried to kidnap a trader.");
    REQUIRE_FALSE(clash.empty());
    CHECK(clash[0].location == "Pokrovsk");
    // "Kharkiv in Ukraine" is still the town.
    const auto town = extract_text("Shelling hit Kharkiv in Ukraine on Monday.");
    REQUIRE_FALSE(town.empty());
    CHECK(town[0].location == "Kharkiv");
}

TEST_CASE("a town that opens the sentence sets the scene of what it tells, however far the trigger", "[events]") {
    // Goma stands for a neighbourhood's name the gazetteer reads as a far namesake.
    const auto events = extract_text(
        "On 5 May 2022, in Mykolaiv, a trader and his son were shot and killed by two armed men in Goma market.");
    REQUIRE_FALSE(events.empty());
    CHECK(events[0].location == "Mykolaiv");
    const auto rural = extract_text(
        "Around 5 May 2022, in the rural area of Mykolaiv, a trader was shot and killed by two armed men in Goma market.");
    REQUIRE_FALSE(rural.empty());
    CHECK(rural[0].location == "Mykolaiv");
    // A region that opens the sentence does not: the town named later is the more precise place.
    const auto region = extract_text("On 5 May 2022, in Donetsk region, Russian forces shelled Avdiivka.");
    REQUIRE_FALSE(region.empty());
    CHECK(region[0].location == "Avdiivka");
}

TEST_CASE("a place that names armed men ('Kharkiv militants') says whose they are, not where they struck", "[events]") {
    // Zorya stands for a village the gazetteer lacks.
    const auto events = extract_text(
        "On 7 May 2022, Kharkiv militiamen abducted eight women and six children from Zorya, Bakhmut (Donetsk region) "
        "after a raid.");
    REQUIRE_FALSE(events.empty());
    CHECK(events[0].location == "Bakhmut");
}

TEST_CASE("a paragraph with no date of its own continues the day the story last named, within the week", "[events]") {
    // Published Friday 8 March 2024; the attack was on Sunday the 3rd.
    const auto events = extract_text(
        "Hundreds of militants attacked an army base in Gao on Sunday, residents said.\n\n"
        "At least 40 civilians were killed in a camp in Gao, two residents said.");
    REQUIRE(events.size() == 2);
    CHECK(events[0].event_date == ev::Date::from_ymd(2024, 3, 3));
    CHECK(events[1].type == "attack");
    CHECK(events[1].event_date == ev::Date::from_ymd(2024, 3, 3));
    // History the report recalls is no day of what it tells next: the publication fallback stays.
    const auto history = extract_text(
        "Rebels first captured Gao in April 2012.\n\n"
        "Soldiers and militiamen fought rebels in Gao for several hours.");
    REQUIRE_FALSE(history.empty());
    CHECK(history.back().event_date >= ev::Date::from_ymd(2024, 3, 7));
}

TEST_CASE("the day a statement was made is not the day of what it reports, when the story named an earlier one",
          "[events]") {
    // Published Friday 8 March 2024: the attack on Sunday the 3rd, the statement on Wednesday the 6th.
    const auto events = extract_text(
        "Hundreds of militants attacked an army base in Gao on Sunday, residents said.\n\n"
        "Army drones struck columns of fighters as they retreated from Gao, the military government said in a "
        "statement on Wednesday.");
    bool strike = false;
    for (const auto& e : events)
        if (e.type == "air_drone_strike") {
            strike = true;
            CHECK(e.event_date == ev::Date::from_ymd(2024, 3, 3));
        }
    CHECK(strike);
    // With no earlier day in the story, the statement's day is the best there is.
    const auto alone = extract_text(
        "Army drones struck columns of fighters as they retreated from Gao, the military government said in a "
        "statement on Wednesday.");
    REQUIRE_FALSE(alone.empty());
    CHECK(alone[0].event_date == ev::Date::from_ymd(2024, 3, 6));
    // A day in the event's own clause stays its day.
    const auto own = extract_text(
        "Hundreds of militants attacked an army base in Gao on Sunday, residents said.\n\n"
        "Army drones struck columns of fighters near Gao on Wednesday, the military government said.");
    bool own_strike = false;
    for (const auto& e : own)
        if (e.type == "air_drone_strike") {
            own_strike = true;
            CHECK(e.event_date == ev::Date::from_ymd(2024, 3, 6));
        }
    CHECK(own_strike);
}

TEST_CASE("the place carried on is the town, not the region named after it with 'in'", "[events]") {
    const auto events = extract_text(
        "Troops raided the Mykolaiv refugee camp in the occupied Odesa region on Monday. Gunmen exchanged fire with the "
        "troops throughout the day.");
    REQUIRE(events.size() >= 2);
    // The second sentence names no place: it takes the first one's town.
    CHECK(events.back().type == "armed_clash");
    CHECK(events.back().location == "Mykolaiv");
}

TEST_CASE("residents who beat a man are a mob, even when the police come later in the sentence", "[events]") {
    // The police are where the man was taken, not among those who beat him.
    CHECK(main_type("On 4 May 2022, in Lahore, residents of the old market quarter beat up a man who had tried to rob a "
                    "woman and took him to the police station.") == "mob_violence");
    // The agent of a passive a few words after the verb.
    CHECK(main_type("On 4 May 2022, in Lahore, a man accused of theft was beaten up and injured by residents near the "
                    "bus station.") == "mob_violence");
    // Police among the doers make it no mob.
    CHECK(main_type("On 4 May 2022, in Lahore, a shopkeeper was beaten up by police and residents near the bus station.") !=
          "mob_violence");
}

TEST_CASE("an arrest after which the detainees' whereabouts are unknown is a forced disappearance", "[events]") {
    CHECK(types_of("On 2 May 2022, police arrested four teachers in Kidal. Their whereabouts remain unknown.") ==
          std::vector<std::string>{"abduction_forced_disappearance"});
    // Without the remark the arrest stays an arrest.
    CHECK(types_of("On 2 May 2022, police arrested four teachers in Kidal. They were released the next day.") ==
          std::vector<std::string>{"arrests"});
}

TEST_CASE("live fire at a protest, or attacks on protesters that kill, are excessive force", "[events]") {
    CHECK(main_type("Police in Khartoum shot live rounds to clear protests for a third day on Monday, but hundreds of "
                    "nurses kept up their strike.") == "excessive_force_against_protesters");
    CHECK(main_type("A student was killed and dozens were hurt in Khartoum on Monday in police attacks against peaceful "
                    "protesters.") == "excessive_force_against_protesters");
    // An attack on protesters that kills no one is an intervention.
    CHECK(main_type("Police attacks on protesters in Khartoum on Monday left the square empty.") == "protest_with_intervention");
}

TEST_CASE("a place after another event's noun ('the siege of X') is not where the trigger's event happened", "[events]") {
    // The siege is Bakhmut's; the drone strike named after it is in Kharkiv.
    const auto events = extract_text("The siege of Bakhmut followed a drone attack on a fuel depot in Kharkiv on Monday.");
    bool strike = false;
    for (const auto& e : events)
        if (e.type == "air_drone_strike") {
            strike = true;
            CHECK(e.location == "Kharkiv");
        }
    CHECK(strike);
    // A verb's own place may still be that noun's: "the bombardment of X has left six dead" happened in X.
    CHECK(linked_place("The bombardment of Kherson has left six residents dead.", "left") == "Kherson");
}

TEST_CASE("a base or camp transferred to another force changes hands without a fight", "[events]") {
    CHECK(main_type("The UN mission transferred its base in Gao to the national army on Monday.") ==
          "non_violent_transfer_of_territory");
    // Prisoners moved to a base are not territory changing hands.
    CHECK(main_type("Guards transferred the prisoners to a military base in Gao on Monday.") !=
          "non_violent_transfer_of_territory");
}

TEST_CASE("talks that ended without an agreement are talks and a ceasefire that is ended is a change of activity", "[events]") {
    CHECK(main_type("Ceasefire talks in Brussels ended on Monday without an agreement.") == "diplomatic_meeting");
    CHECK(main_type("Talks in Brussels ended yesterday without an agreement.") == "diplomatic_meeting");
    CHECK(main_type("The rebels ended the ceasefire in Gao on Monday.") == "change_to_group_activity");
}

TEST_CASE("roads or homes torn up are property destroyed but a deal torn up is not", "[events]") {
    CHECK(main_type("Army bulldozers tore up roads and water pipes in Gao on Monday.") == "looting_property_destruction");
    CHECK(main_type("The president tore up the peace deal in Gao on Monday.") != "looting_property_destruction");
}

TEST_CASE("a named event followed by may or might or could is a possibility not an event", "[events]") {
    CHECK(extract_text("Mediators said talks could resume in Brussels, but no date was set.").empty());
    CHECK(extract_text("Officials fear that protests may spread to Kidal.").empty());
    // A modal later in the sentence, after the event's own verb, does not undo it.
    CHECK(main_type("Protesters marched through Kidal on Monday and said more rallies could follow.") == "peaceful_protest");
}

TEST_CASE("a town with its kind word 'city' before 'in' lies in the place named after it", "[events]") {
    // "Donetsk" is the test gazetteer's city: both places are towns, and the one before "in" is the finer.
    const auto events = extract_text("Rebels shot and injured a displaced man from Kyiv in Bakhmut city in Donetsk countryside.");
    REQUIRE(events.size() >= 1);
    CHECK(events.front().location == "Bakhmut");
}
