// Detection on sentences we wrote: each type, negation and modality, location, date, actors, counts.
#include <algorithm>
#include <catch2/catch.hpp>

#include "events_support.h"
#include "eventmap/core/error.h"
#include "eventmap/events/dedup.h"
#include "eventmap/events/triggers.h"

using eventmap::test::extract_text;
using eventmap::test::types_of;
namespace ev = eventmap::events;

namespace {
std::string only_type(const std::string& text) {
    const auto t = types_of(text);
    if (t.size() != 1) {
        std::string all;
        for (const auto& x : t) all += x + " ";
        return "(" + std::to_string(t.size()) + " events: " + all + ")";
    }
    return t.front();
}
}  // namespace

TEST_CASE("each event type from a sentence of its own", "[events]") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"Russian forces and Ukrainian troops clashed near Bakhmut on Tuesday.", "armed_clash"},
        {"Government troops retook the town of Kidal from the rebels on Monday.", "government_regains_territory"},
        {"Rebels captured Gao after a two-day battle, the army admitted on Monday.", "non_state_actor_overtakes_territory"},
        {"Residents of Kidal said chlorine gas was used against them on Tuesday.", "chemical_weapon"},
        {"Four air strikes hit Avdiivka on Friday, the military said.", "air_drone_strike"},
        {"A suicide bomber blew himself up at a checkpoint in Mogadishu on Monday.", "suicide_bomb"},
        {"Russian artillery shelled Kherson overnight, the governor said.", "shelling_artillery_missile_attack"},
        {"A roadside bomb exploded under a minibus near Gao on Tuesday.", "remote_explosive_landmine_ied"},
        {"A man threw a grenade into a bar in Bogota on Saturday.", "grenade"},
        {"Two women were raped by soldiers in Goma last week, a rights group said.", "sexual_violence"},
        {"Gunmen attacked villagers in a market near Gao on Sunday, killing nine.", "attack"},
        {"Gunmen kidnapped a teacher in Lahore on Wednesday.", "abduction_forced_disappearance"},
        {"Thousands of farmers rallied peacefully in Paris on Sunday.", "peaceful_protest"},
        {"Police fired tear gas to disperse protesters in Nairobi on Tuesday.", "protest_with_intervention"},
        {"Soldiers opened fire on protesters in Khartoum on Thursday, killing four of them.",
         "excessive_force_against_protesters"},
        {"Protesters torched cars and clashed with police in Dhaka on Monday.", "violent_demonstration"},
        {"Rioters from two villages clashed with sticks near Dhaka on Monday.", "mob_violence"},
        {"A mob lynched two suspected thieves in Goma on Sunday.", "mob_violence"},
        {"The two sides signed a ceasefire agreement in Tripoli on Monday.", "agreement"},
        {"Police arrested an opposition leader in Tbilisi on Friday.", "arrests"},
        {"Ukrainian air defence shot down nine drones over the Odesa region on Thursday night.", "disrupted_weapons_use"},
        {"The militia established a new base outside Gao last week.", "headquarters_or_base_established"},
        {"Soldiers looted shops and demolished homes in Sittwe on Saturday.", "looting_property_destruction"},
        {"The rebels withdrew from Kidal, handing over control to the army peacefully on Monday.",
         "non_violent_transfer_of_territory"},
        {"The French president arrived in Kyiv on Friday for a visit.", "diplomatic_visit"},
        {"The two foreign ministers held talks in Yerevan on Tuesday.", "diplomatic_meeting"},
        {"The two presidents spoke by phone on Wednesday, the Kremlin in Moscow said.", "diplomatic_call"},
        {"The European Union imposed sanctions on three banks in Moscow on Friday.", "sanctions"},
        {"Paris delivered tanks and artillery shells to Ukraine last week.", "arms_transfer"},
    };
    for (const auto& [text, type] : cases) {
        INFO(text);
        CHECK(only_type(text) == type);
    }
}

