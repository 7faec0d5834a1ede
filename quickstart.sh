#!/usr/bin/env bash
# quickstart.sh — the README's first command: install what is missing (to build,
# and to run every test), build the plugin, and run it on examples/ so that its
# warnings show.
set -euo pipefail
cd "$(dirname "$0")"

bash scripts/install-deps.sh
bash scripts/install-ci-deps.sh   # what the tests use: jsonschema, ccache, icecc, gcc-11
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"

echo
echo "== memrules on examples/ (these warnings are expected) =="
for src in examples/*.c; do
  gcc -c -o /dev/null -fplugin="$PWD/build/memrules.so" "$src" || true
done
for src in examples/*.cc; do
  g++ -c -o /dev/null -fplugin="$PWD/build/memrules.so" "$src" || true
done
echo
echo "Built: $PWD/build/memrules.so — add -fplugin=$PWD/build/memrules.so to CFLAGS,"
echo "or 'cmake --install build' and use -fplugin=memrules.  Tests: ctest --test-dir build --output-on-failure"
