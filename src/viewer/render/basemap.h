#pragma once
// The offline basemap: Natural Earth land and countries from world-atlas (TopoJSON through
// GDAL), filled with GEOS's constrained Delaunay triangulation after GEOSMakeValid, plus
// borders, coastlines and label points. Triangulating is slow (10m: seconds), so the result
// is cached on disk (data/index/basemap-<res>.bin, header + version + source size/mtime).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "eventmap/geo/latlon.h"

namespace eventmap::viewer {

enum class BasemapResolution : std::uint8_t { r110m, r50m, r10m };

struct BasemapLabel {
    std::string text;
    geo::LatLon point;
    float min_zoom = 0;         ///< shown at this web-map zoom and above
    std::int64_t rank = 0;      ///< larger wins collisions (area or population)
};

struct Basemap {
    BasemapResolution resolution = BasemapResolution::r50m;
    std::vector<float> land_triangles;  ///< lon, lat (degrees) × 3 per triangle
    std::vector<float> borders;         ///< lon, lat pairs: GL_LINES segments (country outlines)
    std::vector<float> coasts;          ///< lon, lat pairs: GL_LINES segments (land outlines)
    std::vector<BasemapLabel> countries;
    std::vector<BasemapLabel> cities;
};

/// world-atlas TopoJSON file for a layer ("countries" or "land") at a resolution.
std::filesystem::path world_atlas_path(const std::string& layer, BasemapResolution resolution);

/// Cache file for a resolution: <data>/index/basemap-<res>.bin.
std::filesystem::path basemap_cache_path(BasemapResolution resolution);

/// The basemap from its cache, rebuilding (and rewriting) the cache when missing or stale.
/// Throws eventmap::IoError when world-atlas is missing (run scripts/fetch_data.sh).
Basemap load_basemap(BasemapResolution resolution);

/// Builds the basemap from world-atlas and GeoNames cities500 (no cache involved).
Basemap build_basemap(BasemapResolution resolution);

/// Fills a polygon (lon/lat rings, the first outer) with triangles via GEOS (MakeValid, then
/// constrained Delaunay); appends lon, lat × 3 per triangle to `out`. Returns triangles added.
std::size_t triangulate_polygon(const std::vector<std::vector<geo::LatLon>>& rings, std::vector<float>& out);

/// Web-map zoom at which a city of this population gets a label.
float city_min_zoom(std::int64_t population);

}  // namespace eventmap::viewer
