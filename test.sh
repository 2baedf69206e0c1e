#!/usr/bin/env bash
# Runs every SalesCoach test: the .NET suites and the Outlook add-in's JavaScript ones.
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

# The browser suites use Debian's Chromium (never a downloaded one): install it when missing.
ensure_chromium() {
  if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1 \
      || echo "could not install chromium"
  fi
}

# Node's test runner writes TAP; turn its summary into "passed failed" for the closing line.
tap_counts() {
  local tap="$1" out="$2" p f
  p=$(sed -n 's/^# pass \([0-9]*\)/\1/p' "$tap" 2>/dev/null | tail -n 1)
  f=$(sed -n 's/^# fail \([0-9]*\)/\1/p' "$tap" 2>/dev/null | tail -n 1)
  echo "${p:-0} ${f:-1}" > "$out"
}

# == Cards: every card the bot sends, rendered by Microsoft's Adaptive Cards renderer in headless
# Chromium (tests/cards-render). Self-contained: dumps the .NET card gallery, installs Chromium
# (Debian's) and the npm packages when missing, and adds its counts to the closing line.
echo "== cards render"
cards_dir="$results/cards"
ensure_chromium
if ! { SALESCOACH_CARDS_DIR="$cards_dir" dotnet test tests/SalesCoach.Bot.Tests -c Release --no-build -nologo \
         --filter "FullyQualifiedName~CardGalleryTests.Dump" >/dev/null \
       && (cd tests/cards-render && npm ci --no-audit --no-fund --loglevel=error) \
       && node tests/cards-render/render.mjs "$cards_dir" --counts "$results/cards-render.counts"; }; then
  status=1
  [ -f "$results/cards-render.counts" ] || echo "0 1" > "$results/cards-render.counts"
fi

# == Local chat end to end: Microsoft's Web Chat on the running host's /chat page, in Chromium.
echo "== chat end-to-end"
ensure_chromium
rm -f tests/e2e/results.tap
if ! (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error \
      && SALESCOACH_BOT_DLL="$PWD/../../bot/bin/Release/net10.0/SalesCoach.Bot.dll" npm test); then
  status=1
fi
tap_counts tests/e2e/results.tap "$results/chat-e2e.counts"

# --- Outlook add-in (addin/): pane unit tests, manifest validation, end-to-end in headless Chromium ---
echo "== add-in tests"
ensure_chromium
addin_report="$results/addin-vitest.json"
(
  cd addin &&
  # The host's build already ran `npm ci` (bot's csproj); run it again only when the lock file is newer.
  { [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund; } &&
  npm run build &&
  SALESCOACH_BOT_DLL="$PWD/../bot/bin/Release/net10.0/SalesCoach.Bot.dll" \
    npx vitest run --reporter=default --reporter=json --outputFile.json="$addin_report"
) || status=1
# The add-in's counts, from Vitest's JSON report (a run that wrote none, or failed outside a test, counts as one failure).
node -e '
  try { const r = require(process.argv[1]);
        console.log(r.numPassedTests, r.numFailedTests || (r.success ? 0 : 1)); }
  catch { console.log(0, 1); }' "$addin_report" > "$results/addin.counts" 2>/dev/null || echo "0 1" > "$results/addin.counts"
# --- end of the add-in section ---

# One closing line over every suite, read from the TRX files the runs wrote.
passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
# Suites that are not .NET write "passed failed" to a .counts file in the same folder.
for counts in "$results"/*.counts; do
  [ -f "$counts" ] || continue
  read -r p f < "$counts"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$passed" -eq 0 ]; then status=1; fi
echo "$passed passed, $failed failed"
exit $status
