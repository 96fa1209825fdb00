#!/usr/bin/env bash
# Search speed benchmark: bench/search/run.sh [sqlite|postgres|all] [SIZES]   (defaults: all 100000,1000000)
# For each provider and size: a fresh database, N synthetic innovations (the app's `synthetic` command), the
# search index built by `rebuild-search` (timed) and the engine's own bulk full-text build of the same rows
# (timed, then dropped), then the query benchmark (Jippnas.Bench.Search query). Writes
# bench/search/results-<provider>-<N>.txt and, from every results file present, bench/search/results-summary.md.
# Knobs (environment): BENCH_QUERIES (30 per class), BENCH_ROUNDS (5), BENCH_SEARCH_BUDGET / BENCH_BARE_BUDGET
# (s per cell, 60 / 30), BENCH_NATIVE_ALL (1 = every native variant at every size; default only up to 200,000),
# BENCH_NATIVE_SKIP (1 = no native build: queries and rebuild-search only),
# BENCH_PG_PORT (throwaway PostgreSQL, 55498), BENCH_PG_MAINTENANCE_MEM (512MB), BENCH_STEP_TIMEOUT (s, 3600 per step).
# Exit status: 0 all targets met, 3 a target missed, anything else the run itself failed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
mode=${1:-all}
sizes_arg=${2:-100000,1000000}
queries=${BENCH_QUERIES:-30}
rounds=${BENCH_ROUNDS:-5}
search_budget=${BENCH_SEARCH_BUDGET:-60}
bare_budget=${BENCH_BARE_BUDGET:-30}
native_all=${BENCH_NATIVE_ALL:-0}
native_skip=${BENCH_NATIVE_SKIP:-0}
pg_port=${BENCH_PG_PORT:-55498}
step_timeout=${BENCH_STEP_TIMEOUT:-3600}
pg_maintenance_mem=${BENCH_PG_MAINTENANCE_MEM:-512MB}

case "$mode" in
  sqlite) providers=(sqlite) ;;
  postgres | postgresql) providers=(postgres) ;;
  all) providers=(sqlite postgres) ;;
  summary) providers=() ;;
  -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "usage: $0 [sqlite|postgres|all|summary] [sizes, e.g. 100000,1000000]" >&2; exit 2 ;;
esac
IFS=',' read -r -a sizes <<<"$sizes_arg"
for n in "${sizes[@]}" "$queries" "$rounds" "$pg_port" "$step_timeout"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "search bench: '$n' is not a whole number" >&2; exit 2; }
done
for tool in dotnet psql awk; do
  command -v "$tool" >/dev/null || { echo "search bench: '$tool' not found" >&2; exit 1; }
done

