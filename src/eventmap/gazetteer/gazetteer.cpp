#include "eventmap/gazetteer/gazetteer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <new>

#include <nlohmann/json.hpp>

#include "eventmap/core/error.h"
#include "eventmap/gazetteer/detail/index_format.h"
#include "eventmap/gazetteer/normalize.h"
#include "eventmap/geo/geos_handles.h"

namespace eventmap::gazetteer {

std::string_view to_string(PlaceKind kind) {
    switch (kind) {
        case PlaceKind::city: return "city";
        case PlaceKind::country: return "country";
        case PlaceKind::admin1: return "admin1";
        case PlaceKind::feature: return "feature";
        case PlaceKind::demonym: return "demonym";
    }
    return "unknown";
}

std::string_view to_string(NameMatch match) {
    switch (match) {
        case NameMatch::preferred: return "preferred";
        case NameMatch::alternate: return "alternate";
        case NameMatch::derived: return "derived";
    }
    return "unknown";
}

static_assert(sizeof(Candidate) == 8, "Candidate is read straight from the index file");

namespace detail {

namespace {
constexpr const char* k_rebuild = "; rebuild it with: eventmap gazetteer build";

template <typename T>
std::span<const T> section_span(const std::byte* base, const SectionEntry& e) {
    return {reinterpret_cast<const T*>(base + e.offset), static_cast<std::size_t>(e.size / sizeof(T))};
}
}  // namespace

/// The country polygons as GEOS prepared geometries, built on first use.
struct CountryShapes {
    geo::GeosContext ctx;
    std::vector<geo::GeosGeom> geoms;
    std::vector<geo::GeosPrepared> prepared;
    std::mutex query_mutex;  // a GEOS context is not safe to share between threads
};

struct Mapping {
    std::uint64_t id = 0;  ///< distinct for every index opened in this process (cache identity)
    std::filesystem::path path;
    const std::byte* base = nullptr;
    std::size_t size = 0;
    const Header* header = nullptr;
    std::span<const PlaceRecord> places;
    const std::byte* strings = nullptr;
    std::size_t strings_size = 0;
    std::span<const KeyRecord> keys;
    std::span<const std::uint32_t> slots;
    std::span<const Candidate> candidates;
    std::span<const CodeRecord> countries;
    std::span<const CodeRecord> admin1;
    std::span<const PolygonRecord> polygons;
    const std::byte* wkb = nullptr;
    std::string_view info_json;

    // A one-hash Bloom filter over the keys' stored hashes, built on the first lookup: most
    // phrases a text offers are not names, and ruling them out here costs one memory access
    // instead of a walk over the slot cluster's key records.
    mutable std::once_flag filter_once;
    // bit (hash >> filter_shift); on huge pages where the system gives them (2 MB for cities500:
    // one TLB entry instead of 512, and every lookup reads it)
    mutable std::uint64_t* filter = nullptr;  // mapped anonymous memory of filter_bytes
    mutable std::size_t filter_bytes = 0;
    mutable unsigned filter_shift = 64;
    mutable std::atomic<bool> filter_ready{false};  // skips call_once's own cost once built

    mutable std::once_flag shapes_once;
    mutable std::unique_ptr<CountryShapes> shapes;

    Mapping() = default;
    Mapping(const Mapping&) = delete;
    Mapping& operator=(const Mapping&) = delete;
    ~Mapping() {
        if (base) munmap(const_cast<std::byte*>(base), size);
        if (filter) munmap(filter, filter_bytes);
    }

