#pragma once
// Place finders for extraction, backed by the gazetteer.
#include <functional>
#include <future>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "eventmap/events/extract.h"
#include "eventmap/gazetteer/gazetteer.h"
#include "eventmap/geo/geodesic.h"

namespace eventmap::events {

/// The seat of each country (its PPLC, keyed "ISO2") and first-level region (its largest PPLA,
/// keyed "ISO2.admin1code") in the gazetteer.
using AdminSeats = std::unordered_map<std::string, geo::LatLon>;
AdminSeats region_seats(const gazetteer::Gazetteer& gazetteer);

/// A PlaceFinder over `gazetteer` (which must outlive it): the project's geoparser when built in,
/// otherwise a plain longest-match of capitalised names against the index (see docs/events.md);
/// then resolve_with_qualifiers over the gazetteer's candidates, and place_regions_at_seats.
PlaceFinder gazetteer_places(const gazetteer::Gazetteer& gazetteer);
/// The same with the gazetteer's region_seats() to come from `seats`: they take a pass over every
/// place, which a caller may run on another thread (std::async) while the geoparser loads here.
PlaceFinder gazetteer_places(const gazetteer::Gazetteer& gazetteer, std::future<AdminSeats> seats);

/// An event placed only at a country or first-level region goes on the map at its seat, as ACLED
/// codes such events (geo_precision 3) at the capital ("Anbar" -> Ramadi, "Ukraine" -> Kyiv), not
/// at the region's centre. Moves the point of every PCL*/ADM1 toponym that has a seat; the name,
/// ids and feature code stay the region's.
void place_regions_at_seats(std::vector<geoparse::Toponym>& toponyms, const gazetteer::Gazetteer& gazetteer,
                            const AdminSeats& seats);

/// The candidate places of a name, best first (Gazetteer::lookup in production). The Place
/// strings must stay valid while the toponyms are filled from them.
using CandidateLookup = std::function<std::vector<gazetteer::Place>(std::string_view name)>;

/// Reads the qualifiers a report writes after a place, "Village, Region" or "Village (District,
/// Region)", and resolves the chain together: each name becomes its candidate that lies in the
/// admin1 region of a qualifier, whose admin1 name starts with the qualifier ("Magdalena" for
/// "Magdalena Department"), or within 150 km of a qualifying district seat. When the first name
/// has no such candidate (a namesake elsewhere; the village itself is not in the gazetteer), is
/// ambiguous or small, lies over 250 km from the region's centre and the qualifier reads as a
/// region of the same country (or the gazetteer knows the name only abroad), the name takes the
/// place of the district seat the chain names between the two ("Mala (Harib, Marib)": Harib), else the
/// region's, and is marked derived (a coarser but honest location, as ACLED falls back). Lists ("Kharkiv, Donetsk and
/// Kyiv") are left alone. `toponyms` are in text order.
void resolve_with_qualifiers(std::string_view text, std::vector<geoparse::Toponym>& toponyms,
                             const CandidateLookup& lookup);

}  // namespace eventmap::events
