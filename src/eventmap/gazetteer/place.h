#pragma once
// A place the gazetteer knows: a GeoNames row, a country, an admin1 region, one of
// our own supplement features, or a demonym that points at a country.
#include <cstdint>
#include <string_view>

#include "eventmap/geo/latlon.h"

namespace eventmap::gazetteer {

enum class PlaceKind : std::uint8_t { city, country, admin1, feature, demonym };

std::string_view to_string(PlaceKind kind);

/// A view of one place in a loaded index. Strings point into the index (valid while it is open).
struct Place {
    std::uint32_t index = 0;         ///< position in the index (dense, 0..size-1)
    std::int64_t geonameid = 0;      ///< GeoNames id; our own ids for supplement entries are negative
    std::string_view name;           ///< preferred name (UTF-8)
    std::string_view ascii_name;
    std::string_view country;        ///< ISO 3166-1 alpha-2, "" for none (seas)
    std::string_view admin1_code;    ///< GeoNames admin1 code ("14"), "" for none
    std::string_view admin1_name;    ///< e.g. "Donetsk Oblast"
    char feature_class = 0;          ///< GeoNames feature class: 'P', 'A', 'H', 'T', 'L', ...
    std::string_view feature_code;   ///< GeoNames feature code: "PPLA2", "PCLI", "ADM1", "SEA", ...
    geo::LatLon point;
    std::int64_t population = 0;
    PlaceKind kind = PlaceKind::city;
    bool derived_point = false;      ///< point computed by us (e.g. admin1 from its places), not surveyed
    std::uint32_t demonym_of = UINT32_MAX;  ///< for kind==demonym: index of the country it names
};

}  // namespace eventmap::gazetteer