    std::string_view str(std::uint32_t offset) const {
        std::uint16_t len = 0;
        std::memcpy(&len, strings + offset, sizeof len);
        return {reinterpret_cast<const char*>(strings + offset + sizeof len), len};
    }
};

}  // namespace detail

using detail::Header;
using detail::Mapping;
using detail::SectionEntry;
using detail::SectionId;

Gazetteer Gazetteer::open(const std::filesystem::path& index_path) {
    const std::string p = index_path.string();
    auto fail = [&](const std::string& what) { return Error("gazetteer index " + p + ": " + what + detail::k_rebuild); };
    int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw fail(std::strerror(errno));
    struct stat st {};
    if (fstat(fd, &st) != 0) {
        int e = errno;
        ::close(fd);
        throw fail(std::strerror(e));
    }
    const auto file_size = static_cast<std::size_t>(st.st_size);
    // Read the header with pread first, so a foreign or truncated file is never mapped.
    Header h{};
    if (file_size < sizeof h || pread(fd, &h, sizeof h, 0) != static_cast<ssize_t>(sizeof h)) {
        ::close(fd);
        throw fail("too short to be an index (" + std::to_string(file_size) + " bytes)");
    }
    if (std::memcmp(h.magic, detail::k_magic, sizeof h.magic) != 0) {
        ::close(fd);
        throw fail("not an eventmap gazetteer index (bad magic)");
    }
    if (h.format_version != detail::k_format_version) {
        ::close(fd);
        throw fail("format version " + std::to_string(h.format_version) + ", this eventmap reads version " +
                   std::to_string(detail::k_format_version));
    }
    if (h.file_size != file_size) {
        ::close(fd);
        throw fail("truncated or damaged: " + std::to_string(file_size) + " bytes, header says " +
                   std::to_string(h.file_size));
    }
    if (h.section_count == 0 || h.section_count > 64 || sizeof h + h.section_count * sizeof(SectionEntry) > file_size) {
        ::close(fd);
        throw fail("damaged section table");
    }
    void* addr = mmap(nullptr, file_size, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (addr == MAP_FAILED) throw fail(std::string("cannot map: ") + std::strerror(errno));
    auto m = std::make_shared<Mapping>();
    static std::atomic<std::uint64_t> next_id{1};
    m->id = next_id.fetch_add(1, std::memory_order_relaxed);
    m->path = index_path;
    m->base = static_cast<const std::byte*>(addr);
    m->size = file_size;
    m->header = reinterpret_cast<const Header*>(m->base);

    const std::size_t table_end = sizeof h + h.section_count * sizeof(SectionEntry);
    {
        Header zeroed = h;
        zeroed.header_checksum = 0;
        zeroed.payload_checksum = 0;
        XXH3_state_t* state = XXH3_createState();
        XXH3_64bits_reset(state);
        XXH3_64bits_update(state, &zeroed, sizeof zeroed);
        XXH3_64bits_update(state, m->base + sizeof h, table_end - sizeof h);
        const std::uint64_t sum = XXH3_64bits_digest(state);
        XXH3_freeState(state);
        if (sum != h.header_checksum) throw fail("header checksum mismatch");
    }
    auto table = std::span<const SectionEntry>(reinterpret_cast<const SectionEntry*>(m->base + sizeof h), h.section_count);
    auto find = [&](SectionId id) -> const SectionEntry& {
        for (const auto& e : table)
            if (e.id == static_cast<std::uint32_t>(id)) {
                if (e.offset < table_end || e.offset > file_size || e.size > file_size - e.offset || e.offset % 8 != 0)
                    throw fail("section " + std::to_string(e.id) + " out of bounds");
                return e;
            }
        throw fail("missing section " + std::to_string(static_cast<std::uint32_t>(id)));
    };
    m->places = detail::section_span<detail::PlaceRecord>(m->base, find(SectionId::places));
    const auto& strings = find(SectionId::strings);
    m->strings = m->base + strings.offset;
    m->strings_size = strings.size;
    m->keys = detail::section_span<detail::KeyRecord>(m->base, find(SectionId::keys));
    m->slots = detail::section_span<std::uint32_t>(m->base, find(SectionId::slots));
    m->candidates = detail::section_span<Candidate>(m->base, find(SectionId::candidates));
    m->countries = detail::section_span<detail::CodeRecord>(m->base, find(SectionId::countries));
    m->admin1 = detail::section_span<detail::CodeRecord>(m->base, find(SectionId::admin1));
    m->polygons = detail::section_span<detail::PolygonRecord>(m->base, find(SectionId::polygons));
    m->wkb = m->base + find(SectionId::wkb).offset;
    const auto& info = find(SectionId::info);
    m->info_json = {reinterpret_cast<const char*>(m->base + info.offset), static_cast<std::size_t>(info.size)};
    if (m->slots.empty() || (m->slots.size() & (m->slots.size() - 1)) != 0) throw fail("damaged hash table");
    return Gazetteer(std::move(m));
}

std::size_t Gazetteer::size() const { return m_map->places.size(); }

Place Gazetteer::place(std::uint32_t index) const {
    Place p = place_without_names(index);
    const auto& r = m_map->places[index];
    p.name = m_map->str(r.name);
    p.ascii_name = m_map->str(r.ascii_name);
    p.admin1_name = m_map->str(r.admin1_name);
    return p;
}

std::string_view Gazetteer::country_of(std::uint32_t index) const {
    const auto& r = m_map->places[index];
    return std::string_view(r.country, r.country[0] ? (r.country[1] ? 2 : 1) : 0);
}

Place Gazetteer::place_without_names(std::uint32_t index) const {
    const auto& r = m_map->places[index];
    Place p;
    p.index = index;
    p.geonameid = r.geonameid;
    p.country = country_of(index);
    p.admin1_code = m_map->str(r.admin1_code);
    p.feature_class = r.feature_class;
    std::size_t code_length = 0;  // NUL-padded, at most 6 bytes: no strnlen call
    while (code_length < sizeof r.feature_code && r.feature_code[code_length] != 0) ++code_length;
    p.feature_code = std::string_view(r.feature_code, code_length);
    p.point = geo::LatLon::from_degrees(r.lat_e7 / 1e7, r.lon_e7 / 1e7);  // division rounds exactly; 1e-7 products do not
    p.population = r.population;
    p.kind = static_cast<PlaceKind>(r.kind);
    p.derived_point = (r.flags & detail::k_flag_derived_point) != 0;
    p.demonym_of = r.demonym_of;
    return p;
}

namespace {

// A small per-thread memo of recent lookups: a probe of the mapped index costs three dependent
// cache misses (slot, key record, key string), and articles repeat names. Direct-mapped by the
// key's hash; an entry holds the key's bytes, so a hit is exact. Per thread: no locking.
struct CachedLookup {
    std::uint64_t mapping = 0;  // Mapping::id; 0 = empty
    std::uint64_t hash = 0;
    std::uint32_t first = 0, count = 0;
    std::uint8_t length = 0;
    char key[39];
};
constexpr std::size_t k_lookup_cache_size = 4096;  // 256 KB a thread

std::span<const Candidate> probe(const Mapping& m, std::string_view key, std::uint64_t h) {
    const std::size_t mask = m.slots.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        const std::uint32_t s = m.slots[i];
        if (s == 0) return {};
        const auto& k = m.keys[s - 1];
        if (k.hash == h && m.str(k.key) == key) return m.candidates.subspan(k.first_candidate, k.candidate_count);
    }
}

bool key_filter_has(const Mapping& m, std::uint64_t h) {
    if (!m.filter_ready.load(std::memory_order_acquire)) std::call_once(m.filter_once, [&] {
        // About 16 bits a key (at least 2^16 bits): ~6% of absent keys pass.
        unsigned bits = 16;
        while (bits < 40 && (std::uint64_t{1} << bits) < m.keys.size() * 16) ++bits;
        const std::size_t bytes = (std::size_t{1} << bits) / 8;
        void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);  // zeroed
        if (p == MAP_FAILED) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
        if (bytes >= (std::size_t{2} << 20)) (void)madvise(p, bytes, MADV_HUGEPAGE);  // a hint; fine if refused
#endif
        m.filter = static_cast<std::uint64_t*>(p);
        m.filter_bytes = bytes;
        m.filter_shift = 64 - bits;
        for (const auto& k : m.keys) {
            const std::uint64_t b = k.hash >> m.filter_shift;
            m.filter[b >> 6] |= std::uint64_t{1} << (b & 63);
        }
        m.filter_ready.store(true, std::memory_order_release);
    });
    const std::uint64_t b = h >> m.filter_shift;
    return (m.filter[b >> 6] >> (b & 63)) & 1;
}

CachedLookup* lookup_cache() {
    thread_local std::unique_ptr<CachedLookup[]> cache;
    if (!cache) cache = std::make_unique<CachedLookup[]>(k_lookup_cache_size);
    return cache.get();
}

}  // namespace

