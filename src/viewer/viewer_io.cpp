#include "viewer/viewer_io.h"

#include <algorithm>
#include <filesystem>

#include "eventmap/core/error.h"
#include "eventmap/export/format.h"
#include "eventmap/export/writer.h"

namespace eventmap::viewer {

std::size_t export_filtered_geojson(const EventStore& store, const ViewerState& state, const std::string& path) {
    exporter::Format format = exporter::Format::geojson;
    try {
        format = exporter::format_for_path(path);
    } catch (const UsageError&) {
        // An unknown extension still gets GeoJSON: the button says GeoJSON.
    }
    exporter::EventWriter writer(path, format);
    auto gpu = store.gpu();
    // Chronological order is what a reader of the file expects, not our bucket order.
    std::vector<std::uint32_t> keep;
    for (std::uint32_t i = 0; i < gpu.size(); ++i)
        if (state.window.contains(gpu[i].day) && EventStore::passes(gpu[i], state.filters)) keep.push_back(i);
    std::stable_sort(keep.begin(), keep.end(), [&](std::uint32_t a, std::uint32_t b) { return gpu[a].day < gpu[b].day; });
    for (auto i : keep) writer.write(store.event(i));
    writer.close();
    return keep.size();
}

}  // namespace eventmap::viewer
