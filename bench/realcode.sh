#!/usr/bin/env bash
# realcode.sh - compile real C projects (Debian source packages) with and
# without the memrules GCC plugin and check that the plugin only warns:
# no internal compiler error, no compile failure, byte-identical objects.
#
#   bench/realcode.sh --plugin /abs/memrules.so [--projects "zlib lua5.4"]
#   bench/realcode.sh --prepare-only            # fetch + record only
#   bench/realcode.sh --plugin X --warnings-only  # only the plugin run: the
#                                               # warnings, no object comparison
#
# Steps (the first two are cached in $MEMRULES_CORPUS and done once):
#   1. fetch the Debian source package (apt-get source; enables deb-src),
#   2. build it once under bear to record compile_commands.json,
#   3. replay every C TU three times with bench/replay.py (-O2): plain,
#      plain again (to spot TUs that are not reproducible by themselves) and
#      with -fplugin; compare the objects with cmp, collect [memrules-*]
#      warnings and write everything to the results dir.
# Exit status: 1 on any ICE / plugin-only failure / object difference.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
CORPUS=${MEMRULES_CORPUS:-/var/tmp/memrules-corpus}
RESULTS=${MEMRULES_RESULTS:-$BENCH/results}
# The first seven are the original corpus (bench/measure.py times them); the others
# extend it for precision (issue 14): intrusive lists (libevent, libuv1), pools and
# slabs (apr, memcached), a generated parser (gawk) and two C++ code bases (exiv2,
# graphite2).  bench/README.md keeps a verdict for every warning.
PROJECTS="zlib lua5.4 sqlite3 curl jq libxml2 stunnel4 libevent memcached apr gawk libuv1 exiv2 graphite2"
JOBS=$(nproc)
PLUGIN="" EXTRA="" PREPARE_ONLY=0 WARNINGS_ONLY=0

usage() {
  cat >&2 <<EOF
usage: $0 --plugin /abs/memrules.so [options]
       $0 --prepare-only [--projects "..."]
  --projects "LIST"   subset of: $PROJECTS (default: all)
  --extra-flags "F"   more flags for the plugin run (e.g. -fplugin-arg-...)
  --results DIR       results dir (default \$MEMRULES_RESULTS or bench/results)
  --jobs N            parallel compiles (default: nproc = $JOBS)
  --prepare-only      only fetch sources and record compile commands
  --warnings-only     compile only with the plugin (no plain runs, no cmp):
                      for comparing the warnings of two plugins
Corpus (sources, builds, compile_commands.json): \$MEMRULES_CORPUS ($CORPUS)
EOF
  exit 2
}

while [ $# -gt 0 ]; do
  case $1 in
    --plugin) PLUGIN=$(realpath "$2"); shift 2 ;;
    --projects) PROJECTS=$2; shift 2 ;;
    --extra-flags) EXTRA=$2; shift 2 ;;
    --results) RESULTS=$(realpath -m "$2"); shift 2 ;;
    --jobs) JOBS=$2; shift 2 ;;
    --prepare-only) PREPARE_ONLY=1; shift ;;
    --warnings-only) WARNINGS_ONLY=1; shift ;;
    *) usage ;;
  esac
done
[ $PREPARE_ONLY = 1 ] || [ -f "$PLUGIN" ] || usage

log() { echo "[realcode] $*" >&2; }
die() { log "error: $*"; exit 1; }

# ---- Debian packages -------------------------------------------------------
APT_UPDATED=0
apt_update() {
  [ $APT_UPDATED = 1 ] || { log "apt-get update"; apt-get update -qq; }
  APT_UPDATED=1
}

