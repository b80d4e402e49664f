#!/usr/bin/env bash
# Runs every evaluation eventmap has on a corpus folder (default ../shared/eval) and prints the tables.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
EVAL="${1:-$EVENTMAP_ROOT/../shared/eval}"
EM="$EVENTMAP_ROOT/build/eventmap"
if "$EM" help eval >/dev/null 2>&1 && "$EM" eval --help >/dev/null 2>&1; then
  for f in "$EVAL"/geoparse/*.jsonl; do
    [ -f "$f" ] || continue
    say "eval geoparse $(basename "$f")"
    "$EM" eval geoparse "$f" || true
  done
  for kind in events types locations; do
    for f in "$EVAL"/events/*.jsonl; do
      [ -f "$f" ] || continue
      "$EM" eval "$kind" "$f" --if-applicable || true
    done
  done
else
  echo "eventmap has no eval command yet"
fi