void Gazetteer::prepare_lookups() const { (void)key_filter_has(*m_map, 0); }

std::uint64_t Gazetteer::key_hash(std::string_view key) { return XXH3_64bits(key.data(), key.size()); }

std::span<const Candidate> Gazetteer::candidates(std::string_view key) const { return candidates(key, key_hash(key)); }

bool Gazetteer::maybe_key(std::uint64_t hash) const { return key_filter_has(*m_map, hash); }

void Gazetteer::prefetch(std::uint64_t h, int stage) const {
    const Mapping& m = *m_map;
    if (!m.filter_ready.load(std::memory_order_acquire)) return;
    const std::uint64_t b = h >> m.filter_shift;
    if (stage == 0) {
        __builtin_prefetch(&m.filter[b >> 6]);
        return;
    }
    if (!((m.filter[b >> 6] >> (b & 63)) & 1)) return;  // candidates() stops at the filter
    const std::size_t slot = h & (m.slots.size() - 1);
    const CachedLookup& e = lookup_cache()[(h >> 32) & (k_lookup_cache_size - 1)];
    if (stage == 1) {
        __builtin_prefetch(&e);
        __builtin_prefetch(&m.slots[slot]);
        return;
    }
    if (e.mapping == m.id && e.hash == h) {  // most likely answered by the memo: its candidates
        if (e.count == 0) return;
        if (stage == 2) __builtin_prefetch(&m.candidates[e.first]);
        else if (stage == 3) __builtin_prefetch(&m.places[m.candidates[e.first].place]);
        return;
    }
    const std::uint32_t s = m.slots[slot];
    if (s == 0) return;
    const auto& k = m.keys[s - 1];
    if (stage == 2) {
        __builtin_prefetch(&k);
        return;
    }
    if (k.hash != h || k.candidate_count == 0) return;  // another key's record (a collision)
    if (stage == 3) {
        __builtin_prefetch(m.strings + k.key);
        __builtin_prefetch(&m.candidates[k.first_candidate]);
        return;
    }
    __builtin_prefetch(&m.places[m.candidates[k.first_candidate].place]);
}

