#!/usr/bin/env bash
# `make test`: installs what is missing, then runs every suite.
#   scripts/test.sh all    type check, lint (ESLint, shellcheck), unit + integration tests,
#                          end-to-end browser tests
#   scripts/test.sh unit   unit + integration tests only
#   scripts/test.sh e2e    browser tests only
#   scripts/test.sh security  the security suite only: every *.security.test.ts (one test per
#                             attack on a trust rule; they also run in `unit` and `all`)
# Store tests run on SQLite, and on the PostgreSQL at 127.0.0.1:5432 when it is reachable.
source "$(dirname "$0")/env.sh"
stage="${1:-all}"
"$PAVED_ROOT/scripts/install.sh" --for-tests
cd "$PAVED_ROOT"

pg_host="${PAVED_TEST_PG_HOST:-127.0.0.1}"
pg_port="${PAVED_TEST_PG_PORT:-5432}"
if (exec 3<>"/dev/tcp/$pg_host/$pg_port") 2>/dev/null; then
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://${PAVED_TEST_PG_USER:-postgres}@$pg_host:$pg_port"
  log "PostgreSQL reachable at $pg_host:$pg_port: store tests run on SQLite and PostgreSQL"
else
  log "PostgreSQL not reachable at $pg_host:$pg_port: store tests run on SQLite only"
fi

export CI="${CI:-true}"

if [ "$stage" = all ]; then
  log "type check (tsc)"
  yarn tsc
  log "lint"
  yarn lint:all
  log "lint: shell scripts (shellcheck)"
  yarn lint:shell
  log "lint: generated OpenAPI files match the specs"
  yarn lint:openapi
fi

if [ "$stage" = all ] || [ "$stage" = unit ]; then
  log "unit and integration tests"
  yarn backstage-cli repo test --maxWorkers=2
fi

if [ "$stage" = security ]; then
  log "security suite (*.security.test.ts)"
  yarn backstage-cli repo test --maxWorkers=2 --testPathPatterns '\.security\.test\.ts$'
fi

if [ "$stage" = all ] || [ "$stage" = e2e ]; then
  "$PAVED_ROOT/scripts/e2e.sh"
fi
