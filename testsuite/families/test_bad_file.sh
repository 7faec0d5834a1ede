#!/bin/sh
# test_bad_file.sh PLUGIN [GCC] — a families file with a bad line is an error at
# FILE:LINE that says what is accepted, and the compile fails; a missing file too.
# Prints "N passed, N failed".
set -u
plugin=$1
cc=${2:-gcc}
dir=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d /tmp/memrules-families-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() {  # check DESCRIPTION COMMAND...
  what=$1; shift
  if "$@" >"$tmp/out" 2>&1; then pass=$((pass + 1)); echo "PASS: $what"
  else fail=$((fail + 1)); echo "FAIL: $what"; sed 's/^/    /' "$tmp/out" | head -20; fi
}
echo 'int main (void) { return 0; }' >"$tmp/t.c"
run() {  # run FAMILIES-FILE: the compile's output in $tmp/cc.out, its status in $tmp/rc
  LC_ALL=C $cc -c -o /dev/null -fplugin="$plugin" -fplugin-arg-memrules-families="$1" \
    "$tmp/t.c" >"$tmp/cc.out" 2>&1
  echo $? >"$tmp/rc"
}
run "$dir/bad.families"
check "a bad line fails the compile" sh -c "test \"\$(cat $tmp/rc)\" -ne 0"
check "the error names the file and line" grep -q "bad.families:2: unknown keyword 'frobnicate'" "$tmp/cc.out"
check "and says what is accepted" grep -q "expected 'alloc', 'alloc?', 'alloc!', 'free', 'realloc', 'realloc!', 'pool', 'out' or 'noreturn'" "$tmp/cc.out"
run "$tmp/none.families"
check "a missing file fails the compile" sh -c "test \"\$(cat $tmp/rc)\" -ne 0"
check "and says so" grep -q "cannot read" "$tmp/cc.out"
printf 'free  f\n' >"$tmp/short.families"
run "$tmp/short.families"
check "a line with too few words says what it takes" grep -q "short.families:1: 'free' takes a function, its family" "$tmp/cc.out"
run "$dir/talloc.families"
check "a good file compiles" sh -c "test \"\$(cat $tmp/rc)\" -eq 0"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
