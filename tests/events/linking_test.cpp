// Linking a given event verb to the place where its event happened (Detector::place_of, places_of),
// on sentences we wrote: the places a sentence names that are not where the event happened.
#include <algorithm>

#include <catch2/catch.hpp>

#include "events_support.h"

namespace ev = eventmap::events;
namespace gp = eventmap::geoparse;

namespace {

// The places the detector links the verb `verb` of the one-sentence `text` to, first the main one.
std::vector<std::string> linked_places(const std::string& text, const std::string& verb) {
    ev::SentenceContext ctx;
    ctx.text = text;
    ctx.sentence = eventmap::text::Span{0, text.size()};
    eventmap::ingest::Article a;
    a.text = text;
    auto places = eventmap::test::test_place_finder()(a, eventmap::text::ArticleStructure{});
    // In text order, as the geoparser gives them (the test finder finds the longest names first).
    std::sort(places.begin(), places.end(), [](const gp::Toponym& x, const gp::Toponym& y) { return x.start_byte < y.start_byte; });
    ctx.places = places;
    const std::size_t at = text.find(verb);
    std::vector<std::string> out;
    for (const gp::Toponym* p : eventmap::test::test_detector().places_of(ctx, eventmap::text::Span{at, at + verb.size()}))
        out.push_back(p->text);
    return out;
}

// The main place, "" when none.
std::string linked_place(const std::string& text, const std::string& verb) {
    const auto all = linked_places(text, verb);
    return all.empty() ? "" : all.front();
}

}  // namespace

TEST_CASE("a place after 'by', 'with', 'against', 'for' or 'since' is a side, a partner or a goal", "[events]") {
    CHECK(linked_place("A soldier was wounded on Monday in a skirmish with Russia.", "wounded").empty());
    CHECK(linked_place("Two reporters were detained on Friday as they left for Kyiv.", "detained").empty());
    CHECK(linked_place("Hundreds have been killed since the fighting for Bakhmut began.", "killed").empty());
    CHECK(linked_place("The village was shelled on Sunday, a report released by Moscow said.", "shelled").empty());
    // The place the event happened in still wins where there is one.
    CHECK(linked_place("A soldier was wounded near Avdiivka in a skirmish with Russia.", "wounded") == "Avdiivka");
    // "From" may say where ("abducted from", "5 km from"): it stays a candidate.
    CHECK(linked_place("Gunmen abducted two farmers from Gao on Monday.", "abducted") == "Gao");
}

TEST_CASE("a country is the place only after a preposition of place or as the verb's object", "[events]") {
    // The actor or the subject, a nationality: not where.
    CHECK(linked_place("Ukraine shot down eleven drones on Sunday.", "shot").empty());
    CHECK(linked_place("Russia's war has killed thousands of civilians.", "killed").empty());
    CHECK(linked_place("Protesters marched on Sunday, waving Ukraine flags.", "marched").empty());
    CHECK(linked_place("Ukraine shot down eleven drones over the Black Sea on Sunday.", "shot") == "Black Sea");
    // With a preposition of place, past a compass word or an adjective, or as the object, it is where.
    CHECK(linked_place("In Ukraine, shelling killed two civilians on Sunday.", "killed") == "Ukraine");
    CHECK(linked_place("Drones flew over northern Ukraine on Monday.", "flew") == "Ukraine");
    CHECK(linked_place("Two deserters were arrested in neighbouring Russia on Monday.", "arrested") == "Russia");
    CHECK(linked_place("The army invaded Ukraine in February.", "invaded") == "Ukraine");
    // A town before the verb is still the place ("Kharkiv was shelled").
    CHECK(linked_place("Kharkiv was shelled again on Sunday.", "shelled") == "Kharkiv");
}

TEST_CASE("a war's scope and the point a distance is measured from are references, not the place", "[events]") {
    CHECK(linked_place("Veterans of the war in Ukraine marched on Sunday.", "marched").empty());
    CHECK(linked_place("Volunteers who fought in Russia's war were detained on Monday.", "detained").empty());
    CHECK(linked_place("Veterans of the war in Ukraine marched in Paris on Sunday.", "marched") == "Paris");
    // The geoparser gives "30 km north of Kharkiv" a point of its own (not in the test table): that
    // point, not Kharkiv's, is where the convoy was.
    CHECK(linked_place("A convoy was ambushed 30 km north of Kharkiv on Monday.", "ambushed").empty());
    // Without a distance, "north of Kharkiv" is the place, roughly.
    CHECK(linked_place("A convoy was ambushed north of Kharkiv on Monday.", "ambushed") == "Kharkiv");
}

TEST_CASE("a country after 'to' or 'from' is a destination or an origin, after 'X of' it says whose", "[events]") {
    CHECK(linked_place("Soldiers handed the prisoners over to Russia on Monday.", "handed").empty());
    CHECK(linked_place("Fighters from Russia attacked a convoy on Monday.", "attacked").empty());
    CHECK(linked_place("The ambassador of Ukraine was attacked on Monday.", "attacked").empty());
    // A part of the country is the place; so is a town after "to" ("deployed to Kharkiv").
    CHECK(linked_place("In the capital of Ukraine, a drone struck a bridge.", "struck") == "Ukraine");
    CHECK(linked_place("Troops were deployed to Kharkiv on Monday.", "deployed") == "Kharkiv");
}

