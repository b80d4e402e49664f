#pragma once
// A point on the WGS84 ellipsoid, in degrees.
#include <cmath>

namespace eventmap::geo {

struct LatLon {
    double lat_deg = NAN;  ///< latitude (degrees, -90..90)
    double lon_deg = NAN;  ///< longitude (degrees, -180..180)

    static constexpr LatLon from_degrees(double lat, double lon) { return LatLon{lat, lon}; }
    static constexpr LatLon invalid() { return LatLon{}; }
    bool is_valid() const {
        return std::isfinite(lat_deg) && std::isfinite(lon_deg) && lat_deg >= -90.0 && lat_deg <= 90.0 &&
               lon_deg >= -180.0 && lon_deg <= 180.0;
    }
    friend bool operator==(const LatLon&, const LatLon&) = default;
};

}  // namespace eventmap::geo
