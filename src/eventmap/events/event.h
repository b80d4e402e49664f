#pragma once
// One thing that happened (or is planned) at one place and time, as an article reports it.
// This is the record every later stage shares: extraction fills it, export writes it,
// the viewer draws it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "eventmap/geo/latlon.h"

namespace eventmap::events {

enum class EventStatus : std::uint8_t { occurred, ongoing, planned, background };

/// A calendar date (proleptic Gregorian). Ordered; days_since_epoch() for arithmetic.
struct Date {
    int year = 0;   ///< e.g. 2023; 0 = invalid
    int month = 0;  ///< 1..12
    int day = 0;    ///< 1..31

    static Date from_ymd(int y, int m, int d) { return Date{y, m, d}; }
    /// Parses "YYYY-MM-DD"; nullopt when malformed or not a real date.
    static std::optional<Date> parse_iso(const std::string& s);
    /// Days since 1970-01-01 (may be negative).
    std::int64_t days_since_epoch() const;
    static Date from_days_since_epoch(std::int64_t days);
    /// "YYYY-MM-DD".
    std::string iso() const;
    bool is_valid() const;
    Date plus_days(std::int64_t days) const { return from_days_since_epoch(days_since_epoch() + days); }
    friend auto operator<=>(const Date&, const Date&) = default;
};

/// One article that reports an event (an event merged from several articles has several).
struct Source {
    std::string article_id;        ///< the input's id, or the file name
    std::string title;
    std::string url;
    std::string published;         ///< ISO date, "" when unknown
    std::string sentence;          ///< the sentence the event came from
    std::int64_t trigger_start_cp = -1;  ///< trigger span in the article (code points), -1 when none
    std::int64_t trigger_end_cp = -1;
    std::int64_t place_start_cp = -1;    ///< place-name span in the article (code points), -1 when none
    std::int64_t place_end_cp = -1;
    friend bool operator==(const Source&, const Source&) = default;
};

struct Event {
    std::string id;                ///< stable: a hash of the source and the span
    std::string type;              ///< slug: "shelling_artillery_missile_attack", "diplomatic_visit", ...
    std::string event_type;        ///< ACLED's spelling: "Explosions/Remote violence", "Diplomacy", ...
    std::string sub_event_type;    ///< ACLED's spelling: "Shelling/artillery/missile attack", ...
    Date event_date;
    std::optional<Date> date_end;  ///< for spans
    int time_precision = 1;        ///< 1 day, 2 week, 3 month (ACLED)
    EventStatus status = EventStatus::occurred;

    std::string location;          ///< place name as resolved ("Avdiivka")
    std::int64_t geonameid = 0;    ///< 0 when none
    std::string country;           ///< ISO 3166-1 alpha-2
    std::string country_name;
    std::string admin1;
    geo::LatLon point;
    int geo_precision = 1;         ///< 1 the place itself, 2 near it / part of a region, 3 region or country (ACLED)

    std::string actor1;
    std::string actor2;
    std::optional<int> count;      ///< "four air strikes" -> 4
    std::optional<int> fatalities; ///< 0 for "no casualties", nullopt when unknown
    double confidence = 0;         ///< 0..1

    std::vector<Source> sources;   ///< at least one

    friend bool operator==(const Event&, const Event&) = default;
};

std::string to_string(EventStatus status);
/// Parses "occurred" / "ongoing" / "planned" / "background".
std::optional<EventStatus> parse_status(const std::string& s);

}  // namespace eventmap::events
