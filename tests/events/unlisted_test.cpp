// Villages, neighbourhoods and checkpoints the gazetteer lacks, read from how a report introduces
// them, and the event-place rules around them (sentences of our own).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "eventmap/events/unlisted.h"
#include "events/events_support.h"

namespace gp = eventmap::geoparse;

namespace {

// The test places of `text`, then the unlisted ones.
std::vector<gp::Toponym> places_of(const std::string& text) {
    eventmap::ingest::Article a;
    a.text = text;
    auto places = eventmap::test::test_place_finder()(a, eventmap::text::ArticleStructure{});
    eventmap::events::add_unlisted_places(text, places);
    return places;
}

std::vector<std::string> unlisted_names(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& t : places_of(text))
        if (t.unlisted) out.push_back(t.text + "@" + t.anchor);
    return out;
}

// The place the detector links `verb` to, with the unlisted places in play.
const gp::Toponym* linked(const std::string& text, const std::string& verb, std::vector<gp::Toponym>& keep) {
    keep = places_of(text);
    eventmap::events::SentenceContext ctx;
    ctx.text = text;
    ctx.sentence = eventmap::text::Span{0, text.size()};
    ctx.places = keep;
    const std::size_t at = text.find(verb);
    return eventmap::test::test_detector().place_of(ctx, eventmap::text::Span{at, at + verb.size()});
}

}  // namespace

TEST_CASE("a village the gazetteer lacks is read from 'the village of X' and placed at its anchor", "[events][unlisted]") {
    const auto places = places_of("Gunmen burned houses in the village of Tal Warda near Kidal on Monday.");
    const gp::Toponym* v = nullptr;
    for (const auto& t : places)
        if (t.unlisted) v = &t;
    REQUIRE(v != nullptr);
    CHECK(v->text == "Tal Warda");
    CHECK(v->anchor == "Kidal");
    CHECK(v->derived);
    CHECK(v->geonameid == 0);
    CHECK(v->country == "ML");
    CHECK(v->point.lat_deg == Approx(18.44111));
    // Offsets are code points, as the output counts them.
    CHECK(v->start_cp == 39);
    CHECK(v->end_cp == 48);
}

TEST_CASE("lists, neighbourhoods, possessives and checkpoints name unlisted places", "[events][unlisted]") {
    CHECK(unlisted_names("Militants seized the villages of Kafr Dael, Umm Jurn and Tal Sabir west of Mogadishu.") ==
          std::vector<std::string>{"Kafr Dael@Mogadishu", "Umm Jurn@Mogadishu", "Tal Sabir@Mogadishu"});
    CHECK(unlisted_names("A car bomb exploded in Mogadishu's Hodan Dheer district on Monday.") ==
          std::vector<std::string>{"Hodan Dheer@Mogadishu"});
    CHECK(unlisted_names("Shells fell on the Karm Jabal and Bab Nasr neighbourhoods of Khartoum.") ==
          std::vector<std::string>{"Karm Jabal@Khartoum", "Bab Nasr@Khartoum"});
    CHECK(unlisted_names("Gunmen attacked the Al-Nour Checkpoint outside Tripoli.") ==
          std::vector<std::string>{"Al-Nour Checkpoint@Tripoli"});
    CHECK(unlisted_names("Rebels shelled the village of Ma\u2019ardes near Gao.") ==
          std::vector<std::string>{"Ma\u2019ardes@Gao"});
}

TEST_CASE("no unlisted place without a cue, a known place, or an anchor in the sentence", "[events][unlisted]") {
    // A known place is the geoparser's, not a new one.
    CHECK(unlisted_names("Troops entered the town of Bakhmut on Monday.").empty());
    // Capitalised words with no cue are not places.
    CHECK(unlisted_names("Colonel Sabir Warda said rebels shelled Kherson.").empty());
    // Nowhere to put it: the sentence names no known place.
    CHECK(unlisted_names("Gunmen burned the village of Tal Warda on Monday.").empty());
}

TEST_CASE("an event in an unlisted village is placed there, not at the town the text puts it in", "[events][unlisted]") {
    std::vector<gp::Toponym> keep;
    const gp::Toponym* p = linked("Herders attacked Dogo Wuri village in Gao on Monday, killing nine.", "attacked", keep);
    REQUIRE(p != nullptr);
    CHECK(p->text == "Dogo Wuri");
    // And through extraction: the village's name, the town's point, geo_precision 2.
    const std::string text = "Herders attacked Dogo Wuri village in Gao on Monday, killing nine.";
    const eventmap::events::Extractor ex(eventmap::test::test_detector(),
                                         [](const eventmap::ingest::Article& a, const eventmap::text::ArticleStructure&) {
                                             return places_of(a.text);
                                         });
    eventmap::ingest::Article a;
    a.id = "t";
    a.text = text;
    a.published = eventmap::events::Date::parse_iso("2024-03-08");
    const auto events = eventmap::events::extract_events(a, ex);
    REQUIRE(events.size() == 1);
    CHECK(events[0].location == "Dogo Wuri");
    CHECK(events[0].geo_precision == 2);
    CHECK(events[0].point.lat_deg == Approx(16.27167));
}

