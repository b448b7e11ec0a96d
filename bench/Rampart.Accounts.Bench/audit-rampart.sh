#!/bin/sh
# Issue #11 gate, as a user pays it: `rampart audit FILE --rules <SigmaHQ rules/cloud> --format json`
# (start-up, rule loading, reading through the built-in and SigmaHQ rules, the analysis with a verdict
# engine over a store that exists already, the report written) timed as a process: user+sys CPU seconds, MB per
# CPU-second (gate >= 100), wall (gate: 1M records under 20 s on 2 cores), peak RSS, load average.
# The report's MD5 without its "seconds" line shows a change kept the output.
#   bench/Rampart.Accounts.Bench/audit-rampart.sh [FILE [RUNS]]    (needs: dotnet build src/Rampart -c Release)
#   bench/Rampart.Accounts.Bench/audit-rampart.sh --tiering [FILE]  one run under each runtime tiering setting
# FILE defaults to /tmp/benchdata/1m-v2.jsonl, generated when missing (`Rampart.Accounts.Bench generate FILE 1000000`).
# Environment variables pass through: DOTNET_TieredCompilation=0 bench/…/audit-rampart.sh
# RAMPART_DLL=/path/to/rampart.dll bench/…/audit-rampart.sh   times that build instead of the worktree's
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
tiering=no
if [ "${1:-}" = "--tiering" ]; then tiering=yes; shift; fi
file=${1:-/tmp/benchdata/1m-v2.jsonl}
runs=${2:-1}
# RAMPART_DLL times another build of the same verb (a published ReadyToRun copy, the tree before a change).
rampart=${RAMPART_DLL:-$root/src/Rampart/bin/Release/net10.0/rampart.dll}
bench="$root/bench/Rampart.Accounts.Bench/bin/Release/net10.0/Rampart.Accounts.Bench.dll"
rules="$root/../shared/data/sigma/rules/cloud"
[ -f "$rampart" ] || { echo "build first: dotnet build src/Rampart -c Release"; exit 1; }
[ -d "$rules" ] || { echo "skipped: ../shared absent"; exit 0; }
if [ ! -s "$file" ]; then
  [ -f "$bench" ] || { echo "build first: dotnet build bench/Rampart.Accounts.Bench -c Release"; exit 1; }
  mkdir -p "$(dirname "$file")"
  dotnet "$bench" generate "$file" 1000000
fi
work=$(mktemp -d /tmp/rampart-audit-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
bytes=$(stat -c %s "$file")

# The store is created once, untimed: a fresh one costs about 1 CPU-second of migrations and the
# actor knowledge base, paid by the first command a user runs, not by every audit.
head -n 100 "$file" > "$work/first.jsonl"
dotnet "$rampart" --data "$work/data" audit "$work/first.jsonl" --no-store --format json -o /dev/null 2> /dev/null || true

# One run: $1 names the setting, the rest are VAR=value for the process.
run() {
  label=$1; shift
  before=$(cut -d' ' -f1-3 /proc/loadavg)
  start=$(date +%s.%N)
  status=0
  env "$@" /usr/bin/time -f "%U %S %M" -o "$work/time" dotnet "$rampart" --data "$work/data" audit "$file" --rules "$rules" --no-store --format json -o "$work/report.json" 2> "$work/err" || status=$?
  end=$(date +%s.%N)
  # Exit 3 (an account compromised) is what the generated log is for; anything else is a failure.
  [ "$status" -eq 0 ] || [ "$status" -eq 3 ] || { cat "$work/err"; exit 1; }
  read -r user sys rss <<EOF
$(tail -1 "$work/time")
EOF
  digest=$(grep -v '"seconds"' "$work/report.json" | md5sum | cut -c1-32)
  python3 -c "import sys; l,u,s,w,r,b,lb,la,d=sys.argv[1:]; u,s,w,r,b=map(float,(u,s,w,r,b)); c=u+s; print(f'{l:<48} CPU {u:.2f} user + {s:.2f} sys = {c:.2f} s = {b/1e6/c:.1f} MB per CPU-second; wall {w:.2f} s; peak RSS {r/1024:.0f} MB; load {lb} -> {la}; report {d}')" \
    "$label" "$user" "$sys" "$(echo "$end - $start" | bc)" "$rss" "$bytes" "$before" "$(cut -d' ' -f1-3 /proc/loadavg)" "$digest"
}

echo "rampart: $rampart"
echo "file: $file ($(echo "scale=1; $bytes / 1000000" | bc) MB); rules: built-in + $rules; gate: >= 100 MB per CPU-second, 1M records under 20 s on 2 cores"
if [ "$tiering" = yes ]; then
  run "runtime defaults"
  run "DOTNET_TieredCompilation=0" DOTNET_TieredCompilation=0
  run "DOTNET_TieredPGO=0" DOTNET_TieredPGO=0
  run "DOTNET_TC_QuickJitForLoops=0 DOTNET_TieredPGO=0" DOTNET_TC_QuickJitForLoops=0 DOTNET_TieredPGO=0
  run "DOTNET_TC_QuickJitForLoops=0" DOTNET_TC_QuickJitForLoops=0
  run "DOTNET_ReadyToRun=0" DOTNET_ReadyToRun=0
  run "DOTNET_TieredCompilation=0 DOTNET_ReadyToRun=0" DOTNET_TieredCompilation=0 DOTNET_ReadyToRun=0
else
  i=0
  while [ "$i" -lt "$runs" ]; do
    run "rampart audit $(env | grep -E '^DOTNET_(Tiered|TC_|ReadyToRun|OSR|gc|GC)' | sort | tr '\n' ' ')"
    i=$((i + 1))
  done
fi