std::span<const Candidate> Gazetteer::candidates(std::string_view key, std::uint64_t h) const {
    const Mapping& m = *m_map;
    if (!key_filter_has(m, h)) return {};
    if (key.size() > sizeof CachedLookup::key) return probe(m, key, h);
    CachedLookup* cache = lookup_cache();
    CachedLookup& e = cache[(h >> 32) & (k_lookup_cache_size - 1)];
    if (e.mapping == m.id && e.hash == h && e.length == key.size() && std::memcmp(e.key, key.data(), key.size()) == 0)
        return e.count == 0 ? std::span<const Candidate>() : m.candidates.subspan(e.first, e.count);
    const auto found = probe(m, key, h);
    e.mapping = m.id;
    e.hash = h;
    e.first = found.empty() ? 0 : static_cast<std::uint32_t>(found.data() - m.candidates.data());
    e.count = static_cast<std::uint32_t>(found.size());
    e.length = static_cast<std::uint8_t>(key.size());
    std::memcpy(e.key, key.data(), key.size());
    return found;
}

void Gazetteer::places_without_names(std::span<const Candidate> candidates, std::vector<Place>& out) const {
    const Mapping& m = *m_map;
    // The records are scattered over the index: ask for all of them before reading any, then
    // for their admin1 codes, so the cache misses overlap instead of queueing.
    for (const Candidate& c : candidates) __builtin_prefetch(&m.places[c.place]);
    for (const Candidate& c : candidates) __builtin_prefetch(m.strings + m.places[c.place].admin1_code);
    out.reserve(out.size() + candidates.size());
    for (const Candidate& c : candidates) out.push_back(place_without_names(c.place));
}

std::vector<Place> Gazetteer::lookup(std::string_view name) const {
    std::vector<Place> out;
    for (const Candidate& c : candidates(normalize_name(name))) out.push_back(place(c.place));
    return out;
}

std::size_t Gazetteer::key_count() const { return m_map->keys.size(); }

std::string_view Gazetteer::key(std::size_t i) const { return m_map->str(m_map->keys[i].key); }

std::span<const Candidate> Gazetteer::key_candidates(std::size_t i) const {
    const auto& k = m_map->keys[i];
    return m_map->candidates.subspan(k.first_candidate, k.candidate_count);
}

namespace {
std::optional<std::uint32_t> find_code(std::span<const detail::CodeRecord> table, std::string_view code) {
    if (code.empty() || code.size() >= sizeof(detail::CodeRecord::code)) return std::nullopt;
    auto it = std::lower_bound(table.begin(), table.end(), code, [](const detail::CodeRecord& r, std::string_view c) {
        return std::string_view(r.code, strnlen(r.code, sizeof r.code)) < c;
    });
    if (it == table.end() || std::string_view(it->code, strnlen(it->code, sizeof it->code)) != code) return std::nullopt;
    return it->place;
}
}  // namespace