TEST_CASE("a place that only says where another place is does not take the event", "[events][unlisted]") {
    std::vector<gp::Toponym> keep;
    // "Avdiivka, north of Donetsk": Donetsk is the reference point.
    const gp::Toponym* p = linked("In Avdiivka, north of Donetsk, soldiers clashed with fighters on Monday.", "clashed", keep);
    REQUIRE(p != nullptr);
    CHECK(p->text == "Avdiivka");
    // The verb's object is its place: "patrolled Goma", although Kinshasa follows "in".
    p = linked("Officials in Kinshasa said peacekeepers patrolled Goma on Monday.", "patrolled", keep);
    REQUIRE(p != nullptr);
    CHECK(p->text == "Goma");
    // A village's name as the subject of what only people undergo is a surname ("Avdiivka" stands in
    // here for a surname that is also a village's name).
    p = linked("Avdiivka was arrested in Kherson on Monday.", "arrested", keep);
    REQUIRE(p != nullptr);
    CHECK(p->text == "Kherson");
    // A person's name with an age is no place: "Gao, 41, was shot in Kidal".
    p = linked("Gao, 41, was shot in Kidal on Monday.", "shot", keep);
    REQUIRE(p != nullptr);
    CHECK(p->text == "Kidal");
}

TEST_CASE("a facility named after its town is a place at that town", "[events][unlisted]") {
    // The geoparser calls "Kidal" in "Kidal Airport" embedded: part of another name.
    std::vector<gp::Toponym> ts;
    gp::Toponym kidal;
    const std::string text = "Drones struck the Kidal Airport on Monday.";
    kidal.start_byte = 18;
    kidal.end_byte = 23;
    kidal.start_cp = 18;
    kidal.end_cp = 23;
    kidal.text = kidal.name = "Kidal";
    kidal.kind = gp::ToponymKind::embedded;
    kidal.feature_code = "PPLA";
    kidal.country = "ML";
    kidal.confidence = 0.95;
    kidal.point = eventmap::geo::LatLon::from_degrees(18.44111, 1.40778);
    ts.push_back(kidal);
    eventmap::events::add_unlisted_places(text, ts);
    REQUIRE(ts.size() == 1);
    CHECK(ts[0].text == "Kidal Airport");
    CHECK(ts[0].kind == gp::ToponymKind::literal);
    CHECK(ts[0].unlisted);
    CHECK(ts[0].anchor == "Kidal");
    CHECK(ts[0].end_cp == 31);
    // An organisation named after a town stays embedded: "the Kidal Football Club".
    std::vector<gp::Toponym> club{kidal};
    eventmap::events::add_unlisted_places("Drones struck the Kidal Football Club on Monday.", club);
    CHECK(club[0].kind == gp::ToponymKind::embedded);
}

TEST_CASE("a neighbourhood that shares a far town's name lies in the town the sentence names", "[events][unlisted]") {
    // "Kidal" is a known town 270 km from Gao; "the Kidal neighbourhood" of Gao is in Gao.
    const auto places = places_of("In Gao, gunmen shot a trader in the Kidal neighbourhood on Monday.");
    const gp::Toponym* k = nullptr;
    for (const auto& t : places)
        if (t.text == "Kidal") k = &t;
    REQUIRE(k != nullptr);
    CHECK(k->unlisted);
    CHECK(k->anchor == "Gao");
    CHECK(k->point.lat_deg == Approx(16.27167));
    // A town's qualifier in parentheses is no anchor: "in Goma (Kinshasa), ... the Mabanga area" is in Goma.
    CHECK(unlisted_names("In Goma (Kinshasa), police dispersed a crowd in the Mabanga area on Monday.") ==
          std::vector<std::string>{"Mabanga@Goma"});
}

TEST_CASE("'in the X area': the preposition before 'the' makes an unlisted place the event's", "[events][unlisted]") {
    std::vector<gp::Toponym> keep;
    const gp::Toponym* p = linked("A bomb exploded in the Radwa area on Monday, officials in Kyiv said.", "exploded", keep);
    REQUIRE(p != nullptr);
    CHECK(p->text == "Radwa");
}

TEST_CASE("more ways a report introduces a place: apposition, 'X in Y', a distance, a street", "[events][unlisted]") {
    CHECK(unlisted_names("Gunmen invaded Dogo Sule, a small village near Gao, at dawn.") ==
          std::vector<std::string>{"Dogo Sule@Gao"});
    CHECK(unlisted_names("Thousands marched to Khirbat in southern Kherson on Monday.") ==
          std::vector<std::string>{"Khirbat@Kherson"});
    CHECK(unlisted_names("A car bomb exploded in Suwara, some 50 km south of Tripoli.") ==
          std::vector<std::string>{"Suwara@Tripoli"});
    CHECK(unlisted_names("Troops stormed the strategic Sheikh Sa\u2019eed District of southern Khartoum.") ==
          std::vector<std::string>{"Sheikh Sa\u2019eed District@Khartoum"});
    CHECK(unlisted_names("Police patrolled Nairobi's main thoroughfare, and protesters gathered on Moi Avenue.") ==
          std::vector<std::string>{"Moi Avenue@Nairobi"});
    // A person after "to" is no place without a place to put it in: "spoke to Ahmed Salim in person".
    CHECK(unlisted_names("Reporters spoke to Ahmed Salim in person in Nairobi.").empty());
}
