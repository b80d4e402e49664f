#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "eventmap/core/atomic_file.h"
#include "eventmap/core/error.h"

namespace fs = std::filesystem;
using eventmap::AtomicFile;

TEST_CASE("an output only appears under its name once it is committed", "[core]") {
    auto dir = fs::temp_directory_path() / "eventmap_atomic_test";
    fs::remove_all(dir);
    auto target = dir / "events.geojson";
    {
        AtomicFile out(target);
        std::ofstream(out.temp_path()) << "{}";
        REQUIRE_FALSE(fs::exists(target));
        out.commit();
    }
    REQUIRE(fs::exists(target));
    REQUIRE(fs::file_size(target) == 2);
    fs::remove_all(dir);
}

TEST_CASE("an interrupted output leaves neither the target nor a temporary file", "[core]") {
    auto dir = fs::temp_directory_path() / "eventmap_atomic_test2";
    fs::remove_all(dir);
    auto target = dir / "events.geojson";
    {
        AtomicFile out(target);
        std::ofstream(out.temp_path()) << "{\"half";
    }
    REQUIRE_FALSE(fs::exists(target));
    REQUIRE(fs::is_empty(dir));
    fs::remove_all(dir);
}

TEST_CASE("errors name the file and the line or byte", "[core]") {
    eventmap::FormatError line_err("a.txt", 12, -1, "bad row");
    REQUIRE(std::string(line_err.what()) == "a.txt:12: bad row");
    eventmap::FormatError byte_err("b.bin", 0, 4096, "invalid UTF-8");
    REQUIRE(std::string(byte_err.what()) == "b.bin: byte 4096: invalid UTF-8");
}
