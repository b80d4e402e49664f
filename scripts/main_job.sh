#!/usr/bin/env bash
# The main job on the bundled sample articles (run by setup.sh once everything is built):
# extract the events to out/events.geojson, show them in the terminal, then open the viewer,
# or, with no display, write a snapshot to out/map.png.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
EM="$EVENTMAP_ROOT/build/eventmap"
OUT="$EVENTMAP_ROOT/out"
mkdir -p "$OUT"
say "Extracting events from the sample articles (data/samples) to out/events.geojson"
"$EM" extract "$EVENTMAP_ROOT/data/samples/articles.jsonl" "$EVENTMAP_ROOT/data/samples/txt" "$EVENTMAP_ROOT/data/samples/html" -o "$OUT/events.geojson" --jobs "$JOBS"
"$EM" events "$OUT/events.geojson" --limit 15
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "${CI:-}" != "true" ]; then
  say "Opening the viewer (close the window to finish)"
  "$EM" view "$OUT/events.geojson"
else
  say "No display: writing a snapshot of the map to out/map.png"
  "$EM" view "$OUT/events.geojson" --snapshot "$OUT/map.png" --size 1280x800 ||
    { command -v xvfb-run >/dev/null && xvfb-run -a -s '-screen 0 1280x800x24' \
        "$EM" view "$OUT/events.geojson" --snapshot "$OUT/map.png" --size 1280x800; }
  echo "wrote $OUT/map.png"
fi
