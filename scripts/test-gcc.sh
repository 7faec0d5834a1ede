#!/usr/bin/env bash
# test-gcc.sh N [--shell] — build memrules with GCC N and run every test (ctest), the way
# CI does, so that a failure on one compiler can be reproduced on a developer's machine.
#
#   N = 11, 12   on this machine (Debian 12 has gcc-11 and gcc-12; installed if missing)
#   N = 13, 14   in a Debian 13 "trixie" root tree (made with mmdebstrap, once)
#   N = 15, 16   in a Debian "sid" root tree
#
# The build goes to build-gccN/ in the source tree.  The root trees are kept under
# build-roots/ (ignored by git; delete it to start afresh; MEMRULES_ROOTS=DIR keeps them
# elsewhere, e.g. one set shared by several git worktrees): made from the Debian archive
# this machine's apt already uses, with the compilers, their plugin headers and what the
# tests need.  The source tree is bind-mounted into the root at /src-gccN inside a private
# mount namespace (unshare), so nothing stays mounted when the script ends, however it
# ends, and two versions can be tested at once.  Root is needed for the root trees.
#
#   --shell       open a shell in the root tree instead of running the tests (13-16)
#   --run 'CMD'   build, then run CMD (in the source tree) instead of the tests, e.g. the
#                 corpus benchmark with that GCC (bench/README.md, "Other GCC versions")
#
# Prints ctest's summary ("100% tests passed, 0 tests failed out of N") last; exits with
# ctest's status.
set -euo pipefail

usage() { echo "usage: scripts/test-gcc.sh N [--shell | --run 'CMD']   (N = 11 .. 16)" >&2; exit 2; }
[ $# -ge 1 ] || usage
major=$1; shift
shell=0
run_cmd=""
while [ $# -gt 0 ]; do
  case $1 in
    --shell) shell=1 ;;
    --run) [ $# -ge 2 ] || usage; run_cmd=$2; shift ;;
    *) usage ;;
  esac
  shift
done
src=$(cd "$(dirname "$0")/.." && pwd)
build_dir=build-gcc$major
jobs=$(nproc)

# The packages a root tree needs for the tests: the compilers with their plugin
# headers, the build tools, cmocka, jsonschema (SARIF tests), ccache (ccache tests),
# csmith (robustness slice), the library headers testsuite/knowledge compiles against,
# and oniguruma's (jq, in the corpus benchmark).  A root tree made with an older list
# gets what is missing at the next run.
common_pkgs=cmake,make,python3,libcmocka-dev,python3-jsonschema,ccache,csmith,libcsmith-dev
common_pkgs+=,libxml2-dev,libssl-dev,zlib1g-dev,libsqlite3-dev,file,libonig-dev

case $major in
  11|12) suite="" ;;
  13|14) suite=trixie; versions="13 14" ;;
  15|16) suite=sid; versions="15 16" ;;
  *) usage ;;
esac

if [ -z "$suite" ]; then
  [ $shell = 1 ] && { echo "test-gcc: --shell is for 13..16" >&2; exit 2; }
  if ! command -v "gcc-$major" >/dev/null ||
      [ ! -f "$("gcc-$major" -print-file-name=plugin)/include/gcc-plugin.h" ]; then
    sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq \
      "gcc-$major" "g++-$major" "gcc-$major-plugin-dev" >/dev/null
  fi
  cd "$src"
  cmake -S . -B "$build_dir" -DMEMRULES_GCC="gcc-$major" >/dev/null
  cmake --build "$build_dir" -j"$jobs"
  [ -n "$run_cmd" ] && exec bash -c "$run_cmd"
  exec ctest --test-dir "$build_dir" --output-on-failure
fi

[ "$(id -u)" -eq 0 ] || { echo "test-gcc: GCC $major is tested in a root tree: run as root" >&2; exit 2; }

# The Debian archive this machine uses (deb822 .sources files or sources.list).
archive_url() {
  local url
  url=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null |
        awk '{print $2}' | grep -v -- '-security' | grep '/debian/*$' | head -1 || true)
  [ -n "$url" ] || url=$(grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
        2>/dev/null | awk '{print $2}' | grep '/debian/*$' | head -1 || true)
  echo "${url:-http://deb.debian.org/debian}"
}

root=${MEMRULES_ROOTS:-$src/build-roots}/$suite
pkgs=$common_pkgs
for v in $versions; do pkgs+=",gcc-$v,g++-$v,gcc-$v-plugin-dev"; done
if [ ! -x "$root/usr/bin/gcc-$major" ] || [ ! -f "$root/.memrules-root-ready" ]; then
  command -v mmdebstrap >/dev/null || {
    apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap >/dev/null; }
  url=$(archive_url)
  echo "test-gcc: making the Debian $suite root tree in $root (from $url)"
  rm -rf "$root" "$root.tmp"
  mkdir -p "$(dirname "$root")"
  # sid's Release file may be past its Valid-Until date on a mirror or snapshot.
  mmdebstrap --quiet --variant=apt --include="$pkgs" \
    --aptopt='Acquire::Check-Valid-Until "false"' "$suite" "$root.tmp" "$url"
  touch "$root.tmp/.memrules-root-ready"
  mv "$root.tmp" "$root"
fi

# Packages added to the list since the tree was made.
missing=()
for p in ${pkgs//,/ }; do
  chroot "$root" dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "test-gcc: installing ${missing[*]} in $root"
  unshare --mount --propagation private bash -euc '
    root=$1; shift
    mount -t proc proc "$root/proc"; mount --rbind /dev "$root/dev"
    cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
    chroot "$root" apt-get -o Acquire::Check-Valid-Until=false update -qq
    DEBIAN_FRONTEND=noninteractive chroot "$root" apt-get install -y -qq "$@" >/dev/null
  ' test-gcc "$root" "${missing[@]}"
fi

mnt=/src-gcc$major
corpus=${MEMRULES_CORPUS:-/var/tmp/memrules-corpus}
inner="cd $mnt && cmake -S . -B $build_dir -DMEMRULES_GCC=gcc-$major >/dev/null &&
       cmake --build $build_dir -j$jobs && ctest --test-dir $build_dir --output-on-failure"
[ $shell = 1 ] && inner="cd $mnt && exec bash -i"
[ -n "$run_cmd" ] && inner="cd $mnt && cmake -S . -B $build_dir -DMEMRULES_GCC=gcc-$major >/dev/null &&
       cmake --build $build_dir -j$jobs && $run_cmd"
# The mounts live in a private mount namespace: they vanish when it exits.
exec unshare --mount --propagation private bash -euc '
  root=$1 src=$2 mnt=$3 corpus=$4 inner=$5
  mkdir -p "$root$mnt"
  mount --bind "$src" "$root$mnt"
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  mount -t tmpfs tmpfs "$root/tmp"
  if [ -d "$corpus" ]; then            # the zlib corpus of the robustness slice
    mkdir -p "$root$corpus"
    mount --bind -o ro "$corpus" "$root$corpus"
  fi
  exec chroot "$root" env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin \
    HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" CI="${CI:-}" bash -c "$inner"
' test-gcc "$root" "$src" "$mnt" "$corpus" "$inner"
