#!/usr/bin/env bash
# An indicator added or revoked while `rampart serve` runs over N generated domain indicators
# (default 10M) must be enforced within one second. Creates a store, seeds N indicators straight
# into it, starts serve on a free loopback port (which builds the index), then adds one indicator
# through the API and polls /api/v1/verdicts until it is malicious, revokes it and polls until it
# is clean, printing each elapsed time. Scratch data goes to a temporary folder, removed at the end.
#   bench/Rampart.Detection.Bench/enforcement.sh [N]      (NO_BUILD=1 runs what is built)
set -euo pipefail
count=${1:-10000000}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
scratch=$(mktemp -d)
serve_pid=
cleanup() {
  if [ -n "$serve_pid" ]; then kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT

if [ -z "${NO_BUILD:-}" ]; then
  dotnet build "$root/src/Rampart" -c Release -v quiet -nologo >/dev/null
  dotnet build "$here" -c Release -v quiet -nologo >/dev/null
fi
rampart_dll="$root/src/Rampart/bin/Release/net10.0/rampart.dll"
bench() { dotnet "$here/bin/Release/net10.0/Rampart.Detection.Bench.dll" "$@"; }

# One real import creates the store and its schema; the rest is seeded.
echo "first.example" > "$scratch/first.txt"
dotnet "$rampart_dll" --data "$scratch/data" intel import "$scratch/first.txt" --source first >/dev/null
bench seed "$scratch/data/rampart.db" "$count"

export RAMPART_ADMIN_PASSWORD="enforcement-$RANDOM-$RANDOM"
started=$(date +%s.%N)
dotnet "$rampart_dll" --data "$scratch/data" serve --urls http://127.0.0.1:0 > "$scratch/serve.out" 2> "$scratch/serve.err" &
serve_pid=$!
until grep -qs '^Rampart listening on ' "$scratch/serve.out"; do
  kill -0 "$serve_pid" 2>/dev/null || { cat "$scratch/serve.err"; exit 1; }
  sleep 0.2
done
url=$(sed -n 's/^Rampart listening on //p' "$scratch/serve.out" | head -1)
echo "serve up on $url after $(echo "$(date +%s.%N) - $started" | bc) s (index built before listening); resident $(( $(awk '/VmRSS/ {print $2}' /proc/$serve_pid/status) / 1024 )) MB"

key=$(dotnet "$rampart_dll" --data "$scratch/data" apikeys create --user admin --name enforcement 2>/dev/null)
bench enforce "$url/" "$key"
bench enforce "$url/" "$key"