std::optional<std::uint32_t> Gazetteer::country(std::string_view iso2) const {
    char up[3] = {};
    if (iso2.size() != 2) return std::nullopt;
    for (int i = 0; i < 2; ++i) up[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(iso2[i])));
    return find_code(m_map->countries, std::string_view(up, 2));
}

std::optional<std::uint32_t> Gazetteer::admin1(std::string_view iso2, std::string_view admin1_code) const {
    std::string code;
    code.reserve(iso2.size() + 1 + admin1_code.size());
    code.append(iso2).append(".").append(admin1_code);
    return find_code(m_map->admin1, code);
}

std::string Gazetteer::country_at(geo::LatLon point) const {
    const Mapping& m = *m_map;
    if (!point.is_valid() || m.polygons.empty()) return {};
    std::call_once(m.shapes_once, [&] {
        auto shapes = std::make_unique<detail::CountryShapes>();
        GEOSWKBReader* reader = GEOSWKBReader_create_r(shapes->ctx.get());
        for (const auto& poly : m.polygons) {
            GEOSGeometry* g = GEOSWKBReader_read_r(shapes->ctx.get(), reader,
                                                   reinterpret_cast<const unsigned char*>(m.wkb + poly.wkb_offset),
                                                   poly.wkb_size);
            auto owned = geo::own(shapes->ctx, g);
            geo::GeosPrepared prepared(owned ? GEOSPrepare_r(shapes->ctx.get(), owned.get()) : nullptr,
                                       geo::GeosPreparedDeleter{shapes->ctx.get()});
            shapes->geoms.push_back(std::move(owned));
            shapes->prepared.push_back(std::move(prepared));
        }
        GEOSWKBReader_destroy_r(shapes->ctx.get(), reader);
        m.shapes = std::move(shapes);
    });
    auto& shapes = *m.shapes;
    std::lock_guard lock(shapes.query_mutex);
    GEOSContextHandle_t ctx = shapes.ctx.get();
    auto pt = geo::own(shapes.ctx, GEOSGeom_createPointFromXY_r(ctx, point.lon_deg, point.lat_deg));
    if (!pt) return {};
    for (std::size_t i = 0; i < m.polygons.size(); ++i) {
        const auto& poly = m.polygons[i];
        if (point.lon_deg < poly.min_lon || point.lon_deg > poly.max_lon || point.lat_deg < poly.min_lat ||
            point.lat_deg > poly.max_lat || !shapes.prepared[i])
            continue;
        if (GEOSPreparedIntersects_r(ctx, shapes.prepared[i].get(), pt.get()) == 1) {
            const auto& r = m.places[poly.place];
            return std::string(r.country, 2);
        }
    }
    return {};
}

Gazetteer::Info Gazetteer::info() const {
    const Mapping& m = *m_map;
    Info info;
    info.path = m.path;
    info.file_size_bytes = m.size;
    info.format_version = m.header->format_version;
    info.places = m.places.size();
    info.keys = m.keys.size();
    info.candidates = m.candidates.size();
    info.polygons = m.polygons.size();
    for (const auto& r : m.places)
        if (r.kind < 5) ++info.by_kind[r.kind];
    auto j = nlohmann::json::parse(m.info_json, nullptr, false);
    if (j.is_object()) {
        info.build_date = j.value("build_date", "");
        if (j.contains("sources") && j["sources"].is_array())
            for (const auto& s : j["sources"])
                info.sources.push_back({s.value("path", ""), s.value("rows", std::uint64_t{0})});
    }
    return info;
}

void Gazetteer::verify() const {
    const Mapping& m = *m_map;
    const std::size_t table_end = sizeof(Header) + m.header->section_count * sizeof(SectionEntry);
    const std::uint64_t sum = XXH3_64bits(m.base + table_end, m.size - table_end);
    if (sum != m.header->payload_checksum)
        throw Error("gazetteer index " + m.path.string() + ": payload checksum mismatch (file is corrupt)" +
                    detail::k_rebuild);
}

}  // namespace eventmap::gazetteer
