#pragma once
// Geodesics on WGS84 through PROJ's geodesic.h (Karney's algorithms).
#include <vector>

#include "eventmap/geo/latlon.h"

namespace eventmap::geo {

struct Inverse {
    double distance_m = 0;     ///< geodesic distance (metres)
    double azimuth1_deg = 0;   ///< forward azimuth at the first point (degrees from north, clockwise)
    double azimuth2_deg = 0;   ///< forward azimuth at the second point (degrees)
};

/// Distance and azimuths from a to b on WGS84.
Inverse inverse(LatLon a, LatLon b);

/// Geodesic distance from a to b (metres).
double distance_m(LatLon a, LatLon b);

/// Geodesic distance from a to b (kilometres).
inline double distance_km(LatLon a, LatLon b) { return distance_m(a, b) / 1000.0; }

/// The point reached from `start` going `distance_m` metres at `azimuth_deg` (degrees from north).
LatLon direct(LatLon start, double azimuth_deg, double distance_m);

/// A closed ring of `segments` points at `radius_m` metres around `centre` (first point repeated last).
std::vector<LatLon> circle(LatLon centre, double radius_m, int segments = 128);

}  // namespace eventmap::geo
