#!/usr/bin/env bash
# Rampart's HTTP sinkhole beside nginx (access_log on, one worker, a fixed page, no upstream) on
# loopback, under wrk (-t1 -c64, keep-alive). Each server is pinned to core 0, wrk to core 1; runs
# inside `unshare -n` (loopback only) when it can. Prints req/s and server CPU µs per request
# (utime+stime of the server process from /proc, over the run) and Rampart's ratio to nginx.
# Rampart runs with --no-ingest: its figure includes the spool (every request written before its
# answer), the ingester is measured apart (`-- ingest`).
#
#   bench/Rampart.Dns.Bench/http-compare.sh [seconds per run, default 10]
#
# Gate (issue #14): Rampart req/s ≥ nginx req/s and Rampart µs/request ≤ nginx µs/request.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-10}"

# shellcheck source=loopback.sh
source "$here/loopback.sh" nginx wrk taskset curl -- "$@"

mkdir -p "$work/data" "$work/nginx"
{
  echo '{ "addresses": ["192.0.2.1"], "zones": ['
  for i in $(seq -w 1 50); do
    sep=$([ "$i" = 50 ] && echo "" || echo ",")
    echo "    { \"apex\": \"sink$i.example\", \"case\": \"case-$i\" }$sep"
  done
  echo '] }'
} > "$work/zones.json"

# The same page for both: Rampart's default notice.
page='<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Domain taken down</title></head>
<body><h1>This domain has been taken down</h1>
<p>It was used in attacks and is now under the control of a security team. Nothing on this page
asks for anything; do not enter passwords on pages reached through links on this domain.</p></body></html>
'
printf '%s' "$page" > "$work/page.html"

nginx_port=18081
rampart_port=18082
cat > "$work/nginx.conf" <<CONF
daemon off;
master_process off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    # Every request logged, as Rampart spools every request (combined format plus X-Forwarded-For).
    log_format sinkhole '\$remote_addr:\$remote_port [\$time_local] "\$host" "\$request" \$status \$body_bytes_sent "\$http_referer" "\$http_user_agent" "\$http_x_forwarded_for"';
    access_log $work/nginx/access.log sinkhole;
    keepalive_requests 1000000;
    keepalive_timeout 30s;
    server {
        listen 127.0.0.1:$nginx_port default_server;
        server_name _;
        default_type "text/html; charset=utf-8";
        add_header Cache-Control no-store;
        add_header X-Content-Type-Options nosniff;
        root $work;
        # The one page for every path, its descriptor cached (no open() per request).
        open_file_cache max=16;
        location / { try_files /page.html =404; }
    }
}
CONF

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

wait_for_port() {
  for _ in $(seq 1 100); do
    if curl -s -o /dev/null -H 'Host: sink01.example' "http://127.0.0.1:$1/"; then return 0; fi
    sleep 0.1
  done
  echo "server on port $1 did not answer" >&2; cat "$work"/*.log "$work"/nginx/error.log >&2 || true; return 1
}

# run NAME PID PORT -> prints one result line, sets result_rps/result_us
run() {
  local name=$1 pid=$2 port=$3
  local before after out requests rps us
  before=$(cpu_ticks "$pid")
  out=$(taskset -c 1 wrk -t1 -c64 -d"${seconds}s" -H 'Host: www.sink07.example' -H 'User-Agent: Mozilla/5.0 (bench)' "http://127.0.0.1:$port/login?user=victim" 2>&1)
  after=$(cpu_ticks "$pid")
  requests=$(echo "$out" | awk '/requests in/ { print $1 }')
  rps=$(echo "$out" | awk '/Requests\/sec:/ { print $2 }')
  errors=$(echo "$out" | awk '/Non-2xx|Socket errors/' | tr '\n' ' ')
  us=$(awk -v t=$((after - before)) -v hz="$hz" -v n="$requests" 'BEGIN { printf "%.2f", (t / hz) * 1e6 / n }')
  printf '%-22s %10s req/s %8s µs CPU/request  (%s requests, server CPU %.2f s) %s\n' "$name" "$rps" "$us" "$requests" "$(awk -v t=$((after - before)) -v hz="$hz" 'BEGIN { print t / hz }')" "$errors"
  result_rps=$rps; result_us=$us
}

net=$(ip -o link show | awk -F': ' '{ print $2 }' | paste -sd, -)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; ${seconds}s per run; wrk -t1 -c64 keep-alive; network interfaces: $net"

taskset -c 0 nginx -c "$work/nginx.conf" -e "$work/nginx/error.log" 2> "$work/nginx.log" &
pids+=($!); nginx_pid=$!
taskset -c 0 "$root/.artifacts/rampart/rampart" sinkhole --data "$work/data" --zones "$work/zones.json" --port 0 --http "127.0.0.1:$rampart_port" --http-page "$work/page.html" --udp-loops 1 --node-id bench --no-ingest > "$work/rampart.log" 2>&1 &
pids+=($!); rampart_pid=$!
wait_for_port "$nginx_port"
wait_for_port "$rampart_port"

# Warm-up (JIT tiering for Rampart, caches for both), not measured.
for p in "$nginx_port" "$rampart_port"; do taskset -c 1 wrk -t1 -c64 -d2s -H 'Host: www.sink07.example' "http://127.0.0.1:$p/" >/dev/null 2>&1; done
run "nginx (access_log)" "$nginx_pid" "$nginx_port"; n_rps=$result_rps; n_us=$result_us
run "Rampart (spool)" "$rampart_pid" "$rampart_port"; r_rps=$result_rps; r_us=$result_us
# Second round in the other order: the machine is shared, so each gets an early and a late slot.
run "Rampart (spool)" "$rampart_pid" "$rampart_port"; r_rps2=$result_rps; r_us2=$result_us
run "nginx (access_log)" "$nginx_pid" "$nginx_port"; n_rps2=$result_rps; n_us2=$result_us

spooled=$(du -sb "$work/data/sinkhole/spool" | cut -f1)
logged=$(stat -c %s "$work/nginx/access.log" 2>/dev/null || echo 0)
echo "hit log: Rampart spool $spooled bytes; nginx access.log $logged bytes ($(wc -l < "$work/nginx/access.log") lines)"
echo "ratio req/s Rampart/nginx: $(awk -v a="$r_rps" -v b="$r_rps2" -v c="$n_rps" -v d="$n_rps2" 'BEGIN { printf "%.2f", (a + b) / (c + d) }')  (gate ≥ 1.00; both rounds)"
echo "ratio µs/request Rampart/nginx: $(awk -v a="$r_us" -v b="$r_us2" -v c="$n_us" -v d="$n_us2" 'BEGIN { printf "%.2f", (a + b) / (c + d) }')  (gate ≤ 1.00; both rounds)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
