# Sourced by the benchmark scripts (after scripts/env.sh): the pieces they share.
#   prepare_stock <stock-dir> <create-app-version> <log-dir>
#                        a stock `@backstage/create-app` app, installed, with the registry pins of
#                        shared/ENVIRONMENT.md and Paved's root `resolutions` (generated once, reused)
#   start_group <log> <dir> <command...>
#                        runs a command in its own process group (setsid) in <dir>; stop_app stops it
#   stop_app             TERM to the group, KILL after 30 s
#   backend_pid <port>   the process listening on a port

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
  (cd "$(dirname "$stock_dir")" && echo stock | npm_config_nodedir= npx -y "@backstage/create-app@$version" \
    --path "$stock_dir" --skip-install) > "$log_dir/stock-create.log" 2>&1
  node "$bench_lib_dir/foundation/add-resolutions.mjs" "$stock_dir" "$PAVED_ROOT" > /dev/null
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

backend_pid() {
  ss -ltnpH "( sport = :$1 )" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2
}
