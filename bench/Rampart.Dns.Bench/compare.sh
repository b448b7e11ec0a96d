#!/usr/bin/env bash
# Rampart's DNS sinkhole beside Knot (with dnstap logging every query and response), Unbound (auth-zone,
# log-queries on) and BIND (primary zones, querylog on) on loopback: the same 50 zones from the same
# zone files, recursion off and no upstream (Unbound, a resolver, has no recursion switch: it gets
# do-not-query-localhost, no forwarders, an empty root hints file, and inside `unshare -n` nothing can
# leave anyway). Each server is pinned to core 0 with one worker thread, dnsperf to core 1; runs
# inside `unshare -n` (loopback only) when it can. Prints qps and server CPU µs per query
# (utime+stime of the server process from /proc, over the run) and Rampart's ratio to each peer.
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
source "$here/loopback.sh" knotd unbound named dnsperf taskset dig -- "$@"

# 50 zones, each answering A/AAAA for the apex and every subdomain.
mkdir -p "$work/zones" "$work/knot-db" "$work/knot-run" "$work/bind" "$work/data"
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
unbound_port=53533
bind_port=53534
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

# Unbound answers the zones as auth-zones (for-downstream: answers with AA, for-upstream: never used
# to resolve), logs each query to its log file, and has nowhere to recurse to.
: > "$work/root.hints"
cat > "$work/unbound.conf" <<CONF
server:
    interface: 127.0.0.1
    port: $unbound_port
    do-ip6: no
    num-threads: 1
    so-reuseport: no
    do-daemonize: no
    chroot: ""
    username: ""
    directory: "$work"
    pidfile: "$work/unbound.pid"
    use-syslog: no
    logfile: "$work/unbound-queries.log"
    log-queries: yes
    verbosity: 0
    access-control: 127.0.0.0/8 allow
    module-config: "iterator"
    do-not-query-localhost: yes
    root-hints: "$work/root.hints"
    incoming-num-tcp: 64
remote-control:
    control-enable: no
$(for i in $(seq -w 1 50); do printf 'auth-zone:\n    name: "sink%s.example"\n    zonefile: "%s/zones/sink%s.example.zone"\n    for-downstream: yes\n    for-upstream: no\n' "$i" "$work" "$i"; done)
CONF

# BIND: authoritative only (recursion no), every query logged to a file by the queries category.
cat > "$work/named.conf" <<CONF
options {
    directory "$work/bind";
    pid-file "$work/bind/named.pid";
    session-keyfile "$work/bind/session.key";
    managed-keys-directory "$work/bind";
    listen-on port $bind_port { 127.0.0.1; };
    listen-on-v6 { none; };
    recursion no;
    allow-query { any; };
    dnssec-validation no;
    notify no;
    empty-zones-enable no;
    querylog yes;
};
controls { };
logging {
    channel queries_file { file "$work/bind-queries.log"; print-time yes; };
    channel default_file { file "$work/bind/named.log"; severity warning; };
    category queries { queries_file; };
    category default { default_file; };
};
$(for i in $(seq -w 1 50); do echo "zone \"sink$i.example\" { type primary; file \"$work/zones/sink$i.example.zone\"; };"; done)
CONF

# Query mix: random subdomains of the 50 zones, 80% A, 15% AAAA, 5% apex SOA.
awk 'BEGIN { srand(14); for (i = 0; i < 200000; i++) { z = sprintf("sink%02d.example", int(rand()*50)+1); r = rand();
       if (r < 0.05) print z " SOA"; else printf "w%d.%s %s\n", int(rand()*1000000), z, (r < 0.20 ? "AAAA" : "A") } }' > "$work/queries.txt"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

