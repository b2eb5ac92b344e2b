#!/usr/bin/env bash
# `make prod-check`: builds the frontend and the backend bundle, then runs the built backend as in
# production (app-config.yaml + app-config.production.yaml) against the local PostgreSQL, and checks
# that it starts, serves the built frontend, answers its health check, enforces authentication,
# accepts a CI token, that every event subscription reached the events hub and that it stops
# within 30 s of SIGTERM. Sign-in providers get throw-away settings: they are configured, not used.
source "$(dirname "$0")/env.sh"
"$PAVED_ROOT/scripts/install.sh"
cd "$PAVED_ROOT"

port="${PAVED_PORT:-7017}"
# One build, as in the Dockerfile: the backend bundle builds the frontend it serves.
log "building the backend bundle (with the frontend it serves)"
yarn build:backend >/dev/null

export PAVED_PORT="$port" PAVED_BASE_URL="http://localhost:$port"
export POSTGRES_HOST="${POSTGRES_HOST:-127.0.0.1}" POSTGRES_PORT="${POSTGRES_PORT:-5432}"
export POSTGRES_USER="${POSTGRES_USER:-postgres}" POSTGRES_PASSWORD="${POSTGRES_PASSWORD:-unused-with-trust-auth}"
export POSTGRES_DB_PREFIX="${POSTGRES_DB_PREFIX:-paved_prodcheck_}"
AUTH_SESSION_SECRET="prod-check-$(date +%s)"
export AUTH_SESSION_SECRET PAVED_CI_TOKEN="prod-check-ci-token"
export AUTH_OIDC_METADATA_URL="http://127.0.0.1:9/.well-known/openid-configuration"
export AUTH_OIDC_CLIENT_ID=prod-check AUTH_OIDC_CLIENT_SECRET=prod-check
export AUTH_GITHUB_CLIENT_ID=prod-check AUTH_GITHUB_CLIENT_SECRET=prod-check
PROVISIONING_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)"
PAVED_DATA_DIR="$(mktemp -d /tmp/paved-prod-check.XXXXXX)"
export PROVISIONING_ENCRYPTION_KEY PAVED_GITHUB_WEBHOOK_SECRET=prod-check PAVED_DATA_DIR
export NODE_ENV=production

# The bundle is what the Dockerfile installs: Paved's packages built to dist/ with their production
# package.json; every other dependency resolves from the repository's node_modules.
bundle="$PAVED_DATA_DIR/bundle"
"$PAVED_ROOT/scripts/unpack-backend-bundle.sh" "$PAVED_ROOT" "$bundle"
# What the Dockerfile copies beside the bundle; the backend runs from there, as from /app in the
# image (the config schema then comes from the built packages, not the TypeScript sources).
for file in app-config.yaml app-config.production.yaml catalog templates catalog-info.yaml docs infrastructure; do
  ln -s "$PAVED_ROOT/$file" "$bundle/$file"
done

log_file="$PAVED_DATA_DIR/backend.log"
log "starting the built backend on :$port with the production config (log: $log_file)"
(cd "$bundle" && exec setsid node packages/backend \
  --config app-config.yaml --config app-config.production.yaml) > "$log_file" 2>&1 &
pid=$!
trap 'kill -TERM -- -$pid 2>/dev/null || true; sleep 1; kill -KILL -- -$pid 2>/dev/null || true' EXIT

ok=0
for _ in $(seq 180); do
  if curl -fsS "http://127.0.0.1:$port/.backstage/health/v1/readiness" >/dev/null 2>&1; then ok=1; break; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done
if [ "$ok" != 1 ]; then log "the backend did not become ready:"; tail -n 60 "$log_file"; exit 1; fi

fail() { log "FAILED: $*"; tail -n 40 "$log_file"; exit 1; }
# Read the page first: `curl | grep -q` fails under pipefail when grep stops reading early.
page="$(curl -fsS "http://127.0.0.1:$port/")" || fail "the backend does not answer on /"
grep -q '<title>Paved</title>' <<< "$page" || fail "the backend does not serve the built frontend"
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/catalog/entities")
[ "$status" = 401 ] || fail "catalog answered $status without credentials (expected 401)"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $PAVED_CI_TOKEN" "http://127.0.0.1:$port/api/devex/dora")
[ "$status" = 200 ] || fail "devex answered $status to the CI token (expected 200)"
grep -qi 'better-sqlite3' "$log_file" && fail "the production backend used SQLite"
# A subscription made before the events backend's hub is mounted stays local to one process.
grep -q 'events backend not found' "$log_file" && fail "an event subscription missed the events backend's hub"
# A rolling deploy sends SIGTERM and kills after a grace period (Kubernetes: 30 s by default).
stop_started=$(date +%s)
kill -TERM -- "-$pid"
for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
kill -0 "$pid" 2>/dev/null && fail "the backend was still running 30 s after SIGTERM"
stop_s=$(( $(date +%s) - stop_started ))
log "production check passed: built backend on PostgreSQL (databases ${POSTGRES_DB_PREFIX}*), frontend served, auth enforced, stopped ${stop_s} s after SIGTERM"
