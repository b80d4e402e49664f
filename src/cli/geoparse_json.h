#pragma once
// The JSON shape of toponyms in `eventmap geoparse` output (the same shape as the eval corpora).
#include <nlohmann/json.hpp>

#include "eventmap/geoparse/toponym.h"

namespace eventmap::cli {

inline nlohmann::json toponym_json(const geoparse::Toponym& t) {
    nlohmann::json j;
    j["start"] = t.start_cp;
    j["end"] = t.end_cp;
    j["text"] = t.text;
    j["name"] = t.name;
    j["kind"] = std::string(geoparse::to_string(t.kind));
    j["geonameid"] = t.geonameid > 0 ? nlohmann::json(t.geonameid) : nlohmann::json(nullptr);
    j["country"] = t.country;
    j["admin1"] = t.admin1;
    j["feature_code"] = t.feature_code;
    if (t.point.is_valid()) {
        j["lat"] = std::round(t.point.lat_deg * 1e5) / 1e5;
        j["lon"] = std::round(t.point.lon_deg * 1e5) / 1e5;
    } else {
        j["lat"] = nullptr;
        j["lon"] = nullptr;
    }
    j["confidence"] = std::round(t.confidence * 1000) / 1000;
    if (t.derived) {
        j["derived"] = true;
        j["anchor"] = t.anchor;
    }
    if (t.runner_up_geonameid != 0)
        j["runner_up"] = {{"geonameid", t.runner_up_geonameid}, {"name", t.runner_up_name}};
    return j;
}

}  // namespace eventmap::cli
