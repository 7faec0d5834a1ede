#!/usr/bin/env bash
# install-ci-deps.sh — what the CI-gating tests and the second compiler need, on top
# of install-deps.sh: python3-jsonschema (SARIF schema validation), make, ccache (the
# ccache test), and gcc-11 with its plugin headers (.ci/run builds and tests the
# plugin with gcc 11 too).  Installs only what is missing.
set -euo pipefail

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

missing=()
for pkg in python3-jsonschema make ccache gcc-11 g++-11 gcc-11-plugin-dev; do
  have_pkg "$pkg" || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-ci-deps: everything is installed"
  exit 0
fi
echo "install-ci-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
