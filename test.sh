#!/usr/bin/env bash
# Runs every JIPPNas test on a fresh Debian machine: installs what is missing (PostgreSQL server,
# Chromium, sqlmap), starts a throwaway PostgreSQL on a private port, runs the unit, integration (SQLite and
# PostgreSQL) and browser tests, and stops the server whatever happens.
set -euo pipefail
cd "$(dirname "$0")"

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/sqlmap ] || need+=(sqlmap)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} ..."
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

pg_dir=$(mktemp -d /tmp/jippnas-pg.XXXXXX)
pg_port=${JIPPNAS_PG_PORT:-$((56000 + RANDOM % 2000))}
cleanup() { scripts/pg.sh stop "$pg_dir" || true; }
trap cleanup EXIT INT TERM

export JIPPNAS_TEST_POSTGRES
JIPPNAS_TEST_POSTGRES=$(scripts/pg.sh start "$pg_dir" "$pg_port")
export JIPPNAS_REQUIRE_POSTGRES=1 JIPPNAS_REQUIRE_BROWSER=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "PostgreSQL for tests: $JIPPNAS_TEST_POSTGRES"

dotnet build Jippnas.slnx -c Release -warnaserror -nologo -v q
log=$(mktemp)
status=0
# One project after another: the browser tests drive Chromium against a live portal and must not compete for the
# two cores with the integration tests. A test that hangs is stopped after 8 minutes and named (blame), so a run
# fails instead of stalling.
for project in tests/Jippnas.UnitTests tests/Jippnas.IntegrationTests tests/Jippnas.BrowserTests; do
  dotnet test "$project" -c Release --no-build --nologo --blame-hang-timeout 8m --blame-hang-dump-type none 2>&1 | tee -a "$log" || status=$?
done

passed=$(grep -aoE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -aoE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -aoE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [ "${passed:-0}" -eq 0 ]; then echo "No test ran." >&2; status=1; fi
if [ "${skipped:-0}" -ne 0 ]; then echo "$skipped test(s) were skipped: every test must run here." >&2; status=1; fi
echo "Tests: ${passed:-0} passed, ${failed:-0} failed"
exit $status
