#pragma once
// Streaming event writer: every format through GDAL, into a temporary file renamed into
// place by close(), so an interrupted or failing run never leaves a half-written file.
// GDAL writes every byte; for the text formats it may do so on several threads at once.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "eventmap/events/event.h"
#include "eventmap/export/format.h"

namespace eventmap::exporter {

/// Events made ready for one EventWriter, on any thread, waiting for EventWriter::write.
///
/// GeoJSON, GeoJSONSeq, CSV and ACLED CSV files are a run of features between a header and a
/// footer. For them GDAL writes the batch's features right away, into memory (a /vsimem/ dataset
/// of the same driver and options), and the batch holds that text without the header and footer:
/// the writer only appends it, so several threads can run GDAL's writing at once. The other
/// formats (GeoPackage, KML, FlatGeobuf) cannot be joined that way: their batch holds GDAL
/// features that the writer's one dataset takes.
class PreparedBatch {
public:
    /// Events in the batch.
    std::size_t size() const { return m_count; }

private:
    friend class EventWriter;
    /// Destroys an OGRFeatureH (opaque here, to keep GDAL's headers out of this one).
    struct FeatureDeleter {
        void operator()(void* feature) const noexcept;
    };
    std::string m_text;  ///< GDAL's text of the features (formats written in parts)
    std::vector<std::unique_ptr<void, FeatureDeleter>> m_features;  ///< the other formats
    std::vector<std::string> m_ids;  ///< the events' ids, for the error message when GDAL refuses one
    std::size_t m_count = 0;
};

class EventWriter {
public:
    /// Creates the output at a temporary path beside `out`; throws IoError when it cannot.
    EventWriter(const std::filesystem::path& out, Format format);
    EventWriter(const EventWriter&) = delete;
    EventWriter& operator=(const EventWriter&) = delete;
    EventWriter(EventWriter&&) noexcept;
    EventWriter& operator=(EventWriter&&) = delete;
    /// Without a successful close(), removes the temporary file: nothing is left behind.
    ~EventWriter();

    /// Appends one event; throws IoError when GDAL refuses it. For the formats written in parts
    /// the events wait in groups of 256 before GDAL writes them, so a refusal may come later.
    void write(const events::Event& event);
    /// The batch write() would append for `events`. Thread-safe: several threads may prepare
    /// while another writes; the writer must stay open until the batch is written or dropped.
    /// Throws IoError when GDAL refuses an event (for the formats written in parts).
    PreparedBatch prepare(std::span<const events::Event> events) const;
    /// Appends a batch prepare() made for this writer; throws IoError on failure.
    void write(PreparedBatch&& batch);
    /// Events written so far.
    std::size_t count() const;
    /// Whether the format's features are written in parts (see PreparedBatch).
    bool writes_in_parts() const;
    /// Flushes, closes the output and atomically renames it onto `out`; throws IoError.
    void close();

private:
    /// Has GDAL write the events write() kept back, and appends them.
    void flush_pending();

    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Writes all `events` to `out` in `format` (EventWriter + close()).
void write_events(const std::vector<events::Event>& events, const std::filesystem::path& out, Format format);

}  // namespace eventmap::exporter
