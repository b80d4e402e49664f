#pragma once
// The JSON shape of toponyms in `eventmap geoparse` output (the same shape as the eval corpora).
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "eventmap/core/json_text.h"
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

/// One article as `eventmap geoparse` prints it: {"id": ..., "toponyms": [toponym_json...]}.
inline nlohmann::json article_json(const std::string& id, const std::vector<geoparse::Toponym>& toponyms) {
    nlohmann::json j;
    j["id"] = id;
    j["toponyms"] = nlohmann::json::array();
    for (const auto& t : toponyms) j["toponyms"].push_back(toponym_json(t));
    return j;
}

namespace json_detail {

/// Strict UTF-8 (no overlong forms, surrogates or code points above U+10FFFF): what
/// nlohmann::json's dump() accepts without throwing.
inline bool valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned char c = p[i];
        if (c < 0x80) { ++i; continue; }
        std::size_t len = 0;
        std::uint32_t cp = 0, min = 0;
        if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; min = 0x10000; }
        else return false;
        if (n - i < len) return false;
        for (std::size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
    }
    return true;
}

using core::append_json_int;
using core::append_json_string;


/// A double as dump() writes it (nlohmann's own shortest round-trip digits); null when not finite.
inline void append_double(std::string& out, double v) {
    if (!std::isfinite(v)) {
        out.append("null", 4);
        return;
    }
    char buf[64];
    char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, end);
}

}  // namespace json_detail

/// Appends article_json(id, toponyms).dump() to `out`, written directly (no json tree): the same
/// bytes, several times faster. Falls back to the tree (and its exception) for invalid UTF-8.
inline void append_article_json(std::string& out, const std::string& id, const std::vector<geoparse::Toponym>& toponyms) {
    using namespace json_detail;
    using namespace std::string_view_literals;  // literals appended without strlen
    bool valid = valid_utf8(id);
    for (const auto& t : toponyms)
        valid = valid && valid_utf8(t.text) && valid_utf8(t.name) && valid_utf8(t.country) && valid_utf8(t.admin1) &&
                valid_utf8(t.feature_code) && (!t.derived || valid_utf8(t.anchor)) &&
                (t.runner_up_geonameid == 0 || valid_utf8(t.runner_up_name));
    if (!valid) {
        out += article_json(id, toponyms).dump();
        return;
    }
    // Keys in the order dump() writes them: nlohmann::json objects are sorted by key.
    out += "{\"id\":"sv;
    append_json_string(out, id);
    out += ",\"toponyms\":["sv;
    bool first = true;
    for (const auto& t : toponyms) {
        if (!first) out.push_back(',');
        first = false;
        out += "{\"admin1\":"sv;
        append_json_string(out, t.admin1);
        if (t.derived) {
            out += ",\"anchor\":"sv;
            append_json_string(out, t.anchor);
        }
        out += ",\"confidence\":"sv;
        append_double(out, std::round(t.confidence * 1000) / 1000);
        out += ",\"country\":"sv;
        append_json_string(out, t.country);
        if (t.derived) out += ",\"derived\":true"sv;
        out += ",\"end\":"sv;
        append_json_int(out, t.end_cp);
        out += ",\"feature_code\":"sv;
        append_json_string(out, t.feature_code);
        out += ",\"geonameid\":"sv;
        if (t.geonameid > 0) append_json_int(out, t.geonameid);
        else out += "null"sv;
        out += ",\"kind\":"sv;
        append_json_string(out, geoparse::to_string(t.kind));
        if (t.point.is_valid()) {
            out += ",\"lat\":"sv;
            append_double(out, std::round(t.point.lat_deg * 1e5) / 1e5);
            out += ",\"lon\":"sv;
            append_double(out, std::round(t.point.lon_deg * 1e5) / 1e5);
        } else {
            out += ",\"lat\":null,\"lon\":null"sv;
        }
        out += ",\"name\":"sv;
        append_json_string(out, t.name);
        if (t.runner_up_geonameid != 0) {
            out += ",\"runner_up\":{\"geonameid\":"sv;
            append_json_int(out, t.runner_up_geonameid);
            out += ",\"name\":"sv;
            append_json_string(out, t.runner_up_name);
            out.push_back('}');
        }
        out += ",\"start\":"sv;
        append_json_int(out, t.start_cp);
        out += ",\"text\":"sv;
        append_json_string(out, t.text);
        out.push_back('}');
    }
    out += "]}"sv;
}

}  // namespace eventmap::cli