# need_pkgs PKG... : apt-get install the packages that are not installed yet.
need_pkgs() {
  local p missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
      missing+=("$p")
  done
  [ ${#missing[@]} = 0 ] && return
  log "installing ${missing[*]}"
  apt_update
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Build dependencies per project, kept minimal (see build_project).
declare -A DEPS=(
  [zlib]="" [lua5.4]="" [sqlite3]="tcl" [curl]=""
  [jq]="autoconf automake libtool libonig-dev"
  [libxml2]="autoconf automake libtool pkg-config"
  [stunnel4]="autoconf automake libtool libssl-dev"
  [libevent]="autoconf automake libtool" [memcached]="libevent-dev" [apr]="" [gawk]=""
  [libuv1]="cmake" [exiv2]="cmake libexpat1-dev zlib1g-dev" [graphite2]="cmake"
)

# enable_debsrc : add deb-src entries mirroring debian.sources if none exist.
enable_debsrc() {
  local f=/etc/apt/sources.list.d/memrules-debsrc.sources
  grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list \
    /etc/apt/sources.list.d/ && return
  log "enabling deb-src in $f"
  sed 's/^Types:.*/Types: deb-src/' /etc/apt/sources.list.d/debian.sources >"$f"
  APT_UPDATED=0
}

# ---- corpus: fetch, extract, record ----------------------------------------
# fetch PKG : download the source package into $CORPUS/debs (once).
fetch() {
  local pkg=$1 dir=$CORPUS/debs spec tmp codename
  ls "$dir/${pkg}"_*.dsc >/dev/null 2>&1 && return
  mkdir -p "$dir"
  enable_debsrc
  [ -n "$(apt-cache showsrc "$pkg" 2>/dev/null)" ] || { APT_UPDATED=0; apt_update; }
  # The newest version (e.g. from the security suite) may be missing on the
  # mirror; then fall back to the version of the release itself.
  codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
  for spec in "$pkg" "$pkg/$codename"; do
    tmp=$(mktemp -d "$dir/.dl.XXXXXX")
    chown _apt "$tmp" 2>/dev/null || true   # lets apt download sandboxed
    if (cd "$tmp" && apt-get source -qq --download-only "$spec"); then
      mv "$tmp"/* "$dir"/ && rmdir "$tmp" && return
    fi
    rm -rf "$tmp"
    log "apt-get source $spec failed, trying the next candidate"
  done
  die "could not download the source of $pkg"
}

# extract PKG : unpack a fresh source tree into $CORPUS/PKG.
extract() {
  local pkg=$1 src=$CORPUS/$1 dsc p
  dsc=$(ls -v "$CORPUS/debs/${pkg}"_*.dsc | tail -1)
  # apt-get already checked the files against the signed Release file, so
  # skip dpkg-source's own signature check (no keyring); don't copy tarballs.
  local XOPTS="--no-check --no-copy"
  rm -rf "$src"
  if [ "$pkg" = lua5.4 ]; then
    # Debian's build-system patch needs libtool + debian/rules; use the
    # upstream makefiles and apply only Debian's CVE fixes.
    dpkg-source -q -x $XOPTS --skip-patches "$dsc" "$src" >/dev/null
    for p in "$src"/debian/patches/*cve*.patch; do patch -s -d "$src" -p1 <"$p"; done
  else
    dpkg-source -q -x $XOPTS "$dsc" "$src" >/dev/null
  fi
}

bear_make() { bear --output compile_commands.json -- make -j"$JOBS" "$@"; }

# build_project PKG : configure + build in the current dir under bear.
# (It runs on the left of "||", where set -e is off: steps are chained.)
build_project() {
  case $1 in
    zlib) ./configure && bear_make ;;
    lua5.4) bear_make linux ;;
    sqlite3)
      # We want the amalgamation (one huge TU): the package ships the split
      # sources, so generate sqlite3.c (needs tclsh), then build library and
      # shell from it. Feature defines are a subset of debian/rules'.
      ./configure --disable-tcl --disable-readline --disable-static --enable-fts5 \
        CFLAGS="-O2 -g -DSQLITE_ENABLE_COLUMN_METADATA -DSQLITE_ENABLE_FTS3 \
          -DSQLITE_ENABLE_FTS3_PARENTHESIS -DSQLITE_ENABLE_RTREE=1 \
          -DSQLITE_ENABLE_DBSTAT_VTAB -DSQLITE_ENABLE_PREUPDATE_HOOK \
          -DSQLITE_ENABLE_SESSION -DSQLITE_ENABLE_STMTVTAB" &&
        make sqlite3.c &&
        bear_make libsqlite3.la sqlite3 ;;
    curl)
      ./configure --disable-static --without-ssl --without-zlib \
        --without-brotli --without-zstd --without-libpsl --without-libidn2 \
        --without-nghttp2 --without-librtmp --without-libgsasl \
        --disable-ldap --disable-manual &&
        bear_make ;;
    jq)
      # The package has no configure script; lexer/parser .c are shipped.
      autoreconf -fi &&
        ./configure --disable-static --disable-docs --disable-valgrind \
          --disable-maintainer-mode --with-oniguruma=yes &&
        bear_make ;;
    libxml2)
      # The library and its two tools, without the optional codecs; the test
      # programs (testapi.c: generated, 50 kLOC of API calls) are left out.
      autoreconf -fi &&
        ./configure --disable-static --without-python --without-lzma --without-zlib \
          --without-icu --without-readline --without-history &&
        bear_make libxml2.la xmllint xmlcatalog ;;
    stunnel4)
      # An OpenSSL 3 user: SSL_CTX/SSL/BIO/X509/EVP objects and their *_free.
      { [ -x configure ] || autoreconf -fi; } &&
        ./configure --disable-libwrap --disable-systemd --disable-fips &&
        bear_make -C src ;;
    libevent)
      # The event loop and its buffers: <sys/queue.h>-style TAILQ lists.  (Debian's
      # patches touch Makefile.am: regenerate.)
      autoreconf -fi && ./configure --disable-static --disable-openssl --disable-samples \
        --disable-libevent-regress --disable-debug-mode &&
        bear_make ;;
    memcached)
      # A slab allocator and reference-counted items over libevent.
      ./configure --disable-docs --disable-coverage && bear_make memcached ;;
    apr)
      # The Apache Portable Runtime: pools own their memory.
      ./configure --disable-static && bear_make ;;
    gawk)
      # An interpreter with its own node allocator; awkgram.c comes from bison.
      # (Debian strips the manual sources: build the program only.)
      ./configure --disable-nls --without-readline --without-mpfr &&
        bear_make -C support && bear --append --output compile_commands.json -- make -j"$JOBS" gawk ;;
    libuv1)
      # The libuv event loop: intrusive queues (QUEUE macros), handles freed in
      # close callbacks.
      cmake -S . -B mr-build -DLIBUV_BUILD_TESTS=OFF -DLIBUV_BUILD_BENCH=OFF \
        -DCMAKE_BUILD_TYPE=Release >/dev/null &&
        bear_make -C mr-build uv ;;
    exiv2)
      # C++: image metadata; raw new/delete next to std::unique_ptr, containers
      # of pointers, exceptions.
      cmake -S . -B mr-build -DEXIV2_BUILD_SAMPLES=OFF -DEXIV2_ENABLE_NLS=OFF \
        -DEXIV2_BUILD_UNIT_TESTS=OFF -DEXIV2_ENABLE_PNG=ON -DEXIV2_ENABLE_XMP=ON \
        -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=Release >/dev/null &&
        bear_make -C mr-build ;;
    graphite2)
      # C++: a font shaper with its own allocation helpers (gralloc, grzeroalloc).
      cmake -S . -B mr-build -DGRAPHITE2_COMPARE_RENDERER=OFF \
        -DCMAKE_BUILD_TYPE=Release >/dev/null &&
        bear_make -C mr-build graphite2 ;;
    *) die "unknown project $1" ;;
  esac
}

# record PKG : make sure $CORPUS/PKG/compile_commands.json exists.
# Two runs at once (several worktrees sharing one corpus) must not extract and build
# the same project together: each would delete the other's tree.  The second waits
# on the project's lock and finds it recorded.
record() {
  local pkg=$1 src=$CORPUS/$1 t0 lock
  [ -s "$src/compile_commands.json" ] && return
  mkdir -p "$CORPUS"
  exec {lock}>"$CORPUS/.$pkg.lock"
  flock "$lock"
  if [ -s "$src/compile_commands.json" ]; then exec {lock}>&-; return; fi
  fetch "$pkg"
  # shellcheck disable=SC2086
  need_pkgs ${DEPS[$pkg]}
  log "$pkg: extracting and building under bear (log: $CORPUS/$pkg.build.log)"
  extract "$pkg"
  t0=$SECONDS
  (cd "$src" && build_project "$pkg") >"$CORPUS/$pkg.build.log" 2>&1 ||
    { rm -f "$src/compile_commands.json"; die "$pkg build failed, see $CORPUS/$pkg.build.log"; }
  log "$pkg: recorded in $((SECONDS - t0))s"
  exec {lock}>&-
}

# ---- comparison ------------------------------------------------------------
# memrules_warnings ERRFILE DIR ROOT : print each [memrules-*] warning with
# its notes (replay.py uses -fdiagnostics-plain-output: one line each). File
# names, relative to the compile dir DIR, are made relative to ROOT.
memrules_warnings() {
  awk -v dir="$2" -v root="$3/" '
    function fix(line,   p, path) {
      if (line !~ /^[^:]+:[0-9]+:/) return line
      p = index(line, ":"); path = substr(line, 1, p - 1)
      if (path !~ /^\//) path = dir "/" path
      while (sub(/\/\.\//, "/", path) || sub(/[^\/]+\/\.\.\//, "", path)) ;
      if (index(path, root) == 1) path = substr(path, length(root) + 1)
      return path substr(line, p)
    }
    /\[memrules-/ { print fix($0); keep = 1; next }
    keep && /: note: / { print "    " fix($0); next }
    { keep = 0 }' "$1"
}

# run_project PKG : replay plain/plain2/plugin and compare; append to summary.
run_project() {
  local pkg=$1 out=$RESULTS/$1 db=$CORPUS/$1/compile_commands.json
  local run t0 idx rc file dir rc2 rcp n=0 nice=0 nobj=0 nuns=0 nwarn
  local -A took=([plain]=0 [plugin]=0)
  local runs=(plain plain2 plugin)
  rm -rf "$out"; mkdir -p "$out"
  [ $WARNINGS_ONLY = 1 ] && runs=(plugin)
  for run in "${runs[@]}"; do
    local extra=()
    # shellcheck disable=SC2206
    [ $run = plugin ] && extra=("-fplugin=$PLUGIN" $EXTRA)
    log "$pkg: $run compile"
    t0=$SECONDS
    # (run_project is called left of "||", so set -e is off here: check.)
    python3 "$BENCH/replay.py" --jobs "$JOBS" "$db" "$out/$run" -- "${extra[@]}" ||
      die "replay.py failed for $pkg ($run)"
    took[$run]=$((SECONDS - t0))
  done
  : >"$out/ice.txt"; : >"$out/objdiff.txt"; : >"$out/unstable.txt"
  : >"$out/plainfail.txt"; : >"$out/warnings-all.txt"
  # index.tsv: idx, exit code, seconds, source, dir (same order in all runs)
  while IFS=$'\t' read -r idx rc _ file dir _ rc2 _ _ _ _ rcp _ _ _; do
    n=$((n + 1))
    memrules_warnings "$out/plugin/$idx.err" "$dir" "$CORPUS/$pkg" >>"$out/warnings-all.txt"
    if grep -q 'internal compiler error' "$out/plugin/$idx.err"; then
      echo "$idx $file (ICE, see plugin/$idx.err)" >>"$out/ice.txt"
      nice=$((nice + 1))
    elif [ "$rc" != 0 ]; then                    # not the plugin's fault
      echo "$idx $file (plain exit $rc, see plain/$idx.err)" >>"$out/plainfail.txt"
    elif [ "$rcp" != 0 ]; then                   # fails only with the plugin
      echo "$idx $file (plugin exit $rcp, see plugin/$idx.err)" >>"$out/ice.txt"
      nice=$((nice + 1))
    elif [ $WARNINGS_ONLY = 1 ]; then
      :                                          # nothing to compare
    elif [ "$rc2" != 0 ] || ! cmp -s "$out/plain/$idx.o" "$out/plain2/$idx.o"; then
      echo "$idx $file" >>"$out/unstable.txt"    # not reproducible by itself
      nuns=$((nuns + 1))
    elif ! cmp -s "$out/plain/$idx.o" "$out/plugin/$idx.o"; then
      echo "$idx $file" >>"$out/objdiff.txt"
      nobj=$((nobj + 1))
    fi
  done < <(if [ $WARNINGS_ONLY = 1 ]; then
             awk -F'\t' -v OFS='\t' '{ print $0, "x", 0, "x", "x", "x", "x", $2, "x", "x", "x" }' \
               "$out/plugin/index.tsv"
           else paste "$out"/{plain,plain2,plugin}/index.tsv; fi)
  # The same header warning can come from several TUs (or PIC + non-PIC
  # compiles of one file): keep each group (warning + its notes) once.
  awk '!/^    / { if (g != "" && !seen[g]++) printf "%s", g; g = "" }
       { g = g $0 "\n" }
       END { if (g != "" && !seen[g]++) printf "%s", g }' \
    "$out/warnings-all.txt" >"$out/warnings.txt"
  nwarn=$(grep -c '\[memrules-' "$out/warnings.txt" || true)
  printf '%-8s %5d %4d %7d %8d %8d %6d %7s\n' "$pkg" "$n" "$nice" "$nobj" \
    "$nuns" "$nwarn" "${took[plain]}" "${took[plugin]}" >>"$RESULTS/summary.txt"
  [ $nice = 0 ] && [ $nobj = 0 ]
}

# ---- main ------------------------------------------------------------------
need_pkgs dpkg-dev bear make gcc python3 diffutils patch
mkdir -p "$CORPUS"
for pkg in $PROJECTS; do
  [ -n "${DEPS[$pkg]+set}" ] || die "unknown project $pkg (known: ${!DEPS[*]})"
  record "$pkg"
done
[ $PREPARE_ONLY = 1 ] && { log "corpus ready in $CORPUS"; exit 0; }

mkdir -p "$RESULTS"
printf '%-8s %5s %4s %7s %8s %8s %6s %7s\n' project TUs ICE objdiff \
  unstable warnings plain_s plugin_s >"$RESULTS/summary.txt"
status=0
for pkg in $PROJECTS; do
  run_project "$pkg" || status=1
done
# All projects' warnings in one file, each line prefixed with the project.
for pkg in $PROJECTS; do
  sed "s|^|$pkg: |" "$RESULTS/$pkg/warnings.txt"
done >"$RESULTS/warnings.txt"

echo
cat "$RESULTS/summary.txt"
echo
for pkg in $PROJECTS; do
  for f in ice objdiff unstable plainfail; do
    [ -s "$RESULTS/$pkg/$f.txt" ] && { echo "$pkg $f:"; sed 's/^/  /' "$RESULTS/$pkg/$f.txt"; }
  done
done
echo "memrules warnings: $(grep -c '\[memrules-' "$RESULTS/warnings.txt" || true)" \
  "(list: $RESULTS/warnings.txt)"
grep -o '\[memrules-[^]]*\]' "$RESULTS/warnings.txt" | sort | uniq -c | sort -rn || true
exit $status
