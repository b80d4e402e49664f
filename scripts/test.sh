#!/usr/bin/env bash
# The second README command: the same set-up as setup.sh, then the whole test suite
# (ctest), then the suite again in an AddressSanitizer + UBSan build.
# EVENTMAP_SANITIZE_TESTS=0 skips the sanitizer pass (it is on by default).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

bash "$EVENTMAP_ROOT/scripts/setup.sh" --no-run
say "Running the test suite (build/)"
(cd "$EVENTMAP_ROOT/build" && ctest --output-on-failure -j "$JOBS")

if [ "${EVENTMAP_SANITIZE_TESTS:-1}" != "0" ]; then
  say "Building with AddressSanitizer + UBSan (build-asan/)"
  build_tree build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEVENTMAP_SANITIZE=ON -DEVENTMAP_BUILD_BENCH=OFF
  say "Running the test suite under the sanitizers"
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
  export LSAN_OPTIONS="suppressions=$EVENTMAP_ROOT/scripts/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  (cd "$EVENTMAP_ROOT/build-asan" && ctest --output-on-failure -j "$JOBS")
fi
