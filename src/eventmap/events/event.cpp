#include "eventmap/events/event.h"

#include <cstdio>

namespace eventmap::events {

namespace {
// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}
}  // namespace

std::int64_t Date::days_since_epoch() const { return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)); }

Date Date::from_days_since_epoch(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

bool Date::is_valid() const {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
    return from_days_since_epoch(days_since_epoch()) == *this;
}

std::optional<Date> Date::parse_iso(const std::string& s) {
    int y = 0, m = 0, d = 0;
    char tail = 0;
    if (s.size() < 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) < 3) return std::nullopt;
    if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return std::nullopt;
    Date out{y, m, d};
    if (!out.is_valid()) return std::nullopt;
    return out;
}

std::string Date::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::string to_string(EventStatus status) {
    switch (status) {
        case EventStatus::occurred: return "occurred";
        case EventStatus::ongoing: return "ongoing";
        case EventStatus::planned: return "planned";
        case EventStatus::background: return "background";
    }
    return "occurred";
}

std::optional<EventStatus> parse_status(const std::string& s) {
    if (s == "occurred") return EventStatus::occurred;
    if (s == "ongoing") return EventStatus::ongoing;
    if (s == "planned") return EventStatus::planned;
    if (s == "background") return EventStatus::background;
    return std::nullopt;
}

}  // namespace eventmap::events
