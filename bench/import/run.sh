#!/usr/bin/env bash
# Import benchmark: bench/import/run.sh [sqlite|postgres|all|summary] [ROWS]   (defaults: all 100000)
# Once: 2×ROWS synthetic innovations (the app's `synthetic`, on SQLite, no index) written out by export-csv.py as
# two CSV files in the exchange format, A (the first ROWS) and B (the next ROWS), 1-5 KB a row. Per provider: the
# engine's own bulk load of A (SQLite: .import or executemany + FTS5 'rebuild'; PostgreSQL: \copy into a table
# with a generated tsvector column + a GIN index), timed; a fresh database (`migrate`), then `import A` timed with
# its peak memory, then `import A` again (must change nothing); then the portal on that database: search p50/p95
# over a fixed list of queries on /cari while idle, then while `import B` runs. Writes
# bench/import/results-<provider>-<ROWS>.txt and, from every results file present, bench/import/results-summary.md.
# Knobs (environment): BENCH_REQUESTS (idle search requests, 300), BENCH_DURING_MAX (cap on requests during the
# import, 20000), BENCH_MIN_DURING (fewest requests during the import for a verdict, 20), BENCH_SQLITE_LOADER
# (cli|python; cli when the sqlite3 shell is installed), BENCH_WEB_DIR (an already built Release Jippnas.Web
# folder: no build), BENCH_WEB_PORT (55481), BENCH_PG_PORT (55497), BENCH_PG_MAINTENANCE_MEM (512MB),
# BENCH_STEP_TIMEOUT (s per step, 3600), BENCH_KEEP (1 = keep the temp folder: files, logs, progress stamps).
# Exit status: 0 all targets met, 3 a target missed, anything else the run itself failed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
mode=${1:-all}
rows=${2:-100000}
requests=${BENCH_REQUESTS:-300}
during_max=${BENCH_DURING_MAX:-20000}
min_during=${BENCH_MIN_DURING:-20}
web_port=${BENCH_WEB_PORT:-55481}
pg_port=${BENCH_PG_PORT:-55497}
step_timeout=${BENCH_STEP_TIMEOUT:-3600}
pg_maintenance_mem=${BENCH_PG_MAINTENANCE_MEM:-512MB}
web_dir=${BENCH_WEB_DIR:-}
sqlite_loader=${BENCH_SQLITE_LOADER:-}
keep=${BENCH_KEEP:-0}
if [ -z "$sqlite_loader" ]; then
  if command -v sqlite3 >/dev/null; then sqlite_loader=cli; else sqlite_loader=python; fi
fi

case "$mode" in
  sqlite) providers=(sqlite) ;;
  postgres | postgresql) providers=(postgres) ;;
  all) providers=(sqlite postgres) ;;
  summary) providers=() ;;
  -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
  *) echo "usage: $0 [sqlite|postgres|all|summary] [rows, e.g. 100000]" >&2; exit 2 ;;
esac
for n in "$rows" "$requests" "$during_max" "$min_during" "$web_port" "$pg_port" "$step_timeout"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "import bench: '$n' is not a whole number" >&2; exit 2; }
done
# An import file holds at most 200,000 data rows (docs/exchange-format.md).
if [ "$rows" -lt 1 ] || [ "$rows" -gt 200000 ]; then echo "import bench: ROWS must be 1 to 200000" >&2; exit 2; fi
case "$sqlite_loader" in cli | python) ;; *) echo "import bench: BENCH_SQLITE_LOADER is cli or python" >&2; exit 2 ;; esac

# Thirty Indonesian searches as people type them: topics of the synthetic data, a few phrases, acronyms and one
# misspelling. Fixed, so that every run asks the same.
queries=(
  "stunting" "akta kelahiran" "posyandu" "izin usaha" "sampah plastik" "KTP elektronik" "pengaduan masyarakat"
  "kemiskinan ekstrem" "UMKM" "pajak daerah" "imunisasi" "anak putus sekolah" "air bersih" "puskesmas"
  "penyandang disabilitas" "dana desa" "lansia" "petani" "desa digital" "perlindungan anak" "pelatihan kerja"
  "literasi" "banjir" "bank sampah" "bantuan sosial tepat sasaran" "angkutan umum" "jamban sehat"
  "keluarga berencana" "sertifikat tanah" "tuberkulosis"
)

