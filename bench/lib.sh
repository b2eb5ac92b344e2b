# shellcheck shell=bash
# Sourced by the benchmark scripts (after scripts/env.sh): the pieces they share.
#   prepare_stock <stock-dir> <create-app-version> <log-dir>
#                        a stock `@backstage/create-app` app, installed, with the registry pins of
#                        shared/ENVIRONMENT.md and Paved's root `resolutions`, installed from Paved's
#                        yarn.lock so shared packages have Paved's versions (generated once, reused)
#   start_group <log> <dir> <command...>
#                        runs a command in its own process group (setsid) in <dir>; stop_app stops it
#   stop_app             TERM to the group, KILL after 30 s
#   backend_pid <port>   the process listening on a port
#   loadavg, status_mb <pid> <field>, cpu_s <pid> [since], ports_free <port>...

bench_lib_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

prepare_stock() {
  local stock_dir="$1" version="$2" log_dir="$3"
  if [ "${BENCH_FRESH_STOCK:-0}" = 0 ] && [ -f "$stock_dir/.bench-ready" ] &&
    [ "$(cat "$stock_dir/.bench-ready")" = "$version" ]; then
    log "stock app: reusing $stock_dir (BENCH_FRESH_STOCK=1 regenerates it)"
    return
  fi
  log "stock app: generating with @backstage/create-app@$version in $stock_dir"
  rm -rf "$stock_dir"
  mkdir -p "$(dirname "$stock_dir")" "$log_dir"
  # create-app asks for the app's name on stdin.
  (cd "$(dirname "$stock_dir")" && echo stock | npm_config_nodedir='' npx -y "@backstage/create-app@$version" \
    --path "$stock_dir" --skip-install) > "$log_dir/stock-create.log" 2>&1
  node "$bench_lib_dir/foundation/add-resolutions.mjs" "$stock_dir" "$PAVED_ROOT" > /dev/null
  # create-app's package.json has ^ ranges, so a stock app generated later resolves newer patch
  # releases than the day's 1.55 app (seen 2026-12-06: plugin-signals-backend 0.3.21 calls
  # httpRouter.addWebSocketHandler, which the 1.55 backend-defaults lacks, and the backend never
  # starts). Starting from Paved's yarn.lock, yarn keeps every version the two apps share and
  # resolves only what Paved lacks; BENCH_STOCK_FLOATING=1 resolves everything anew.
  if [ "${BENCH_STOCK_FLOATING:-0}" = 0 ]; then cp "$PAVED_ROOT/yarn.lock" "$stock_dir/yarn.lock"; fi
  log "stock app: first install (writes its yarn.lock, warms the cache; not timed)"
  (cd "$stock_dir" && yarn install) > "$log_dir/stock-install-first.log" 2>&1 || {
    log "stock app: first install failed; see $log_dir/stock-install-first.log"
    tail -n 30 "$log_dir/stock-install-first.log"
    return 1
  }
  echo "$version" > "$stock_dir/.bench-ready"
}

