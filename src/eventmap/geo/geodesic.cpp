#include "eventmap/geo/geodesic.h"

#include <geodesic.h>

namespace eventmap::geo {

namespace {
const geod_geodesic& wgs84() {
    static const geod_geodesic g = [] {
        geod_geodesic tmp;
        geod_init(&tmp, 6378137.0, 1.0 / 298.257223563);
        return tmp;
    }();
    return g;
}
}  // namespace

Inverse inverse(LatLon a, LatLon b) {
    Inverse r;
    geod_inverse(&wgs84(), a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg, &r.distance_m, &r.azimuth1_deg,
                 &r.azimuth2_deg);
    return r;
}

double distance_m(LatLon a, LatLon b) { return inverse(a, b).distance_m; }

LatLon direct(LatLon start, double azimuth_deg, double distance_m) {
    LatLon out;
    geod_direct(&wgs84(), start.lat_deg, start.lon_deg, azimuth_deg, distance_m, &out.lat_deg, &out.lon_deg,
                nullptr);
    return out;
}

std::vector<LatLon> circle(LatLon centre, double radius_m, int segments) {
    std::vector<LatLon> ring;
    ring.reserve(static_cast<size_t>(segments) + 1);
    for (int i = 0; i < segments; ++i) ring.push_back(direct(centre, 360.0 * i / segments, radius_m));
    ring.push_back(ring.front());
    return ring;
}

}  // namespace eventmap::geo
