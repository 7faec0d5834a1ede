#!/usr/bin/env bash
# build.sh — build the "probe" copy of the plugin: the same sources, unmodified, plus
# bench/probe/probe.cc, which times each function's lowering and analysis and writes
# its work units and budget flags to $MEMRULES_PROBE (see probe.cc).
#
#   bench/probe/build.sh [--src REPO] [--gcc gcc] OUT.so
#
# The source list is read from REPO/CMakeLists.txt (add_library memrules_core and
# memrules), the flags are those of the CMake build (RelWithDebInfo).  Only engine.c
# and lower.cc get a -D renaming the two wrapped functions.
set -euo pipefail
PROBE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$PROBE/../.." && pwd) GCC=gcc
while [ $# -gt 1 ]; do
  case $1 in
    --src) SRC=$(cd "$2" && pwd); shift 2 ;;
    --gcc) GCC=$2; shift 2 ;;
    *) echo "usage: $0 [--src REPO] [--gcc gcc] OUT.so" >&2; exit 2 ;;
  esac
done
[ $# = 1 ] || { echo "usage: $0 [--src REPO] [--gcc gcc] OUT.so" >&2; exit 2; }
OUT=$(realpath -m "$1")
mkdir -p "$(dirname "$OUT")"
GXX=${GCC/gcc/g++}
PLUGIN_INC=$("$GCC" -print-file-name=plugin)/include
VERSION=$(sed -n 's/^project(memrules VERSION \([0-9.]*\).*/\1/p' "$SRC/CMakeLists.txt")
OBJ=$(mktemp -d /tmp/memrules-probe.XXXXXX)
trap 'rm -rf "$OBJ"' EXIT

# Sources: the lines of the two add_library() blocks.
sources() {
  awk -v lib="$1" '$0 ~ "^add_library\\(" lib " " { on = 1; next }
                   on { for (i = 1; i <= NF; i++) { s = $i; sub(/\)$/, "", s)
                          if (s ~ /\.(c|cc)$/) print s }
                        if ($0 ~ /\)/) on = 0 }' "$SRC/CMakeLists.txt"
}
objs=()
for s in $(sources memrules_core); do
  d=(); [ "$(basename "$s")" = engine.c ] && d=(-Dmr_analyze=mr_analyze_real)
  o=$OBJ/$(basename "$s").o
  "$GCC" -O2 -g -DNDEBUG -fPIC -fvisibility=hidden -std=c11 -I"$SRC/plugin/core" \
    "${d[@]}" -c "$SRC/$s" -o "$o"
  objs+=("$o")
done
CXXFLAGS=(-O2 -g -DNDEBUG -fPIC -fvisibility=hidden -fvisibility-inlines-hidden
  -fno-rtti -fno-exceptions -std=gnu++14 "-DMEMRULES_VERSION=\"$VERSION\""
  -I"$SRC/plugin/core" -isystem "$PLUGIN_INC")
for s in $(sources memrules) "$PROBE/probe.cc"; do
  case $s in /*) ;; *) s=$SRC/$s ;; esac   # relative to the source tree, not the cwd
  d=()
  case $(basename "$s") in
    lower.cc) d=(-Dmr_lower=mr_lower_real) ;;
    probe.cc) d=("-DPROBE_GCC_COMMON_H=\"$SRC/plugin/gcc/gcc-common.h\""
                 "-DPROBE_LOWER_H=\"$SRC/plugin/gcc/lower.h\"") ;;
  esac
  o=$OBJ/$(basename "$s").o
  "$GXX" "${CXXFLAGS[@]}" "${d[@]}" -c "$s" -o "$o"
  objs+=("$o")
done
"$GXX" -shared -o "$OUT" "${objs[@]}"
echo "$OUT"
