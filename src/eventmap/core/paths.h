#pragma once
// Where eventmap finds its data: $EVENTMAP_DATA, else the data/ folder of the source tree.
#include <filesystem>

namespace eventmap {

/// The data directory: $EVENTMAP_DATA if set, else the build's configured data/ folder.
std::filesystem::path data_dir();

/// Unpacked npm data packages live here (data/npm/<package>/package/...).
std::filesystem::path npm_data_dir();

/// The gazetteer index used when no --index is given: $EVENTMAP_INDEX, else data/index/gazetteer.emx.
std::filesystem::path default_index_path();

}  // namespace eventmap
