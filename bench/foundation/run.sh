#!/usr/bin/env bash
# Foundation benchmark: Paved beside a stock `@backstage/create-app` 1.55 app, built on this machine
# in the same run. Issue 2, "Performance to report". A benchmark, not a test: it prints figures.
#
#   bench/foundation/run.sh [--fresh-stock] [--keep] [--skip-install] [--phases "install cold warm build"]
#
# For each app it measures
#   install     `yarn install --immutable` into an empty node_modules, yarn's global cache warm
#   cold start  caches removed (node_modules/.cache), deps installed, empty data folder: from
#               `yarn start` to the catalog showing components in headless Chromium after guest sign-in
#   warm start  the same again, caches and data left from the cold start
#   memory      RSS of the backend process (the one listening on the backend port) 60 s after it
#               reported ready, then again after a few pages were loaded
#   initial JS  `backstage-cli package build` of packages/app; gzip (level 9) sum of the <script src>
#               files dist/index.html loads
# and prints a table; the JSON goes to bench/results/foundation-<UTC time>.json (git-ignored).
#
# Paved is measured on a fresh clone of this repository's HEAD (committed state, so the run never
# touches the working tree or node_modules others use). The stock app is generated with
# create-app 0.9.2 outside the repo, with the registry pins from shared/ENVIRONMENT.md and Paved's
# root `resolutions`; a first, untimed install writes its yarn.lock and warms yarn's cache, so both
# timed installs start from the same warm cache. --fresh-stock regenerates it even when present.
#
# Ports: stock 3100/7107, Paved 3200/7207 (3000/7007 are left to the development portal).
# Work folder: $PAVED_BENCH_DIR (default /tmp/paved-bench); --keep leaves the Paved clone there.
# --skip-install reuses the installs a --keep run left (the install figure is then not measured);
# --phases runs only some of: install cold warm build (memory is read during the warm phase).
source "$(dirname "$0")/../../scripts/env.sh"
source "$(dirname "$0")/../lib.sh"
set -euo pipefail

CREATE_APP_VERSION=0.9.2
BENCH_DIR="${PAVED_BENCH_DIR:-/tmp/paved-bench}"
STOCK_DIR="$BENCH_DIR/stock"
PAVED_DIR="$BENCH_DIR/paved"
RUN_ID="$(date -u +%Y%m%dT%H%M%SZ)"
RUN_DIR="$BENCH_DIR/run-$RUN_ID"
RESULTS_DIR="$PAVED_ROOT/bench/results"
HERE="$PAVED_ROOT/bench/foundation"
METRICS="$RUN_DIR/metrics.tsv"
START_TIMEOUT_S="${BENCH_START_TIMEOUT_S:-900}"
START_ATTEMPTS="${BENCH_START_ATTEMPTS:-3}"
declare -A APP_PORT=([stock]=3100 [paved]=3200)
declare -A BACKEND_PORT=([stock]=7107 [paved]=7207)
declare -A APP_DIR=([stock]="$STOCK_DIR" [paved]="$PAVED_DIR")
# The stock app mounts the catalog at "/" (its app-config.yaml); Paved at /catalog.
declare -A CATALOG_PATH=([stock]=/ [paved]=/catalog)

keep=0
phases="install cold warm build"
while [ $# -gt 0 ]; do
  case "$1" in
    --fresh-stock) export BENCH_FRESH_STOCK=1 ;;
    --keep) keep=1 ;;
    --skip-install) phases="${phases/install/}"; keep=1 ;;
    --phases) phases="$2"; shift ;;
    -h | --help) sed -n '2,30p' "$0"; exit 0 ;;
    *) log "unknown option: $1"; exit 2 ;;
  esac
  shift
done
has_phase() { [[ " $phases " == *" $1 "* ]]; }

mkdir -p "$RUN_DIR" "$RESULTS_DIR"
: > "$METRICS"
# Every figure of an app is recorded with the load average (1, 5, 15 min) at the moment it was
# taken: the machine is shared, and a figure means little without it.
metric() {
  printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$METRICS"
  if [ "$1" != run ] && [ "$2" != commit ]; then
    printf '%s\t%s\t%s\n' "$1" "$2.loadAvg" "$(loadavg)" >> "$METRICS"
  fi
}
now_ms() { date +%s%3N; }
secs_since() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }

export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
PLAYWRIGHT_CORE_PATH="$(node -p "require.resolve('playwright-core', { paths: ['$PAVED_ROOT'] })")"
export PLAYWRIGHT_CORE_PATH

