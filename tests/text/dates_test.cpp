#include <catch2/catch.hpp>

#include <string>

#include "eventmap/text/dates.h"

using eventmap::events::Date;
using namespace eventmap::text;

namespace {

const Date friday = Date::from_ymd(2023, 3, 17);  // the reference: a Friday

Date ymd(int y, int m, int d) { return Date::from_ymd(y, m, d); }

// The only date in `sentence`, checked to cover `expected_text`.
DateMention only(const std::string& sentence, const std::string& expected_text, Date ref = friday) {
    const auto found = find_dates(sentence, ref);
    INFO(sentence);
    REQUIRE(found.size() == 1);
    CHECK(found[0].span.of(sentence) == expected_text);
    return found[0];
}

}  // namespace

TEST_CASE("weekday of a date", "[dates]") {
    CHECK(weekday(friday) == 4);
    CHECK(weekday(ymd(2024, 1, 1)) == 0);
    CHECK(weekday(ymd(1969, 12, 28)) == 6);
}

TEST_CASE("month and day in both orders, with and without a year", "[dates]") {
    auto m = only("The governor visited the dam on March 14.", "March 14");
    CHECK(m.start == ymd(2023, 3, 14));
    CHECK(m.time_precision == precision_day);
    CHECK_FALSE(m.relative);
    CHECK_FALSE(m.has_year);

    CHECK(only("Shops reopened on 14 March.", "14 March").start == ymd(2023, 3, 14));
    m = only("Shops reopened on 14 March 2023 after repairs.", "14 March 2023");
    CHECK(m.has_year);
    CHECK(only("The treaty was signed on March 14, 2021, in Sofia.", "March 14, 2021").start == ymd(2021, 3, 14));
    CHECK(only("The crisis began on Feb. 24, 2022.", "Feb. 24, 2022").start == ymd(2022, 2, 24));
    CHECK(only("The pier was closed on 9th March 2022.", "9th March 2022").start == ymd(2022, 3, 9));
    CHECK(only("They met on March 3rd.", "March 3rd").start == ymd(2023, 3, 3));
    CHECK(only("The talks ended on 9 March 2022.", "9 March 2022").start == ymd(2022, 3, 9));
}

TEST_CASE("a month-day without a year takes the nearest year before the reference", "[dates]") {
    // September 3 has not come yet in March 2023: it was last September.
    CHECK(only("The dam was inspected on Sept. 3.", "Sept. 3").start == ymd(2022, 9, 3));
    CHECK(only("A storm hit on December 28.", "December 28").start == ymd(2022, 12, 28));
    // ...unless the sentence speaks of the future.
    CHECK(only("The minister will visit the port on September 3.", "September 3").start == ymd(2023, 9, 3));
    CHECK(only("A vote is due to be held on 2 February.", "2 February").start == ymd(2024, 2, 2));
    // A date a few days ahead is the coming one, even without a future verb.
    CHECK(only("The deadline is March 20.", "March 20").start == ymd(2023, 3, 20));
}

TEST_CASE("numeric dates: ISO and unambiguous day/month/year", "[dates]") {
    auto m = only("The log entry is dated 2022-02-24.", "2022-02-24");
    CHECK(m.start == ymd(2022, 2, 24));
    CHECK(m.has_year);
    CHECK(only("Form signed 24/02/2022 by the clerk.", "24/02/2022").start == ymd(2022, 2, 24));
    CHECK(only("Form signed 02/24/2022 by the clerk.", "02/24/2022").start == ymd(2022, 2, 24));
    CHECK(find_dates("Form signed 03/04/2022 by the clerk.", friday).empty());  // March 4 or April 3?
    CHECK(find_dates("The score was 2022-13-45 points.", friday).empty());
}

