#!/usr/bin/env bash
# Installs the Debian packages the tests need: one list per capability in .ci/apt/*.txt.
# Idempotent and quick when everything is present; needs root (CI and these machines run as root).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t wanted < <(cat .ci/apt/*.txt 2>/dev/null | sed 's/#.*//' | tr -s ' \t' '\n' | grep -v '^$' | sort -u)
missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
