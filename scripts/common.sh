# Shared by the set-up and test scripts: sourced, not run.
set -euo pipefail
EVENTMAP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export EVENTMAP_ROOT
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Configure and build one build tree: build_tree DIR [extra cmake args...]
build_tree() {
  local dir="$1"; shift
  local gen=()
  command -v ninja >/dev/null 2>&1 && gen=(-G Ninja)
  if [ ! -f "$EVENTMAP_ROOT/$dir/CMakeCache.txt" ]; then
    cmake -S "$EVENTMAP_ROOT" -B "$EVENTMAP_ROOT/$dir" "${gen[@]}" "$@" >/dev/null
  else
    cmake "$EVENTMAP_ROOT/$dir" "$@" >/dev/null
  fi
  cmake --build "$EVENTMAP_ROOT/$dir" -j "$JOBS"
}
