#pragma once
// The gazetteer: a memory-mapped index from normalised names to ranked places.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "eventmap/gazetteer/place.h"
#include "eventmap/geo/latlon.h"

namespace eventmap::gazetteer {

/// How a key reached a place: its own name, one of its alternate names, or a form we generate
/// ("Donetsk region" for the admin1 region "Donetsk", "donetsk" stripped from "Donetsk Oblast").
enum class NameMatch : std::uint8_t { preferred, alternate, derived };

std::string_view to_string(NameMatch match);

/// One candidate place for a key. Laid out exactly as stored in the index file (8 bytes).
struct Candidate {
    std::uint32_t place;  ///< index of the place (Gazetteer::place)
    NameMatch match;
};

namespace detail { struct Mapping; }

class Gazetteer {
public:
    /// Memory-maps and validates an index; throws eventmap::Error saying how to rebuild it if
    /// missing/truncated/foreign/old. Checks the header, section table and file size (cheap).
    static Gazetteer open(const std::filesystem::path& index_path);

    /// Number of places.
    std::size_t size() const;
    /// The place at `index` (precondition: index < size()); O(1), strings point into the mapping.
    Place place(std::uint32_t index) const;
    /// place() without its names: `name`, `ascii_name` and `admin1_name` are left empty, every
    /// other field is filled. For ranking many candidates: the names are the string-pool reads
    /// (cache misses) a ranking does not need.
    Place place_without_names(std::uint32_t index) const;
    /// place(index).country alone (one record read, no Place to fill): for scans over many candidates.
    std::string_view country_of(std::uint32_t index) const;
    /// place_without_names() of each candidate, in order, appended to `out`; faster than one by
    /// one (the memory reads overlap).
    void places_without_names(std::span<const Candidate> candidates, std::vector<Place>& out) const;
    /// Builds now what the first candidates() call would otherwise build (the key filter, a few
    /// ms for cities500), so a long-lived user pays it up front instead of in its first lookup.
    void prepare_lookups() const;
    /// Candidates for an already-normalized key, in prior order (best first); empty span when unknown. No allocation.
    std::span<const Candidate> candidates(std::string_view normalized_key) const;
    /// The hash candidates() computes of a normalized key.
    static std::uint64_t key_hash(std::string_view normalized_key);
    /// candidates() of a key whose key_hash() the caller has already computed.
    std::span<const Candidate> candidates(std::string_view normalized_key, std::uint64_t hash) const;
    /// False when no key has this key_hash(): the key filter candidates() asks first, so a key
    /// of this hash has no candidates. One memory access; true may be wrong, false never is.
    bool maybe_key(std::uint64_t hash) const;
    /// Number of prefetch() stages.
    static constexpr int prefetch_stages = 5;
    /// Starts loading, without waiting, what a candidates() call for the key of `hash` will read:
    /// stage 0 the key filter, 1 the lookup memo and the hash slot, 2 the key record, 3 the key
    /// and its candidates, 4 the first candidate's place (for a key in the memo: 2 its
    /// candidates, 3 the first one's place). Each stage reads what the one before
    /// loaded, so a caller that runs stage s for the key s * k lookups ahead of the one it is
    /// looking up overlaps the cache misses of several lookups. Never changes a result.
    void prefetch(std::uint64_t hash, int stage) const;
    /// normalize_name + candidates, as Place values (for the CLI and tests).
    std::vector<Place> lookup(std::string_view name) const;
    /// Number of distinct normalized keys, for building a recognizer over all names.
    std::size_t key_count() const;
    /// The i-th key (precondition: i < key_count()); keys are in no particular order.
    std::string_view key(std::size_t i) const;
    /// Candidates of the i-th key, best first.
    std::span<const Candidate> key_candidates(std::size_t i) const;
    /// The country place (kind country) for an ISO 3166-1 alpha-2 code ("UA"), if known.
    std::optional<std::uint32_t> country(std::string_view iso2) const;
    /// The admin1 region place for (ISO2, GeoNames admin1 code), e.g. ("UA", "05"), if known.
    std::optional<std::uint32_t> admin1(std::string_view iso2, std::string_view admin1_code) const;
    /// ISO2 of the country whose Natural Earth polygon contains the point, or "" (sea, unknown).
    /// GEOS prepared geometries are built lazily on first call; safe to call from several threads.
    std::string country_at(geo::LatLon point) const;

    struct Source {
        std::string path;
        std::uint64_t rows = 0;  ///< rows (or entries) read from it
    };
    struct Info {
        std::filesystem::path path;
        std::uint64_t file_size_bytes = 0;
        std::uint32_t format_version = 0;
        std::string build_date;        ///< ISO 8601 UTC time of the build
        std::uint64_t places = 0;
        std::uint64_t keys = 0;
        std::uint64_t candidates = 0;
        std::uint64_t by_kind[5] = {};  ///< indexed by PlaceKind
        std::uint64_t polygons = 0;     ///< countries with a polygon for country_at()
        std::vector<Source> sources;
    };
    /// Counts, sources and build date recorded in the index.
    Info info() const;
    /// Checks the whole payload against its checksum (reads every page); throws eventmap::Error when corrupt.
    void verify() const;

private:
    explicit Gazetteer(std::shared_ptr<const detail::Mapping> mapping) : m_map(std::move(mapping)) {}
    std::shared_ptr<const detail::Mapping> m_map;
};

/// What to build an index from. Unset optional files are auto-detected beside the first
/// GeoNames file (admin1CodesASCII.txt, admin2Codes.txt, alternateNamesV2.txt, countryInfo.txt);
/// the npm data (data/npm) fills in what is missing.
struct BuildOptions {
    std::vector<std::filesystem::path> geonames_files;  ///< default: cities500 from data/npm
    std::optional<std::filesystem::path> alternate_names, admin1_codes, admin2_codes, country_info;
    std::optional<std::filesystem::path> supplement;  ///< default: data/supplement.tsv when present
    std::optional<std::filesystem::path> demonyms;    ///< default: data/demonyms.tsv when present
    std::optional<std::filesystem::path> country_polygons;  ///< default: world-atlas countries-50m.json when present
    /// Representative points of countries (iso2, lat, lon, name), default data/country_points.tsv when
    /// present; otherwise a country's point is a point on its Natural Earth polygon.
    std::optional<std::filesystem::path> country_points;
    std::filesystem::path output;  ///< default (empty): default_index_path()
    bool strict = false;           ///< the first malformed row is fatal (FormatError)
    std::size_t max_problems = 20; ///< problems kept in full in BuildReport::problems and the log
};

struct BuildReport {
    std::size_t rows_read = 0;     ///< data rows seen in GeoNames-format files
    std::size_t rows_skipped = 0;  ///< malformed rows skipped
    std::size_t places = 0;
    std::size_t keys = 0;
    std::uint64_t by_kind[5] = {};
    std::vector<std::string> problems;  ///< first max_problems "file:line: reason"
    std::filesystem::path output;
    double seconds = 0;
};

/// Builds an index from GeoNames-format files and our own data; writes atomically (AtomicFile).
/// Malformed rows go to `log` as "file:line: reason" and are skipped (fatal with strict).
BuildReport build_index(const BuildOptions& options, std::ostream& log);

}  // namespace eventmap::gazetteer
