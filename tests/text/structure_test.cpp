#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "eventmap/text/structure.h"
#include "support/support.h"

using eventmap::events::Date;
using eventmap::ingest::Article;
using namespace eventmap::text;

namespace {

std::optional<Dateline> dateline_of(const std::string& paragraph) {
    return find_dateline(paragraph, Span{0, paragraph.size()});
}

std::vector<std::string> places(const std::string& p, const Dateline& d) {
    std::vector<std::string> out;
    for (const Span& s : d.place_spans) out.emplace_back(s.of(p));
    return out;
}

Article article(std::string text) {
    Article a;
    a.text = std::move(text);
    return a;
}

// The kind of zone that holds the first occurrence of `needle`.
ZoneKind kind_of(const Article& a, const ArticleStructure& s, const std::string& needle) {
    const std::size_t at = a.text.find(needle);
    REQUIRE(at != std::string::npos);
    return s.kind_at(at);
}

}  // namespace

TEST_CASE("wire datelines with several places, a date and an agency", "[structure]") {
    const std::string p = "LVIV/NEAR KUPIANSK, Ukraine, April 2 (Reuters) - Officials said the line held.";
    const auto d = dateline_of(p);
    REQUIRE(d);
    CHECK(places(p, *d) == std::vector<std::string>{"LVIV", "NEAR KUPIANSK", "Ukraine"});
    CHECK(d->month == 4);
    CHECK(d->day == 2);
    CHECK_FALSE(d->year);
    CHECK(d->agency == "Reuters");
    CHECK(d->span.of(p) == "LVIV/NEAR KUPIANSK, Ukraine, April 2 (Reuters) -");
}

TEST_CASE("datelines: place and country with an agency, abbreviated months, bare cities", "[structure]") {
    std::string p = "KYIV, Ukraine (AP) \u2014 Air raid sirens sounded across the city.";
    auto d = dateline_of(p);
    REQUIRE(d);
    CHECK(places(p, *d) == std::vector<std::string>{"KYIV", "Ukraine"});
    CHECK(d->agency == "AP");
    CHECK_FALSE(d->month);

    p = "GAZA CITY, Feb 3 (AFP) - Crowds gathered at the crossing.";
    d = dateline_of(p);
    REQUIRE(d);
    CHECK(places(p, *d) == std::vector<std::string>{"GAZA CITY"});
    CHECK(d->month == 2);
    CHECK(d->day == 3);
    CHECK(d->agency == "AFP");

    p = "WASHINGTON \u2014 The Senate voted late on Tuesday.";
    d = dateline_of(p);
    REQUIRE(d);
    CHECK(places(p, *d) == std::vector<std::string>{"WASHINGTON"});
    CHECK(d->agency.empty());

    p = "ST. PETERSBURG, Russia, Sept. 9, 2021 (Reuters) - Ships left the port.";
    d = dateline_of(p);
    REQUIRE(d);
    CHECK(places(p, *d) == std::vector<std::string>{"ST. PETERSBURG", "Russia"});
    CHECK(d->year == 2021);

    p = "Odesa, Ukraine \u2014 Residents queued for water on Sunday.";
    d = dateline_of(p);
    REQUIRE(d);
    CHECK(places(p, *d) == std::vector<std::string>{"Odesa", "Ukraine"});
}

TEST_CASE("ordinary sentences are not datelines", "[structure]") {
    CHECK_FALSE(dateline_of("Officials in Kyiv - and elsewhere - said nothing."));
    CHECK_FALSE(dateline_of("NATO said on Friday it would send more jets."));
    CHECK_FALSE(dateline_of("The mayor - who took office in May - resigned."));
    CHECK_FALSE(dateline_of("Ruse, a port on the Danube, flooded."));
}

