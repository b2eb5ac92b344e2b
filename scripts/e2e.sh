#!/usr/bin/env bash
# Runs the Playwright browser tests (Debian's Chromium) against a portal started here in
# development mode on a scratch data folder, so runs never depend on earlier state.
# PLAYWRIGHT_URL=<url> runs them against a portal that is already up instead.
source "$(dirname "$0")/env.sh"
cd "$PAVED_ROOT"

if [ -n "${PLAYWRIGHT_URL:-}" ]; then
  exec yarn playwright test "$@"
fi

for port in 3000 7007; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    log "port $port is in use: stop the running portal first, or set PLAYWRIGHT_URL to test it"
    exit 1
  fi
done

PAVED_DATA_DIR="$(mktemp -d /tmp/paved-e2e.XXXXXX)"
export PAVED_DATA_DIR
mkdir -p "$PAVED_DATA_DIR/sqlite" "$PAVED_DATA_DIR/git" "$PAVED_DATA_DIR/techdocs"
log_file="$PAVED_DATA_DIR/portal.log"
log "starting the portal for the browser tests (log: $log_file)"
# app-config.e2e.yaml adds a malformed catalog file, so the tests can check how it is reported.
setsid yarn start --config "$PAVED_ROOT/app-config.yaml" \
  --config "$PAVED_ROOT/packages/app/e2e-tests/app-config.e2e.yaml" \
  > "$log_file" 2>&1 &
portal_pid=$!
cleanup() {
  kill -TERM -- "-$portal_pid" 2>/dev/null || true
  sleep 2
  kill -KILL -- "-$portal_pid" 2>/dev/null || true
}
trap cleanup EXIT

wait_for() {
  local url="$1" seconds="$2"
  for _ in $(seq "$seconds"); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    if ! kill -0 "$portal_pid" 2>/dev/null; then
      log "the portal exited; last lines of its log:"; tail -n 40 "$log_file"; return 1
    fi
    sleep 1
  done
  log "timed out waiting for $url; last lines of the log:"; tail -n 40 "$log_file"; return 1
}
wait_for http://127.0.0.1:7007/.backstage/health/v1/readiness 300
wait_for http://127.0.0.1:3000 300

# `scripts/e2e.sh cli` runs only the platform CLI's smoke test; without arguments both run.
if [ "${1:-}" != cli ]; then
  PLAYWRIGHT_URL=http://localhost:3000 yarn playwright test "$@"
fi
if [ $# -eq 0 ] || [ "${1:-}" = cli ]; then
  "$PAVED_ROOT/scripts/cli-smoke.sh" http://localhost:7007
fi
