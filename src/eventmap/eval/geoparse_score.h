#pragma once
// Scoring of geoparser output against a gold corpus, as the literature does it
// (Gritta et al.; EUPEG): see ../shared/eval/README.md and docs/accuracy.md.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "eventmap/geo/latlon.h"

namespace eventmap::eval {

struct ScoredToponym {
    std::int64_t start_cp = 0;
    std::int64_t end_cp = 0;
    std::string name;              ///< surface text of the span
    std::optional<geo::LatLon> point;  ///< only toponyms with coordinates take part
    std::string kind;              ///< gold kind (for the breakdown) or predicted kind
};

struct KindScore {
    std::size_t gold = 0, matched = 0, within_161 = 0;
};

struct GeoparseScore {
    std::size_t gold = 0, predicted = 0, matched = 0;
    std::vector<double> errors_km;  ///< one per matched pair
    std::map<std::string, KindScore> by_kind;  ///< by gold kind

    double precision() const;
    double recall() const;
    double f1() const;
    double mean_km() const;
    double median_km() const;
    /// share of matched pairs with error < 161 km
    double acc161() const;
    /// area under the curve of sorted ln(1 + error_km) / ln(20039), lower is better
    double auc() const;
};

/// Adds one document: a prediction matches a gold toponym when the lower-cased names are equal
/// and the span midpoints are less than 10 characters apart; each prediction matches at most one gold.
void score_document(const std::vector<ScoredToponym>& gold, const std::vector<ScoredToponym>& predicted,
                    GeoparseScore& into);

}  // namespace eventmap::eval
