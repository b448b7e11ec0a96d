#!/bin/sh
# Issue #9 gate: `rampart hunt` on a 10M-line feed finishes in under 10 s on 2 cores.
# Generates the feed once (random names with the label-depth profile of real queries, 1% lures),
# then times the hunt. On a shared machine wall time says little: user+sys CPU seconds divided by
# the cores is what a quiet machine would take.
#   bench/Rampart.Detection.Bench/hunt-10m.sh [LINES]      (needs: dotnet build src/Rampart -c Release)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
lines=${1:-10000000}
rampart="$root/src/Rampart/bin/Release/net10.0/rampart"
feed="/tmp/rampart-hunt-$lines.txt"
[ -x "$rampart" ] || { echo "build first: dotnet build src/Rampart -c Release"; exit 1; }
if [ ! -s "$feed" ]; then
  python3 - "$lines" "$feed" <<'PY'
import random, sys
n, path = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(20261129)
alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
suffixes = ["com", "net", "org", "de", "co.uk", "io", "xyz", "info", "jp", "co.kr", "online", "shop"]
lures = ["hotrnall.com", "dovvn-mail.com", "office356-us.org", "login.microsoft.com.evil.net", "onedrv-live.com",
         "my-sharepoints.com", "hanrnaii.net", "outlook-verify-login.com", "secure-icloud-account.xyz", "naverr.com"]
with open(path, "w") as f:
    for i in range(n):
        if i % 100 == 0:
            f.write(lures[rnd.randrange(len(lures))] + "\n")
            continue
        r = rnd.random()
        depth = 2 if r < 0.15 else 3 if r < 0.58 else 4 if r < 0.77 else 5
        labels = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(3, 13))) for _ in range(depth - 1)]
        f.write(".".join(labels) + "." + rnd.choice(suffixes) + "\n")
PY
fi
echo "feed: $feed ($(wc -l < "$feed") lines); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
/usr/bin/time -f "%U %S %M" -o /tmp/rampart-hunt-time.txt "$rampart" --data /tmp/rampart-hunt-data hunt "$feed" --format csv > /tmp/rampart-hunt-out.csv 2> /tmp/rampart-hunt-err.txt
end=$(date +%s.%N)
read -r user sys rss < /tmp/rampart-hunt-time.txt
tail -1 /tmp/rampart-hunt-err.txt
python3 -c "import sys; u,s,w,r=map(float,sys.argv[1:]); print(f'wall {w:.1f} s; CPU user {u:.1f} s + sys {s:.1f} s = {u+s:.1f} s, i.e. {(u+s)/2:.1f} s on 2 idle cores (gate < 10 s); peak RSS {r/1024:.0f} MB')" "$user" "$sys" "$(echo "$end - $start" | bc)" "$rss"
