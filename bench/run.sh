#!/usr/bin/env bash
# Load benchmark for the portal: bench/run.sh [sqlite|postgres|all]   (default: all)
# Publishes the app in Release once, and for each provider: a fresh database, N synthetic innovations
# loaded with the app's own `synthetic` command (timed), the portal on 127.0.0.1, then wrk against two
# ceilings (/bench/plain, /bench/row/{id}) and three pages (/, filtered list, innovation page).
# Prints a Markdown table and the target checks per provider and writes it to bench/results/.
# Knobs (environment): BENCH_DURATION (s per measurement, 10), BENCH_WARMUP (s per warm-up run, 3),
# BENCH_ROWS (100000), BENCH_PORT (portal, 58099), BENCH_PG_PORT (throwaway PostgreSQL, 55499),
# BENCH_PG_ANALYZE (1 = VACUUM ANALYZE after loading, 0 = leave it to autovacuum), BENCH_GOVERNMENT (the
# regional government given synthetic agencies for the one-agency-one-innovation pages, 266 = Kabupaten Pacitan),
# BENCH_AGENCIES (40) and BENCH_AGENCY_YEARS (10).
# Exit status: 0 all checks pass, 3 a check failed, anything else the run itself failed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
mode=${1:-all}
duration=${BENCH_DURATION:-10}
warmup=${BENCH_WARMUP:-3}
rows=${BENCH_ROWS:-100000}
port=${BENCH_PORT:-58099}
pg_port=${BENCH_PG_PORT:-55499}
pg_analyze=${BENCH_PG_ANALYZE:-1}
government=${BENCH_GOVERNMENT:-266}
agencies=${BENCH_AGENCIES:-40}
agency_years=${BENCH_AGENCY_YEARS:-10}
replications=${BENCH_REPLICATIONS:-50000}
threads=2
connections=(4 32)

case "$mode" in
  sqlite) providers=(sqlite) ;;
  postgres | postgresql) providers=(postgres) ;;
  all) providers=(sqlite postgres) ;;
  -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "usage: $0 [sqlite|postgres|all]" >&2; exit 2 ;;
esac
for n in "$duration" "$warmup" "$rows" "$port" "$pg_port" "$government" "$agencies" "$agency_years"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "bench: '$n' is not a whole number (check the BENCH_* variables)" >&2; exit 2; }
done
for tool in dotnet wrk curl psql; do
  command -v "$tool" >/dev/null || { echo "bench: '$tool' not found" >&2; exit 1; }
done

base="http://127.0.0.1:$port"
work=$(mktemp -d /tmp/jippnas-bench.XXXXXX)
app="$work/app"
pg_dir=""
portal_pid=""