work=$(mktemp -d /tmp/jippnas-search-bench.XXXXXX)
pg_dir=""
log() { printf '\033[2m[search bench %s]\033[0m %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
stop_pg() {
  [ -n "$pg_dir" ] || return 0
  "$root/scripts/pg.sh" stop "$pg_dir" || true
  pg_dir=""
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pg
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT
trap 'exit 143' TERM

now_ns() { date +%s%N; }
seconds_since() { awk -v a="$1" -v b="$(now_ns)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" $1"; }

# --- summary: from every results file present --------------------------------------------------------
# results-<provider>-<N>.txt carry machine lines: BUILD (rebuild-search), NATIVE (engine's own build), CELL (queries).
summarise() {
  local out="$here/results-summary.md" fails=0 provider title limit small large f
  {
    echo "# Search benchmark — targets"
    echo
    echo "Written $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/search/run.sh\` from the results files beside it. Figures in ms (server time of one query at a time) or rows/s."
    for provider in sqlite postgres; do
      mapfile -t files < <(ls "$here"/results-"$provider"-*.txt 2>/dev/null | awk -F- '{ print $NF "\t" $0 }' | sort -n | cut -f2)
      [ ${#files[@]} -gt 0 ] || continue
      title=$([ "$provider" = sqlite ] && echo SQLite || echo PostgreSQL)
      limit=$([ "$provider" = sqlite ] && echo 50 || echo 100)
      small=$(basename "${files[0]}" .txt); small=${small##*-}
      large=$(basename "${files[-1]}" .txt); large=${large##*-}
      echo
      echo "## $title"
      echo
      echo "### Index build: \`rebuild-search\` vs the engine's own bulk build of the same rows (target: within 1.5×)"
      echo
      echo "| Innovations | rebuild-search s | rows/s | Native build | s | rows/s | Ratio | Result |"
      echo "|---:|---:|---:|---|---:|---:|---:|---|"
      for f in "${files[@]}"; do
        local n build rs rr line variant ns nr ratio ok judged
        n=$(basename "$f" .txt); n=${n##*-}
        build=$(grep -m1 '^BUILD ' "$f" || true)
        [ -n "$build" ] || continue
        rs=$(field "$build" seconds); rr=$(field "$build" rate)
        judged=$(grep -m1 '^JUDGE ' "$f" | sed 's/^JUDGE native=//' || true)
        while read -r line; do
          [ -n "$line" ] || continue
          variant=$(field "$line" variant); ns=$(field "$line" seconds); nr=$(field "$line" rate)
          ratio=$(awk -v a="$rs" -v b="$ns" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
          if [ "$variant" = "$judged" ]; then
            ok=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.5 ? "PASS" : "FAIL") }')
            [ "$ok" = PASS ] || fails=$((fails + 1))
          else
            ok="(for comparison)"
          fi
          printf '| %s | %s | %s | %s | %s | %s | %s× | %s |\n' "$n" "$rs" "$rr" "$variant" "$ns" "$nr" "$ratio" "$ok"
        done < <(grep '^NATIVE ' "$f" || true)
        grep -q '^NATIVE ' "$f" || printf '| %s | %s | %s | not measured | – | – | – | – |\n' "$n" "$rs" "$rr"
      done
      echo
      echo "### Query time per class and filter: SearchAsync (with facet counts) beside the bare full-text query"
      echo
      echo "Targets: p95 ≤ $limit ms at the largest size ($large); p50 at $large ≤ 1.5× p50 at $small."
      echo
      echo "| Class | Filter | p50 @$small | p95 @$small | bare p50/p95 @$small | p50 @$large | p95 @$large | bare p50/p95 @$large | p95 ≤ $limit ms | p50 ratio | ≤ 1.5× |"
      echo "|---|---|---:|---:|---:|---:|---:|---:|---|---:|---|"
      local cell key cls flt p50s p95s b50s b95s p50l p95l b50l b95l okp okr ratio
      while read -r cell; do
        cls=$(field "$cell" class); flt=$(field "$cell" filter)
        key="class=$cls filter=$flt "
        p50s=$(grep "^CELL $key" "$here/results-$provider-$small.txt" | head -n1); p50l=$(grep "^CELL $key" "$here/results-$provider-$large.txt" | head -n1)
        p95s=$(field "$p50s" p95); b50s=$(field "$p50s" bare_p50); b95s=$(field "$p50s" bare_p95); p50s=$(field "$p50s" p50)
        p95l=$(field "$p50l" p95); b50l=$(field "$p50l" bare_p50); b95l=$(field "$p50l" bare_p95); p50l=$(field "$p50l" p50)
        okp=$(awk -v p="$p95l" -v l="$limit" 'BEGIN { print ((p != "" && p <= l) ? "PASS" : "FAIL") }')
        [ "$okp" = PASS ] || fails=$((fails + 1))
        if [ "$small" = "$large" ]; then
          ratio="–"; okr="–"
        else
          ratio=$(awk -v a="$p50l" -v b="$p50s" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
          # Sub-millisecond medians: a difference under half a millisecond past 1.5× is timer noise, marked PASS*.
          okr=$(awk -v a="$p50l" -v b="$p50s" 'BEGIN { if (a <= 1.5 * b) print "PASS"; else if (a - 1.5 * b < 0.5) print "PASS*"; else print "FAIL" }')
          [ "$okr" != FAIL ] || fails=$((fails + 1))
          ratio="$ratio×"
        fi
        printf '| %s | %s | %s | %s | %s / %s | %s | %s | %s / %s | %s | %s | %s |\n' \
          "$cls" "$flt" "$p50s" "$p95s" "$b50s" "$b95s" "$p50l" "$p95l" "$b50l" "$b95l" "$okp" "$ratio" "$okr"
      done < <(grep '^CELL ' "$here/results-$provider-$large.txt")
    done
    echo
    echo "PASS* = the 1M median is within 0.5 ms of 1.5× the smaller one: sub-millisecond medians, timer noise."
    echo
    echo "Targets missed: $fails."
  } >"$out"
  cat "$out"
  log "summary written to ${out#"$root/"}"
  [ "$fails" = 0 ]
}

if [ "$mode" = summary ]; then
  summarise && exit 0 || exit 3
fi

# --- build once, outside src/ --------------------------------------------------------------------------
# The equivalent of `dotnet run --project src/Jippnas.Web -c Release -- …`, built into a temp folder so
# that src/ (where others may be building) is not touched.
log "building src/Jippnas.Web and bench/search (Release) into $work/artifacts"
if ! dotnet build "$here/Jippnas.Bench.Search.csproj" -c Release --artifacts-path "$work/artifacts" -nologo -v quiet >"$work/build.log" 2>&1; then
  cat "$work/build.log" >&2
  echo "search bench: build failed" >&2
  exit 1
fi
web_dir="$work/artifacts/bin/Jippnas.Web/release"
bench_dir="$work/artifacts/bin/Jippnas.Bench.Search/release"
run_app() { (cd "$web_dir" && exec env DOTNET_ENVIRONMENT=Production timeout "$step_timeout" dotnet Jippnas.Web.dll "$@"); }
run_bench() { (cd "$bench_dir" && exec env DOTNET_ENVIRONMENT=Production timeout "$step_timeout" dotnet Jippnas.Bench.Search.dll "$@"); }

commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$root" status --porcelain -- src bench/search 2>/dev/null)" ]; then commit="$commit + uncommitted changes"; fi
cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1)
machine="$(nproc) cores${cpu:+, $cpu}, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"

bench_one() {
  local provider=$1 rows=$2 title cfg=() db_cs psql_db=() t0 line
  local results="$here/results-$provider-$rows.txt" tmp="$work/results-$provider-$rows.txt"
  case "$provider" in
    sqlite)
      title=SQLite
      rm -f "$work/sqlite-$rows.db"*
      cfg=("--ConnectionStrings:Jippnas=Data Source=$work/sqlite-$rows.db")
      ;;
    postgres)
      title=PostgreSQL
      pg_dir=$(mktemp -d /tmp/jippnas-search-bench-pg.XXXXXX)
      log "$title: starting a throwaway PostgreSQL on 127.0.0.1:$pg_port"
      db_cs=$("$root/scripts/pg.sh" start "$pg_dir" "$pg_port")
      psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt -c 'CREATE DATABASE jippnas_search_bench' >/dev/null
      # Index builds sort in memory up to maintenance_work_mem (default 64MB); both builds get the same setting.
      psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt \
        -c "ALTER SYSTEM SET maintenance_work_mem = '$pg_maintenance_mem'" -c 'SELECT pg_reload_conf()' >/dev/null
      psql_db=(psql -h 127.0.0.1 -p "$pg_port" -U postgres -d jippnas_search_bench -v ON_ERROR_STOP=1 -qAt)
      cfg=("--Database:Provider=PostgreSql" "--ConnectionStrings:Jippnas=$db_cs;Database=jippnas_search_bench")
      ;;
  esac

  local load_before load_after migrate_s load_s load_line rebuild_line natives=() variant judged
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  log "$title $rows: migrate"
  t0=$(now_ns)
  run_app migrate "${cfg[@]}" >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; return 1; }
  migrate_s=$(seconds_since "$t0")

  # The load leaves the index to rebuild-search, timed next; without the setting it would build it itself.
  log "$title $rows: synthetic $rows"
  t0=$(now_ns)
  run_app synthetic "$rows" "${cfg[@]}" --Jippnas:Synthetic:Index=false >"$work/synthetic.log" 2>&1 || { tail -n 40 "$work/synthetic.log" >&2; return 1; }
  load_s=$(seconds_since "$t0")
  load_line=$(tr '\r' '\n' <"$work/synthetic.log" | grep -m1 'rows written in' | sed 's/^ *//' || true)
  log "$title $rows: loaded in ${load_s} s — $load_line"

  log "$title $rows: rebuild-search"
  run_app rebuild-search "${cfg[@]}" >"$work/rebuild.log" 2>&1 || { tail -n 40 "$work/rebuild.log" >&2; return 1; }
  rebuild_line=$(tr '\r' '\n' <"$work/rebuild.log" | grep -m1 '^Search index rebuilt:' || true)
  [ -n "$rebuild_line" ] || { tail -n 40 "$work/rebuild.log" >&2; echo "search bench: no timing from rebuild-search" >&2; return 1; }
  log "$title $rows: $rebuild_line"

  local variants
  if [ "$provider" = sqlite ]; then
    judged=plain
    if [ "$native_all" = 1 ] || [ "$rows" -le 200000 ]; then variants=(plain contentless); else variants=(plain); fi
  else
    judged=expression
    if [ "$native_all" = 1 ] || [ "$rows" -le 200000 ]; then variants=(expression generated); else variants=(expression); fi
  fi
  [ "$native_skip" != 1 ] || variants=()
  for variant in "${variants[@]}"; do
    log "$title $rows: the engine's own bulk build ($variant)"
    line=$(run_bench native-build "${cfg[@]}" "--Bench:Native=$variant" 2>"$work/native.log" | grep '^NATIVE ' || true)
    [ -n "$line" ] || { cat "$work/native.log" >&2; echo "search bench: native build $variant failed" >&2; return 1; }
    natives+=("$line")
    log "$title $rows: $line"
  done

  if [ "$provider" = postgres ]; then
    # As autovacuum would soon after a bulk load: visibility map and statistics before measuring.
    "${psql_db[@]}" -c 'VACUUM (ANALYZE)' >/dev/null
  fi

  log "$title $rows: queries ($queries per class, $rounds rounds)"
  run_bench query "${cfg[@]}" "--Bench:Queries=$queries" "--Bench:Rounds=$rounds" "--Bench:SearchBudget=$search_budget" \
    "--Bench:BareBudget=$bare_budget" "--Bench:Out=$work/query.txt" >"$work/query.log" 2>"$work/query.err" \
    || { cat "$work/query.err" >&2; return 1; }
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)

  local db_size
  if [ "$provider" = sqlite ]; then
    db_size=$(du -cm "$work/sqlite-$rows.db"* | tail -n1 | cut -f1)
  else
    db_size=$("${psql_db[@]}" -c "SELECT pg_database_size(current_database()) / 1048576")
  fi

  {
    echo "# $title — $rows synthetic innovations"
    echo
    echo "- $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit; $machine; load average before/after: $load_before / $load_after"
    echo "- Database after the run: ${db_size} MB$([ "$provider" = postgres ] && echo ' (throwaway server from scripts/pg.sh: fsync off, shared_buffers 256MB, maintenance_work_mem $pg_maintenance_mem; VACUUM ANALYZE before the queries)')"
    echo "- Schema and reference data (\`migrate\`): ${migrate_s} s"
    echo "- Load (\`synthetic $rows\`, index left to rebuild-search): ${load_s} s incl. process start — ${load_line:-?}"
    echo "- Index (\`rebuild-search\`): $rebuild_line"
    for line in "${natives[@]}"; do echo "- Engine's own bulk build: $line"; done
    [ ${#natives[@]} -gt 0 ] || echo "- Engine's own bulk build: not measured in this run (BENCH_NATIVE_SKIP=1)"
    echo
    cat "$work/query.txt"
    echo
    # Machine lines for the summary.
    echo "$rebuild_line" | awk '{ for (i = 1; i <= NF; i++) { if ($i == "in") s = $(i + 1); if ($i == "rebuilt:") n = $(i + 1); if ($i ~ /^\(/) r = substr($i, 2) } printf "BUILD rows=%s seconds=%s rate=%s\n", n, s, r }'
    for line in "${natives[@]}"; do echo "$line"; done
    if [ "$provider" = postgres ] && [ ${#natives[@]} -gt 0 ]; then
      # The fastest bulk path measured is the one to beat.
      judged=$(printf '%s\n' "${natives[@]}" | awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] } if (best == "" || f["seconds"] + 0 < min) { min = f["seconds"] + 0; best = f["variant"] } } END { print best }')
    fi
    echo "JUDGE native=$judged"
  } >"$tmp"
  cp "$tmp" "$results"
  log "$title $rows: written to ${results#"$root/"}"
  if [ "$provider" = postgres ]; then stop_pg; else rm -f "$work/sqlite-$rows.db"*; fi
}

for rows in "${sizes[@]}"; do
  for p in "${providers[@]}"; do
    bench_one "$p" "$rows"
  done
done
summarise && exit 0 || exit 3