TEST_CASE("parts of months have week precision", "[dates]") {
    auto m = only("Fighting intensified in mid-March.", "mid-March");
    CHECK(m.start == ymd(2023, 3, 15));
    CHECK(m.time_precision == precision_week);
    m = only("Snow fell in early March.", "early March");
    CHECK(m.start == ymd(2023, 3, 1));
    CHECK(m.end == ymd(2023, 3, 10));
    CHECK(m.time_precision == precision_week);
    m = only("Crews arrived in late February.", "late February");
    CHECK(m.start == ymd(2023, 2, 21));
    CHECK(m.end == ymd(2023, 2, 28));
    CHECK(only("The plant closed in late May 2021.", "late May 2021").start == ymd(2021, 5, 21));
}

TEST_CASE("months have month precision", "[dates]") {
    auto m = only("The bridge was completed in March 2021.", "March 2021");
    CHECK(m.start == ymd(2021, 3, 1));
    CHECK(m.end == ymd(2021, 3, 31));
    CHECK(m.time_precision == precision_month);
    m = only("The floods came in March.", "March");
    CHECK(m.start == ymd(2023, 3, 1));
    CHECK(m.time_precision == precision_month);
    CHECK(only("The mine flooded in May.", "May").start == ymd(2022, 5, 1));
    CHECK(only("Elections will be held in May.", "May").start == ymd(2023, 5, 1));
    CHECK(only("The port was quiet last June.", "last June").start == ymd(2022, 6, 1));
}

TEST_CASE("today, tonight, yesterday, last night, this morning, overnight", "[dates]") {
    auto m = only("Sirens sounded today in the capital.", "today");
    CHECK(m.start == friday);
    CHECK(m.relative);
    CHECK(only("The mayor will speak tonight.", "tonight").start == friday);
    CHECK(only("Two bridges were damaged yesterday.", "yesterday").start == ymd(2023, 3, 16));
    CHECK(only("Shelling resumed yesterday morning.", "yesterday morning").start == ymd(2023, 3, 16));
    CHECK(only("Power failed last night in the east.", "last night").start == ymd(2023, 3, 16));
    CHECK(only("Rescuers reached the village this morning.", "this morning").start == friday);
    m = only("Drones struck the depot overnight, officials said.", "overnight");
    CHECK(m.start == ymd(2023, 3, 16));
    CHECK(m.end == friday);
    CHECK(m.time_precision == precision_day);
    CHECK(only("Crowds gathered the day before yesterday.", "the day before yesterday").start == ymd(2023, 3, 15));
}

TEST_CASE("weekdays: the most recent one, next ones after, future tense ahead", "[dates]") {
    CHECK(only("The council met on Friday.", "on Friday").start == friday);
    CHECK(only("Friday brought heavy rain.", "Friday").start == friday);
    auto m = only("Explosions were heard on Thursday night.", "on Thursday night");
    CHECK(m.start == ymd(2023, 3, 16));
    CHECK(m.relative);
    CHECK(only("The ferry sank on Monday.", "on Monday").start == ymd(2023, 3, 13));
    CHECK(only("He resigned on Saturday.", "on Saturday").start == ymd(2023, 3, 11));
    CHECK(only("The court rules next Friday.", "next Friday").start == ymd(2023, 3, 24));
    CHECK(only("The court ruled last Friday.", "last Friday").start == ymd(2023, 3, 10));
    CHECK(only("The deal expires on Saturday.", "on Saturday").start == ymd(2023, 3, 18));
    CHECK(only("Leaders will meet on Tuesday.", "on Tuesday").start == ymd(2023, 3, 21));
}

