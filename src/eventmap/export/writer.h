#pragma once
// Streaming event writer: every format through GDAL, into a temporary file renamed into
// place by close(), so an interrupted or failing run never leaves a half-written file.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <vector>

#include "eventmap/events/event.h"
#include "eventmap/export/format.h"

namespace eventmap::exporter {

class EventWriter {
public:
    /// Creates the dataset at a temporary path beside `out`; throws IoError when GDAL cannot.
    EventWriter(const std::filesystem::path& out, Format format);
    EventWriter(const EventWriter&) = delete;
    EventWriter& operator=(const EventWriter&) = delete;
    EventWriter(EventWriter&&) noexcept;
    EventWriter& operator=(EventWriter&&) = delete;
    /// Without a successful close(), removes the temporary file: nothing is left behind.
    ~EventWriter();

    /// Appends one event; throws IoError when GDAL refuses the feature.
    void write(const events::Event& event);
    /// Events written so far.
    std::size_t count() const;
    /// Flushes, closes the dataset and atomically renames it onto `out`; throws IoError.
    void close();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Writes all `events` to `out` in `format` (EventWriter + close()).
void write_events(const std::vector<events::Event>& events, const std::filesystem::path& out, Format format);

}  // namespace eventmap::exporter
