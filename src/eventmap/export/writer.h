#pragma once
// Streaming event writer: every format through GDAL, into a temporary file renamed into
// place by close(), so an interrupted or failing run never leaves a half-written file.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "eventmap/events/event.h"
#include "eventmap/export/format.h"

namespace eventmap::exporter {

/// One event made into a feature of an EventWriter's layer (its fields and point set), waiting
/// for EventWriter::write. Preparing is the part of writing that is not GDAL's own work, so a
/// caller can do it on its worker threads and leave only the driver's writing to one thread.
struct PreparedEvent {
    /// Destroys an OGRFeatureH (opaque here, to keep GDAL's headers out of this one).
    struct FeatureDeleter {
        void operator()(void* feature) const noexcept;
    };
    std::unique_ptr<void, FeatureDeleter> feature;
    std::string id;  ///< the event's id, for the error message when GDAL refuses the feature
};

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

    /// Appends one event (prepare + write); throws IoError when GDAL refuses the feature.
    void write(const events::Event& event);
    /// The feature write() would append for `event`. Thread-safe: several threads may prepare
    /// while another writes; the writer must stay open until the feature is written or dropped.
    PreparedEvent prepare(const events::Event& event) const;
    /// Appends a feature prepare() made for this writer; throws IoError when GDAL refuses it.
    void write(PreparedEvent&& prepared);
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
