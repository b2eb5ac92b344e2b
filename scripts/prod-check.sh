#!/usr/bin/env bash
# `make prod-check`: builds the frontend and the backend bundle, then runs the built backend as in
# production (app-config.yaml + app-config.production.yaml) against the local PostgreSQL, and checks
# that it starts, serves the built frontend, answers its health check, enforces authentication,
# accepts a CI token, that every event subscription reached the events hub, that it signs a
# browser in through a real OpenID Connect provider (and refuses whoever matches no catalog user, or
# two), and that it stops within 30 s of SIGTERM.
# As in production, TLS is terminated in front of the backend: the portal's URL is https (a
# certificate made for the run), the backend serves plain HTTP on its own port.
source "$(dirname "$0")/env.sh"
# --for-tests: Chromium for the sign-in check.
"$PAVED_ROOT/scripts/install.sh" --for-tests
cd "$PAVED_ROOT"

port="${PAVED_PORT:-7017}"          # the backend (HTTP)
tls_port="${PAVED_TLS_PORT:-7018}"  # the portal's URL (HTTPS, in front of the backend)
idp_port="${PAVED_IDP_PORT:-7019}"  # the OpenID Connect provider
e2e="$PAVED_ROOT/packages/backend/e2e-tests"
check_started=$(date +%s)
# One build, as in the Dockerfile: the backend bundle builds the frontend it serves.
build_log="$(mktemp /tmp/paved-prod-check-build.XXXXXX)"
log "building the backend bundle (with the frontend it serves; log: $build_log)"
yarn build:backend > "$build_log" 2>&1 || { log "the build failed:"; tail -n 40 "$build_log"; exit 1; }
build_s=$(( $(date +%s) - check_started ))

export PAVED_PORT="$port" PAVED_BASE_URL="https://localhost:$tls_port"
export POSTGRES_HOST="${POSTGRES_HOST:-127.0.0.1}" POSTGRES_PORT="${POSTGRES_PORT:-5432}"
export POSTGRES_USER="${POSTGRES_USER:-postgres}" POSTGRES_PASSWORD="${POSTGRES_PASSWORD:-unused-with-trust-auth}"
# Databases of this run only, dropped on exit: every run starts as a fresh installation does (the
# catalog empty until it reads the organisation), and two checkouts never share state. A
# POSTGRES_DB_PREFIX of your own is used as given and kept.
if [ -z "${POSTGRES_DB_PREFIX:-}" ]; then
  POSTGRES_DB_PREFIX="paved_prodcheck_$(date +%s)_$$_"
  drop_run_databases=1
fi
export POSTGRES_DB_PREFIX
AUTH_SESSION_SECRET="prod-check-$(date +%s)"
export AUTH_SESSION_SECRET PAVED_CI_TOKEN="prod-check-ci-token"
export AUTH_OIDC_METADATA_URL="http://127.0.0.1:$idp_port/.well-known/openid-configuration"
AUTH_OIDC_CLIENT_SECRET="$(head -c 24 /dev/urandom | base64)"
export AUTH_OIDC_CLIENT_ID=paved-prod-check AUTH_OIDC_CLIENT_SECRET SIGN_IN_IDP_PORT="$idp_port"
# GitHub sign-in is configured, not exercised (github.com is out of reach here).
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
for file in app-config.yaml app-config.production.yaml catalog templates catalog-info.yaml docs infrastructure scorecards policies; do
  ln -s "$PAVED_ROOT/$file" "$bundle/$file"
done
# The sign-in check's test-only users (e2e-tests/ambiguousUsers.yaml, via app-config.sign-in.yaml).
ln -s "$e2e" "$bundle/e2e-tests"