TEST_CASE("title, caption, dateline, byline, credits and web boilerplate are marked", "[structure]") {
    Article a = article(eventmap::test::read_file(eventmap::test::fixture("ingest/lantern.txt")));
    const auto s = analyse_structure(a);
    CHECK(kind_of(a, s, "Flood barriers hold") == ZoneKind::title);
    CHECK(kind_of(a, s, "A volunteer stacks sandbags") == ZoneKind::caption);
    CHECK(kind_of(a, s, "RUSE, Bulgaria, April 3") == ZoneKind::dateline);
    CHECK(kind_of(a, s, "Emergency crews") == ZoneKind::body);
    CHECK(kind_of(a, s, "Water had already") == ZoneKind::body);
    CHECK(kind_of(a, s, "Dr. Elena Stoyanova") == ZoneKind::body);
    CHECK(kind_of(a, s, "By Petar Dimov") == ZoneKind::byline);
    CHECK(kind_of(a, s, "(Reporting by Petar") == ZoneKind::credit);
    CHECK(kind_of(a, s, "Comments") == ZoneKind::boilerplate);
    CHECK(kind_of(a, s, "Leave a comment") == ZoneKind::boilerplate);
    CHECK(kind_of(a, s, "relies on readers like you") == ZoneKind::boilerplate);
    CHECK(kind_of(a, s, "Become a member") == ZoneKind::boilerplate);
    CHECK(kind_of(a, s, "Support The Daily Lantern") == ZoneKind::boilerplate);
    CHECK(kind_of(a, s, "Sign up for our morning") == ZoneKind::boilerplate);
    REQUIRE(s.dateline);
    CHECK(s.dateline->agency == "Reuters");
    // Zones are in order and do not overlap.
    for (std::size_t i = 1; i < s.zones.size(); ++i) CHECK(s.zones[i - 1].span.end <= s.zones[i].span.begin);
}

TEST_CASE("boilerplate words inside the story do not hide it", "[structure]") {
    Article a = article(
        "Ministers debate aid\n\n"
        "SOFIA (Reuters) - Ministers rejected the comments made by the opposition about membership of the "
        "customs union, saying support for farmers would continue.\n\n"
        "Read more: how the vote works\n\n"
        "The budget passes to a second reading next week.");
    const auto s = analyse_structure(a);
    CHECK(kind_of(a, s, "Ministers rejected") == ZoneKind::body);
    CHECK(kind_of(a, s, "Read more") == ZoneKind::boilerplate);
    CHECK(kind_of(a, s, "The budget passes") == ZoneKind::body);
}

TEST_CASE("a short report ending in a bracketed tag is story, not a label", "[structure]") {
    // A weak boilerplate word ("support", "member") in a short unterminated block marks a label such
    // as "Support The Daily Lantern", but not a whole sentence with a tag after it.
    Article a = article("Nurses marched in Plovdiv in support of higher pay. [size=about 200]");
    const auto s = analyse_structure(a);
    CHECK(kind_of(a, s, "Nurses marched") != ZoneKind::boilerplate);
    Article label = article("Support The Daily Lantern");
    CHECK(kind_of(label, analyse_structure(label), "Support The Daily Lantern") == ZoneKind::boilerplate);
}

TEST_CASE("photo credits mark captions", "[structure]") {
    for (const std::string caption : {"Firefighters at the quay in Varna. Photo: Lantern staff",
                                      "Smoke over the harbour (Photo by Ana Petrova/Lantern)",
                                      "A man walks past a damaged shop. EPA-EFE/IVAN IVANOV",
                                      "Soldiers rest near the front. AP Photo/Jane Roe",
                                      "Rescuers search the rubble. Getty Images"}) {
        Article a = article("Storm passes\n\n" + caption + "\n\nSOFIA (AP) - The storm moved east on Monday.");
        const auto s = analyse_structure(a);
        INFO(caption);
        CHECK(kind_of(a, s, caption.substr(0, 12)) == ZoneKind::caption);
        CHECK(kind_of(a, s, "The storm moved") == ZoneKind::body);
    }
}

