#!/usr/bin/env bash
# install-ci-deps.sh — what the CI-gating tests and the second compiler need, on top
# of install-deps.sh: python3-jsonschema (SARIF schema validation), make, ccache (the
# ccache tests), icecc and iproute2 (testsuite/icecc: icecream in a network namespace),
# gcc-11 with its plugin headers (.ci/run builds and tests the plugin with gcc 11
# too), mmdebstrap (scripts/test-gcc.sh makes the Debian root trees where GCC 13-16 are
# tested), and the headers of libxml2, OpenSSL, zlib and SQLite (testsuite/knowledge compiles
# against the real ones).  Installs only what is missing.
set -euo pipefail

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

missing=()
for pkg in python3-jsonschema make ccache icecc iproute2 gcc-11 g++-11 gcc-11-plugin-dev mmdebstrap \
    libxml2-dev libssl-dev zlib1g-dev libsqlite3-dev; do
  have_pkg "$pkg" || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-ci-deps: everything is installed"
  exit 0
fi
echo "install-ci-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# icecc's package starts iceccd, which looks for a scheduler by broadcast on the
# machine's network; the tests run their own daemons in a private network namespace.
if [[ " ${missing[*]} " == *" icecc "* ]] && [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | "${sudo_cmd[@]}" tee /usr/sbin/policy-rc.d >/dev/null
  "${sudo_cmd[@]}" chmod 755 /usr/sbin/policy-rc.d
  trap '"${sudo_cmd[@]}" rm -f /usr/sbin/policy-rc.d' EXIT
fi
"${sudo_cmd[@]}" apt-get update -qq
# A distribution that has no gcc-11 (Debian 13, Ubuntu 24.04) still gets the rest: the
# quick start works there; only .ci/run, which runs on Debian 12, needs gcc-11.
available=()
for pkg in "${missing[@]}"; do
  candidate=$(apt-cache policy "$pkg" 2>/dev/null | sed -n 's/^ *Candidate: //p')
  if [ -n "$candidate" ] && [ "$candidate" != "(none)" ]; then
    available+=("$pkg")
  else
    echo "install-ci-deps: $pkg is not in this distribution's archive: skipped"
  fi
done
[ ${#available[@]} -eq 0 ] || "${sudo_cmd[@]}" apt-get install -y -qq "${available[@]}" >/dev/null