running_pgid=""
start_group() {
  local log_file="$1" dir="$2"
  shift 2
  (cd "$dir" && exec setsid "$@") > "$log_file" 2>&1 < /dev/null &
  running_pgid=$!
}
stop_app() {
  [ -n "$running_pgid" ] || return 0
  kill -TERM -- "-$running_pgid" 2>/dev/null || true
  for _ in $(seq 30); do
    kill -0 -- "-$running_pgid" 2>/dev/null || break
    sleep 1
  done
  kill -KILL -- "-$running_pgid" 2>/dev/null || true
  running_pgid=""
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
# status_mb <pid> <VmRSS|VmHWM|...>: a memory figure of /proc/<pid>/status, in MB.
status_mb() { awk -v k="$2:" '$1 == k { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null; }
# cpu_s <pid> [since]: CPU time (user + system, fields 14 and 15 of /proc/<pid>/stat) the process
# has used, in seconds; with since (an earlier cpu_s), the time used after it.
CLK_TCK="$(getconf CLK_TCK)"
cpu_s() { awk -v tck="$CLK_TCK" -v since="${2:-0}" '{ sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / tck - since }' "/proc/$1/stat"; }
# ports_free <port>...: fails, naming it, when one of the ports is taken.
ports_free() {
  local port
  for port in "$@"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      log "port $port is in use; the benchmark needs $*"
      return 1
    fi
  done
}

backend_pid() {
  ss -ltnpH "( sport = :$1 )" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2
}

# ---------------------------------------------------------------------------------------------
# Built backends on PostgreSQL, for the catalog and frontend benchmarks.
#   build_bundle <app> <repo> <dest> <log-dir>
#                        `yarn build:backend` in the app (it builds the frontend too, which the
#                        backend serves) and the bundle unpacked into <dest> as the Dockerfile would
#   write_bench_override <file> <app> <port> <postgres-url> <db-prefix> <files-json> [built]
#                        the app's config on top of its own app-config.yaml: port, PostgreSQL, the
#                        generated catalog files as its only locations, guest sign-in when built
#   drop_databases <postgres-url> <db-prefix>
#   wait_ready <port> <log> <deadline-epoch-s>   0 when ready, 1 when the backend died or timed out
#   catalog_progress <postgres-url> <catalog-db>
#                        refresh_state rows, unprocessed rows, pending stitches, stitched
#                        non-location entities, relations, rows with processing errors

build_bundle() {
  local app="$1" repo="$2" dest="$3" log_dir="$4"
  log "$app: yarn build:backend in $repo"
  (cd "$repo" && yarn build:backend) > "$log_dir/$app-build.log" 2>&1 || {
    log "$app: the backend build failed; see $log_dir/$app-build.log"; tail -n 20 "$log_dir/$app-build.log"
    return 1
  }
  "$PAVED_ROOT/scripts/unpack-backend-bundle.sh" "$repo" "$dest"
}

write_bench_override() {
  local file="$1" app="$2" port="$3" pg_url="$4" prefix="$5" files="$6" mode="${7:-}"
  {
    cat <<YAML
# Generated by a Paved benchmark (bench/): the $app backend on PostgreSQL with generated entities.
app:
  baseUrl: http://localhost:$port
backend:
  baseUrl: http://localhost:$port
  listen:
    port: $port
  cors:
    origin: http://localhost:$port
  reading:
    allow:
      - host: localhost:$port
  database:
    client: pg
    connection: $pg_url/postgres
    prefix: $prefix
catalog:
  rules:
    - allow: [Component, System, API, Resource, Location, Domain, Group, User, Template]
  locations:
YAML
    # shellcheck disable=SC2016 # ${...} in single quotes is a JavaScript template literal, for node
    node -e 'for (const f of JSON.parse(process.argv[1])) console.log(`    - { type: file, target: ${f} }`)' "$files"
    if [ "$mode" = built ]; then
      # NODE_ENV=production, as shipped; the benchmarks still sign in as a guest.
      cat <<YAML
auth:
  providers:
    guest:
      dangerouslyAllowOutsideDevelopment: true
YAML
    fi
    if [ "$app" = paved ]; then
      # Paved's development config seeds DevEx demo data and re-indexes search every minute for its
      # small example catalog; production does neither, and neither belongs in a benchmark: the
      # demo seed is off and the search schedules are app-config.production.yaml's (every 10
      # minutes, which is also stock's default).
      cat <<YAML
devex:
  demoData:
    seed: false
YAML
      # shellcheck disable=SC2016 # ${...} in single quotes is a JavaScript template literal, for node
      node -e '
        const { parse, stringify } = require(require.resolve("yaml", { paths: [process.argv[1]] }));
        const production = parse(require("fs").readFileSync(`${process.argv[1]}/app-config.production.yaml`, "utf8"));
        const collators = Object.entries(production.search.collators).map(([name, { schedule }]) => [name, { schedule }]);
        process.stdout.write(stringify({ search: { collators: Object.fromEntries(collators) } }));
      ' "$PAVED_ROOT"
    fi
  } > "$file"
}

drop_databases() {
  local pg_url="$1" prefix="$2" db
  for db in $(psql "$pg_url/postgres" -qAtc "SELECT datname FROM pg_database WHERE datname LIKE '${prefix//_/\\_}%'"); do
    psql "$pg_url/postgres" -qAtc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
  done
}

wait_ready() {
  local port="$1" log_file="$2" deadline="$3"
  until curl -fsS -m 5 -o /dev/null "http://127.0.0.1:$port/.backstage/health/v1/readiness" 2>/dev/null; do
    # `yarn start` keeps watching after the backend process crashed (Node prints its version last).
    if ! kill -0 -- "-$running_pgid" 2>/dev/null || [ "$(date +%s)" -ge "$deadline" ] ||
      grep -q '^Node.js v[0-9]' "$log_file"; then
      return 1
    fi
    sleep 1
  done
}

catalog_progress() {
  psql "$1/$2" -qAtc "SELECT
    (SELECT count(*) FROM refresh_state),
    (SELECT count(*) FROM refresh_state WHERE processed_entity IS NULL),
    (SELECT count(*) FROM stitch_queue),
    (SELECT count(*) FROM final_entities WHERE final_entity IS NOT NULL AND entity_ref NOT LIKE 'location:%'),
    (SELECT count(*) FROM relations),
    (SELECT count(*) FROM refresh_state WHERE errors IS NOT NULL AND errors NOT IN ('', '[]'))" 2>/dev/null |
    tr '|' ' '
}
