#include "eventmap/core/paths.h"

#include <cstdlib>

namespace eventmap {

std::filesystem::path data_dir() {
    if (const char* env = std::getenv("EVENTMAP_DATA"); env && *env) return env;
    return EVENTMAP_DATA_DIR;
}

std::filesystem::path npm_data_dir() { return data_dir() / "npm"; }

std::filesystem::path default_index_path() {
    if (const char* env = std::getenv("EVENTMAP_INDEX"); env && *env) return env;
    return data_dir() / "index" / "gazetteer.emx";
}

}  // namespace eventmap