# The OpenID Connect provider and the TLS terminator, started before the backend reads the former's
# discovery document; each in a process group of its own, stopped on exit.
helpers=()
stop_all() {
  for group in "$@"; do kill -TERM -- "-$group" 2>/dev/null || true; done
  sleep 1
  for group in "$@"; do kill -KILL -- "-$group" 2>/dev/null || true; done
}
drop_databases() {
  [ "${drop_run_databases:-}" = 1 ] || return 0
  local db
  for db in $(PGPASSWORD="$POSTGRES_PASSWORD" psql -h "$POSTGRES_HOST" -p "$POSTGRES_PORT" -U "$POSTGRES_USER" \
    -d postgres -Atc "select datname from pg_database where left(datname, ${#POSTGRES_DB_PREFIX}) = '$POSTGRES_DB_PREFIX'"); do
    PGPASSWORD="$POSTGRES_PASSWORD" dropdb --force -h "$POSTGRES_HOST" -p "$POSTGRES_PORT" -U "$POSTGRES_USER" "$db"
  done
}
trap 'stop_all "${helpers[@]}" ${pid:-}; drop_databases' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$PAVED_DATA_DIR/tls-key.pem" -out "$PAVED_DATA_DIR/tls-cert.pem" 2> "$PAVED_DATA_DIR/tls.log" \
  || { log "could not make the TLS certificate:"; cat "$PAVED_DATA_DIR/tls.log"; exit 1; }
setsid node "$e2e/tlsTerminator.mjs" "$tls_port" "$port" \
  "$PAVED_DATA_DIR/tls-cert.pem" "$PAVED_DATA_DIR/tls-key.pem" >> "$PAVED_DATA_DIR/tls.log" 2>&1 &
helpers+=($!)
setsid node "$e2e/identityProvider.mjs" > "$PAVED_DATA_DIR/identity-provider.log" 2>&1 &
helpers+=($!)
for _ in $(seq 30); do
  curl -fsS -o /dev/null "$AUTH_OIDC_METADATA_URL" 2>/dev/null && break
  sleep 1
done
curl -fsS -o /dev/null "$AUTH_OIDC_METADATA_URL" || {
  log "the OpenID Connect provider did not start:"; cat "$PAVED_DATA_DIR/identity-provider.log"; exit 1
}

log_file="$PAVED_DATA_DIR/backend.log"
log "starting the built backend on :$port (portal $PAVED_BASE_URL) with the production config (log: $log_file)"
(cd "$bundle" && exec setsid node packages/backend \
  --config app-config.yaml --config app-config.production.yaml \
  --config e2e-tests/app-config.sign-in.yaml) > "$log_file" 2>&1 &
pid=$!

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
curl -fsS -o /dev/null --cacert "$PAVED_DATA_DIR/tls-cert.pem" "$PAVED_BASE_URL/" \
  || fail "the portal does not answer on $PAVED_BASE_URL"
grep -q '<title>Paved</title>' <<< "$page" || fail "the backend does not serve the built frontend"
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/catalog/entities")
[ "$status" = 401 ] || fail "catalog answered $status without credentials (expected 401)"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $PAVED_CI_TOKEN" "http://127.0.0.1:$port/api/devex/dora")
[ "$status" = 200 ] || fail "devex answered $status to the CI token (expected 200)"
grep -qi 'better-sqlite3' "$log_file" && fail "the production backend used SQLite"
# A subscription made before the events backend's hub is mounted stays local to one process.
grep -q 'events backend not found' "$log_file" && fail "an event subscription missed the events backend's hub"

log "production sign-in: Chromium through the OpenID Connect provider (packages/backend/e2e-tests)"
sign_in_started=$(date +%s)
yarn playwright test --config "$e2e/playwright.config.ts" \
  || fail "production sign-in (screenshots and traces: e2e-test-results/production-sign-in)"
sign_in_s=$(( $(date +%s) - sign_in_started ))

# A rolling deploy sends SIGTERM and kills after a grace period (Kubernetes: 30 s by default).
stop_started=$(date +%s)
kill -TERM -- "-$pid"
for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
kill -0 "$pid" 2>/dev/null && fail "the backend was still running 30 s after SIGTERM"
stop_s=$(( $(date +%s) - stop_started ))
log "production check passed in $(( $(date +%s) - check_started )) s (build ${build_s} s): built backend on PostgreSQL (databases ${POSTGRES_DB_PREFIX}*), frontend served behind TLS, auth enforced, OIDC sign-in through a real provider (${sign_in_s} s), stopped ${stop_s} s after SIGTERM"
