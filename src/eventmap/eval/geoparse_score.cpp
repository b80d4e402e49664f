#include "eventmap/eval/geoparse_score.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "eventmap/geo/geodesic.h"

namespace eventmap::eval {

namespace {
std::string lower(const std::string& s) {
    std::string out = s;
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}
double midpoint(const ScoredToponym& t) { return (static_cast<double>(t.start_cp) + static_cast<double>(t.end_cp)) / 2.0; }
}  // namespace

double GeoparseScore::precision() const { return predicted ? double(matched) / double(predicted) : 0.0; }
double GeoparseScore::recall() const { return gold ? double(matched) / double(gold) : 0.0; }
double GeoparseScore::f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}
double GeoparseScore::mean_km() const {
    return errors_km.empty() ? 0.0 : std::accumulate(errors_km.begin(), errors_km.end(), 0.0) / double(errors_km.size());
}
double GeoparseScore::median_km() const {
    if (errors_km.empty()) return 0.0;
    auto e = errors_km;
    std::sort(e.begin(), e.end());
    size_t n = e.size();
    return n % 2 ? e[n / 2] : (e[n / 2 - 1] + e[n / 2]) / 2.0;
}
double GeoparseScore::acc161() const {
    if (errors_km.empty()) return 0.0;
    return double(std::count_if(errors_km.begin(), errors_km.end(), [](double e) { return e < 161.0; })) /
           double(errors_km.size());
}
double GeoparseScore::auc() const {
    // Gritta et al.'s definition: trapezoidal area under sorted ln(1+e), normalised by ln(20039) and n-1.
    if (errors_km.size() < 2) return errors_km.empty() ? 0.0 : std::log(1 + errors_km[0]) / std::log(20039.0);
    auto e = errors_km;
    std::sort(e.begin(), e.end());
    double area = 0;
    for (size_t i = 1; i < e.size(); ++i) area += (std::log(1 + e[i - 1]) + std::log(1 + e[i])) / 2.0;
    return area / (std::log(20039.0) * double(e.size() - 1));
}

void score_document(const std::vector<ScoredToponym>& gold, const std::vector<ScoredToponym>& predicted,
                    GeoparseScore& into) {
    std::vector<const ScoredToponym*> g, p;
    for (const auto& t : gold)
        if (t.point) g.push_back(&t);
    for (const auto& t : predicted)
        if (t.point) p.push_back(&t);
    into.gold += g.size();
    into.predicted += p.size();
    for (const auto* t : g) into.by_kind[t->kind].gold++;
    std::vector<bool> used(g.size(), false);
    for (const auto* pred : p) {
        const std::string pname = lower(pred->name);
        int best = -1;
        double best_dist = 10.0;
        for (size_t i = 0; i < g.size(); ++i) {
            if (used[i]) continue;
            double d = std::fabs(midpoint(*g[i]) - midpoint(*pred));
            if (d < best_dist && lower(g[i]->name) == pname) { best = int(i); best_dist = d; }
        }
        if (best < 0) continue;
        used[size_t(best)] = true;
        double err = geo::distance_km(*g[size_t(best)]->point, *pred->point);
        into.matched++;
        into.errors_km.push_back(err);
        auto& k = into.by_kind[g[size_t(best)]->kind];
        k.matched++;
        if (err < 161.0) k.within_161++;
    }
}

}  // namespace eventmap::eval
