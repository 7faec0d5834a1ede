#!/usr/bin/env bash
# test_icecc.sh PLUGIN [GCC [GXX]] - memrules under icecream (icecc), for real, on one machine,
# as docs/large-builds.md describes it.
#
# Inside a network namespace made here with nothing but `lo`, it starts icecc-scheduler,
# a client daemon that never compiles (-m 0 --no-remote) and a worker daemon, builds the
# environment with the plugin using tools/memrules-icecc-env, compiles a file with a
# known double free through icecc, and reads icecc's ICECC_DEBUG log and the worker's
# log to assert that the unit was compiled on the worker, with memrules loaded there,
# and that the warning came back (and -Werror fails).  Then the traps the doc warns
# about: the short -fplugin=memrules, the caret workaround, an environment without the
# plugin, a reused environment name; and ccache with CCACHE_PREFIX=icecc.
#
# All daemons share 127.0.0.1, so icecc would take the worker for this machine and
# compile locally: ICECC_TEST_REMOTEBUILD=1 (icecream's own test hook, used by its
# test suite) makes it send the unit over TCP anyway.  ICECC_TEST_SOCKET gives each
# daemon its own local socket instead of /var/run/icecc/iceccd.socket.
#
# Needs root (ip netns, iceccd's chroot), iproute2 and icecc; exits 77 (skipped, with
# the reason printed) when they are missing or namespaces are not permitted.  Every
# daemon it started is stopped and the namespace deleted on exit; every command is
# under a timeout, and a watchdog ends the whole test after 240 s.
# Prints "PASS:"/"FAIL:" lines and "N passed, N failed".
set -u
export LC_ALL=C
unset ICECC ICECC_VERSION ICECC_DEBUG ICECC_LOGFILE ICECC_PREFERRED_HOST ICECC_CC ICECC_CXX \
      ICECC_CARET_WORKAROUND ICECC_REMOTE_CPP ICECC_EXTRAFILES ICECC_TEST_SOCKET \
      ICECC_TEST_REMOTEBUILD
for v in $(env | sed -n 's/^\(CCACHE_[A-Z_]*\)=.*/\1/p'); do unset "$v"; done

