#!/usr/bin/env bash
# Runs every SalesCoach test: the .NET suites and the Outlook add-in's JavaScript ones.
# Installs what the tests need when it is missing, so it works on a fresh clone of a machine
# that has the .NET SDK. Prints one closing line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results="$(mktemp -d)"
status=0

echo "== build"
if ! dotnet build SalesCoach.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== .NET tests"
dotnet test SalesCoach.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" \
  --logger "console;verbosity=normal" || status=1

# --- Outlook add-in (addin/): pane unit tests, manifest validation, end-to-end in headless Chromium ---
echo "== add-in tests"
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "installing Debian's chromium for the add-in's end-to-end test"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null || echo "could not install chromium"
fi
addin_report="$results/addin-vitest.json"
(
  cd addin &&
  # The host's build already ran `npm ci` (bot's csproj); run it again only when the lock file is newer.
  { [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund; } &&
  npm run build &&
  SALESCOACH_BOT_DLL="$PWD/../bot/bin/Release/net10.0/SalesCoach.Bot.dll" \
    npx vitest run --reporter=default --reporter=json --outputFile.json="$addin_report"
) || status=1
# --- end of the add-in section ---

# One closing line over every suite, read from the TRX files the runs wrote.
passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
# The add-in's counts, from Vitest's JSON report (a run that wrote none, or failed outside a test, counts as one failure).
read -r p f < <(node -e '
  try { const r = require(process.argv[1]);
        console.log(r.numPassedTests, r.numFailedTests || (r.success ? 0 : 1)); }
  catch { console.log(0, 1); }' "$addin_report" 2>/dev/null || echo "0 1")
passed=$((passed + ${p:-0})); failed=$((failed + ${f:-1}))
if [ "$passed" -eq 0 ]; then status=1; fi
echo "$passed passed, $failed failed"
exit $status
