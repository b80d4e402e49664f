#include "viewer/state/neighbours.h"

#include <algorithm>
#include <cmath>

#include "eventmap/geo/geodesic.h"

namespace eventmap::viewer {

std::vector<std::pair<std::uint32_t, double>> nearest_neighbours(const EventStore& store, std::uint32_t index, std::size_t k) {
    std::vector<std::pair<std::uint32_t, double>> out;
    if (index >= store.size() || k == 0) return out;
    auto gpu = store.gpu();
    const GpuEvent& me = gpu[index];
    // Shortlist by a cheap planar distance (wrapped across the antimeridian), generous enough
    // that the projection's distortion cannot push a true neighbour out.
    std::vector<std::pair<double, std::uint32_t>> cand;
    cand.reserve(store.size());
    for (std::uint32_t i = 0; i < gpu.size(); ++i) {
        if (i == index) continue;
        double dx = std::abs(gpu[i].world_x - me.world_x);
        dx = std::min(dx, 1 - dx);
        double dy = gpu[i].world_y - me.world_y;
        cand.push_back({dx * dx + dy * dy, i});
    }
    std::size_t shortlist = std::min(cand.size(), k * 8 + 16);
    std::partial_sort(cand.begin(), cand.begin() + static_cast<std::ptrdiff_t>(shortlist), cand.end());
    geo::LatLon p = store.point(index);
    for (std::size_t j = 0; j < shortlist; ++j)
        out.push_back({cand[j].second, geo::distance_km(p, store.point(cand[j].second))});
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.second < b.second; });
    if (out.size() > k) out.resize(k);
    return out;
}

}  // namespace eventmap::viewer