log() { printf '\033[2m[bench %s]\033[0m %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

stop_portal() {
  [ -n "$portal_pid" ] || return 0
  if kill -0 "$portal_pid" 2>/dev/null; then
    kill -TERM "$portal_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$portal_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$portal_pid" 2>/dev/null || true
  fi
  wait "$portal_pid" 2>/dev/null || true
  portal_pid=""
}

stop_pg() {
  [ -n "$pg_dir" ] || return 0
  "$root/scripts/pg.sh" stop "$pg_dir" || true
  pg_dir=""
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_portal
  stop_pg
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT
trap 'exit 143' TERM

now_ns() { date +%s%N; }
commas() { awk -v n="$1" 'BEGIN { printf "%.0f", n }' | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
seconds_since() { awk -v a="$1" -v b="$(now_ns)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }

if curl -s -o /dev/null --max-time 2 "$base/"; then
  echo "bench: something already answers on $base; set BENCH_PORT" >&2
  exit 1
fi

# --- 1. publish once -------------------------------------------------------------------------------
# The artifacts path keeps bin/ and obj/ of this build out of src/, where others may be building.
log "publishing src/Jippnas.Web (Release) to $app"
if ! dotnet publish "$root/src/Jippnas.Web" -c Release -o "$app" --artifacts-path "$work/artifacts" -nologo -v quiet \
    >"$work/publish.log" 2>&1; then
  cat "$work/publish.log" >&2
  echo "bench: publish failed" >&2
  exit 1
fi
rm -rf "$work/artifacts"


commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$root" status --porcelain -- src 2>/dev/null)" ]; then commit="$commit + uncommitted changes in src/"; fi
cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1)
machine="$(nproc) cores${cpu:+, $cpu}; wrk shares them with the server"
mkdir -p "$here/results"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
any_fail=0

# The app: cwd is the publish folder, so its appsettings.json and wwwroot are the ones used.
run_app() { (cd "$app" && exec env ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production dotnet Jippnas.Web.dll "$@"); }

# Targets: label|kind|path. kind fixed = the path as is; kind id = path prefix + random id 1..max id.
targets=(
  "/bench/plain|fixed|/bench/plain"
  "/bench/row/{id}|id|/bench/row/"
  "/|fixed|/"
  "/inovasi?province=35&sector=KESEHATAN|fixed|/inovasi?province=35&sector=KESEHATAN"
  "/inovasi/{id}|id|/inovasi/"
  "/satu-opd-satu-inovasi/pemerintah/$government|fixed|/satu-opd-satu-inovasi/pemerintah/$government"
  "/satu-opd-satu-inovasi/35|fixed|/satu-opd-satu-inovasi/35"
  "/satu-opd-satu-inovasi|fixed|/satu-opd-satu-inovasi"
  "/inovasi/{most replicated}|fixed|/inovasi/@TOP@"
  "/bench/match (stunting, 35.01)|fixed|/bench/match?masalah=stunting%20balita%20posyandu%20gizi&wilayah=35.01"
  "/replikasi|fixed|/replikasi"
)
pages=("/" "/inovasi?province=35&sector=KESEHATAN" "/inovasi/{id}" "/satu-opd-satu-inovasi/pemerintah/$government" "/satu-opd-satu-inovasi/35" "/satu-opd-satu-inovasi")

declare -A rps p50 p95 errs

# wrk_run CONNECTIONS SECONDS KIND PATH MAXID -> prints the BENCH line
wrk_run() {
  local c=$1 d=$2 kind=$3 path=$4 max=$5 out
  if [ "$kind" = id ]; then
    out=$(wrk -t"$threads" -c"$c" -d"${d}s" --timeout 5s -s "$here/wrk/random-id.lua" "$base" -- "$path" "$max" 2>&1) || true
  else
    out=$(wrk -t"$threads" -c"$c" -d"${d}s" --timeout 5s -s "$here/wrk/fixed.lua" "$base$path" 2>&1) || true
  fi
  local line
  line=$(grep '^BENCH ' <<<"$out" || true)
  if [ -z "$line" ]; then
    echo "$out" >&2
    echo "bench: wrk gave no result for $path" >&2
    return 1
  fi
  echo "$line"
}

field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" $1"; }

# Status codes of a sample of requests to one target; prints the codes that were not 200.
preflight() {
  local kind=$1 path=$2 max=$3 url code bad=""
  for i in $(seq 1 10); do
    if [ "$kind" = id ]; then url="$base$path$(( (RANDOM * 32768 + RANDOM) % max + 1 ))"; else url="$base$path"; fi
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$url" || echo 000)
    [ "$code" = 200 ] || bad="$bad ${url#"$base"}→$code"
    [ "$kind" = id ] || break
  done
  echo "$bad"
}

bench_provider() {
  local provider=$1 title cfg=() conn db_cs
  case "$provider" in
    sqlite)
      title="SQLite"
      cfg=("--ConnectionStrings:Jippnas=Data Source=$work/sqlite.db")
      ;;
    postgres)
      title="PostgreSQL"
      pg_dir=$(mktemp -d /tmp/jippnas-bench-pg.XXXXXX)
      log "starting throwaway PostgreSQL on 127.0.0.1:$pg_port"
      conn=$("$root/scripts/pg.sh" start "$pg_dir" "$pg_port")
      psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt -c 'CREATE DATABASE jippnas_bench' >/dev/null
      db_cs="$conn;Database=jippnas_bench"
      cfg=("--Database:Provider=PostgreSql" "--ConnectionStrings:Jippnas=$db_cs")
      ;;
  esac
  cfg+=("--Logging:LogLevel:Default=Warning")

  # --- 2. schema, then the synthetic load, each timed -------------------------------------------
  log "$title: migrate (schema + reference data)"
  local t0 migrate_s load_s load_rate
  t0=$(now_ns)
  run_app migrate "${cfg[@]}" >"$work/migrate-$provider.log" 2>&1 || { cat "$work/migrate-$provider.log" >&2; return 1; }
  migrate_s=$(seconds_since "$t0")
  log "$title: synthetic $rows"
  t0=$(now_ns)
  run_app synthetic "$rows" "${cfg[@]}" >"$work/synthetic-$provider.log" 2>&1 || { cat "$work/synthetic-$provider.log" >&2; return 1; }
  load_s=$(seconds_since "$t0")
  load_rate=$(awk -v n="$rows" -v s="$load_s" 'BEGIN { printf "%.0f", n / s }')
  log "$title: $rows rows in ${load_s}s = $load_rate rows/s"
  log "$title: synthetic-agencies $government $agencies $agency_years"
  run_app synthetic-agencies "$government" "$agencies" "$agency_years" "${cfg[@]}" >"$work/agencies-$provider.log" 2>&1 || { cat "$work/agencies-$provider.log" >&2; return 1; }
  local agency_rows
  agency_rows=$(sed -n 's/^Added [0-9]* synthetic agencies and \([0-9]*\) synthetic innovations.*/\1/p' "$work/agencies-$provider.log")
  log "$title: synthetic-replications $replications"
  t0=$(now_ns)
  run_app synthetic-replications "$replications" "${cfg[@]}" >"$work/replications-$provider.log" 2>&1 || { cat "$work/replications-$provider.log" >&2; return 1; }
  replications_s=$(seconds_since "$t0")
  lineage_id=$(sed -n 's/.*most replicated: innovation \([0-9]*\) (\([0-9]*\) replications).*/\1/p' "$work/replications-$provider.log")
  lineage_count=$(sed -n 's/.*most replicated: innovation \([0-9]*\) (\([0-9]*\) replications).*/\2/p' "$work/replications-$provider.log")
  [[ "$lineage_id" =~ ^[0-9]+$ ]] || { cat "$work/replications-$provider.log" >&2; return 1; }
  log "$title: $replications replications in ${replications_s}s; most replicated innovation $lineage_id ($lineage_count)"
  if [ "$provider" = postgres ] && [ "$pg_analyze" = 1 ]; then
    psql -h 127.0.0.1 -p "$pg_port" -U postgres -d jippnas_bench -v ON_ERROR_STOP=1 -qAt -c 'VACUUM (ANALYZE)' >/dev/null
  fi

  # --- 3. the portal -------------------------------------------------------------------------------
  log "$title: starting the portal on $base"
  if curl -s -o /dev/null --max-time 2 "$base/"; then echo "bench: something already answers on $base" >&2; return 1; fi
  # exec all the way down, so $! is the dotnet process itself and stop_portal reaches it.
  (cd "$app" && exec env ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production \
    dotnet Jippnas.Web.dll "${cfg[@]}" "--urls=$base" "--Jippnas:Benchmark:Endpoints=true" "--Jippnas:RateLimits:PerMinute=0") >"$work/portal-$provider.log" 2>&1 &
  portal_pid=$!
  local ready=0
  for _ in $(seq 1 240); do
    if ! kill -0 "$portal_pid" 2>/dev/null; then break; fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base/health/ready" || true)" = 200 ]; then ready=1; break; fi
    sleep 0.25
  done
  if [ "$ready" != 1 ]; then
    cat "$work/portal-$provider.log" >&2
    echo "bench: the portal did not become ready" >&2
    return 1
  fi

  local json max_id
  json=$(curl -fsS --max-time 10 "$base/api/v1/innovations?pageSize=1")
  if command -v jq >/dev/null; then max_id=$(jq -r '.items[0].id' <<<"$json"); else max_id=$(grep -o '"id":[0-9]*' <<<"$json" | head -n 1 | cut -d: -f2); fi
  [[ "$max_id" =~ ^[0-9]+$ ]] || { echo "bench: no max id in $json" >&2; return 1; }
  log "$title: max innovation id $max_id"

  # --- 4. measure ------------------------------------------------------------------------------------
  local notes=() problems=0 t label kind path bad c line key load_before load_after
  # Warm-up: every target once first (code shared between pages, e.g. the layout, gets hot and tiered up
  # together), then each target again right before it is measured.
  for t in "${targets[@]}"; do
    IFS='|' read -r label kind path <<<"$t"
    path=${path//@TOP@/$lineage_id}
    bad=$(preflight "$kind" "$path" "$max_id")
    [ -z "$bad" ] || { problems=$((problems + 1)); notes+=("Not 200 before measuring $label:$bad"); log "WARNING $label:$bad"; }
    log "$title: $label warm-up ${warmup}s"
    [ "$warmup" = 0 ] || wrk_run 32 "$warmup" "$kind" "$path" "$max_id" >/dev/null
  done
  load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
  for t in "${targets[@]}"; do
    IFS='|' read -r label kind path <<<"$t"
    path=${path//@TOP@/$lineage_id}
    [ "$warmup" = 0 ] || wrk_run 32 "$warmup" "$kind" "$path" "$max_id" >/dev/null
    for c in "${connections[@]}"; do
      line=$(wrk_run "$c" "$duration" "$kind" "$path" "$max_id")
      key="$label|$c"
      rps[$key]=$(field "$line" rps); p50[$key]=$(field "$line" p50); p95[$key]=$(field "$line" p95)
      errs[$key]=$(field "$line" errors)
      if [ "${errs[$key]}" != 0 ]; then
        notes+=("$label at $c connections: $(sed 's/^BENCH .* errors=[0-9]* //' <<<"$line")")
      fi
      log "$title: $label c=$c → ${rps[$key]} req/s, p50 ${p50[$key]} ms, p95 ${p95[$key]} ms, errors ${errs[$key]}"
    done
  done
  load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
  stop_portal
  # Warning level and above only, so anything logged is worth a look: keep the log next to the results.
  local portal_log="$here/results/$provider-$stamp-portal.log"
  if [ -s "$work/portal-$provider.log" ]; then
    cp "$work/portal-$provider.log" "$portal_log"
    notes+=("The portal logged $(grep -cE '^(warn|fail|crit):' "$portal_log" || true) warnings/errors while running: see \`${portal_log#"$root/"}\`")
  fi
  [ "$provider" != postgres ] || stop_pg

  # --- 5. report -------------------------------------------------------------------------------------
  local report="$here/results/$provider-$stamp.md" fails=0
  {
    echo "## $title — $(commas "$rows") synthetic innovations"
    echo
    echo "- Replication: $replications synthetic replications in ${replications_s:-?} s (\`synthetic-replications\`); the most replicated innovation ($lineage_id) has $lineage_count"
    echo "- One agency, one innovation: agency $government given $agencies synthetic agencies and ${agency_rows:-?} innovations over $agency_years years (\`synthetic-agencies\`)"
    echo "- Load: $(commas "$rows") rows in ${load_s} s = **$(commas "$load_rate") rows/s** (\`synthetic\` command incl. process start; schema and reference data before it: ${migrate_s} s)"
    echo "- wrk: $threads threads, ${duration} s per cell; warm-up ${warmup} s per target at 32 connections, all targets once, then again before each; timeout 5 s; random ids 1..$max_id"
    echo "- $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit; $machine; load average before/after measuring: $load_before / $load_after"
    [ "$provider" != postgres ] || echo "- PostgreSQL: throwaway server (fsync off), $([ "$pg_analyze" = 1 ] && echo 'VACUUM ANALYZE after loading' || echo 'no ANALYZE after loading')"
    echo
    echo "| Target | Conns | req/s | p50 ms | p95 ms | errors |"
    echo "|---|---:|---:|---:|---:|---:|"
    for t in "${targets[@]}"; do
      IFS='|' read -r label _ _ <<<"$t"
      for c in "${connections[@]}"; do
        key="$label|$c"
        printf '| `%s` | %s | %s | %s | %s | %s |\n' "$label" "$c" "$(commas "${rps[$key]}")" "${p50[$key]}" "${p95[$key]}" "${errs[$key]}"
      done
    done
    echo
    echo "| Check | Measured | Target | Result |"
    echo "|---|---:|---:|---|"
    check_ratio() { # label numerator denominator conns
      local r ok
      r=$(awk -v a="${rps[$2|$4]}" -v b="${rps[$3|$4]}" 'BEGIN { printf "%.0f", (b > 0 ? 100 * a / b : 0) }')
      ok=$([ "$r" -ge 50 ] && echo PASS || echo FAIL)
      [ "$ok" = PASS ] || fails=$((fails + 1))
      printf '| %s, %s conns | %s%% | ≥ 50%% | %s |\n' "$1" "$4" "$r" "$ok"
    }
    for c in "${connections[@]}"; do check_ratio 'Innovation page req/s vs `/bench/row`' "/inovasi/{id}" "/bench/row/{id}" "$c"; done
    for c in "${connections[@]}"; do check_ratio 'Home req/s vs `/bench/plain`' "/" "/bench/plain" "$c"; done
    check_p95() { # label key limit
      local ok
      ok=$(awk -v p="${p95[$2]}" -v l="$3" 'BEGIN { print ((p != "" && p <= l) ? "PASS" : "FAIL") }')
      [ "$ok" = PASS ] || fails=$((fails + 1))
      printf '| %s | %s ms | ≤ %s ms | %s |\n' "$1" "${p95[$2]}" "$3" "$ok"
    }
    check_p95 "p95 innovation page with its lineage ($lineage_count replications), 4 conns" "/inovasi/{most replicated}|4" 50
    check_p95 "p95 matching one need, 4 conns" "/bench/match (stunting, 35.01)|4" 200
    local page limit ok
    for page in "${pages[@]}"; do
      for c in "${connections[@]}"; do
        limit=$([ "$c" -ge 32 ] && echo 200 || echo 50)
        ok=$(awk -v p="${p95[$page|$c]}" -v l="$limit" 'BEGIN { print ((p <= l) ? "PASS" : "FAIL") }')
        [ "$ok" = PASS ] || fails=$((fails + 1))
        printf '| p95 `%s`, %s conns | %s ms | ≤ %s ms | %s |\n' "$page" "$c" "${p95[$page|$c]}" "$limit" "$ok"
      done
    done
    local total_errs=0
    for key in "${!errs[@]}"; do total_errs=$((total_errs + ${errs[$key]})); done
    ok=$([ "$total_errs" = 0 ] && [ "$problems" = 0 ] && echo PASS || echo FAIL)
    [ "$ok" = PASS ] || fails=$((fails + 1))
    printf '| Errors (status ≥ 400, socket, timeouts) on all targets | %s | 0 | %s |\n' "$total_errs" "$ok"
    if [ ${#notes[@]} -gt 0 ]; then
      echo
      echo "Notes:"
      local n
      for n in "${notes[@]}"; do echo "- $n"; done
    fi
    echo
  } >"$report"
  cat "$report"
  log "written to ${report#"$root/"}"
  [ "$fails" = 0 ] || any_fail=1
}

for p in "${providers[@]}"; do
  bench_provider "$p"
done
[ "$any_fail" = 0 ] || exit 3
