#!/usr/bin/env bash
# The main job on the bundled samples (run by setup.sh once everything is built).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
EM="$EVENTMAP_ROOT/build/eventmap"
say "Gazetteer lookups"
"$EM" gazetteer lookup Avdiivka Geneva Kyiv Artemivsk "Black Sea" Crimea "Donetsk Oblast" Russian