[ $# -ge 1 ] || { echo "usage: $0 PLUGIN [GCC [GXX]]" >&2; exit 2; }
plugin_in=$1
cc=${2:-gcc}
cxx=${3:-$(printf '%s\n' "$cc" | sed 's/gcc/g++/')}
src=$(cd "$(dirname "$0")/../.." && pwd)
helper=$src/tools/memrules-icecc-env

skip() { echo "SKIP: $*"; exit 77; }
for tool in icecc iceccd icecc-scheduler icecc-create-env; do
  command -v "$tool" >/dev/null 2>&1 || skip "icecream is not installed ($tool not found): apt-get install icecc"
done
command -v ip >/dev/null 2>&1 || skip "ip not found: apt-get install iproute2"
[ "$(id -u)" -eq 0 ] || skip "needs root (ip netns add, and iceccd chroots into the environment)"
id nobody >/dev/null 2>&1 || skip "no user 'nobody' for the daemons"
[ -f "$plugin_in" ] || { echo "FAIL: no plugin at $plugin_in"; echo "0 passed, 1 failed"; exit 1; }

ns=memrules-icecc-$$
# Namespaces left by an earlier run of this test that was killed (its pid is gone).
for old in $(ip netns list 2>/dev/null | sed -n 's/^\(memrules-icecc-[0-9]*\).*/\1/p'); do
  kill -0 "${old#memrules-icecc-}" 2>/dev/null && continue
  for p in $(ip netns pids "$old" 2>/dev/null); do kill -KILL "$p" 2>/dev/null; done
  ip netns del "$old" 2>/dev/null
done

# /tmp/mr-icecc-XXXXXX: short, because unix socket paths are limited to 107 bytes.
tmp=$(mktemp -d /tmp/mr-icecc-XXXXXX)
chmod 755 "$tmp"               # the daemons run as nobody
pids=()
ns_made=0
watchdog=
cleanup() {
  trap - EXIT INT TERM HUP
  [ -n "$watchdog" ] && kill "$watchdog" 2>/dev/null
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null; done
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    alive=0
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.3
  done
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done
  if [ "$ns_made" = 1 ]; then
    # Anything still in the namespace is a child of our daemons (a compile job).
    for p in $(ip netns pids "$ns" 2>/dev/null); do kill -KILL "$p" 2>/dev/null; done
    ip netns del "$ns" 2>/dev/null || echo "warning: could not delete network namespace $ns"
  fi
  wait 2>/dev/null
  if [ -n "${KEEP:-}" ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'echo "FAIL: interrupted or timed out"; exit 1' INT TERM HUP
# (Its sleep must not hold the test's stdout open, or ctest would wait for it.)
( sleep 240 & s=$!; trap 'kill $s; exit 0' TERM; wait $s && kill -TERM $$ ) >/dev/null 2>&1 &
watchdog=$!

if ! ip netns add "$ns" 2>"$tmp/ns.err"; then
  skip "network namespaces are not permitted here (ip netns add: $(head -1 "$tmp/ns.err"))"
fi
ns_made=1
if ! ip netns exec "$ns" ip link set lo up 2>"$tmp/ns.err"; then
  skip "cannot enter the network namespace (ip netns exec: $(head -1 "$tmp/ns.err"))"
fi
nsx() { ip netns exec "$ns" "$@"; }

pass=0 fail=0
ok() { pass=$((pass + 1)); echo "PASS: $1"; }
bad() {  # bad DESCRIPTION [FILE...]: the files' tails go under it
  fail=$((fail + 1)); echo "FAIL: $1"; shift
  for f in "$@"; do [ -f "$f" ] && { echo "    -- ${f#"$tmp"/}"; tail -25 "$f" | sed 's/^/    /'; }; done
  return 0
}
has() { grep -q -e "$2" "$1" 2>/dev/null; }          # has FILE PATTERN
hasF() { grep -qF -e "$2" "$1" 2>/dev/null; }        # hasF FILE STRING

# The plugin under a private absolute path: the build tree's may be rebuilt meanwhile,
# and the environment must hold the very file that -fplugin names.  Mode 644, as
# cmake --install leaves it (icecc-create-env adds the libraries of executables only).
mkdir -p "$tmp/plugin" "$tmp/work"
cp "$plugin_in" "$tmp/plugin/memrules.so"
chmod 644 "$tmp/plugin/memrules.so"
plugin=$tmp/plugin/memrules.so
cat >"$tmp/work/t.c" <<'EOF'
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
cat >"$tmp/work/t.cc" <<'EOF'
void g ()
{
  int *q = new int[4];
  delete[] q;
  delete[] q;
}
EOF

# ---------------------------------------------------------------- the cluster
links=$(nsx ip -o link show | wc -l)
if [ "$links" -eq 1 ] && nsx ip -o link show | grep -q ': lo:'; then
  ok "the network namespace has only lo"
else
  bad "the network namespace has only lo (it has $links links)"
fi
user=nobody
group=$(id -gn nobody)
for d in sched client worker; do install -d -o "$user" -g "$group" "$tmp/$d"; done
net=memrules$$
nsx icecc-scheduler -n "$net" -p 8765 -l "$tmp/sched/log" -vvv -u "$user" \
  </dev/null >"$tmp/sched/out" 2>&1 &
pids+=($!)
# The client's daemon: takes no job, neither its own (-m 0) nor others' (--no-remote),
# so the scheduler has to send the unit to the worker.
ICECC_TEST_SOCKET=$tmp/client/sock nsx iceccd -s 127.0.0.1:8765 -n "$net" -N mr-client \
  -m 0 --no-remote -p 10245 -b "$tmp/client/envs" -l "$tmp/client/log" -vvv -u "$user" \
  </dev/null >"$tmp/client/out" 2>&1 &
pids+=($!)
# The worker reports the machine's CPU load (/proc/stat) to the scheduler, which gives no
# job to a worker with less than 10% idle: on a machine busy with other builds the unit
# would wait for minutes.  So the worker, in a mount namespace of its own, reads a copy
# of /proc/stat that does not move, and so looks idle.  (Where that bind mount is not
# permitted, it sees the real load.)
cat /proc/stat >"$tmp/worker/stat"
ICECC_TEST_SOCKET=$tmp/worker/sock nsx unshare --mount --propagation private sh -c \
  'mount --bind "$0" /proc/stat 2>/dev/null || echo "note: the worker sees the real CPU load"; exec "$@"' \
  "$tmp/worker/stat" iceccd -s 127.0.0.1:8765 -n "$net" -N mr-worker \
  -m 2 --nice 5 -p 10246 -b "$tmp/worker/envs" -l "$tmp/worker/log" -vvv -u "$user" \
  </dev/null >"$tmp/worker/out" 2>&1 &
pids+=($!)

# The environment meanwhile (a few seconds), with the helper as the doc has it.
(cd "$tmp/work" && timeout 120 "$helper" --gcc "$cc" --plugin "$plugin" --outdir "$tmp/env") \
  >"$tmp/helper.out" 2>"$tmp/helper.err"
helper_rc=$?
env_line=$(tail -1 "$tmp/helper.out")
envtar=${env_line#ICECC_VERSION=}
if [ "$helper_rc" -eq 0 ] && [ "$(wc -l <"$tmp/helper.out")" -eq 1 ] \
   && printf '%s\n' "$env_line" | grep -qx "ICECC_VERSION=$tmp/env/[0-9a-f]\{32\}\.tar\.gz" \
   && [ -f "$envtar" ]; then
  ok "memrules-icecc-env prints ICECC_VERSION=<dir>/<md5 of the contents>.tar.gz"
else
  bad "memrules-icecc-env prints ICECC_VERSION=<dir>/<md5 of the contents>.tar.gz (exit $helper_rc)" \
    "$tmp/helper.out" "$tmp/helper.err"
fi
if tar -tf "$envtar" 2>/dev/null | grep -xF "${plugin#/}" >/dev/null \
   && tar -tf "$envtar" | grep -x 'usr/bin/gcc' >/dev/null \
   && tar -tf "$envtar" | grep 'libstdc++\.so' >/dev/null; then
  ok "the environment holds gcc, the plugin at its absolute path, and libstdc++ for the plugin"
else
  bad "the environment holds gcc, the plugin at its absolute path, and libstdc++ for the plugin"
fi
if [ "$helper_rc" -eq 0 ] && ! grep -q "could not chroot" "$tmp/helper.err"; then
  ok "memrules-icecc-env loaded the plugin in the environment (chroot)"
else
  bad "memrules-icecc-env loaded the plugin in the environment (chroot)" "$tmp/helper.err"
fi
# An environment without the plugin (what icecc uses when ICECC_VERSION is not set).
mkdir -p "$tmp/noplug"
(cd "$tmp/noplug" && timeout 120 icecc-create-env "$(command -v "$cc")" 5>"$tmp/noplug/name" \
   >"$tmp/noplug/log" 2>&1)
noplug=$tmp/noplug/$(tail -1 "$tmp/noplug/name" 2>/dev/null)

ready=0
for _ in $(seq 1 60); do
  if has "$tmp/client/log" "Connected to scheduler" && has "$tmp/worker/log" "Connected to scheduler" \
     && has "$tmp/sched/log" "login mr-worker" && has "$tmp/sched/log" "login mr-client"; then
    ready=1; break
  fi
  for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null || break 2; done
  sleep 0.5
done
if [ "$ready" = 1 ]; then
  ok "scheduler, client daemon and worker daemon are up and connected"
else
  bad "scheduler, client daemon and worker daemon are up and connected" \
    "$tmp/sched/log" "$tmp/sched/out" "$tmp/client/log" "$tmp/client/out" "$tmp/worker/log" "$tmp/worker/out"
  echo "$pass passed, $fail failed"; exit 1
fi
grep -h '^note:' "$tmp/worker/out"
if has "$tmp/worker/log" "Cannot use chroot"; then
  skip "the worker cannot chroot here (iceccd: Cannot use chroot, no remote jobs accepted)"
fi

# ---------------------------------------------------------------- compiles
n=0
# ice NAME [VAR=VALUE...] -- ARGS...: icecc CC -c ARGS t.c in the namespace, with a fresh
# ICECC_DEBUG log; sets $out (stdout+stderr), $log (icecc's log), $rc, and marks where
# the worker's log was, so that wlog shows this compile's part of it.
ice() {
  n=$((n + 1))
  out=$tmp/work/$1.out log=$tmp/work/$1.icecc.log
  shift
  local vars=()
  while [ "$1" != -- ]; do vars+=("$1"); shift; done
  shift
  wmark=$(wc -l <"$tmp/worker/log")
  rm -f "$log" "$tmp/work/t.o"
  (cd "$tmp/work" && nsx env ICECC_TEST_SOCKET="$tmp/client/sock" ICECC_TEST_REMOTEBUILD=1 \
     ICECC_DEBUG=debug ICECC_LOGFILE="$log" "${vars[@]}" \
     timeout 120 icecc "$cc" -c -o t.o "$@" t.c) >"$out" 2>&1
  rc=$?
  touch "$log"
}
# wlog: the worker's log lines since the last ice (waits up to 5 s for the job's end).
wlog() {
  for _ in $(seq 1 50); do
    tail -n +"$((wmark + 1))" "$tmp/worker/log" | grep -q "Remote compilation" && break
    sleep 0.1
  done
  tail -n +"$((wmark + 1))" "$tmp/worker/log" >"$tmp/work/worker.part"
  echo "$tmp/work/worker.part"
}
remote() { hasF "$log" "Have to use host 127.0.0.1:10246" && ! local_build; }
local_build() { has "$log" "<building_local>\|local build forced\|building myself"; }

flags=("-fplugin=$plugin" -fno-diagnostics-show-caret)

ice plain "ICECC_VERSION=$envtar" -- "${flags[@]}"
w=$(wlog)
if [ "$rc" -eq 0 ] && remote && [ -s "$tmp/work/t.o" ]; then
  ok "the unit was compiled on the worker (ICECC_DEBUG: 'Have to use host 127.0.0.1:10246', no local build)"
else
  bad "the unit was compiled on the worker (exit $rc)" "$out" "$log" "$w"
fi
if hasF "$w" "remote compile arguments: -fplugin=$plugin" \
   && hasF "$w" "Remote compilation completed with exit code 0"; then
  ok "the worker ran the compiler with -fplugin=$plugin"
else
  bad "the worker ran the compiler with -fplugin=$plugin" "$w"
fi
if remote && has "$out" "t.c:8:3: warning: double-'free' of 'p' (MEM31-C) \[memrules-double-free\]" \
   && has "$out" "t.c:7:3: note: first 'free' here"; then
  ok "memrules' warning and note came back from the worker"
else
  bad "memrules' warning and note came back from the worker" "$out"
fi

ice werror "ICECC_VERSION=$envtar" -- "${flags[@]}" -Werror
w=$(wlog)
if [ "$rc" -ne 0 ] && remote && has "$out" "error: double-'free' of 'p' .*\[-Werror\]" \
   && hasF "$out" "all warnings being treated as errors"; then
  ok "-Werror: the build fails with memrules' error, compiled on the worker"
else
  bad "-Werror: the build fails with memrules' error, compiled on the worker (exit $rc)" "$out" "$log"
fi
if hasF "$w" "compiler produced stderr output" && hasF "$w" "[memrules-double-free]" \
   && hasF "$w" "Remote compilation exited with exit code 1"; then
  ok "-Werror: the worker's log shows memrules' error from its compiler"
else
  bad "-Werror: the worker's log shows memrules' error from its compiler" "$w"
fi

# C++: the same environment has g++ and cc1plus.
n=$((n + 1)); out=$tmp/work/cxx.out log=$tmp/work/cxx.icecc.log
(cd "$tmp/work" && nsx env ICECC_TEST_SOCKET="$tmp/client/sock" ICECC_TEST_REMOTEBUILD=1 \
   ICECC_VERSION="$envtar" ICECC_DEBUG=debug ICECC_LOGFILE="$log" \
   timeout 120 icecc "$cxx" -c -o t2.o "${flags[@]}" t.cc) >"$out" 2>&1
rc=$?
if [ "$rc" -eq 0 ] && remote && has "$out" "t.cc:5:12: warning: double-'delete\[\]' of 'q' .*\[memrules-double-free\]"; then
  ok "C++ ($cxx): compiled on the worker, memrules' warning back"
else
  bad "C++ ($cxx): compiled on the worker, memrules' warning back (exit $rc)" "$out" "$log"
fi

(cd "$tmp/work" && nsx env ICECC_TEST_SOCKET="$tmp/client/sock" ICECC_TEST_REMOTEBUILD=1 \
   ICECC_VERSION="$envtar" timeout 120 "$helper" --check --gcc "$cc" --plugin "$plugin") \
   >"$tmp/work/check.out" 2>&1
rc=$?
if [ "$rc" -eq 0 ] && has "$tmp/work/check.out" "OK: compiled remotely on 127.0.0.1:10246"; then
  ok "memrules-icecc-env --check: OK, compiled remotely with memrules loaded"
else
  bad "memrules-icecc-env --check: OK, compiled remotely with memrules loaded (exit $rc)" "$tmp/work/check.out"
fi

# ---------------------------------------------------------------- the traps
ice caret "ICECC_VERSION=$envtar" -- "-fplugin=$plugin"
if [ "$rc" -eq 0 ] && hasF "$log" "command needs stdout/stderr workaround, recompiling locally" \
   && hasF "$log" "<building_local>" && hasF "$out" "[memrules-double-free]"; then
  ok "without -fno-diagnostics-show-caret, a remote warning makes icecc recompile locally"
else
  bad "without -fno-diagnostics-show-caret, a remote warning makes icecc recompile locally (exit $rc)" "$out" "$log"
fi
ice caret0 "ICECC_VERSION=$envtar" ICECC_CARET_WORKAROUND=0 -- "-fplugin=$plugin"
if [ "$rc" -eq 0 ] && remote && hasF "$out" "[memrules-double-free]"; then
  ok "ICECC_CARET_WORKAROUND=0 instead: compiled on the worker, warning back"
else
  bad "ICECC_CARET_WORKAROUND=0 instead: compiled on the worker, warning back (exit $rc)" "$out" "$log"
fi

ice short "ICECC_VERSION=$envtar" -- "-iplugindir=$tmp/plugin" -fplugin=memrules -fno-diagnostics-show-caret
if hasF "$log" "file for argument -fplugin=memrules missing, building locally" && hasF "$log" "<building_local>" \
   && ! hasF "$log" "Have to use host"; then
  ok "the short -fplugin=memrules: icecc compiles locally"
else
  bad "the short -fplugin=memrules: icecc compiles locally" "$out" "$log"
fi

if [ -f "$noplug" ]; then
  ice noplug "ICECC_VERSION=$noplug" -- "${flags[@]}"
  if [ "$rc" -ne 0 ] && remote && hasF "$out" "cannot load plugin $plugin"; then
    ok "an environment without the plugin: 'cannot load plugin', the build fails (with -fno-diagnostics-show-caret)"
  else
    bad "an environment without the plugin: 'cannot load plugin', the build fails (exit $rc)" "$out" "$log"
  fi
  ice noplug-caret "ICECC_VERSION=$noplug" -- "-fplugin=$plugin"
  if [ "$rc" -eq 0 ] && hasF "$log" "local build forced" && hasF "$log" "<building_local>" \
     && ! hasF "$out" "cannot load plugin" && hasF "$out" "[memrules-double-free]"; then
    ok "an environment without the plugin, caret workaround on: silently recompiled locally (memrules ran here)"
  else
    bad "an environment without the plugin, caret workaround on: silently recompiled locally (exit $rc)" "$out" "$log"
  fi
  (cd "$tmp/work" && nsx env ICECC_TEST_SOCKET="$tmp/client/sock" ICECC_TEST_REMOTEBUILD=1 \
     ICECC_VERSION="$noplug" timeout 120 "$helper" --check --gcc "$cc" --plugin "$plugin") \
     >"$tmp/work/check2.out" 2>&1
  rc=$?
  if [ "$rc" -ne 0 ] && hasF "$tmp/work/check2.out" "does not contain $plugin"; then
    ok "memrules-icecc-env --check rejects an environment without the plugin"
  else
    bad "memrules-icecc-env --check rejects an environment without the plugin (exit $rc)" "$tmp/work/check2.out"
  fi

  # A fixed name: the worker installs the first tarball it gets under that name and
  # keeps using it, whatever the file holds later.
  mkdir -p "$tmp/fixed"
  cp "$envtar" "$tmp/fixed/memrules-env.tar.gz"
  ice fixed1 "ICECC_VERSION=$tmp/fixed/memrules-env.tar.gz" -- "${flags[@]}"
  cp "$noplug" "$tmp/fixed/memrules-env.tar.gz"
  ice fixed2 "ICECC_VERSION=$tmp/fixed/memrules-env.tar.gz" -- "${flags[@]}"
  if [ "$rc" -eq 0 ] && remote && hasF "$out" "[memrules-double-free]"; then
    ok "a reused tarball name: the worker keeps its cached environment (here: still the one with the plugin)"
  else
    bad "a reused tarball name: the worker keeps its cached environment (exit $rc)" "$out" "$log"
  fi
else
  bad "icecc-create-env without --addfile made an environment" "$tmp/noplug/log"
fi

# ---------------------------------------------------------------- ccache in front
if command -v ccache >/dev/null 2>&1; then
  cdir=$tmp/ccache
  # cc_ice NAME: ccache CC ... with CCACHE_PREFIX=icecc; sets out, log, rc.
  cc_ice() {
    out=$tmp/work/$1.out log=$tmp/work/$1.icecc.log
    rm -f "$log" "$tmp/work/t.o"
    (cd "$tmp/work" && nsx env CCACHE_DIR="$cdir" CCACHE_CONFIGPATH="$tmp/ccache.conf" \
       CCACHE_PREFIX=icecc CCACHE_COMPILERCHECK=content \
       ICECC_TEST_SOCKET="$tmp/client/sock" ICECC_TEST_REMOTEBUILD=1 ICECC_VERSION="$envtar" \
       ICECC_DEBUG=debug ICECC_LOGFILE="$log" \
       timeout 120 ccache "$cc" -c -o t.o "${flags[@]}" t.c) >"$out" 2>&1
    rc=$?
    touch "$log"
  }
  : >"$tmp/ccache.conf"                # no system or user configuration
  hits() { CCACHE_DIR=$cdir CCACHE_CONFIGPATH=$tmp/ccache.conf ccache --print-stats | awk -F'\t' '$1 ~ /^(direct|preprocessed)_cache_hit$/ { s += $2 } END { print s + 0 }'; }
  cc_ice ccache1
  h1=$(hits)
  if [ "$rc" -eq 0 ] && [ "$h1" -eq 0 ] && remote && hasF "$out" "[memrules-double-free]"; then
    ok "ccache + CCACHE_PREFIX=icecc: a miss is compiled on the worker, with the warning"
  else
    bad "ccache + CCACHE_PREFIX=icecc: a miss is compiled on the worker (exit $rc, hits $h1)" "$out" "$log"
  fi
  cc_ice ccache2
  h2=$(hits)
  if [ "$rc" -eq 0 ] && [ "$h2" -eq $((h1 + 1)) ] && [ ! -s "$log" ] && [ -s "$tmp/work/t.o" ] \
     && hasF "$out" "[memrules-double-free]"; then
    ok "ccache + CCACHE_PREFIX=icecc: a hit replays the warning without calling icecc"
  else
    bad "ccache + CCACHE_PREFIX=icecc: a hit replays the warning without calling icecc (exit $rc, hits $h1 -> $h2)" "$out" "$log"
  fi
else
  echo "SKIP (part): ccache is not installed: the CCACHE_PREFIX=icecc checks did not run (apt-get install ccache)"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
