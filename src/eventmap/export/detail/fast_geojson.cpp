#include "eventmap/export/detail/fast_geojson.h"

#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "eventmap/core/error.h"
#include "eventmap/core/mapped_file.h"
#include "eventmap/core/parallel.h"
#include "eventmap/export/detail/fields.h"

namespace eventmap::exporter::detail {

namespace {

using simdjson::ondemand::json_type;
using simdjson::ondemand::value;

std::string get_str(value v) {
    if (v.type() == json_type::null) return {};
    if (v.type() == json_type::string) return std::string(std::string_view(v.get_string()));
    // A number where a string was expected (an id written as a number): keep its text.
    return std::string(simdjson::to_json_string(v).value());
}

std::optional<std::int64_t> get_int(value v) {
    if (v.type() != json_type::number) return std::nullopt;
    if (v.get_number_type() == simdjson::ondemand::number_type::floating_point_number)
        return static_cast<std::int64_t>(double(v.get_double()));
    return std::int64_t(v.get_int64());
}

void read_sources(value v, std::vector<events::Source>& out) {
    out.clear();
    if (v.type() == json_type::string) {  // written as a JSON string by tools that flatten arrays
        sources_from_json(std::string_view(v.get_string()), out);
        return;
    }
    if (v.type() != json_type::array) return;
    for (auto item : v.get_array()) {
        events::Source s;
        for (auto field : item.get_object()) {
            const std::string_view key = field.unescaped_key();
            value fv = field.value();
            if (key == "article_id") s.article_id = get_str(fv);
            else if (key == "title") s.title = get_str(fv);
            else if (key == "url") s.url = get_str(fv);
            else if (key == "published") s.published = get_str(fv);
            else if (key == "sentence") s.sentence = get_str(fv);
            else if (key == "trigger_start") s.trigger_start_cp = get_int(fv).value_or(-1);
            else if (key == "trigger_end") s.trigger_end_cp = get_int(fv).value_or(-1);
            else if (key == "place_start") s.place_start_cp = get_int(fv).value_or(-1);
            else if (key == "place_end") s.place_end_cp = get_int(fv).value_or(-1);
        }
        out.push_back(std::move(s));
    }
}

// A geometry object's type and first two coordinates (lon, lat), left as they are when absent.
void read_point(value geometry, bool& is_point, double& lon, double& lat) {
    for (auto g : geometry.get_object()) {
        const std::string_view gk = g.unescaped_key();
        if (gk == "type") {
            is_point = std::string_view(g.value().get_string()) == "Point";
        } else if (gk == "coordinates") {
            value c = g.value();
            if (c.type() != json_type::array) continue;
            int k = 0;
            for (auto n : c.get_array()) {
                if (n.type() != json_type::number) break;
                if (k == 0) lon = double(n.get_double());
                else if (k == 1) lat = double(n.get_double());
                ++k;
            }
        }
    }
}

// Why a feature cannot be drawn (nullopt when it can; then `date` is set).
std::optional<std::string> drawable(bool has_geometry, bool is_point, double lon, double lat,
                                    const std::string& date_text, events::Date& date) {
    if (!has_geometry) return "no geometry";
    if (!is_point) return "geometry is not a point";
    if (!std::isfinite(lon) || !std::isfinite(lat) || lat < -90 || lat > 90 || lon < -180 || lon > 180)
        return "coordinates out of range";
    auto d = events::Date::parse_iso(date_text);
    if (!d) return "no date";
    date = *d;
    return std::nullopt;
}

struct Parsed {
    bool has_type = false, has_date_key = false, has_provenance = false;  // provenance: article_id or sources
    bool has_geometry = false, is_point = false;
    std::optional<std::string> problem;
};

// Fills `e` from one Feature object, mirroring the GDAL reader field for field.
Parsed parse_feature(simdjson::ondemand::object feature, events::Event& e) {
    Parsed p;
    e = events::Event{};
    std::string type, sub, etype, date_text, date_end_text;
    events::Source first;
    bool have_sources_array = false;
    double lon = NAN, lat = NAN;
    for (auto field : feature) {
        const std::string_view key = field.unescaped_key();
        value v = field.value();
        if (key == "id") {
            e.id = get_str(v);
        } else if (key == "geometry") {
            if (v.type() != json_type::object) continue;
            p.has_geometry = true;
            read_point(v, p.is_point, lon, lat);
        } else if (key == "properties") {
            if (v.type() != json_type::object) continue;
            for (auto prop : v.get_object()) {
                const std::string_view k = prop.unescaped_key();
                value pv = prop.value();
                if (k == "type") { type = get_str(pv); p.has_type = true; }
                else if (k == "id") { if (e.id.empty()) e.id = get_str(pv); }  // the Feature's own id wins
                else if (k == "event_type") etype = get_str(pv);
                else if (k == "sub_event_type") sub = get_str(pv);
                else if (k == "event_date") { date_text = get_str(pv); p.has_date_key = true; }
                else if (k == "date_end") date_end_text = get_str(pv);
                else if (k == "time_precision") e.time_precision = static_cast<int>(get_int(pv).value_or(1));
                else if (k == "status") e.status = events::parse_status(get_str(pv)).value_or(events::EventStatus::occurred);
                else if (k == "location") e.location = get_str(pv);
                else if (k == "geonameid") e.geonameid = get_int(pv).value_or(0);
                else if (k == "country") e.country = get_str(pv);
                else if (k == "country_name") e.country_name = get_str(pv);
                else if (k == "admin1") e.admin1 = get_str(pv);
                else if (k == "geo_precision") e.geo_precision = static_cast<int>(get_int(pv).value_or(1));
                else if (k == "actor1") e.actor1 = get_str(pv);
                else if (k == "actor2") e.actor2 = get_str(pv);
                else if (k == "count") { if (auto n = get_int(pv)) e.count = static_cast<int>(*n); }
                else if (k == "fatalities") { if (auto n = get_int(pv)) e.fatalities = static_cast<int>(*n); }
                else if (k == "confidence") { if (pv.type() == json_type::number) e.confidence = double(pv.get_double()); }
                else if (k == "article_id") { first.article_id = get_str(pv); p.has_provenance = true; }
                else if (k == "title") first.title = get_str(pv);
                else if (k == "url") first.url = get_str(pv);
                else if (k == "published") first.published = get_str(pv);
                else if (k == "sentence") first.sentence = get_str(pv);
                else if (k == "trigger_start") first.trigger_start_cp = get_int(pv).value_or(-1);
                else if (k == "trigger_end") first.trigger_end_cp = get_int(pv).value_or(-1);
                else if (k == "place_start") first.place_start_cp = get_int(pv).value_or(-1);
                else if (k == "place_end") first.place_end_cp = get_int(pv).value_or(-1);
                else if (k == "sources") {
                    p.has_provenance = true;
                    read_sources(pv, e.sources);
                    have_sources_array = !e.sources.empty();
                }
            }
        }
    }
    if (!have_sources_array) e.sources = {std::move(first)};
    apply_type(e, type, sub, etype);
    p.problem = drawable(p.has_geometry, p.is_point, lon, lat, date_text, e.event_date);
    e.point = geo::LatLon{lat, lon};
    if (!date_end_text.empty()) e.date_end = events::Date::parse_iso(date_end_text);
    return p;
}

// eventmap's own files: `type`, `event_date` and the provenance (`article_id`; files before
// 2026-12-08 always had `sources`, now written only for events with several sources).
bool is_ours(const Parsed& p) { return p.has_type && p.has_date_key && p.has_provenance; }

struct Reading {
    const std::filesystem::path& path;
    ReadReport& report;
    const std::function<void(events::Event&&)>& sink;
    bool decided = false;
    std::size_t feature_no = 0;
    events::Event e;

