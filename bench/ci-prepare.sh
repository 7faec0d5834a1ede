#!/usr/bin/env bash
# ci-prepare.sh — what the ctest `robustness` slice (bench/robust.py ci) needs beyond
# the build: csmith with its headers, and the zlib corpus (Debian source, built once
# under bear by bench/realcode.sh --prepare-only).  Best effort: when something cannot
# be installed or fetched, the slice skips that part and prints why.  About a minute on
# a fresh machine, seconds when everything is there.
set -uo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

missing=()
for pkg in csmith libcsmith-dev; do have_pkg "$pkg" || missing+=("$pkg"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "ci-prepare: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  { "${sudo_cmd[@]}" apt-get update -qq &&
      "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null; } ||
    echo "ci-prepare: warning: could not install ${missing[*]} (the csmith part will skip)"
fi
if [ "$(id -u)" -eq 0 ]; then
  "$BENCH/realcode.sh" --prepare-only --projects zlib ||
    echo "ci-prepare: warning: no zlib corpus (the corpus part will skip)"
else
  echo "ci-prepare: not root: the zlib corpus is not prepared (the corpus part will skip)"
fi
exit 0