TEST_CASE("extraction keeps an event whose only place is set aside, near that place", "[events]") {
    // The linking task wants no place here; a map still wants the event, near the only point the text
    // gives (the geoparser would add the derived point 30 km north; the test table has none).
    const auto events = eventmap::test::extract_text("Gunmen ambushed a convoy 30 km north of Kharkiv on Monday.");
    REQUIRE(events.size() == 1);
    CHECK(events[0].location == "Kharkiv");
    CHECK(events[0].geo_precision == 2);
}

TEST_CASE("an arms delivery's place is where it goes, a country too", "[events]") {
    // Beijing is only where the officials met; Russia is the sender.
    const auto events =
        eventmap::test::extract_text("Officials met in Beijing on Monday. Russia has sent tanks to Ukraine, they said.");
    bool transfer = false;
    for (const auto& e : events)
        if (e.type == "arms_transfer") {
            transfer = true;
            CHECK(e.location == "Ukraine");
        }
    CHECK(transfer);
}

TEST_CASE("a verb's own place is more likely the one after it than the subject's", "[events]") {
    CHECK(linked_place("Soldiers in Kharkiv shot two men near Bakhmut on Monday.", "shot") == "Bakhmut");
    // Before the verb and alone, it is still the place.
    CHECK(linked_place("In Kharkiv, soldiers shot two men on Monday.", "shot") == "Kharkiv");
}

TEST_CASE("places joined by 'and' are a list even when one reads as a region", "[events]") {
    // The gazetteer may read a town as its namesake province; "and" still lists two places of the event.
    CHECK(linked_places("Shelling hit Kharkiv and Donetsk region overnight.", "hit") ==
          std::vector<std::string>{"Kharkiv", "Donetsk region"});
    // Spacing is no part of the list ("and" at a line break, two spaces).
    CHECK(linked_places("Shelling hit Kharkiv and  Kherson overnight.", "hit") ==
          std::vector<std::string>{"Kharkiv", "Kherson"});
    // A comma alone after a town names its region, and a country is no member of a list of towns.
    CHECK(linked_places("Shelling hit Mykolaiv, Odesa region, overnight.", "hit") == std::vector<std::string>{"Mykolaiv"});
    CHECK(linked_places("Shelling hit Kharkiv and Ukraine overnight.", "hit").size() == 1);
}

TEST_CASE("'the Donetsk region city of Pokrovsk': the region only says where the city is", "[events]") {
    // Pokrovsk is in the test table as a district (ADM2), as the gazetteer reads some towns.
    CHECK(linked_place("Shelling killed two men in the Donetsk region city of Pokrovsk.", "killed") == "Pokrovsk");
    CHECK(linked_place("Shelling killed two men in the Donetsk region town of Avdiivka.", "killed") == "Avdiivka");
    // "The X district of Y" is the other way round: X is the place (rules_test.cpp).
}

TEST_CASE("an institution's seat before a verb of saying is where it spoke, not where the event happened", "[events]") {
    CHECK(linked_place("The military government in Kyiv said on Wednesday that drones struck a convoy.", "struck").empty());
    CHECK(linked_place("Drones struck a convoy, officials in Kyiv told reporters.", "struck").empty());
    // The event's own place wins over the seat, wherever it stands.
    CHECK(linked_place("Drones struck a convoy near Kherson, the ministry in Kyiv said.", "struck") == "Kherson");
    // Residents and witnesses in a town are at the event.
    CHECK(linked_place("Residents in Kherson said shelling hit the market.", "shelling") == "Kherson");
}

TEST_CASE("a continent, like a country, is a place only after a preposition of place", "[events]") {
    // A name that only qualifies a noun ("Europe flags") is no place of the event.
    CHECK(linked_place("Protesters blocked an avenue on Monday, waving Europe flags.", "blocked").empty());
    CHECK(linked_place("Protesters in Tbilisi blocked an avenue on Monday, waving Europe flags.", "blocked") == "Tbilisi");
    CHECK(linked_place("Farmers protested across Europe on Monday.", "protested") == "Europe");
}

TEST_CASE("'X and the city of Y' lists two places of the event", "[events]") {
    CHECK(linked_places("Russian forces shelled villages around Kharkiv and the city of Kherson overnight.", "shelled") ==
          std::vector<std::string>{"Kharkiv", "Kherson"});
    CHECK(linked_places("Gunmen attacked Gao, and the town of Kidal on Sunday.", "attacked") ==
          std::vector<std::string>{"Gao", "Kidal"});
    // A kind word alone is no list: "Kharkiv and the city's outskirts".
    CHECK(linked_places("Russian forces shelled Kharkiv and the city outskirts overnight.", "shelled") ==
          std::vector<std::string>{"Kharkiv"});
}
