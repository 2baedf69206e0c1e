#!/usr/bin/env bash
# Runs every SalesCoach test: the .NET suites (and, as they land, the JavaScript ones).
# Installs what the tests need when it is missing, so it works on a fresh clone of a machine
# that has the .NET SDK. Prints one closing line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results="$(mktemp -d)"
status=0

echo "== test dependencies"
# What the Cosmos and cluster tests start: the Cosmos DB API test server (npm, tests/cosmos-server)
# and redis-server (Debian), installed here when missing.
export DEBIAN_FRONTEND=noninteractive
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
if ! command -v npm >/dev/null 2>&1 || ! command -v redis-server >/dev/null 2>&1; then
  $sudo apt-get update -qq || status=1
  command -v npm >/dev/null 2>&1 || $sudo apt-get install -y -qq nodejs npm || status=1
  command -v redis-server >/dev/null 2>&1 || $sudo apt-get install -y -qq redis-server || status=1
fi
if [ ! -d tests/cosmos-server/node_modules/@vercel/cosmosdb-server ]; then
  (cd tests/cosmos-server && npm ci --no-audit --no-fund) || status=1
fi

echo "== build"
if ! dotnet build SalesCoach.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== .NET tests"
dotnet test SalesCoach.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" \
  --logger "console;verbosity=normal" || status=1

# One closing line over every suite, read from the TRX files the runs wrote.
passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$passed" -eq 0 ]; then status=1; fi
echo "$passed passed, $failed failed"
exit $status