TEST_CASE("negation, denial, possibility, conditions and questions report nothing", "[events]") {
    for (const char* text : {
             "Russia denies targeting civilians in Kherson.",
             "Officials are concerned Beijing may send arms to Moscow.",
             "Russian forces did not attack Avdiivka on Friday, a spokesman said.",
             "There were no air strikes on Avdiivka on Friday.",
             "If talks fail, the army could shell Bakhmut again.",
             "Will the rebels capture Gao next month?",
             "Analysts fear the militia might abduct more teachers in Lahore.",
         }) {
        INFO(text);
        CHECK(types_of(text).empty());
    }
}

TEST_CASE("planned events are kept with status planned and dated after publication", "[events]") {
    const auto evs = extract_text("The Chinese president will visit Moscow next week, officials said on Friday.", "2023-03-17");
    REQUIRE(evs.size() == 1);
    CHECK(evs[0].type == "diplomatic_visit");
    CHECK(evs[0].status == ev::EventStatus::planned);
    CHECK(evs[0].location == "Moscow");
    CHECK(evs[0].event_date >= ev::Date::from_ymd(2023, 3, 18));
    REQUIRE(evs[0].date_end);
    CHECK(*evs[0].date_end <= ev::Date::from_ymd(2023, 3, 31));
}

TEST_CASE("history the article recalls is background", "[events]") {
    const auto evs = extract_text("Russian forces captured Bakhmut in May 2023 after months of fighting.", "2024-03-08");
    REQUIRE(!evs.empty());
    CHECK(evs[0].status == ev::EventStatus::background);
}

