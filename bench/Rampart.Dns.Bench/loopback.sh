# Sourced by compare.sh and http-compare.sh, after `set -euo pipefail`, with the script's arguments:
#   source "$here/loopback.sh" TOOL… -- "$@"
# Skips (exit 0) when a tool is missing; outside the namespace it builds rampart (the registry is
# unreachable inside) and re-runs the calling script inside `unshare -n` with only loopback up.
# Inside it sets work (a scratch folder), pids (servers to stop) and the cleanup trap.
while [ "$1" != "--" ]; do
  command -v "$1" >/dev/null || { echo "skipped: $1 missing (apt-get install \$(grep -v '^#' .ci/apt/dns.txt))"; exit 0; }
  shift
done
shift

if [ -z "${RAMPART_BENCH_INNER:-}" ]; then
  "$root/rampart" --help >/dev/null  # builds .artifacts/rampart when sources changed
  if unshare -n true 2>/dev/null; then
    exec env RAMPART_BENCH_INNER=1 unshare -n bash -c 'ip link set lo up && exec "$0" "$@"' "$0" "$@"
  fi
  echo "note: unshare -n not available; running on the host's loopback" >&2
  export RAMPART_BENCH_INNER=1
fi

work="$(mktemp -d "/tmp/rampart-$(basename "$0" .sh).XXXXXX")"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
