#!/bin/sh
# test_install.sh BUILD_DIR [GCC] — cmake --install and cpack, as docs/integration.md
# describes them, into a temporary DESTDIR: every file lands where it should, the
# installed plugin loads by its short name, the installed merge tool and CMake helper
# work, and the .deb holds the same files.  Prints "N passed, N failed".
set -u
build=$1
cc=${2:-gcc}
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d /tmp/memrules-install-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() {  # check DESCRIPTION COMMAND...
  what=$1; shift
  if "$@" >"$tmp/out" 2>&1; then pass=$((pass + 1)); echo "PASS: $what"
  else fail=$((fail + 1)); echo "FAIL: $what"; sed 's/^/    /' "$tmp/out" | head -20; fi
}
plugdir=$($cc -print-file-name=plugin)
root=$tmp/root

check "cmake --install into DESTDIR" env DESTDIR="$root" cmake --install "$build" --prefix /usr
check "the plugin is in \$($cc -print-file-name=plugin)" test -f "$root$plugdir/memrules.so"
check "the header is in include/" test -f "$root/usr/include/memrules.h"
check "the merge tool is in bin/" test -x "$root/usr/bin/memrules-sarif-merge"
check "the whole-program scan is in bin/" test -x "$root/usr/bin/memrules-scan"
check "the CMake helper is in lib/cmake/memrules/" test -f "$root/usr/lib/cmake/memrules/memrulesConfig.cmake"
check "the docs are in share/doc/memrules/" test -f "$root/usr/share/doc/memrules/integration.md"

cat >"$tmp/t.c" <<'SRC'
#include <stdlib.h>
#include <memrules.h>
MEMRULES_IGNORE ("leak")
void f (void) { char *p = malloc (4); if (!p) return; free (p); free (p); }
SRC
# -iplugindir points gcc's plugin directory at the DESTDIR copy, so the short name
# -fplugin=memrules is looked up there (GCC-PLUGIN-FACTS.md §5).
check "short name -fplugin=memrules loads the installed plugin" sh -c \
  "$cc -iplugindir=$root$plugdir -fplugin=memrules -I$root/usr/include -c -o /dev/null \
   -fplugin-arg-memrules-sarif=$tmp/logs/ $tmp/t.c >$tmp/cc.out 2>&1; grep -q 'memrules-double-free' $tmp/cc.out"
check "the installed merge tool merges" sh -c \
  "$root/usr/bin/memrules-sarif-merge -o $tmp/all.sarif $tmp/logs && grep -q '\"ruleId\": \"double-free\"' $tmp/all.sarif"

# The CMake helper, in a throwaway project.
mkdir -p "$tmp/proj"
cp "$tmp/t.c" "$tmp/proj/t.c"
cat >"$tmp/proj/CMakeLists.txt" <<CML
cmake_minimum_required(VERSION 3.16)
project(p C)
find_package(memrules REQUIRED)
add_library(t OBJECT t.c)
target_include_directories(t PRIVATE $root/usr/include)
memrules_enable(t PLUGIN $root$plugdir/memrules.so ERROR double-free SARIF_DIR \${CMAKE_BINARY_DIR}/sarif)
CML
check "find_package(memrules) + memrules_enable(): error=double-free fails the build" sh -c \
  "cmake -S $tmp/proj -B $tmp/proj/b -DCMAKE_C_COMPILER=$cc -Dmemrules_DIR=$root/usr/lib/cmake/memrules >/dev/null \
   && ! cmake --build $tmp/proj/b >$tmp/proj/log 2>&1 && grep -q 'error: double-' $tmp/proj/log \
   && ls $tmp/proj/b/sarif/t.c-*.sarif"

# The Debian package.
check "cpack -G DEB builds a package" sh -c "cd $build && cpack -G DEB -B $tmp/pkg >/dev/null"
deb=$(ls "$tmp"/pkg/*.deb 2>/dev/null | head -1)
check "the package holds the plugin, header, tool and docs" sh -c \
  "dpkg-deb -c '$deb' | grep -q '.$plugdir/memrules.so' && dpkg-deb -c '$deb' | grep -q './usr/include/memrules.h' \
   && dpkg-deb -c '$deb' | grep -q './usr/bin/memrules-sarif-merge' \
   && dpkg-deb -c '$deb' | grep -q './usr/bin/memrules-scan' && dpkg-deb -c '$deb' | grep -q 'integration.md'"
check "the package depends on its gcc" sh -c "dpkg-deb -f '$deb' Depends | grep -q 'gcc-'"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
