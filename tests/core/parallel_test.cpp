#include <catch2/catch.hpp>

#include <stdexcept>

#include "eventmap/core/parallel.h"

TEST_CASE("ordered_parallel hands results over in input order whatever the thread count", "[core]") {
    for (unsigned jobs : {1u, 2u, 4u}) {
        int next = 0;
        std::vector<int> seen;
        eventmap::ordered_parallel<int, int>(
            [&]() -> std::optional<int> { return next < 1000 ? std::optional<int>(next++) : std::nullopt; },
            [](int& x) { return x * 2; }, [&](int& r) { seen.push_back(r); }, jobs, 16);
        REQUIRE(seen.size() == 1000);
        for (int i = 0; i < 1000; ++i) REQUIRE(seen[size_t(i)] == 2 * i);
    }
}

TEST_CASE("an exception in a worker stops the run and reaches the caller", "[core]") {
    int next = 0;
    auto run = [&] {
        eventmap::ordered_parallel<int, int>(
            [&]() -> std::optional<int> { return next < 100 ? std::optional<int>(next++) : std::nullopt; },
            [](int& x) -> int {
                if (x == 37) throw std::runtime_error("bad record 37");
                return x;
            },
            [](int&) {}, 2, 8);
    };
    REQUIRE_THROWS_WITH(run(), "bad record 37");
}
