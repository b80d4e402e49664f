#pragma once
// Shared by the benchmarks: where ../shared (the evaluation corpora) is.
#include <cstdlib>
#include <filesystem>

namespace eventmap::bench {

/// $EVENTMAP_SHARED_DIR, else ../shared beside the checkout.
inline std::filesystem::path shared_dir() {
    if (const char* env = std::getenv("EVENTMAP_SHARED_DIR")) return env;
    return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() / "shared";
}

}  // namespace eventmap::bench
