#!/usr/bin/env bash
# Production frontend benchmark: Paved beside a stock `@backstage/create-app` 1.55 app, in the same
# run. Issue 6, benchmark 3 (and the backend's memory around it). Prints figures; not a test.
#
#   bench/frontend/run.sh            (or: make bench WHICH=frontend)
#
# For each app (FRONTEND_BENCH_APPS, default "stock paved"), one at a time:
#   1. `yarn build:backend` (which builds the frontend the backend serves) and the bundle unpacked
#      as the Dockerfile would (bench/lib.sh build_bundle); initial JavaScript = the gzip (level 9)
#      size of the <script src> files the built index.html loads (bench/foundation/initial-js.mjs);
#   2. the built backend (NODE_ENV=production, run from the bundle) on fresh PostgreSQL databases
#      with FRONTEND_BENCH_ENTITIES (1000) generated entities (bench/catalog/generate.mjs), until
#      every one is stitched;
#   3. headless Chromium against the backend's own URL, FRONTEND_BENCH_RUNS (9) times in a new
#      browser context: "cold" = open the app with an empty cache, sign in as guest, open the
#      catalog of all components, until the first row shows; "warm" = the catalog page loaded again
#      in the same context (bench/foundation/browse.mjs load); medians printed;
#   4. backend RSS before and after the browser runs.
# JSON goes to bench/results/frontend-<UTC time>.json (git-ignored); logs, configs, screenshots to
# /tmp/paved-bench/frontend-run-<time>/. Ports: stock 7511, Paved 7512. Databases
# paved_bench_fe_<app>_* on FRONTEND_BENCH_POSTGRES_URL, dropped before and after.
source "$(dirname "$0")/../../scripts/env.sh"
source "$(dirname "$0")/../lib.sh"
set -euo pipefail

BENCH_DIR="${PAVED_BENCH_DIR:-/tmp/paved-bench}"
RUN_ID="$(date -u +%Y%m%dT%H%M%SZ)"
RUN_DIR="$BENCH_DIR/frontend-run-$RUN_ID"
RESULTS_DIR="$PAVED_ROOT/bench/results"
APPS="${FRONTEND_BENCH_APPS:-stock paved}"
ENTITIES="${FRONTEND_BENCH_ENTITIES:-1000}"
RUNS="${FRONTEND_BENCH_RUNS:-9}"
PG_URL="${FRONTEND_BENCH_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432}"
STOCK_DIR="${FRONTEND_BENCH_STOCK_DIR:-$BENCH_DIR/stock}"
declare -A APP_DIR=([stock]="$STOCK_DIR" [paved]="${FRONTEND_BENCH_PAVED_DIR:-$PAVED_ROOT}")
declare -A PORT=([stock]=7511 [paved]=7512)
# The stock app mounts the catalog at "/" (its app-config.yaml); Paved at /catalog.
declare -A CATALOG_PATH=([stock]=/ [paved]=/catalog)
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
PLAYWRIGHT_CORE_PATH="$(node -p "require.resolve('playwright-core', { paths: ['$PAVED_ROOT'] })")"
export PLAYWRIGHT_CORE_PATH

mkdir -p "$RUN_DIR" "$RESULTS_DIR"
RESULTS="$RUN_DIR/results.jsonl"
: > "$RESULTS"
record() { node -e 'console.log(JSON.stringify({ app: process.argv[1], key: process.argv[2], value: process.argv[3] }))' "$@" >> "$RESULTS"; }