TEST_CASE("weeks and months relative to the reference", "[dates]") {
    auto m = only("Talks collapsed last week.", "last week");
    CHECK(m.start == ymd(2023, 3, 6));
    CHECK(m.end == ymd(2023, 3, 12));
    CHECK(m.time_precision == precision_week);
    m = only("The president will travel to Rome next week.", "next week");
    CHECK(m.start == ymd(2023, 3, 20));
    CHECK(m.end == ymd(2023, 3, 26));
    m = only("Parliament approved the budget this week.", "this week");
    CHECK(m.start == ymd(2023, 3, 13));
    CHECK(m.end == ymd(2023, 3, 19));
    m = only("The plant was hit earlier this month.", "earlier this month");
    CHECK(m.start == ymd(2023, 3, 1));
    CHECK(m.end == friday);
    CHECK(m.time_precision == precision_month);
    m = only("Prices doubled last month.", "last month");
    CHECK(m.start == ymd(2023, 2, 1));
    CHECK(m.end == ymd(2023, 2, 28));
    CHECK(m.time_precision == precision_month);
}

TEST_CASE("days and weeks ago, weekends", "[dates]") {
    CHECK(only("A drone crashed three days ago.", "three days ago").start == ymd(2023, 3, 14));
    CHECK(only("A drone crashed 3 days ago.", "3 days ago").start == ymd(2023, 3, 14));
    auto m = only("The dam burst two weeks ago.", "two weeks ago");
    CHECK(m.start == ymd(2023, 3, 3));
    CHECK(m.time_precision == precision_week);
    m = only("Protesters marched over the weekend.", "over the weekend");
    CHECK(m.start == ymd(2023, 3, 11));
    CHECK(m.end == ymd(2023, 3, 12));
    CHECK(only("A rally is planned this weekend and will start at noon.", "this weekend").start == ymd(2023, 3, 18));
}

TEST_CASE("no date from marches, the modal may, names or bare years", "[dates]") {
    CHECK(find_dates("Thousands joined the Women's March in the capital.", friday).empty());
    CHECK(find_dates("The march on the capital was peaceful.", friday).empty());
    CHECK(find_dates("Veterans march through the city each spring.", friday).empty());
    CHECK(find_dates("Officials fear the army may send more troops.", friday).empty());
    CHECK(find_dates("May I ask a question?", friday).empty());
    CHECK(find_dates("In 2014 the peninsula was annexed, and by 2016 the border was closed.", friday).empty());
    CHECK(find_dates("The 1991 borders remain the goal.", friday).empty());
    // A surname that is also a month, next to a real date.
    const auto found = find_dates("Theresa May spoke on Friday.", friday);
    REQUIRE(found.size() == 1);
    CHECK(found[0].start == friday);
}

TEST_CASE("several dates in one sentence come out in order", "[dates]") {
    const std::string s = "Fighting that began on Feb. 24, 2022, flared again on Thursday and yesterday.";
    const auto found = find_dates(s, friday);
    REQUIRE(found.size() == 3);
    CHECK(found[0].start == ymd(2022, 2, 24));
    CHECK(found[1].start == ymd(2023, 3, 16));
    CHECK(found[2].start == ymd(2023, 3, 16));
    CHECK(found[0].span.begin < found[1].span.begin);
}

TEST_CASE("month names", "[dates]") {
    CHECK(month_from_name("Sept") == 9);
    CHECK(month_from_name("feb") == 2);
    CHECK(month_from_name("December") == 12);
    CHECK(month_from_name("Marching") == 0);
}

TEST_CASE("a month-day running into a capitalised name is part of the name", "[dates]") {
    // A movement or group named after a day is no date.
    CHECK(find_dates("Members of the October 12 Front marched to the square.", friday).empty());
    CHECK(find_dates("Students, including the March 8 Alliance, gathered.", friday).empty());
    // After a date word, or with a year, it is still a date.
    CHECK(only("On March 8 Russian troops entered the town.", "March 8").start == ymd(2023, 3, 8));
    CHECK(only("Since March 8 Police have kept the road shut.", "March 8").start == ymd(2023, 3, 8));
    CHECK(only("The March 8 2022 Alliance congress met.", "March 8 2022").start == ymd(2022, 3, 8));
    // Sentence-initial: a date, as in a headline.
    CHECK(only("March 8 Protests draw thousands.", "March 8").start == ymd(2023, 3, 8));
}
