#!/usr/bin/env bash
# The second README command: the same set-up as setup.sh, then the whole test suite
# (ctest), then the suite again in an AddressSanitizer + UBSan build.
# EVENTMAP_SANITIZE_TESTS=0 skips the sanitizer pass (it is on by default).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

bash "$EVENTMAP_ROOT/scripts/setup.sh" --no-run
# Node tools the tests use (GeoJSON validation), from the npm registry.
if [ -f "$EVENTMAP_ROOT/tests/tools/package.json" ] && command -v npm >/dev/null 2>&1; then
  say "Installing the test tools (tests/tools)"
  (cd "$EVENTMAP_ROOT/tests/tools" && npm install --no-audit --no-fund --silent >/dev/null)
fi
if [ -f "$EVENTMAP_ROOT/scripts/check_data.py" ]; then
  say "Checking data/*.tsv"
  python3 "$EVENTMAP_ROOT/scripts/check_data.py"
fi
say "Running the test suite (build/)"
(cd "$EVENTMAP_ROOT/build" && ctest --output-on-failure -j "$JOBS")

if [ "${EVENTMAP_SANITIZE_TESTS:-1}" != "0" ]; then
  say "Building with AddressSanitizer + UBSan (build-asan/)"
  build_tree build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEVENTMAP_SANITIZE=ON -DEVENTMAP_BUILD_BENCH=OFF
  say "Running the test suite under the sanitizers"
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
  export LSAN_OPTIONS="suppressions=$EVENTMAP_ROOT/scripts/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  (cd "$EVENTMAP_ROOT/build-asan" && ctest --output-on-failure -j "$JOBS" -E '^viewer_gl$')
  # Mesa's GL drivers are loaded with dlopen and unloaded at exit: their one-time allocations then
  # show as leaks from an "<unknown module>" that no suppression can name. Address and UB checks
  # stay on for the GL tests; only leak detection is off for them.
  (cd "$EVENTMAP_ROOT/build-asan" && ASAN_OPTIONS="detect_leaks=0" ctest --output-on-failure -R '^viewer_gl$')
fi
