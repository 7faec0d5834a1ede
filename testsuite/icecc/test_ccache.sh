#!/usr/bin/env bash
# test_ccache.sh PLUGIN [GCC] - the ccache facts of docs/large-builds.md that
# testsuite/integration/test_integration.py's "ccache" group does not already check
# (that one: a hit replays the warnings; a rebuilt plugin named by path is a miss;
# other plugin arguments are a miss; the short -fplugin=memrules gives stale hits;
# CCACHE_EXTRAFILES; SARIF on hits).  Here, with a real ccache (4.7 in bookworm):
#
#   - a compile that memrules fails (-Werror, -fplugin-arg-memrules-error=) is not
#     cached: it fails again, and is compiled again, every time;
#   - ccache keys -fplugin=/path by the plugin's size and mtime: a different plugin of
#     the same size and mtime (a copy that kept its time stamp) is a stale hit;
#   - compiler_check=content hashes the plugin's contents instead: that is a miss;
#   - compiler_check=content does not help the short -fplugin=memrules (never hashed).
#
# The CCACHE_PREFIX=icecc facts (a miss is compiled remotely, a hit replays without
# icecc) need an icecream cluster: testsuite/icecc/test_icecc.sh checks them.
# Exits 77 (skipped) when ccache is not installed.  Prints "N passed, N failed".
set -u
export LC_ALL=C
[ $# -ge 1 ] || { echo "usage: $0 PLUGIN [GCC]" >&2; exit 2; }
plugin_in=$1
cc=${2:-gcc}
command -v ccache >/dev/null 2>&1 || { echo "SKIP: ccache is not installed (apt-get install ccache)"; exit 77; }
for v in $(env | sed -n 's/^\(CCACHE_[A-Z_]*\)=.*/\1/p'); do unset "$v"; done

tmp=$(mktemp -d /tmp/memrules-ccache-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export CCACHE_DIR=$tmp/cache
export CCACHE_CONFIGPATH=$tmp/ccache.conf      # no system or user configuration
: >"$CCACHE_CONFIGPATH"
mkdir -p "$tmp/p"
cp "$plugin_in" "$tmp/p/memrules.so"
plugin=$tmp/p/memrules.so
cat >"$tmp/t.c" <<'EOF'
#include <stdlib.h>
void f (void)
{
  char *p = malloc (16);
  if (!p)
    return;
  free (p);
  free (p);
}
EOF

pass=0 fail=0
check() {  # check DESCRIPTION CONDITION...: the condition is a command
  local what=$1; shift
  if "$@"; then pass=$((pass + 1)); echo "PASS: $what"
  else fail=$((fail + 1)); echo "FAIL: $what"; sed 's/^/    /' "$tmp/out" | head -20
       echo "    stats: hits $hits, misses $misses, compile_failed $failed"; fi
}
stat_of() { ccache --print-stats | awk -F'\t' -v k="$1" '$1 == k { print $2 }'; }
# cc ARGS...: ccache CC -c ARGS t.c; sets rc and what this compile did to the stats.
cc() {
  local h0 m0 f0
  h0=$(( $(stat_of direct_cache_hit) + $(stat_of preprocessed_cache_hit) ))
  m0=$(stat_of cache_miss); f0=$(stat_of compile_failed)
  (cd "$tmp" && timeout 120 ccache "$cc" -c -o t.o "$@" t.c) >"$tmp/out" 2>&1
  # shellcheck disable=SC2034  # rc is read by the conditions that check evals
  rc=$?
  hits=$(( $(stat_of direct_cache_hit) + $(stat_of preprocessed_cache_hit) - h0 ))
  misses=$(( $(stat_of cache_miss) - m0 )); failed=$(( $(stat_of compile_failed) - f0 ))
}
warned() { grep -qF '[memrules-double-free]' "$tmp/out"; }
errored() { grep -q "error: double-'free' of 'p'" "$tmp/out"; }

full="-fplugin=$plugin"
# -Werror / error=: not cached.
cc "$full" -Werror
check "-Werror: the first compile fails with memrules' error" \
  eval '[ "$rc" -ne 0 ] && errored && [ "$failed" -eq 1 ]'
cc "$full" -Werror
check "-Werror: the second fails again, compiled again (no hit: a failure is not cached)" \
  eval '[ "$rc" -ne 0 ] && errored && [ "$hits" -eq 0 ] && [ "$failed" -eq 1 ]'
cc "$full" -fplugin-arg-memrules-error=double-free
cc "$full" -fplugin-arg-memrules-error=double-free
check "-fplugin-arg-memrules-error=double-free: fails again, no hit" \
  eval '[ "$rc" -ne 0 ] && errored && [ "$hits" -eq 0 ] && [ "$failed" -eq 1 ]'

# Default compiler_check (mtime): the plugin by size and mtime.
cc "$full"
check "a warning-only compile is cached (a miss, then stored)" eval '[ "$rc" -eq 0 ] && [ "$misses" -eq 1 ] && warned'
cc "$full"
check "compiled again: a hit that replays memrules' warning" eval '[ "$rc" -eq 0 ] && [ "$hits" -eq 1 ] && warned'

# Another plugin, same size and mtime: change one byte of its .comment section
# (GCC's identification string: the plugin still loads) and keep the time stamp.
cp -p "$plugin" "$tmp/orig.so"
off=$(grep -obUaF 'GCC: (' "$plugin" | head -1 | cut -d: -f1)
twin() {  # the plugin becomes a different file of the same size and mtime
  [ -n "$off" ] || return 1
  cp -p "$tmp/orig.so" "$plugin"
  printf 'g' | dd of="$plugin" bs=1 seek="$off" conv=notrunc status=none
  touch -r "$tmp/orig.so" "$plugin"
  ! cmp -s "$plugin" "$tmp/orig.so" \
    && [ "$(stat -c %s.%Y "$plugin")" = "$(stat -c %s.%Y "$tmp/orig.so")" ]
}
check "(the plugin now differs in content, same size and mtime)" twin
cc "$full"
check "compiler_check=mtime (the default): a different plugin of the same size and mtime is a hit (stale)" \
  eval '[ "$hits" -eq 1 ]'

# compiler_check=content: the same again, from the original plugin.
cp -p "$tmp/orig.so" "$plugin"
CCACHE_COMPILERCHECK=content cc "$full"
CCACHE_COMPILERCHECK=content cc "$full"
check "compiler_check=content: the original plugin, compiled again: a hit" eval '[ "$hits" -eq 1 ] && warned'
twin
CCACHE_COMPILERCHECK=content cc "$full"
check "compiler_check=content: the same-size, same-mtime change is a miss, and the new plugin runs" \
  eval '[ "$rc" -eq 0 ] && [ "$hits" -eq 0 ] && [ "$misses" -eq 1 ] && warned'

# The short name is never hashed, whatever compiler_check says.
short=("-iplugindir=$tmp/p" -fplugin=memrules)
CCACHE_COMPILERCHECK=content cc "${short[@]}"
cp "$tmp/orig.so" "$plugin"                           # a new mtime and content
CCACHE_COMPILERCHECK=content cc "${short[@]}"
check "compiler_check=content does not help the short -fplugin=memrules: still a stale hit" \
  eval '[ "$hits" -eq 1 ]'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
