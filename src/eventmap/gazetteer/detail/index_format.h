#pragma once
// On-disk layout of gazetteer.emx. Little-endian, every section 8-byte aligned.
//
//   Header (64 bytes) | SectionEntry[section_count] | sections...
//
// The header checksum (XXH3-64) covers the header (with both checksum fields zero) and the
// section table, so opening stays O(1); payload_checksum covers everything after the table and
// is checked by `gazetteer info --verify`.
#include <cstdint>

namespace eventmap::gazetteer::detail {

inline constexpr char k_magic[8] = {'E', 'M', 'X', 'G', 'A', 'Z', '\r', '\n'};
inline constexpr std::uint32_t k_format_version = 1;

struct Header {
    char magic[8];
    std::uint32_t format_version;
    std::uint32_t section_count;
    std::uint64_t file_size;         ///< whole file (bytes)
    std::uint64_t payload_checksum;  ///< XXH3-64 of the bytes after the section table
    std::uint64_t header_checksum;   ///< XXH3-64 of header (checksums zeroed) + section table
    std::uint64_t reserved[3];
};
static_assert(sizeof(Header) == 64);

enum class SectionId : std::uint32_t {
    places = 1,     ///< PlaceRecord[]
    strings = 2,    ///< pool: u16 length + bytes, per string
    keys = 3,       ///< KeyRecord[]
    slots = 4,      ///< u32[power of two]: key index + 1, 0 = empty (open addressing, linear probing)
    candidates = 5, ///< Candidate[] grouped by key, best first
    countries = 6,  ///< CodeRecord[] sorted by code ("UA")
    admin1 = 7,     ///< CodeRecord[] sorted by code ("UA.05")
    polygons = 8,   ///< PolygonRecord[]
    wkb = 9,        ///< WKB blobs for PolygonRecord
    info = 10,      ///< JSON: build date, sources, counts
};

struct SectionEntry {
    std::uint32_t id;
    std::uint32_t reserved;
    std::uint64_t offset;  ///< from file start
    std::uint64_t size;    ///< bytes
};
static_assert(sizeof(SectionEntry) == 24);

/// A place, 48 bytes. Coordinates in 1e-7 degrees (exact for GeoNames' 5 decimals).
struct PlaceRecord {
    std::int32_t geonameid;
    std::int32_t lat_e7;
    std::int32_t lon_e7;
    std::uint32_t population;
    std::uint32_t name;         ///< string pool offsets
    std::uint32_t ascii_name;
    std::uint32_t admin1_code;
    std::uint32_t admin1_name;
    std::uint32_t demonym_of;   ///< UINT32_MAX unless kind == demonym
    char country[2];
    char feature_class;
    std::uint8_t kind;
    char feature_code[6];       ///< NUL-padded
    std::uint8_t flags;         ///< bit 0: derived point
    std::uint8_t reserved;
};
static_assert(sizeof(PlaceRecord) == 48);
inline constexpr std::uint8_t k_flag_derived_point = 1;

struct KeyRecord {
    std::uint64_t hash;             ///< XXH3-64 of the normalized key
    std::uint32_t key;              ///< string pool offset
    std::uint32_t first_candidate;  ///< index into candidates
    std::uint32_t candidate_count;
    std::uint32_t reserved;
};
static_assert(sizeof(KeyRecord) == 24);

struct CodeRecord {
    char code[12];  ///< NUL-padded "UA" or "UA.05"
    std::uint32_t place;
};
static_assert(sizeof(CodeRecord) == 16);

struct PolygonRecord {
    std::uint32_t place;  ///< the country
    std::uint32_t wkb_size;
    std::uint64_t wkb_offset;  ///< into the wkb section
    double min_lon, min_lat, max_lon, max_lat;  ///< envelope (degrees)
};
static_assert(sizeof(PolygonRecord) == 48);

}  // namespace eventmap::gazetteer::detail
