#!/usr/bin/env bash
# install-deps.sh — installs what building and testing memrules needs, on Debian or
# Ubuntu, when it is missing: a C/C++ compiler, cmake, python3, GCC's plugin headers
# for the gcc on PATH (gcc-N-plugin-dev), and cmocka for the unit tests.
set -euo pipefail

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi

missing=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

for tool in gcc g++ cmake make python3; do
  command -v "$tool" >/dev/null 2>&1 || case "$tool" in
    gcc) missing+=(gcc) ;; g++) missing+=(g++) ;; *) missing+=("$tool") ;;
  esac
done

major=""
if command -v gcc >/dev/null 2>&1; then
  major=$(gcc -dumpversion | cut -d. -f1)
fi
if [ -n "$major" ] && [ ! -f "$(gcc -print-file-name=plugin)/include/gcc-plugin.h" ]; then
  missing+=("gcc-$major-plugin-dev")
fi
have_pkg libcmocka-dev || missing+=(libcmocka-dev)

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: everything is installed"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
# A gcc installed just now needs its plugin headers too.
if [ -z "$major" ]; then
  major=$(gcc -dumpversion | cut -d. -f1)
  "${sudo_cmd[@]}" apt-get install -y -qq "gcc-$major-plugin-dev" >/dev/null
fi
