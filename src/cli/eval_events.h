#pragma once
// `eventmap eval events|types|locations CORPUS.jsonl [--json]`: event detection scored on
// human-annotated corpora (ACLED notes, CASE 2021 task 2, event-location linking).
#include <string>

namespace eventmap::cli {

/// Runs one evaluation and prints its table (or JSON with `json`); returns the exit code.
/// kind: "events" (ACLED notes), "types" (CASE 2021), "locations" (event_location).
/// index: gazetteer index path ("" = default). Throws UsageError for an unknown kind, IoError for a bad corpus.
int eval_events_main(const std::string& kind, const std::string& corpus, bool json, const std::string& index);

}  // namespace eventmap::cli
