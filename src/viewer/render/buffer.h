#pragma once
// Buffers around points: GEOS buffers in a local azimuthal-equidistant projection (PROJ
// +proj=aeqd centred on the first point), so a 10 km buffer is 10 km geodesically from its centre.
#include <span>
#include <vector>

#include "eventmap/geo/latlon.h"

namespace eventmap::viewer {

/// Outline rings (lon/lat, closed) of the union of buffers of radius_km around the points.
/// Empty when there are no points; throws eventmap::Error when PROJ or GEOS fail.
std::vector<std::vector<geo::LatLon>> buffer_outlines(std::span<const geo::LatLon> points, double radius_km);

}  // namespace eventmap::viewer