# ---------------------------------------------------------------------------------------------
# Every app runs in its own process group (bench/lib.sh: start_group, stop_app).
# shellcheck disable=SC2317 # run by the EXIT trap: shellcheck 0.9 calls a trap's function
# unreachable when the script ends with `exit` (koalaman/shellcheck#2542)
cleanup() {
  stop_app
  if [ "$keep" = 0 ]; then rm -rf "$PAVED_DIR"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ports_free "${APP_PORT[@]}" "${BACKEND_PORT[@]}" || exit 1
[ -x "$CHROMIUM_PATH" ] || { log "no Chromium at $CHROMIUM_PATH (apt-get install -y chromium)"; exit 1; }

# ---------------------------------------------------------------------------------------------
prepare_paved() {
  if ! has_phase install && [ -d "$PAVED_DIR/node_modules" ]; then
    log "paved: reusing the clone and install in $PAVED_DIR (no install phase)"
    metric paved commit "$(git -C "$PAVED_DIR" rev-parse --short HEAD)"
    return
  fi
  log "paved: cloning HEAD of $PAVED_ROOT into $PAVED_DIR"
  rm -rf "$PAVED_DIR"
  git clone --quiet "$PAVED_ROOT" "$PAVED_DIR"
  metric paved commit "$(git -C "$PAVED_DIR" rev-parse --short HEAD)"
}

remove_node_modules() {
  find "$1" -maxdepth 3 -name node_modules -type d -prune -exec rm -rf {} +
}

timed_install() {
  local app="$1" dir="${APP_DIR[$1]}" started
  log "$app: yarn install --immutable into an empty node_modules (cache warm)"
  remove_node_modules "$dir"
  started="$(now_ms)"
  if (cd "$dir" && yarn install --immutable) > "$RUN_DIR/$app-install.log" 2>&1; then
    metric "$app" installSec "$(secs_since "$started")"
  else
    log "$app: install failed; see $RUN_DIR/$app-install.log"; tail -n 30 "$RUN_DIR/$app-install.log"
    exit 1
  fi
}

write_override() {
  local app="$1" file="$RUN_DIR/$1-bench.yaml"
  cat > "$file" <<EOF
# Generated by bench/foundation/run.sh: moves the $app app off the development ports.
app:
  baseUrl: http://localhost:${APP_PORT[$app]}
backend:
  baseUrl: http://localhost:${BACKEND_PORT[$app]}
  listen:
    port: ${BACKEND_PORT[$app]}
  cors:
    origin: http://localhost:${APP_PORT[$app]}
EOF
  if [ "$app" = paved ]; then
    cat >> "$file" <<EOF
  reading:
    allow:
      - host: localhost:${BACKEND_PORT[$app]}
EOF
  fi
  echo "$file"
}

# Starts an app, waits for the catalog to show data; sets START_* globals. Returns 1 when the app
# died or never became usable (the caller retries), leaving it running on success.
START_BACKEND_S="" START_USABLE_S="" START_READY_MS=""
start_and_wait_usable() {
  local app="$1" phase="$2" dir="${APP_DIR[$1]}" override log_file started deadline result
  override="$(write_override "$app")"
  log_file="$RUN_DIR/$app-$phase.log"
  started="$(now_ms)"
  start_group "$log_file" "$dir" yarn start --config "$dir/app-config.yaml" --config "$override"
  deadline=$(($(date +%s) + START_TIMEOUT_S))
  START_READY_MS=""
  until curl -fsS -m 5 -o /dev/null "http://127.0.0.1:${BACKEND_PORT[$app]}/.backstage/health/v1/readiness" 2>/dev/null; do
    # The CLI keeps watching after the backend process crashed (Node prints its version last).
    if ! kill -0 -- "-$running_pgid" 2>/dev/null || [ "$(date +%s)" -ge "$deadline" ] ||
      grep -q '^Node.js v[0-9]' "$log_file"; then
      log "$app ($phase): backend never became ready; last lines of $log_file:"; tail -n 25 "$log_file"
      stop_app; return 1
    fi
    sleep 1
  done
  START_READY_MS="$(now_ms)"
  START_BACKEND_S="$(secs_since "$started")"
  until curl -fsS -m 30 -o /dev/null "http://127.0.0.1:${APP_PORT[$app]}/" 2>/dev/null; do
    if ! kill -0 -- "-$running_pgid" 2>/dev/null || [ "$(date +%s)" -ge "$deadline" ]; then
      log "$app ($phase): frontend never answered; last lines of $log_file:"; tail -n 25 "$log_file"
      stop_app; return 1
    fi
    sleep 1
  done
  result="$(node "$HERE/browse.mjs" usable --base "http://localhost:${APP_PORT[$app]}" \
    --catalog "${CATALOG_PATH[$app]}" --deadline-ms $(((deadline - $(date +%s)) * 1000)) \
    --shot "$RUN_DIR/$app-$phase-catalog.png" 2>> "$log_file")" || {
    log "$app ($phase): the catalog never showed data: $result"; stop_app; return 1; }
  START_USABLE_S="$(node -e "const r = JSON.parse(process.argv[1]); console.log(((r.readyAtMs - $started) / 1000).toFixed(1))" "$result")"
  log "$app ($phase): backend ready after ${START_BACKEND_S}s, catalog showing data after ${START_USABLE_S}s"
}

