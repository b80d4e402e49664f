#pragma once
// The event taxonomy: ACLED's 25 sub-event types (ACLED's exact spelling) plus eventmap's
// own types beyond ACLED (diplomacy, disasters, organised crime, claims of responsibility).
// Each type has a stable slug (what Event::type holds) and a unique index. The definitions,
// in our words, are in docs/taxonomy.md.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace eventmap::events {

struct EventTypeInfo {
    std::string_view slug;            ///< "shelling_artillery_missile_attack"
    std::string_view event_type;      ///< ACLED's spelling: "Explosions/Remote violence"; ours beyond ACLED: "Diplomacy", ...
    std::string_view sub_event_type;  ///< ACLED's spelling: "Shelling/artillery/missile attack"
    std::string_view description;     ///< one line, our own words
    std::uint32_t bit;                ///< 0..33, unique, the table order: ACLED's types are bits 0..24 of a
                                      ///< 32-bit mask; the viewer gives its own filter bits to the types it loads
};

/// Every known type, ACLED's 25 first (in ACLED's order), then the 5 diplomacy types, then
/// natural and man-made disasters, organised crime and claims of responsibility.
std::span<const EventTypeInfo> event_types();

/// The slug of a sub-event name: lower-cased, each run of non-alphanumerics -> '_', trimmed.
/// "Shelling/artillery/missile attack" -> "shelling_artillery_missile_attack".
std::string slug_for(std::string_view sub_event_type);

/// The type whose slug or ACLED sub-event name (any case) matches; nullptr when unknown.
const EventTypeInfo* find_type(std::string_view slug_or_acled_name);

/// ACLED's disorder type for an event type: "Political violence", "Demonstrations" or
/// "Strategic developments" (diplomacy, disasters, crime and claims count as strategic developments).
std::string_view disorder_type_for(std::string_view event_type);

}  // namespace eventmap::events