wait_for_port() {
  for _ in $(seq 1 100); do
    if dig +short +time=1 +tries=1 -p "$1" @127.0.0.1 sink01.example SOA 2>/dev/null | grep -q sinkhole.invalid; then return 0; fi
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
  codes=$(echo "$out" | sed -n 's/^ *Response codes: *//p')
  us=$(awk -v t=$((after - before)) -v hz="$hz" -v n="$completed" 'BEGIN { printf "%.2f", (t / hz) * 1e6 / n }')
  printf '%-22s %-4s %10s qps %8s µs CPU/query  (%s queries, server CPU %.2f s; %s)\n' "$name" "$mode" "$qps" "$us" "$completed" "$(awk -v t=$((after - before)) -v hz="$hz" 'BEGIN { print t / hz }')" "$codes"
  result_qps=$qps; result_us=$us
}

net=$(ip -o link show | awk -F': ' '{ print $2 }' | paste -sd, -)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; ${seconds}s per run; network interfaces: $net"

taskset -c 0 knotd -c "$work/knot.conf" 2> "$work/knot.log" &
pids+=($!); knot_pid=$!
taskset -c 0 unbound -d -c "$work/unbound.conf" > "$work/unbound.log" 2>&1 &
pids+=($!); unbound_pid=$!
# -f: foreground with the logging statement in force (-g would send every log, queries too, to stderr);
# -n 1: one worker thread, as the others.
taskset -c 0 named -f -n 1 -c "$work/named.conf" > "$work/named.log" 2>&1 &
pids+=($!); bind_pid=$!
taskset -c 0 "$root/.artifacts/rampart/rampart" sinkhole --data "$work/data" --zones "$zones_json" --port "$rampart_port" --udp-loops 1 --node-id bench --no-ingest > "$work/rampart.log" 2>&1 &
pids+=($!); rampart_pid=$!
for p in "$knot_port" "$unbound_port" "$bind_port" "$rampart_port"; do wait_for_port "$p"; done

# Warm-up (JIT tiering for Rampart, caches for all), not measured.
for p in "$knot_port" "$unbound_port" "$bind_port" "$rampart_port"; do taskset -c 1 dnsperf -s 127.0.0.1 -p "$p" -d "$work/queries.txt" -l 2 -c 8 -q 200 >/dev/null 2>&1; done
declare -A us qps
for mode in udp tcp; do
  run "Knot (dnstap)" "$knot_pid" "$knot_port" "$mode"; us[knot-$mode]=$result_us; qps[knot-$mode]=$result_qps
  run "Unbound (log-queries)" "$unbound_pid" "$unbound_port" "$mode"; us[unbound-$mode]=$result_us; qps[unbound-$mode]=$result_qps
  run "BIND (querylog)" "$bind_pid" "$bind_port" "$mode"; us[bind-$mode]=$result_us; qps[bind-$mode]=$result_qps
  run "Rampart (spool)" "$rampart_pid" "$rampart_port" "$mode"; us[rampart-$mode]=$result_us; qps[rampart-$mode]=$result_qps
done

size() { stat -c %s "$1" 2>/dev/null || echo 0; }
lines() { wc -l < "$1" 2>/dev/null || echo 0; }
echo "hit log: Rampart spool $(du -sb "$work/data/sinkhole/spool" | cut -f1) bytes; Knot dnstap file $(size "$work/knot.tap") bytes;" \
  "Unbound log $(size "$work/unbound-queries.log") bytes ($(lines "$work/unbound-queries.log") lines); BIND querylog $(size "$work/bind-queries.log") bytes ($(lines "$work/bind-queries.log") lines)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
for mode in udp tcp; do
  line="ratio ${mode^^} µs/query Rampart/peer:"
  for peer in knot unbound bind; do line+=" $peer $(ratio "${us[rampart-$mode]}" "${us[$peer-$mode]}")"; done
  [ "$mode" = udp ] && line+="  (gate: Knot ≤ 1.00)"
  echo "$line"
  line="ratio ${mode^^} qps Rampart/peer:"
  for peer in knot unbound bind; do line+=" $peer $(ratio "${qps[rampart-$mode]}" "${qps[$peer-$mode]}")"; done
  echo "$line"
done
echo "Rampart TCP: ${qps[rampart-tcp]} qps (gate ≥ 70000)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