measure_start() {
  local app="$1" phase="$2" dir="${APP_DIR[$1]}" attempt
  for attempt in $(seq "$START_ATTEMPTS"); do
    if [ "$phase" = cold ]; then
      # No build caches: whatever the CLI's bundler and transpilers keep under node_modules/.cache.
      find "$dir" -maxdepth 4 -path '*/node_modules/.cache' -type d -prune -exec rm -rf {} +
      if [ "$app" = paved ]; then
        rm -rf "$PAVED_DATA_DIR" && mkdir -p "$PAVED_DATA_DIR"/{sqlite,git,techdocs}
      fi
    fi
    log "$app: $phase start (attempt $attempt of $START_ATTEMPTS)"
    if start_and_wait_usable "$app" "$phase"; then
      metric "$app" "${phase}BackendReadySec" "$START_BACKEND_S"
      metric "$app" "${phase}UsableSec" "$START_USABLE_S"
      return 0
    fi
    sleep 30
  done
  metric "$app" "${phase}UsableSec" "failed"
  return 1
}

group_rss_mb() { ps -o rss= -g "$1" 2>/dev/null | awk '{ s += $1 } END { printf "%.0f", s / 1024 }'; }

measure_memory() {
  local app="$1" pid wait_s
  pid="$(backend_pid "${BACKEND_PORT[$app]}")"
  if [ -z "$pid" ]; then log "$app: no process listens on ${BACKEND_PORT[$app]}"; return 1; fi
  wait_s=$(((START_READY_MS + 60000 - $(now_ms)) / 1000))
  if [ "$wait_s" -gt 0 ]; then
    log "$app: waiting ${wait_s}s so the backend has been ready for 60 s"
    sleep "$wait_s"
  fi
  metric "$app" rssRestMb "$(status_mb "$pid" VmRSS)"
  metric "$app" groupRssRestMb "$(group_rss_mb "$running_pgid")"
  mkdir -p "$RUN_DIR/$app-pages"
  node "$HERE/browse.mjs" pages --base "http://localhost:${APP_PORT[$app]}" \
    --catalog "${CATALOG_PATH[$app]}" --shot-dir "$RUN_DIR/$app-pages" > "$RUN_DIR/$app-pages.json" 2>&1 || true
  sleep 5
  local after
  after="$(status_mb "$pid" VmRSS)"
  metric "$app" rssAfterPagesMb "$after"
  log "$app: backend RSS ${after} MB after the pages ($(cat "$RUN_DIR/$app-pages.json"))"
}

measure_build() {
  local app="$1" dir="${APP_DIR[$1]}" started sizes
  log "$app: production build of packages/app"
  rm -rf "$dir/packages/app/dist"
  started="$(now_ms)"
  if (cd "$dir/packages/app" && yarn backstage-cli package build) > "$RUN_DIR/$app-build.log" 2>&1; then
    metric "$app" buildSec "$(secs_since "$started")"
    sizes="$(node "$HERE/initial-js.mjs" "$dir/packages/app/dist")"
    echo "$sizes" > "$RUN_DIR/$app-initial-js.json"
    metric "$app" initialJs "$(node -e "const s = JSON.parse(process.argv[1]); console.log(JSON.stringify({ scripts: s.scripts, bytes: s.bytes, gzipBytes: s.gzipBytes }))" "$sizes")"
  else
    log "$app: build failed; see $RUN_DIR/$app-build.log"; tail -n 20 "$RUN_DIR/$app-build.log"
    metric "$app" buildSec failed
  fi
}

# ---------------------------------------------------------------------------------------------
metric run loadAvgStart "$(loadavg)"
prepare_stock "$STOCK_DIR" "$CREATE_APP_VERSION" "$RUN_DIR"
prepare_paved
export PAVED_DATA_DIR="$BENCH_DIR/paved-data"

failed=0
if has_phase install || [ ! -d "$PAVED_DIR/node_modules" ] || [ ! -d "$STOCK_DIR/node_modules" ]; then
  for app in stock paved; do timed_install "$app"; done
fi
if has_phase cold; then
  for app in stock paved; do measure_start "$app" cold && stop_app || failed=1; done
fi
if has_phase warm; then
  for app in stock paved; do
    if measure_start "$app" warm; then
      measure_memory "$app" || failed=1
      stop_app
    else
      failed=1
    fi
  done
fi
if has_phase build; then
  for app in stock paved; do measure_build "$app"; done
fi
metric run loadAvgEnd "$(loadavg)"

node "$HERE/report.mjs" "$METRICS" "$RESULTS_DIR/foundation-$RUN_ID.json" "$STOCK_DIR" "$PAVED_DIR" "$RUN_DIR"
exit "$failed"
