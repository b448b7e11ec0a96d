#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need (Debian packages listed in
# .ci/apt/*.txt), starts PostgreSQL on 127.0.0.1, builds with warnings as errors, runs all test
# projects, and prints the totals last as "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
results=.artifacts/test-results
rm -rf "$results"

scripts/install-test-deps.sh || { echo "installing test dependencies failed"; echo "0 passed, 1 failed"; exit 1; }
RAMPART_TEST_POSTGRES="$(scripts/postgres-test-server.sh)" || { echo "PostgreSQL did not start"; echo "0 passed, 1 failed"; exit 1; }
export RAMPART_TEST_POSTGRES RAMPART_TEST_REQUIRE_POSTGRES=1

if ! dotnet build Rampart.slnx -c Release -nologo -v quiet -warnaserror; then
  echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi

dotnet test --solution Rampart.slnx -c Release --no-build --results-directory "$results" --report-trx "$@"
status=$?

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the run failed without a failing test (a crash, a missing TRX): never report green
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