TEST_CASE("every date form dates the event", "[events]") {
    struct Case {
        const char* text;
        const char* from;
        const char* to;
    };
    // Published Friday 2024-03-08.
    const std::vector<Case> cases{
        {"Artillery shelled Kherson on March 6.", "2024-03-06", "2024-03-06"},
        {"Artillery shelled Kherson on 6 March 2024.", "2024-03-06", "2024-03-06"},
        {"Artillery shelled Kherson on Feb. 24, 2024.", "2024-02-24", "2024-02-24"},
        {"Artillery shelled Kherson on 2024-03-05.", "2024-03-05", "2024-03-05"},
        {"Artillery shelled Kherson today.", "2024-03-08", "2024-03-08"},
        {"Artillery shelled Kherson yesterday.", "2024-03-07", "2024-03-07"},
        {"Artillery shelled Kherson on Wednesday.", "2024-03-06", "2024-03-06"},
        {"Artillery shelled Kherson on Thursday night.", "2024-03-07", "2024-03-08"},
        {"Artillery shelled Kherson three days ago.", "2024-03-05", "2024-03-05"},
        {"Artillery shelled Kherson overnight.", "2024-03-07", "2024-03-08"},
        {"Artillery shelled Kherson last week.", "2024-02-26", "2024-03-03"},
        {"Artillery shelled Kherson earlier this month.", "2024-03-01", "2024-03-08"},
        {"Artillery shelled Kherson in mid-February.", "2024-02-01", "2024-02-29"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto evs = extract_text(c.text);
        REQUIRE(evs.size() == 1);
        const ev::Date from = *ev::Date::parse_iso(c.from), to = *ev::Date::parse_iso(c.to);
        const ev::Date last = evs[0].date_end.value_or(evs[0].event_date);
        // The event's range lies within the expected range and touches it.
        CHECK(evs[0].event_date >= from);
        CHECK(last <= to);
    }
}

TEST_CASE("a sentence without a date takes the paragraph's, else the publication date, coarser", "[events]") {
    auto evs = extract_text("Fighting raged in Bakhmut on March 5. Shells also hit Kherson.");
    REQUIRE(evs.size() == 2);
    CHECK(evs[1].event_date == ev::Date::from_ymd(2024, 3, 5));
    evs = extract_text("Shells hit Kherson, the governor said.");
    REQUIRE(evs.size() == 1);
    CHECK(evs[0].time_precision == 2);
}

TEST_CASE("the event's place is chosen by the clause's grammar", "[events]") {
    SECTION("in X beats a place the victims came from") {
        const auto evs = extract_text("Gunmen from Gao kidnapped two traders in Kidal on Monday.");
        REQUIRE(evs.size() == 1);
        CHECK(evs[0].location == "Kidal");
    }
    SECTION("a demonym is never the place") {
        const auto evs = extract_text("Russian artillery shelled Kherson on Monday.");
        REQUIRE(evs.size() == 1);
        CHECK(evs[0].location == "Kherson");
    }
    SECTION("X, region: the town, not the region") {
        const auto evs = extract_text("Russian forces shelled Avdiivka, Donetsk region, on Monday.");
        REQUIRE(evs.size() == 1);
        CHECK(evs[0].location == "Avdiivka");
        CHECK(evs[0].geo_precision == 1);
    }
    SECTION("near X: geo_precision 2; a region: 3") {
        auto evs = extract_text("Troops clashed with rebels near Gao on Monday.");
        REQUIRE(evs.size() == 1);
        CHECK(evs[0].location == "Gao");
        CHECK(evs[0].geo_precision == 2);
        evs = extract_text("Drones were shot down over the Odesa region on Monday.");
        REQUIRE(evs.size() == 1);
        CHECK(evs[0].geo_precision == 3);
    }
    SECTION("the city refers back to the previous sentence's place") {
        const auto evs = extract_text("Residents of Avdiivka sheltered in basements. The city is being shelled around the clock.");
        REQUIRE(evs.size() == 1);
        CHECK(evs[0].location == "Avdiivka");
        CHECK(evs[0].geo_precision == 1);
    }
    SECTION("the dateline's place is a fallback only, with geo_precision 2") {
        const auto evs = extract_text("KHARKIV, Ukraine, March 8 (Eventmap Wire) - Artillery fire killed two people on Friday.");
        REQUIRE(evs.size() == 1);
        CHECK(evs[0].location == "Kharkiv");
        CHECK(evs[0].geo_precision == 2);
    }
}

TEST_CASE("actors, counts and fatalities", "[events]") {
    auto evs = extract_text("Russian forces carried out four air strikes on Avdiivka on Friday, killing three civilians.");
    REQUIRE(evs.size() == 1);
    CHECK(evs[0].actor1 == "Military Forces of Russia");
    CHECK(evs[0].count == 4);
    CHECK(evs[0].fatalities == 3);
    evs = extract_text("Artillery shelled Kherson on Friday. There were no casualties.");
    REQUIRE(evs.size() == 1);
    evs = extract_text("Artillery shelled Kherson on Friday; no casualties were reported.");
    REQUIRE(evs.size() == 1);
    CHECK(evs[0].fatalities == 0);
    evs = extract_text("Artillery shelled Kherson on Friday.");
    REQUIRE(evs.size() == 1);
    CHECK(!evs[0].fatalities);
}

TEST_CASE("every event carries its provenance and a stable id", "[events]") {
    const std::string text = "Kherson was shelled on Friday.";
    const auto a = extract_text(text), b = extract_text(text);
    REQUIRE(a.size() == 1);
    CHECK(a[0].id == b[0].id);
    const auto& s = a[0].sources.at(0);
    CHECK(s.article_id == "test");
    CHECK(s.sentence == text);
    CHECK(text.substr(static_cast<std::size_t>(s.trigger_start_cp), static_cast<std::size_t>(s.trigger_end_cp - s.trigger_start_cp)) == "shelled");
    CHECK(text.substr(static_cast<std::size_t>(s.place_start_cp), static_cast<std::size_t>(s.place_end_cp - s.place_start_cp)) == "Kherson");
}

TEST_CASE("the same event from two articles becomes one with both sources", "[events]") {
    auto a = extract_text("Artillery shelled Kherson on Friday.");
    auto b = extract_text("Kherson was shelled on Friday, officials said.");
    REQUIRE(a.size() == 1);
    REQUIRE(b.size() == 1);
    b[0].sources[0].article_id = "other";
    std::vector<ev::Event> all{a[0], b[0]};
    auto merged = ev::merge_duplicates(all, 10.0);
    REQUIRE(merged.size() == 1);
    CHECK(merged[0].sources.size() == 2);
    // Far apart (Kherson and Kyiv), they stay two events.
    auto c = extract_text("Artillery shelled Kyiv on Friday.");
    REQUIRE(c.size() == 1);
    CHECK(ev::merge_duplicates({a[0], c[0]}, 10.0).size() == 2);
}

TEST_CASE("two reports of one event are dated with the days both allow whatever their confidence", "[events]") {
    // One report gives the day, a more confident one only "this week": the merged event is on that day.
    auto day = extract_text("Artillery shelled Kherson on Friday.");
    REQUIRE(day.size() == 1);
    REQUIRE(!day[0].date_end);
    ev::Event week = day[0];
    week.sources[0].article_id = "other";
    week.event_date = *ev::Date::parse_iso("2024-03-04");
    week.date_end = ev::Date::parse_iso("2024-03-10");
    week.time_precision = 2;
    week.confidence = day[0].confidence + 0.1;
    day[0].event_date = *ev::Date::parse_iso("2024-03-08");
    for (const auto& order : {std::vector<ev::Event>{day[0], week}, std::vector<ev::Event>{week, day[0]}}) {
        const auto merged = ev::merge_duplicates(order, 10.0);
        REQUIRE(merged.size() == 1);
        CHECK(merged[0].event_date.iso() == "2024-03-08");
        CHECK(!merged[0].date_end);
        CHECK(merged[0].time_precision == 1);
        CHECK(merged[0].confidence == Approx(week.confidence));  // the more confident report's other fields
        CHECK(merged[0].sources.size() == 2);
    }
}

TEST_CASE("trigger patterns are data: phrases, prefixes, gaps, numbers, and clear errors", "[events]") {
    const auto set = ev::TriggerSet::parse(
        "type\tweight\tpattern\n# comment\nair_drone_strike\t80\tdrone|uav ~2 strike*\narrests\t50\trounded_up\n", "t.tsv");
    ev::WordList w;
    std::vector<ev::TriggerMatch> m;
    w.assign("A Ukrainian drone carried out strikes; police rounded up five men.");
    set.match(w, m);
    REQUIRE(m.size() == 2);
    CHECK(m[0].pattern->type == "air_drone_strike");
    CHECK(m[1].pattern->type == "arrests");
    w.assign("The drone crashed; strikes followed.");  // a gap never crosses a semicolon
    set.match(w, m);
    CHECK(m.empty());
    CHECK_THROWS_AS(ev::TriggerSet::parse("armed_clash\tten\tclash\n", "bad.tsv"), eventmap::FormatError);
    CHECK_THROWS_WITH(ev::TriggerSet::parse("\n\narmed_clash\t10\n", "bad.tsv"), Catch::Contains("bad.tsv") && Catch::Contains("3"));
    CHECK(ev::number_value("four") == 4);
    CHECK(ev::number_value("1,200") == 1200);
    CHECK(ev::number_value("the") == -1);
}

TEST_CASE("a pattern's first step takes the first alternative that completes, exact and prefix words alike", "[events]") {
    // The alternatives are tried in the order written: "rally" ends the match at one word, then
    // "rally_outside" would have taken two; a prefix alternative ("march*") keeps its place in that
    // order too. A number step first is tried at every word.
    const auto set = ev::TriggerSet::parse(
        "peaceful_protest\t60\trally|rally_outside|march*|marched_through ~2 centre\n"
        "peaceful_protest\t60\tmarched_through|march*|rally\n"
        "attack\t50\t#n people_were_hurt\n",
        "order.tsv");
    ev::WordList w;
    std::vector<ev::TriggerMatch> m;
    w.assign("Crowds marched through the centre while a rally outside the centre grew; two people were hurt.");
    set.match(w, m);
    std::vector<std::string> got;
    for (const auto& x : m)
        got.push_back(x.pattern->text.substr(0, 5) + " " + std::to_string(x.first_word) + "-" + std::to_string(x.last_word));
    // Word 1 "marched": pattern 1 via "march*" (its third alternative) reaches "centre" (word 4);
    // pattern 2's "marched_through" ends at word 2. Word 7 "rally": pattern 1 via "rally" reaches
    // "centre" at word 10 only through the gap; pattern 2 takes "rally" alone.
    CHECK(got == std::vector<std::string>{"rally 1-4", "march 1-2", "rally 7-10", "march 7-7", "#n pe 12-15"});
}
