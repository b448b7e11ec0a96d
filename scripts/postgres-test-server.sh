#!/usr/bin/env bash
# Starts the Debian PostgreSQL 15 cluster on 127.0.0.1 for the storage tests (idempotent) and prints
# an admin connection string on stdout:
#   RAMPART_TEST_POSTGRES="$(scripts/postgres-test-server.sh)" dotnet test --project tests/Rampart.Storage.Tests
# Installs nothing: CI installs the packages listed in .ci/apt/*.txt (postgresql is in storage.txt).
# Services never start by themselves on these machines (policy-rc.d exits 101), hence the explicit start.
set -euo pipefail

version="${RAMPART_PG_VERSION:-15}"
cluster="${RAMPART_PG_CLUSTER:-main}"
port="${RAMPART_PG_PORT:-5432}"
# A fixed, local-only test password: the cluster listens on 127.0.0.1 only and holds throwaway databases.
password="${RAMPART_PG_PASSWORD:-rampart-test}"

log() { echo "postgres-test-server: $*" >&2; }

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  log "pg_ctlcluster not found; install the packages in .ci/apt/storage.txt (apt-get install postgresql)"
  exit 1
fi

if ! pg_lsclusters -h 2>/dev/null | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { found = 1 } END { exit !found }'; then
  log "creating cluster $version/$cluster"
  pg_createcluster "$version" "$cluster" --port "$port" >&2
fi

status="$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $4 }')"
if [ "$status" != "online" ]; then
  log "starting cluster $version/$cluster"
  pg_ctlcluster "$version" "$cluster" start -- -o "-c listen_addresses=127.0.0.1 -c port=$port" >&2 ||
    pg_ctlcluster "$version" "$cluster" start >&2
fi

# Wait until it accepts connections on the Unix socket (a few hundred ms on a cold start).
for _ in $(seq 1 50); do
  if su postgres -c "pg_isready -q -p $port" >/dev/null 2>&1; then
    break
  fi
  sleep 0.2
done
su postgres -c "pg_isready -q -p $port" >/dev/null 2>&1 || { log "cluster did not become ready"; exit 1; }

su postgres -c "psql -q -p $port -v ON_ERROR_STOP=1 -c \"ALTER ROLE postgres PASSWORD '$password'\"" >/dev/null

echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres"