[ -x "$CHROMIUM_PATH" ] || { log "no Chromium at $CHROMIUM_PATH (apt-get install -y chromium)"; exit 1; }
ports=()
for app in $APPS; do ports+=("${PORT[$app]}"); done
ports_free "${ports[@]}" || exit 1
if [[ " $APPS " == *" stock "* ]]; then prepare_stock "$STOCK_DIR" 0.9.2 "$RUN_DIR"; fi
# shellcheck disable=SC2317 # run by the EXIT trap: shellcheck 0.9 calls a trap's function
# unreachable when the script ends with `exit` (koalaman/shellcheck#2542)
cleanup() {
  stop_app
  for app in $APPS; do drop_databases "$PG_URL" "paved_bench_fe_${app}_" || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

info="$(node "$PAVED_ROOT/bench/catalog/generate.mjs" "$ENTITIES" "$RUN_DIR/entities")"
files="$(node -p 'JSON.stringify(JSON.parse(process.argv[1]).files)' "$info")"

bench_app() {
  local app="$1" dir="${APP_DIR[$1]}" port="${PORT[$1]}" bundle="$RUN_DIR/$1-bundle"
  local override="$RUN_DIR/$1.yaml" log_file="$RUN_DIR/$1-backend.log" deadline pid row result
  build_bundle "$app" "$dir" "$bundle" "$RUN_DIR" || return 1
  record "$app" commit "$(git -C "$dir" rev-parse --short HEAD 2>/dev/null || echo none)"
  record "$app" initialJs "$(node "$PAVED_ROOT/bench/foundation/initial-js.mjs" "$bundle/packages/app/dist")"
  write_bench_override "$override" "$app" "$port" "$PG_URL" "paved_bench_fe_${app}_" "$files" built
  drop_databases "$PG_URL" "paved_bench_fe_${app}_"
  log "$app: starting the built backend on :$port"
  NODE_ENV=production PAVED_DATA_DIR="$RUN_DIR/$app-data" start_group "$log_file" "$bundle" \
    node packages/backend --config "$dir/app-config.yaml" --config "$override"
  deadline=$(($(date +%s) + 1800))
  wait_ready "$port" "$log_file" "$deadline" || { log "$app: never ready; see $log_file"; tail -n 20 "$log_file"; stop_app; return 1; }
  pid="$(backend_pid "$port")"
  while :; do
    row="$(catalog_progress "$PG_URL" "paved_bench_fe_${app}_catalog" || true)"
    # shellcheck disable=SC2086
    set -- ${row:-0 1 1 0 0 0}
    [ "$1" -ge "$ENTITIES" ] && [ "$2" = 0 ] && [ "$3" = 0 ] && [ "$4" -ge "$ENTITIES" ] && break
    [ "$(date +%s)" -lt "$deadline" ] || { log "$app: ingestion did not finish ($row)"; stop_app; return 1; }
    sleep 2
  done
  # At rest, then during the browser runs: the backend's CPU time, since on two cores whatever
  # the backend does in the background (scheduled tasks) is taken from Chromium.
  local cpu_before
  cpu_before="$(cpu_s "$pid")"
  sleep 30
  record "$app" restCpuSecPer30s "$(cpu_s "$pid" "$cpu_before")"
  cpu_before="$(cpu_s "$pid")"
  record "$app" rssBeforeMb "$(status_mb "$pid" VmRSS)"
  record "$app" loadAvgBefore "$(loadavg)"
  log "$app: $ENTITIES entities in the catalog; $RUNS browser runs against http://localhost:$port"
  result="$(node "$PAVED_ROOT/bench/foundation/browse.mjs" load --base "http://localhost:$port" \
    --catalog "${CATALOG_PATH[$app]}" --runs "$RUNS" --shot "$RUN_DIR/$app-catalog.png" --profile "$RUN_DIR/$app-warm" --static-dir "$bundle/packages/app/dist/static" 2>> "$log_file")" || {
    log "$app: the catalog never showed data: $result"; stop_app; return 1; }
  record "$app" browser "$result"
  record "$app" browserRunsCpuSec "$(cpu_s "$pid" "$cpu_before")"
  record "$app" loadAvgAfter "$(loadavg)"
  record "$app" rssAfterMb "$(status_mb "$pid" VmRSS)"
  log "$app: $result"
  stop_app
  drop_databases "$PG_URL" "paved_bench_fe_${app}_"
}

record run startedAt "$(date -u +%FT%TZ)"
record run node "$(node -v)"
record run chromium "$("$CHROMIUM_PATH" --version 2>/dev/null | head -n 1)"
record run machine "$(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB, $(. /etc/os-release && echo "$PRETTY_NAME")"
record run entities "$ENTITIES"
failed=0
for app in $APPS; do bench_app "$app" || failed=1; done
node "$PAVED_ROOT/bench/frontend/report.mjs" "$RESULTS" "$RESULTS_DIR/frontend-$RUN_ID.json"
exit "$failed"
