#pragma once
// A place name found in an article and the place it was resolved to.
#include <cstdint>
#include <string>
#include <string_view>

#include "eventmap/geo/latlon.h"

namespace eventmap::gazetteer {
struct Place;
}

namespace eventmap::geoparse {

/// How the name is used, after GeoWebNews' classes.
enum class ToponymKind : std::uint8_t {
    literal,   ///< the place itself: "shelling in Avdiivka"
    demonym,   ///< a demonym or adjectival modifier: "Russian forces" (associated with Russia)
    metonym,   ///< the place standing for its government or people: "Moscow said", "the Kremlin"
    embedded,  ///< part of another name: "the Washington Post", "Shanghai Cooperation Organisation"
};

std::string_view to_string(ToponymKind kind);

struct Toponym {
    std::int64_t start_cp = 0;   ///< span in the article (Unicode code points)
    std::int64_t end_cp = 0;
    std::size_t start_byte = 0;  ///< the same span in UTF-8 bytes
    std::size_t end_byte = 0;
    std::string text;            ///< the span as written
    std::string name;            ///< the resolved place's name ("" when unresolved)
    ToponymKind kind = ToponymKind::literal;
    std::int64_t geonameid = 0;  ///< 0 when unresolved or our own supplement entry without one
    std::uint32_t place = UINT32_MAX;  ///< gazetteer index, UINT32_MAX when unresolved
    std::string country;         ///< ISO2
    std::string admin1;          ///< admin1 name
    std::string feature_code;
    geo::LatLon point;           ///< invalid when unresolved (or a demonym noun, which names people)
    double confidence = 0;       ///< 0..1
    bool derived = false;        ///< point computed from an anchor ("30 km north of Kharkiv")
    bool unlisted = false;       ///< a place the gazetteer lacks ("the village of X"): name as written, point,
                                 ///< country and feature code of its anchor (events::add_unlisted_places)
    std::string anchor;          ///< for derived points: the anchor place's name
    std::int64_t runner_up_geonameid = 0;  ///< the second-best candidate, 0 when none
    std::string runner_up_name;
    double runner_up_score = 0;
};

/// Makes `t` name `p`: index, name, geonameid, country, admin1, feature code and point.
void set_place(Toponym& t, const gazetteer::Place& p);

}  // namespace eventmap::geoparse