TEST_CASE("publication date: metadata first, then the dateline with an inferred year", "[structure]") {
    Article a = article(
        "KHARKIV, Ukraine, March 17 (Reuters) - Rescuers searched the rubble on Friday.\n\n"
        "The war began on Feb. 24, 2022, and the leaders last met in Samarkand on 16 September 2022.\n\n"
        "The city was first shelled in 2014.");
    auto s = analyse_structure(a);
    CHECK(infer_publication_date(a, s) == Date::from_ymd(2023, 3, 17));

    // The dateline is after every reported date of the latest year: that year.
    a = article("RUSE, Bulgaria, April 3 (Reuters) - The river rose.\n\nSimilar floods struck on March 4, 2023.");
    s = analyse_structure(a);
    CHECK(infer_publication_date(a, s) == Date::from_ymd(2023, 4, 3));

    // Future plans do not count as reported past.
    a = article("SOFIA, May 2 (Reuters) - Talks were held on 1 February 2024. A summit will be held on June 5, 2025.");
    s = analyse_structure(a);
    CHECK(infer_publication_date(a, s) == Date::from_ymd(2024, 5, 2));

    a.published = Date::from_ymd(2024, 5, 3);
    CHECK(infer_publication_date(a, s) == Date::from_ymd(2024, 5, 3));

    a = article("SOFIA, May 2 (Reuters) - No year is mentioned anywhere here.");
    s = analyse_structure(a);
    CHECK_FALSE(infer_publication_date(a, s));

    a = article("SOFIA, May 2, 2021 (Reuters) - Talks were held.");
    s = analyse_structure(a);
    CHECK(infer_publication_date(a, s) == Date::from_ymd(2021, 5, 2));
}

TEST_CASE("a link prompt inside a story paragraph hides only its own sentence", "[structure]") {
    Article a = article(
        "Port reopens\n\n"
        "SOFIA (Reuters) - The port of Burgas reopened on Monday after a week of storms.\n\n"
        "The transport minister will travel to Varna next week to inspect the quays. Read More:\n\n"
        "Officials said repairs would cost millions.");
    const auto s = analyse_structure(a);
    CHECK(kind_of(a, s, "The transport minister") == ZoneKind::body);
    CHECK(kind_of(a, s, "Read More:") == ZoneKind::boilerplate);
    CHECK(kind_of(a, s, "Officials said") == ZoneKind::body);
}

TEST_CASE("a photo credit run into the first paragraph marks only the caption sentence", "[structure]") {
    Article a = article(
        "Photo credit: Lantern staff. The mayor of Pleven opened the new bridge on Saturday, officials said.");
    const auto s = analyse_structure(a);
    CHECK(kind_of(a, s, "Photo credit") == ZoneKind::caption);
    CHECK(kind_of(a, s, "The mayor of Pleven") == ZoneKind::body);
}

TEST_CASE("a byline run into the dateline is split from it", "[structure]") {
    Article a = article("By Jane Roe. BOSTON (Reuters) - A judge ruled on Tuesday that the port could expand.");
    const auto s = analyse_structure(a);
    REQUIRE(s.dateline);
    CHECK(s.dateline->span.of(a.text) == "BOSTON (Reuters) -");
    CHECK(places(a.text, *s.dateline) == std::vector<std::string>{"BOSTON"});
    CHECK(kind_of(a, s, "By Jane Roe") == ZoneKind::byline);
    CHECK(kind_of(a, s, "A judge ruled") == ZoneKind::body);
}

TEST_CASE("labels in capitals are not datelines", "[structure]") {
    CHECK_FALSE(dateline_of("BREAKING NEWS: The bridge in Ruse has closed."));
    CHECK_FALSE(dateline_of("UPDATE - Ferries to Varna are running again."));
    CHECK_FALSE(dateline_of("UN: Aid convoys reached the city."));
    CHECK(dateline_of("SOFIA: Parliament met on Monday."));
}