    // Returns false when the first feature shows the file is not eventmap's.
    bool take(simdjson::ondemand::object feature) {
        Parsed p = parse_feature(feature, e);
        if (!decided) {
            if (!is_ours(p)) return false;
            decided = true;
            report.date_field_used = "event_date";
        }
        deliver(e, p.problem);
        return true;
    }

    void deliver(events::Event& event, const std::optional<std::string>& problem) {
        ++feature_no;
        ++report.features;
        if (problem) {
            ++report.skipped;
            if (report.problems.size() < 1000)
                report.problems.push_back(path.string() + ": feature " + std::to_string(feature_no) + ": " + *problem);
            return;
        }
        if (event.id.empty()) event.id = path.stem().string() + ":" + std::to_string(feature_no - 1);
        sink(std::move(event));
    }
};

struct ParsedItem {
    events::Event event;
    std::optional<std::string> problem;
};

// Copies [a, b) into `record` (which gets the padding simdjson reads past the end) and
// returns a view simdjson can iterate.
simdjson::padded_string_view padded(const char* begin, std::size_t a, std::size_t b, std::vector<char>& record) {
    if (record.size() < b - a + simdjson::SIMDJSON_PADDING) record.resize(2 * (b - a) + simdjson::SIMDJSON_PADDING);
    std::memcpy(record.data(), begin + a, b - a);
    return simdjson::padded_string_view(record.data(), b - a, record.size());
}

// Splits [from, to) into records separated by `sep` (GDAL GeoJSON lines lose a trailing
// comma), parses them on `jobs` threads in blocks of about 1 MB with `parse(object, a, b)`,
// and hands the results to `deliver` in file order.
template <class Item, class Parse, class Deliver>
void parse_records_parallel(const std::filesystem::path& path, const char* begin, std::size_t from, std::size_t to,
                            char sep, bool feature_lines, unsigned jobs, Parse parse, Deliver deliver) {
    constexpr std::size_t k_block_bytes = 1 << 20;
    using Block = std::pair<std::size_t, std::size_t>;
    std::size_t next = from;
    std::function<std::optional<Block>()> produce = [&]() -> std::optional<Block> {
        if (next >= to) return std::nullopt;
        const std::size_t start = next;
        std::size_t end = std::min(to, start + k_block_bytes);
        if (end < to) {
            const char* cut = static_cast<const char*>(std::memchr(begin + end, sep, to - end));
            end = cut ? static_cast<std::size_t>(cut - begin) + 1 : to;
        }
        next = end;
        return Block{start, end};
    };
    std::function<std::vector<Item>(Block&)> work = [&](Block& block) {
        std::vector<Item> out;
        // One parser and buffer per thread: a parser's first use allocates and clears its index.
        static thread_local simdjson::ondemand::parser parser;
        static thread_local std::vector<char> record;
        std::size_t pos = block.first;
        while (pos < block.second) {
            const char* stop = static_cast<const char*>(std::memchr(begin + pos, sep, block.second - pos));
            const std::size_t rec_end = stop ? static_cast<std::size_t>(stop - begin) : block.second;
            std::size_t a = pos, b = rec_end;
            pos = rec_end + 1;
            while (a < b && std::isspace(static_cast<unsigned char>(begin[a]))) ++a;
            while (b > a && (std::isspace(static_cast<unsigned char>(begin[b - 1])) || (feature_lines && begin[b - 1] == ','))) --b;
            if (a == b) continue;
            if (begin[a] != '{') throw FormatError(path.string(), 0, static_cast<std::int64_t>(a), "not a feature");
            auto doc = parser.iterate(padded(begin, a, b, record));
            out.push_back(parse(doc.get_object(), a, b));
        }
        return out;
    };
    std::function<void(std::vector<Item>&)> sink = [&](std::vector<Item>& items) {
        for (auto& item : items) deliver(item);
    };
    ordered_parallel<Block, std::vector<Item>>(produce, work, sink,
                                               jobs ? jobs : std::max(1u, std::thread::hardware_concurrency()), 8);
}

// Where the first feature line starts when the file has GDAL's GeoJSON layout
// ("{", "type", optional members, then a line "features": [ and one feature per line).
std::optional<std::size_t> gdal_features_start(const char* begin, std::size_t size) {
    const std::string_view head(begin, std::min<std::size_t>(size, 65536));
    const std::string_view marker = "\n\"features\": [\n";
    const auto at = head.find(marker);
    if (at == std::string_view::npos || head.substr(0, at).find("\"FeatureCollection\"") == std::string_view::npos)
        return std::nullopt;
    return at + marker.size();
}

// A file of one feature per line (GDAL's GeoJSON layout) or per RS / line (GeoJSONSeq):
// the first record's bounds, and where the rest are.
struct RecordLayout {
    char sep = '\n';
    bool seq = false;
    std::size_t first_begin = 0, first_end = 0;  // the first record, trimmed
    std::size_t rest_begin = 0, rest_end = 0;    // the other records
};

enum class LayoutKind { records, whole_document, not_ours };

std::string lower_extension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

bool looks_like_json_events(const std::filesystem::path& path) {
    const std::string ext = lower_extension(path);
    if (ext != ".geojson" && ext != ".json" && ext != ".geojsonl" && ext != ".geojsons" && ext != ".geojsonseq") return false;
    std::ifstream head(path, std::ios::binary);
    char c = 0;
    while (head.get(c) && std::isspace(static_cast<unsigned char>(c))) {}
    return head && (c == '{' || c == '\x1e');
}

LayoutKind find_layout(const std::filesystem::path& path, const char* begin, std::size_t size, RecordLayout& out) {
    const std::string ext = lower_extension(path);
    const bool seq_ext = ext == ".geojsonl" || ext == ".geojsons" || ext == ".geojsonseq";
    std::size_t first_nonspace = 0;
    while (first_nonspace < size && std::isspace(static_cast<unsigned char>(begin[first_nonspace]))) ++first_nonspace;
    if (first_nonspace >= size) return LayoutKind::not_ours;
    const bool seq = begin[first_nonspace] == '\x1e' || seq_ext;
    const auto body = seq ? std::optional<std::size_t>(first_nonspace) : gdal_features_start(begin, size);
    if (!body) return LayoutKind::whole_document;
    out.seq = seq;
    out.sep = seq && begin[first_nonspace] == '\x1e' ? '\x1e' : '\n';
    std::size_t to = size;
    if (!seq) {
        // The features end at the last line that is "]".
        const std::string_view all(begin, size);
        const auto close = all.rfind("\n]");
        if (close == std::string_view::npos || close < *body) return LayoutKind::not_ours;
        to = close + 1;
    }
    std::size_t pos = *body;
    while (pos < to && (std::isspace(static_cast<unsigned char>(begin[pos])) || begin[pos] == out.sep)) ++pos;
    if (pos >= to || begin[pos] != '{') return LayoutKind::not_ours;
    const char* stop = static_cast<const char*>(std::memchr(begin + pos, out.sep, to - pos));
    const std::size_t first_end = stop ? static_cast<std::size_t>(stop - begin) : to;
    std::size_t b = first_end;
    while (b > pos && (std::isspace(static_cast<unsigned char>(begin[b - 1])) || (!seq && begin[b - 1] == ','))) --b;
    out.first_begin = pos;
    out.first_end = b;
    out.rest_begin = first_end;
    out.rest_end = to;
    return LayoutKind::records;
}

// What a map needs of one feature, read without building the whole record.
FeatureSummary summarise_feature(simdjson::ondemand::object feature, std::size_t a, std::size_t b) {
    FeatureSummary s;
    s.offset = a;
    s.length = static_cast<std::uint32_t>(b - a);
    double lon = NAN, lat = NAN;
    bool has_geometry = false, is_point = false;
    std::string date_text;
    for (auto field : feature) {
        const std::string_view key = field.unescaped_key();
        value v = field.value();
        if (key == "geometry") {
            if (v.type() != json_type::object) continue;
            has_geometry = true;
            read_point(v, is_point, lon, lat);
        } else if (key == "properties") {
            if (v.type() != json_type::object) continue;
            for (auto prop : v.get_object()) {
                const std::string_view k = prop.unescaped_key();
                value pv = prop.value();
                if (k == "type") s.type = get_str(pv);
                else if (k == "sub_event_type") s.sub_event_type = get_str(pv);
                else if (k == "event_date") date_text = get_str(pv);
                else if (k == "location") s.location = get_str(pv);
                else if (k == "country") s.country = get_str(pv);
                else if (k == "actor1") s.actor1 = get_str(pv);
                else if (k == "count") { if (auto n = get_int(pv)) s.count = static_cast<int>(*n); }
                else if (k == "fatalities") { if (auto n = get_int(pv)) s.fatalities = static_cast<int>(*n); }
            }
        }
    }
    s.problem = drawable(has_geometry, is_point, lon, lat, date_text, s.event_date);
    s.point = geo::LatLon{lat, lon};
    return s;
}

void add_problem(ReadReport& report, const std::filesystem::path& path, std::size_t feature_no, const std::string& problem) {
    ++report.skipped;
    if (report.problems.size() < 1000)
        report.problems.push_back(path.string() + ": feature " + std::to_string(feature_no) + ": " + problem);
}

}  // namespace

bool read_own_geojson(const std::filesystem::path& path, unsigned jobs, ReadReport& report,
                      const std::function<void(events::Event&&)>& sink) {
    if (!looks_like_json_events(path)) return false;
    // Map the file rather than read it: a million events are over a gigabyte, and copying
    // them into fresh memory cost more (page faults) than parsing them.
    const MappedFile file(path);
    if (!file.ok()) return false;
    const char* const begin = file.data();
    const std::size_t size = file.size();

    ReadReport local;
    Reading r{path, local, sink, false, 0, {}};
    simdjson::ondemand::parser parser;
    std::vector<char> record;
    try {
        RecordLayout layout;
        const LayoutKind kind = find_layout(path, begin, size, layout);
        if (kind == LayoutKind::not_ours) return false;
        if (kind == LayoutKind::records) {
            // One record per RS (RFC 8142) or per line (GDAL's GeoJSON layout). The first
            // decides whether the file is ours; the rest are parsed on all cores, one record
            // per parse, which keeps simdjson's index in cache.
            auto doc = parser.iterate(padded(begin, layout.first_begin, layout.first_end, record));
            if (!r.take(doc.get_object())) return false;
            parse_records_parallel<ParsedItem>(
                path, begin, layout.rest_begin, layout.rest_end, layout.sep, !layout.seq, jobs,
                [](simdjson::ondemand::object o, std::size_t, std::size_t) {
                    ParsedItem item;
                    item.problem = parse_feature(o, item.event).problem;
                    return item;
                },
                [&](ParsedItem& item) { r.deliver(item.event, item.problem); });
        } else {
            const simdjson::padded_string text(begin, size);
            auto doc = parser.iterate(text);
            for (auto field : doc.get_object()) {
                if (std::string_view(field.unescaped_key()) != "features") continue;
                for (auto feature : field.value().get_array())
                    if (!r.take(feature.get_object())) return false;
            }
            if (!r.decided) return false;  // no features: let GDAL say what the file is
        }
    } catch (const simdjson::simdjson_error& err) {
        if (!r.decided) return false;
        throw FormatError(path.string(), 0, -1, std::string("broken JSON after feature ") +
                                                    std::to_string(r.feature_no) + ": " + err.what());
    }
    if (!r.decided) return false;
    report.features += local.features;
    report.skipped += local.skipped;
    report.problems.insert(report.problems.end(), local.problems.begin(), local.problems.end());
    report.date_field_used = local.date_field_used;
    return true;
}

bool scan_own_geojson(const std::filesystem::path& path, const MappedFile& file, unsigned jobs, ReadReport& report,
                      const std::function<void(FeatureSummary&&)>& sink) {
    if (!file.ok() || !looks_like_json_events(path)) return false;
    const char* const begin = file.data();
    RecordLayout layout;
    if (find_layout(path, begin, file.size(), layout) != LayoutKind::records) return false;
    ReadReport local;
    std::size_t feature_no = 0;
    auto deliver = [&](FeatureSummary& s) {
        s.index = feature_no;
        ++feature_no;
        ++local.features;
        if (s.problem) add_problem(local, path, feature_no, *s.problem);
        else sink(std::move(s));
    };
    try {
        {
            // The first record decides whether the file is ours (type, event_date, provenance).
            simdjson::ondemand::parser parser;
            std::vector<char> record;
            events::Event e;
            auto doc = parser.iterate(padded(begin, layout.first_begin, layout.first_end, record));
            if (!is_ours(parse_feature(doc.get_object(), e))) return false;
            auto again = parser.iterate(padded(begin, layout.first_begin, layout.first_end, record));
            FeatureSummary s = summarise_feature(again.get_object(), layout.first_begin, layout.first_end);
            deliver(s);
        }
        parse_records_parallel<FeatureSummary>(path, begin, layout.rest_begin, layout.rest_end, layout.sep, !layout.seq,
                                               jobs, summarise_feature, deliver);
    } catch (const simdjson::simdjson_error& err) {
        if (feature_no == 0) return false;
        throw FormatError(path.string(), 0, -1, std::string("broken JSON after feature ") +
                                                    std::to_string(feature_no) + ": " + err.what());
    }
    report.features += local.features;
    report.skipped += local.skipped;
    report.problems.insert(report.problems.end(), local.problems.begin(), local.problems.end());
    report.date_field_used = "event_date";
    return true;
}

events::Event parse_own_feature(const MappedFile& file, std::uint64_t offset, std::uint32_t length) {
    if (offset + length > file.size()) throw FormatError("", 0, static_cast<std::int64_t>(offset), "record beyond the end of the file");
    static thread_local simdjson::ondemand::parser parser;
    static thread_local std::vector<char> record;
    events::Event e;
    auto doc = parser.iterate(padded(file.data(), offset, offset + length, record));
    if (auto problem = parse_feature(doc.get_object(), e).problem)
        throw FormatError("", 0, static_cast<std::int64_t>(offset), *problem);
    return e;
}

}  // namespace eventmap::exporter::detail
