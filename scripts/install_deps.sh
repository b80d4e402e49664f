#!/usr/bin/env bash
# Installs the Debian 12 packages eventmap builds and runs with. As root it runs
# apt-get; otherwise it prints the exact command to run.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PACKAGES=(
  cmake g++ make ninja-build pkg-config git ca-certificates xz-utils
  libgdal-dev libproj-dev libgeos-dev gdal-bin
  libglfw3-dev libimgui-dev libgl-dev libgl1-mesa-dri
  catch2 libbenchmark-dev
  nlohmann-json3-dev libsimdjson-dev libutf8proc-dev libxml2-dev libxxhash-dev
  xvfb xauth wamerican
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  say "Debian packages: all ${#PACKAGES[@]} present"
  exit 0
fi
cmd="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "eventmap needs these Debian packages; run as root:" >&2
  echo "  $cmd" >&2
  exit 1
fi
say "Installing ${#missing[@]} Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
