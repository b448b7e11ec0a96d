#!/usr/bin/env bash
# Rampart's DNS sinkhole beside Knot (with dnstap logging every query and response) on loopback,
# the same 50 zones, recursion off, no upstream. Each server is pinned to core 0, dnsperf to core 1;
# runs inside `unshare -n` (loopback only) when it can. Prints qps and server CPU µs per query
# (utime+stime of the server process from /proc, over the run) and Rampart's ratio to Knot.
# Rampart runs with --no-ingest: its figure includes the spool, the ingester is measured apart (`-- ingest`).
#
#   bench/Rampart.Dns.Bench/compare.sh [seconds per run, default 10]
#
# Gate (issue #14): Rampart UDP µs/query ≤ Knot-with-dnstap µs/query; Rampart TCP ≥ 70k qps.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-10}"

# shellcheck source=loopback.sh
source "$here/loopback.sh" knotd dnsperf taskset dig -- "$@"

# 50 zones, each answering A/AAAA for the apex and every subdomain.
mkdir -p "$work/zones" "$work/knot-db" "$work/knot-run" "$work/data"
zones_json="$work/zones.json"
{
  echo '{ "serial": 1, "ttl": 300, "nameServers": ["ns1.sinkhole.invalid"], "hostmaster": "hostmaster.sinkhole.invalid",'
  echo '  "addresses": ["192.0.2.1", "2001:db8::1"], "zones": ['
  for i in $(seq -w 1 50); do
    sep=$([ "$i" = 50 ] && echo "" || echo ",")
    echo "    { \"apex\": \"sink$i.example\", \"case\": \"case-$i\" }$sep"
    cat > "$work/zones/sink$i.example.zone" <<ZONE
\$TTL 300
@   SOA ns1.sinkhole.invalid. hostmaster.sinkhole.invalid. 1 3600 600 1209600 300
@   NS  ns1.sinkhole.invalid.
@   A   192.0.2.1
@   AAAA 2001:db8::1
*   A   192.0.2.1
*   AAAA 2001:db8::1
ZONE
  done
  echo '] }'
} > "$zones_json"

knot_port=53531
rampart_port=53532
cat > "$work/knot.conf" <<CONF
server:
    rundir: "$work/knot-run"
    listen: 127.0.0.1@$knot_port
    udp-workers: 1
    tcp-workers: 1
    background-workers: 1
control:
    listen: "$work/knot-run/knot.sock"
log:
  - target: stderr
    any: warning
database:
    storage: "$work/knot-db"
mod-dnstap:
  - id: tap
    sink: "$work/knot.tap"
    log-queries: on
    log-responses: on
template:
  - id: default
    storage: "$work/zones"
    file: "%s.zone"
    global-module: mod-dnstap/tap
zone:
$(for i in $(seq -w 1 50); do echo "  - domain: sink$i.example"; done)
CONF

# Query mix: random subdomains of the 50 zones, 80% A, 15% AAAA, 5% apex SOA.
awk 'BEGIN { srand(14); for (i = 0; i < 200000; i++) { z = sprintf("sink%02d.example", int(rand()*50)+1); r = rand();
       if (r < 0.05) print z " SOA"; else printf "w%d.%s %s\n", int(rand()*1000000), z, (r < 0.20 ? "AAAA" : "A") } }' > "$work/queries.txt"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

wait_for_port() {
  for _ in $(seq 1 100); do
    if dig +short +time=1 +tries=1 -p "$1" @127.0.0.1 sink01.example SOA >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "server on port $1 did not answer" >&2; cat "$work"/*.log >&2; return 1
}

# run NAME PID PORT MODE -> prints one result line, sets qps/us
run() {
  local name=$1 pid=$2 port=$3 mode=$4
  local before after out completed qps us
  before=$(cpu_ticks "$pid")
  out=$(taskset -c 1 dnsperf -s 127.0.0.1 -p "$port" -m "$mode" -d "$work/queries.txt" -l "$seconds" -c 8 -T 1 -q 200 2>&1)
  after=$(cpu_ticks "$pid")
  completed=$(echo "$out" | awk '/Queries completed:/ { print $3 }')
  qps=$(echo "$out" | awk '/Queries per second:/ { print $4 }')
  us=$(awk -v t=$((after - before)) -v hz="$hz" -v n="$completed" 'BEGIN { printf "%.2f", (t / hz) * 1e6 / n }')
  printf '%-22s %-4s %10s qps %8s µs CPU/query  (%s queries, server CPU %.2f s)\n' "$name" "$mode" "$qps" "$us" "$completed" "$(awk -v t=$((after - before)) -v hz="$hz" 'BEGIN { print t / hz }')"
  result_qps=$qps; result_us=$us
}

net=$(ip -o link show | awk -F': ' '{ print $2 }' | paste -sd, -)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; ${seconds}s per run; network interfaces: $net"

taskset -c 0 knotd -c "$work/knot.conf" 2> "$work/knot.log" &
pids+=($!); knot_pid=$!
taskset -c 0 "$root/.artifacts/rampart/rampart" sinkhole --data "$work/data" --zones "$zones_json" --port "$rampart_port" --udp-loops 1 --node-id bench --no-ingest > "$work/rampart.log" 2>&1 &
pids+=($!); rampart_pid=$!
wait_for_port "$knot_port"
wait_for_port "$rampart_port"

# Warm-up (JIT tiering for Rampart, caches for both), not measured.
for p in "$knot_port" "$rampart_port"; do taskset -c 1 dnsperf -s 127.0.0.1 -p "$p" -d "$work/queries.txt" -l 2 -c 8 -q 200 >/dev/null 2>&1; done
run "Knot (dnstap)" "$knot_pid" "$knot_port" udp; knot_udp_us=$result_us; knot_udp_qps=$result_qps
run "Rampart (spool)" "$rampart_pid" "$rampart_port" udp; r_udp_us=$result_us; r_udp_qps=$result_qps
run "Knot (dnstap)" "$knot_pid" "$knot_port" tcp; knot_tcp_us=$result_us
run "Rampart (spool)" "$rampart_pid" "$rampart_port" tcp; r_tcp_us=$result_us; r_tcp_qps=$result_qps

spooled=$(du -sb "$work/data/sinkhole/spool" | cut -f1)
tap=$(stat -c %s "$work/knot.tap" 2>/dev/null || echo 0)
echo "hit log: Rampart spool $spooled bytes; Knot dnstap file $tap bytes"
echo "ratio UDP µs/query Rampart/Knot: $(awk -v a="$r_udp_us" -v b="$knot_udp_us" 'BEGIN { printf "%.2f", a / b }')  (gate ≤ 1.00)"
echo "ratio TCP µs/query Rampart/Knot: $(awk -v a="$r_tcp_us" -v b="$knot_tcp_us" 'BEGIN { printf "%.2f", a / b }')"
echo "Rampart TCP: $r_tcp_qps qps (gate ≥ 70000)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
