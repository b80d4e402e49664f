#pragma once
// Date expressions in a sentence, absolute and relative, resolved against a reference date.
#include <optional>
#include <string_view>
#include <vector>

#include "eventmap/events/event.h"
#include "eventmap/text/span.h"

namespace eventmap::text {

/// Precision as ACLED counts it.
inline constexpr int precision_day = 1;
inline constexpr int precision_week = 2;
inline constexpr int precision_month = 3;

struct DateMention {
    Span span;                           ///< bytes in the sentence
    events::Date start;
    std::optional<events::Date> end;     ///< last day (inclusive) for spans: weeks, months, "over the weekend"
    int time_precision = precision_day;  ///< 1 day, 2 week, 3 month
    bool relative = false;               ///< resolved against the reference ("yesterday", "on Friday")
    bool has_year = false;               ///< the text gave the year (absolute dates only)
    friend bool operator==(const DateMention&, const DateMention&) = default;
};

/// Dates mentioned in `sentence`, in order. `reference` is the publication date (must be valid).
/// A month-day without a year takes the year that puts it nearest on/before the reference (just
/// after when the sentence speaks of the future: "will", "next", "is due to", ...).
std::vector<DateMention> find_dates(std::string_view sentence, events::Date reference);

/// True when the sentence speaks of the future ("will", "is due to", "tomorrow", "plans to", ...).
bool speaks_of_future(std::string_view sentence);

/// Day of the week, 0 = Monday .. 6 = Sunday.
int weekday(events::Date date);

/// Month number for an English month name or abbreviation ("Sept", "feb"), 0 when none.
int month_from_name(std::string_view word);

}  // namespace eventmap::text