work=""
pg_dir=""
portal_pid=""
import_pid=""
step_pid=""
log() { printf '\033[2m[import bench %s]\033[0m %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now_ns() { date +%s%N; }
seconds_since() { awk -v a="$1" -v b="$(now_ns)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" $1"; }

# Stops a process this script started: `timeout` (its own process group leader, which passes the signal on to
# the command) or the command itself; the whole group if it has not gone after 15 s.
stop_process() {
  local pid=$1 i
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 75; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; fi
  wait "$pid" 2>/dev/null || true
}
stop_pg() {
  [ -n "$pg_dir" ] || return 0
  "$root/scripts/pg.sh" stop "$pg_dir" || true
  pg_dir=""
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_process "$portal_pid"
  stop_process "$import_pid"
  stop_process "$step_pid"
  stop_pg
  if [ -n "$work" ] && [ "$keep" = 1 ]; then log "kept $work (BENCH_KEEP=1)"; elif [ -n "$work" ]; then rm -rf "$work"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT
trap 'exit 143' TERM

# --- summary: from every results file present ------------------------------------------------------------
# results-<provider>-<N>.txt carry machine lines: SOURCE, NATIVE, MIGRATE, IMPORT (pass=first|again|during), SEARCH.
summarise() {
  local out="$here/results-summary.md" fails=0 f provider n title
  local native first again during idle busy saving ns fs fr ratio ok peak pi pd st
  {
    echo "# Import benchmark — targets"
    echo
    echo "Written $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/import/run.sh\` from the results files beside it (details there)."
    echo "Import times are the whole \`import\` command (process start included; a dry run or a file with an error adds a checking pass), as the earlier hand"
    echo "measurement in README.md took them; the engine's bulk load is its load plus its full-text index build."
    for provider in sqlite postgres; do
      mapfile -t files < <(ls "$here"/results-"$provider"-*.txt 2>/dev/null | awk -F- '{ print $NF "\t" $0 }' | sort -n | cut -f2)
      [ ${#files[@]} -gt 0 ] || continue
      title=$([ "$provider" = sqlite ] && echo SQLite || echo PostgreSQL)
      for f in "${files[@]}"; do
        n=$(basename "$f" .txt); n=${n##*-}
        native=$(grep -m1 '^NATIVE ' "$f" || true)
        first=$(grep -m1 '^IMPORT pass=first ' "$f" || true)
        again=$(grep -m1 '^IMPORT pass=again ' "$f" || true)
        during=$(grep -m1 '^IMPORT pass=during ' "$f" || true)
        idle=$(grep -m1 '^SEARCH phase=idle ' "$f" || true)
        busy=$(grep -m1 '^SEARCH phase=during ' "$f" || true)
        saving=$(grep -m1 '^SEARCH phase=during-save ' "$f" || true)
        [ -n "$first" ] || continue
        echo
        echo "## $title — $n rows"
        echo
        grep -m1 '^- Run:' "$f" | sed 's/^- Run: //' || true
        echo
        echo "| Target | Measured | Result |"
        echo "|---|---|---|"
        fs=$(field "$first" seconds); fr=$(field "$first" rate)
        st=$(field "$(grep -m1 '^STARTUP ' "$f" || true)" seconds)
        if [ "$provider" = sqlite ]; then
          ok=$(awk -v r="$fr" 'BEGIN { print (r >= 5000 ? "PASS" : "FAIL") }')
          [ "$ok" = PASS ] || fails=$((fails + 1))
          echo "| Import ≥ 5,000 rows/s | $fr rows/s ($n rows in $fs s, of which ${st:-?} s the fixed cost of the command) | $ok |"
        else
          echo "| Import rows/s (target is SQLite's) | $fr rows/s ($n rows in $fs s, of which ${st:-?} s the fixed cost of the command) | (for comparison) |"
        fi
        if [ -n "$native" ]; then
          ns=$(field "$native" seconds)
          ratio=$(awk -v a="$fs" -v b="$ns" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
          ok=$(awk -v a="$fs" -v b="$ns" 'BEGIN { print (a <= 2 * b ? "PASS" : "FAIL") }')
          [ "$ok" = PASS ] || fails=$((fails + 1))
          echo "| Import ≤ 2× the engine's bulk load | $fs s vs $ns s ($(field "$native" loader): load $(field "$native" load_seconds) s + index $(field "$native" index_seconds) s) = ${ratio}× | $ok |"
        else
          fails=$((fails + 1))
          echo "| Import ≤ 2× the engine's bulk load | not measured | FAIL |"
        fi
        peak=$(grep '^IMPORT ' "$f" | sed -n 's/.* peak_kb=\([0-9]*\).*/\1/p' | sort -n | tail -n1)
        ok=$(awk -v k="${peak:-0}" 'BEGIN { print ((k > 0 && k / 1024 < 500) ? "PASS" : "FAIL") }')
        [ "$ok" = PASS ] || fails=$((fails + 1))
        echo "| Peak memory < 500 MB | $(awk -v k="${peak:-0}" 'BEGIN { printf "%.0f", k / 1024 }') MB, the largest of the imports (first $(awk -v k="$(field "$first" peak_kb)" 'BEGIN { printf "%.0f", k / 1024 }'), again $(awk -v k="$(field "$again" peak_kb)" 'BEGIN { printf "%.0f", k / 1024 }'), during searches $(awk -v k="$(field "$during" peak_kb)" 'BEGIN { printf "%.0f", k / 1024 }')) | $ok |"
        pi=$(field "$idle" p95_ms); pd=$(field "$busy" p95_ms)
        if [ -z "$busy" ] || [ "$(field "$busy" ok)" -lt "$min_during" ] || [ "$pi" = - ] || [ "$pd" = - ]; then
          ok="FAIL (too few requests during the import for a verdict)"
          ratio="–"
        else
          ratio=$(awk -v a="$pd" -v b="$pi" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
          ok=$(awk -v a="$pd" -v b="$pi" 'BEGIN { print (a <= 2 * b ? "PASS" : "FAIL") }')
        fi
        [ "$ok" = PASS ] || fails=$((fails + 1))
        echo "| Search p95 during an import ≤ 2× idle | ${pd:-–} ms vs ${pi:-–} ms idle = ${ratio}× ($(field "$busy" ok) requests during, $(field "$idle" ok) idle; p50 $(field "$busy" p50_ms) vs $(field "$idle" p50_ms) ms; saving pass alone: p95 $(field "$saving" p95_ms) ms over $(field "$saving" ok)) | $ok |"
        if [ "$(field "$again" added)" = 0 ] && [ "$(field "$again" updated)" = 0 ] && [ "$(field "$again" unchanged)" = "$n" ]; then ok=PASS; else ok=FAIL; fails=$((fails + 1)); fi
        echo "| The same file again changes nothing | $(field "$again" added) added, $(field "$again" updated) updated, $(field "$again" unchanged) unchanged in $(field "$again" seconds) s | $ok |"
        if [ -n "$(field "$busy" errors)" ] && [ "$(field "$busy" errors)$(field "$idle" errors)" != 00 ]; then
          echo
          echo "Search requests that did not answer 200: $(field "$idle" errors) idle, $(field "$busy" errors) during the import (left out of the percentiles)."
        fi
      done
    done
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

for tool in dotnet python3 curl awk timeout; do
  command -v "$tool" >/dev/null || { echo "import bench: '$tool' not found" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "import bench: /usr/bin/time not found (apt-get install time)" >&2; exit 1; }
if [[ " ${providers[*]} " == *" postgres "* ]]; then
  command -v psql >/dev/null || { echo "import bench: 'psql' not found" >&2; exit 1; }
fi
if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$web_port/"; then
  echo "import bench: something already answers on 127.0.0.1:$web_port (set BENCH_WEB_PORT)" >&2
  exit 1
fi

work=$(mktemp -d /tmp/jippnas-import-bench.XXXXXX)

# --- build once, outside src/ ------------------------------------------------------------------------------
if [ -z "$web_dir" ]; then
  log "building src/Jippnas.Web (Release) into $work/artifacts"
  if ! timeout "$step_timeout" dotnet build "$root/src/Jippnas.Web/Jippnas.Web.csproj" -c Release --artifacts-path "$work/artifacts" -nologo -v quiet >"$work/build.log" 2>&1; then
    cat "$work/build.log" >&2
    echo "import bench: build failed" >&2
    exit 1
  fi
  web_dir="$work/artifacts/bin/Jippnas.Web/release"
fi
[ -f "$web_dir/Jippnas.Web.dll" ] || { echo "import bench: no Jippnas.Web.dll in $web_dir" >&2; exit 1; }

# The app in the background, bounded by the step timeout (`timeout` leads its own process group); sets last_pid.
start_app() {
  local out=$1; shift
  (cd "$web_dir" && exec env DOTNET_ENVIRONMENT=Production timeout "$step_timeout" dotnet Jippnas.Web.dll "$@") >"$out" 2>&1 &
  last_pid=$!
}
# One step of the app, waited for here (so that an interrupt stops it at once, through cleanup).
run_app() {
  local out=$1 rc=0; shift
  start_app "$out" "$@"
  step_pid=$last_pid
  wait "$step_pid" || rc=$?
  step_pid=""
  return "$rc"
}

# The import's progress comes on standard error as "\rChecked N rows" / "\rSaved N rows": each piece stamped
# with the time it arrived, so the checking pass and the saving pass can be told apart; END when it closes.
stamp() {
  local chunk
  while IFS= read -r -d $'\r' chunk || [ -n "$chunk" ]; do printf '%s %s\n' "$EPOCHREALTIME" "${chunk//$'\n'/ }"; done
  printf '%s END\n' "$EPOCHREALTIME"
  : >"$1"
}
# `import FILE --source JIPPNAS` in the background under /usr/bin/time (elapsed s, peak RSS KB); sets import_pid.
# --no-duplicates: the search for likely duplicates that follows an import is its own step (minutes for 100,000
# rows, one indexed search per innovation), not part of what the engines' bulk loads are compared with.
start_import() {
  local label=$1 file=$2
  shift 2
  rm -f "$work/$label".{out,stamps,time,done}
  printf '%s\n' "$EPOCHREALTIME" >"$work/$label.start"
  (cd "$web_dir" && exec env DOTNET_ENVIRONMENT=Production timeout "$step_timeout" /usr/bin/time -o "$work/$label.time" -f '%e %M' \
    dotnet Jippnas.Web.dll import "$file" --source JIPPNAS --no-duplicates "$@" "${cfg[@]}") >"$work/$label.out" 2> >(stamp "$work/$label.done" >"$work/$label.stamps") &
  import_pid=$!
}
# Waits for the import started last; sets import_line: IMPORT pass=LABEL rows=… seconds=… rate=… peak_kb=… …
finish_import() {
  local label=$1 expected=$2 rc=0 i times seconds peak start checked end summary
  wait "$import_pid" || rc=$?
  import_pid=""
  for ((i = 0; i < 50; i++)); do [ -e "$work/$label.done" ] && break; sleep 0.1; done
  summary=$(grep -m1 -E '^(Imported|Checked, nothing saved):' "$work/$label.out" || true)
  if [ "$rc" != 0 ] || [ -z "$summary" ]; then
    tail -n 40 "$work/$label.out" >&2
    tr '\r' '\n' <"$work/$label.stamps" | grep -v '^[0-9.]* \(Checked\|Saved\)' | tail -n 40 >&2 || true
    echo "import bench: import ($label) failed with status $rc" >&2
    return 1
  fi
  times=$(tail -n1 "$work/$label.time")
  seconds=${times% *}; peak=${times#* }
  start=$(cat "$work/$label.start")
  # The end of the checking pass: the first line with its final count ("Checked 2,000 rows"). Not simply the last
  # "Checked" line: in a real import that one can come a second or two late, after the saving pass has begun.
  checked=$(awk 'match($0, /Checked [0-9,]+ rows/) { n = substr($0, RSTART + 8, RLENGTH - 13); gsub(/,/, "", n); if (n + 0 > max) { max = n + 0; t = $1 } } END { print t }' "$work/$label.stamps")
  # An import reads a valid file once, checking each row as it saves it: no "Checked" lines. Its saving pass begins
  # where the first rows are saved; "check_seconds" is then what came before (process start, schema, reference data).
  [ -n "$checked" ] || checked=$(grep -m1 -E '^[0-9.]+ Saved ' "$work/$label.stamps" | cut -d' ' -f1)
  end=$(grep ' END$' "$work/$label.stamps" | tail -n1 | cut -d' ' -f1)
  # "Imported: 2000 added, 0 updated, 0 unchanged." or "Checked, nothing saved: 1 would be added, 0 updated, 0 unchanged."
  import_checked=${checked:-0}
  import_line=$(awk -v label="$label" -v rows="$expected" -v s="$seconds" -v kb="$peak" -v t0="$start" -v tc="${checked:-0}" -v te="${end:-0}" -v line="$summary" 'BEGIN {
    n = split(line, w, /[ ,.:]+/); for (i = 1; i <= n; i++) { if (w[i] ~ /^[0-9]+$/) k = w[i]; if (w[i] == "added") a = k; if (w[i] == "updated") u = k; if (w[i] == "unchanged") c = k }
    printf "IMPORT pass=%s rows=%s seconds=%.1f rate=%.0f peak_kb=%s check_seconds=%.1f save_seconds=%.1f added=%s updated=%s unchanged=%s\n",
      label, rows, s, rows / (s > 0 ? s : 0.001), kb, (tc > 0 ? tc - t0 : 0), (tc > 0 && te > 0 ? te - tc : 0), a, u, c }')
}

# --- the portal and its searches ----------------------------------------------------------------------------
start_portal() {
  local name=$1 i
  start_app "$work/portal-$name.log" --urls "http://127.0.0.1:$web_port" "${cfg[@]}"
  portal_pid=$last_pid
  for ((i = 0; i < 240; i++)); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$web_port/health/ready" || true)" = 200 ]; then return 0; fi
    kill -0 "$portal_pid" 2>/dev/null || break
    sleep 0.5
  done
  tail -n 40 "$work/portal-$name.log" >&2
  echo "import bench: the portal did not get ready on 127.0.0.1:$web_port" >&2
  return 1
}
search_url() { printf 'http://127.0.0.1:%s/cari?q=%s' "$web_port" "${1// /+}"; }
# One search, one line: the time it started (epoch s), the HTTP status, the total time in seconds.
fire() {
  local start out
  start=$EPOCHREALTIME
  out=$(curl -s -o /dev/null --max-time 60 -w '%{http_code} %{time_total}' "$(search_url "$1")") || true
  printf '%s %s\n' "$start" "${out:-000 0}"
}
# SEARCH phase=… from a file of fire lines (requests started at or after FROM only).
search_line() {
  local phase=$1 file=$2 from=${3:-0}
  awk -v from="$from" '$1 >= from { if ($2 == 200) print $3 * 1000; else print "error" }' "$file" | sort -n |
    awk -v phase="$phase" '
      $1 == "error" { errors++; next }
      { v[++n] = $1 }
      function pct(p,  i) { if (n == 0) return "-"; i = int(p * n); if (i < p * n) i++; if (i < 1) i = 1; return sprintf("%.1f", v[i]) }
      END { printf "SEARCH phase=%s ok=%d errors=%d p50_ms=%s p95_ms=%s max_ms=%s\n", phase, n, errors + 0, pct(0.5), pct(0.95), (n ? sprintf("%.1f", v[n]) : "-") }'
}

commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$root" status --porcelain -- src bench/import 2>/dev/null)" ]; then commit="$commit + uncommitted changes"; fi
cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1)
machine="$(nproc) cores${cpu:+, $cpu}, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"

# --- the source files, once for every provider ------------------------------------------------------------
total=$((2 * rows))
log "source: $total synthetic innovations (SQLite, no index), then two CSV files of $rows rows"
t0=$(now_ns)
run_app "$work/synthetic.log" synthetic "$total" "--ConnectionStrings:Jippnas=Data Source=$work/source.db" --Jippnas:Synthetic:Index=false \
  || { tail -n 40 "$work/synthetic.log" >&2; exit 1; }
synthetic_s=$(seconds_since "$t0")
export_csv() {
  local out=$1; shift
  timeout "$step_timeout" python3 "$here/export-csv.py" "$work/source.db" "$out" KIPP --synthetic-only "$@" 2>"$work/export.log" \
    || { cat "$work/export.log" >&2; return 1; }
}
export_a=$(export_csv "$work/a.csv" --limit "$rows")
export_csv "$work/b.csv" --skip "$rows" --limit "$rows" >/dev/null
# One row, for the fixed cost of an import command (process start, schema check, reference data): a dry run.
export_csv "$work/one.csv" --limit 1 >/dev/null
rm -f "$work/source.db"*
[ "$(field "$export_a" rows)" = "$rows" ] || { echo "import bench: file A has $(field "$export_a" rows) rows, not $rows" >&2; exit 1; }
log "source: ${synthetic_s} s; $export_a"

bench_one() {
  local provider=$1 title db_cs psql_db=() psql_admin=() t0
  local results="$here/results-$provider-$rows.txt" tmp="$work/results-$provider-$rows.txt"
  cfg=()
  case "$provider" in
    sqlite)
      title=SQLite
      rm -f "$work/sqlite.db"*
      cfg=("--ConnectionStrings:Jippnas=Data Source=$work/sqlite.db")
      ;;
    postgres)
      title=PostgreSQL
      pg_dir=$(mktemp -d /tmp/jippnas-import-bench-pg.XXXXXX)
      log "$title: starting a throwaway PostgreSQL on 127.0.0.1:$pg_port"
      db_cs=$(timeout 120 "$root/scripts/pg.sh" start "$pg_dir" "$pg_port")
      psql_admin=(timeout "$step_timeout" psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)
      "${psql_admin[@]}" -c 'CREATE DATABASE jippnas_import_bench' -c 'CREATE DATABASE jippnas_import_native' >/dev/null
      # Index builds sort in memory up to maintenance_work_mem (default 64MB), as in bench/search/run.sh.
      "${psql_admin[@]}" -c "ALTER SYSTEM SET maintenance_work_mem = '$pg_maintenance_mem'" -c 'SELECT pg_reload_conf()' >/dev/null
      psql_db=(timeout "$step_timeout" psql -h 127.0.0.1 -p "$pg_port" -U postgres -d jippnas_import_bench -v ON_ERROR_STOP=1 -qAt)
      cfg=("--Database:Provider=PostgreSql" "--ConnectionStrings:Jippnas=$db_cs;Database=jippnas_import_bench")
      ;;
  esac
  local load_before load_after migrate_s startup native first again during idle busy saving hits=0 q total_hits checked count=0 db_size

  # 1. The engine's own bulk load of file A.
  log "$title $rows: the engine's own bulk load"
  if [ "$provider" = sqlite ]; then
    native=$(timeout "$step_timeout" python3 "$here/native-sqlite.py" "$work/native.db" "$work/a.csv" --loader "$sqlite_loader")
    rm -f "$work/native.db"*
  else
    local psql_native=(timeout "$step_timeout" psql -h 127.0.0.1 -p "$pg_port" -U postgres -d jippnas_import_native -v ON_ERROR_STOP=1 -qAt)
    local columns="source, source_id, name, acronym, agency, province, regency_city, year, sector, summary, problem, aims, novelty, implementation, impact, adaptability, resources, sustainability"
    local document="coalesce(name, '') || ' ' || coalesce(acronym, '')"
    for q in summary problem aims novelty implementation impact adaptability resources sustainability; do document="$document || ' ' || coalesce($q, '')"; done
    "${psql_native[@]}" -c "CREATE TABLE bench_rows ($(sed 's/,/ text,/g' <<<"$columns") text,
      document tsvector GENERATED ALWAYS AS (to_tsvector('indonesian'::regconfig, $document)) STORED)" >/dev/null
    local t1 t2 t3 load_s index_s native_rows native_mb
    t1=$(now_ns)
    "${psql_native[@]}" -c "\\copy bench_rows ($columns) FROM '$work/a.csv' WITH (FORMAT csv, HEADER true)" >/dev/null
    t2=$(now_ns)
    "${psql_native[@]}" -c 'CREATE INDEX bench_rows_document ON bench_rows USING gin (document)' >/dev/null
    t3=$(now_ns)
    native_rows=$("${psql_native[@]}" -c 'SELECT count(*) FROM bench_rows')
    native_mb=$("${psql_native[@]}" -c 'SELECT pg_database_size(current_database()) / 1048576')
    native=$(awk -v a="$t1" -v b="$t2" -v c="$t3" -v n="$native_rows" -v mb="$native_mb" 'BEGIN {
      l = (b - a) / 1e9; x = (c - b) / 1e9
      printf "NATIVE engine=PostgreSQL loader=copy rows=%d load_seconds=%.2f index_seconds=%.2f seconds=%.2f rate=%.0f size_mb=%d\n", n, l, x, l + x, n / (l + x), mb }')
    "${psql_admin[@]}" -c 'DROP DATABASE jippnas_import_native' >/dev/null
  fi
  log "$title $rows: $native"

  # 2. The product's import: a fresh database, the file, the same file again.
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  log "$title $rows: migrate"
  t0=$(now_ns)
  run_app "$work/migrate.log" migrate "${cfg[@]}" || { tail -n 40 "$work/migrate.log" >&2; return 1; }
  migrate_s=$(seconds_since "$t0")
  start_import startup "$work/one.csv" --dry-run
  finish_import startup 1
  startup=$import_line
  log "$title $rows: the fixed cost of an import command (a one-row dry run): $(field "$startup" seconds) s"
  log "$title $rows: import A"
  start_import first "$work/a.csv"
  finish_import first "$rows"
  first=$import_line
  log "$title $rows: $first"
  log "$title $rows: import A again"
  start_import again "$work/a.csv"
  finish_import again "$rows"
  again=$import_line
  log "$title $rows: $again"
  if [ "$provider" = postgres ]; then
    # As autovacuum would soon after a bulk load: visibility map and statistics before the searches.
    "${psql_db[@]}" -c 'VACUUM (ANALYZE)' >/dev/null
  fi

  # 3. Searches on the portal: idle, then while file B is imported.
  log "$title $rows: portal on 127.0.0.1:$web_port"
  start_portal "$provider"
  for q in "${queries[@]}"; do
    fire "$q" >/dev/null
    total_hits=$(curl -s --max-time 60 "http://127.0.0.1:$web_port/api/v1/search?q=${q// /+}" | python3 -c 'import json, sys
try: print(json.load(sys.stdin).get("total", 0))
except Exception: print(0)')
    if [ "${total_hits:-0}" -gt 0 ]; then hits=$((hits + 1)); fi
  done
  log "$title $rows: $hits of ${#queries[@]} queries find something; $requests searches idle"
  : >"$work/idle.txt"
  for ((count = 0; count < requests; count++)); do fire "${queries[count % ${#queries[@]}]}" >>"$work/idle.txt"; done
  idle=$(search_line idle "$work/idle.txt")
  log "$title $rows: $idle"
  log "$title $rows: import B (another $rows rows) with searches running"
  : >"$work/during.txt"
  start_import during "$work/b.csv"
  count=0
  while [ ! -e "$work/during.done" ] && [ "$count" -lt "$during_max" ]; do
    fire "${queries[count % ${#queries[@]}]}" >>"$work/during.txt"
    count=$((count + 1))
  done
  finish_import during "$rows"
  during=$import_line
  checked=$import_checked
  busy=$(search_line during "$work/during.txt")
  saving=$(search_line during-save "$work/during.txt" "$checked")
  [ "$checked" != 0 ] || saving="SEARCH phase=during-save ok=0 errors=0 p50_ms=- p95_ms=- max_ms=-"
  log "$title $rows: $during"
  log "$title $rows: $busy"
  log "$title $rows: $saving"
  stop_process "$portal_pid"
  portal_pid=""
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)

  if [ "$provider" = sqlite ]; then
    db_size=$(du -cm "$work/sqlite.db"* | tail -n1 | cut -f1)
  else
    db_size=$("${psql_db[@]}" -c "SELECT pg_database_size(current_database()) / 1048576")
  fi

  {
    echo "# $title — import of $rows rows"
    echo
    echo "- Run: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit; $machine; load average before/after: $load_before / $load_after"
    echo "- Files: two CSV files in the exchange format from \`synthetic $total\` (${synthetic_s} s) by export-csv.py; A = the first $rows, B = the next $rows; A: $(awk -v b="$(field "$export_a" bytes)" 'BEGIN { printf "%.1f MB", b / 1048576 }'), rows of $(field "$export_a" min_row_bytes)–$(field "$export_a" max_row_bytes) bytes (mean $(field "$export_a" avg_row_bytes))"
    if [ "$provider" = sqlite ]; then
      echo "- Engine's own bulk load of A (native-sqlite.py, loader $sqlite_loader): the rows into a plain table in one transaction, then an external-content FTS5 table (unicode61) on name, acronym and the nine narrative columns built by 'rebuild'"
    else
      echo "- Engine's own bulk load of A: \\copy into a table with a stored generated tsvector column (to_tsvector('indonesian', name, acronym and the nine narrative columns)), then a GIN index on it. Throwaway server from scripts/pg.sh: fsync off, shared_buffers 256MB, maintenance_work_mem $pg_maintenance_mem"
    fi
    echo "- Product: \`migrate\` on a fresh database ${migrate_s} s; a one-row \`import --dry-run\` (the fixed cost of the command: process start, schema check, reference data) $(field "$startup" seconds) s; then \`import A --source JIPPNAS\`, \`import A\` again, and \`import B\` while the portal answered searches; each timed by /usr/bin/time (process start included), checking and saving passes from the progress it prints$([ "$provider" = postgres ] && echo '; VACUUM ANALYZE after the second import')"
    echo "- Searches: ${#queries[@]} fixed queries on /cari (each once to warm up; $hits of them find something), one at a time with curl; idle: $requests requests; during: from the start of \`import B\` until it ended"
    echo "- Database after the run: ${db_size} MB"
    echo
    echo "$native"
    echo "MIGRATE seconds=$migrate_s"
    echo "STARTUP seconds=$(field "$startup" seconds) peak_kb=$(field "$startup" peak_kb)"
    echo "$first"
    echo "$again"
    echo "$during"
    echo "$idle"
    echo "$busy"
    echo "$saving"
    echo "SOURCE rows=$rows synthetic_seconds=$synthetic_s ${export_a#EXPORT rows="$rows" }"
  } >"$tmp"
  cp "$tmp" "$results"
  log "$title $rows: written to ${results#"$root/"}"
  if [ "$provider" = postgres ]; then stop_pg; else rm -f "$work/sqlite.db"*; fi
}

for p in "${providers[@]}"; do
  bench_one "$p"
done
summarise && exit 0 || exit 3
