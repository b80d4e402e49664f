#!/usr/bin/env bash
# Runs every evaluation eventmap has on a corpus folder (default ../shared/eval) and prints the tables.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
EVAL="${1:-$EVENTMAP_ROOT/../shared/eval}"
EM="$EVENTMAP_ROOT/build/eventmap"
for f in "$EVAL"/geoparse/*.jsonl; do
  [ -f "$f" ] || continue
  say "eval geoparse $(basename "$f")"
  "$EM" eval geoparse "$f" || true
done
# Each events corpus has its own measure.
for pair in "events acled_notes" "types case2021" "locations event_location"; do
  set -- $pair
  for f in "$EVAL"/events/"$2"*.jsonl; do
    [ -f "$f" ] || continue
    say "eval $1 $(basename "$f")"
    "$EM" eval "$1" "$f" || true
  done
done
