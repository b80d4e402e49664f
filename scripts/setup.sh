#!/usr/bin/env bash
# The first README command: installs what is missing, fetches the data, builds,
# builds the gazetteer index and runs the main job on the bundled sample articles.
#   bash scripts/setup.sh            # everything, then the main job
#   bash scripts/setup.sh --no-run   # set-up only (the test script uses this)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
run_main=1
[ "${1:-}" = "--no-run" ] && run_main=0

bash "$EVENTMAP_ROOT/scripts/install_deps.sh"
bash "$EVENTMAP_ROOT/scripts/fetch_data.sh"
say "Building (build/)"
build_tree build -DCMAKE_BUILD_TYPE=Release
EM="$EVENTMAP_ROOT/build/eventmap"

index="$EVENTMAP_ROOT/data/index/gazetteer.emx"
# Rebuild when the index is missing or invalid, or older than the data it is built from.
stale=""
if [ -f "$index" ]; then
  stale="$(find "$EVENTMAP_ROOT/data" -maxdepth 1 -name '*.tsv' -newer "$index" -print -quit)"
  [ -n "$stale" ] || stale="$(find "$EVENTMAP_ROOT/data/npm" -maxdepth 2 -name '.unpacked-*' -newer "$index" -print -quit)"
fi
if [ -n "$stale" ] || ! "$EM" gazetteer info >/dev/null 2>&1; then
  say "Building the gazetteer index ($index)"
  "$EM" gazetteer build
fi

[ $run_main -eq 1 ] || exit 0
bash "$EVENTMAP_ROOT/scripts/main_job.sh"
