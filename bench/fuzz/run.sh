#!/usr/bin/env bash
# `make fuzz`: starts a Paved backend from source (no watching) on port 7401 with a scratch data
# folder, then sends generated bad input to every Paved HTTP endpoint (bench/fuzz/fuzz.mjs) and
# fails on any 5xx or if the backend dies. See bench/fuzz/README.md.
#   FUZZ_REQUESTS=2000 FUZZ_SEED=<n> FUZZ_ONLY=<endpoint substring> FUZZ_CASE=<n> FUZZ_PORT=7401
#   FUZZ_DATABASE=postgres stores every plugin on PostgreSQL (FUZZ_POSTGRES_HOST/PORT/USER/PASSWORD,
#   default the local 127.0.0.1:5432 as postgres) in databases of its own, dropped afterwards.
#   FUZZ_BASE_URL=<url> fuzzes a backend that is already running instead (started with run.sh's
#   settings: the same CI token and webhook secret).
source "$(dirname "$0")/../../scripts/env.sh"
cd "$PAVED_ROOT"

export FUZZ_CI_TOKEN="${FUZZ_CI_TOKEN:-paved-fuzz-ci-token}"
export FUZZ_WEBHOOK_SECRET="${FUZZ_WEBHOOK_SECRET:-paved-fuzz-webhook-secret}"

if [ -n "${FUZZ_BASE_URL:-}" ]; then
  exec node bench/fuzz/fuzz.mjs
fi

port="${FUZZ_PORT:-7401}"
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  log "port $port is in use: set FUZZ_PORT, or FUZZ_BASE_URL to fuzz the backend running there"
  exit 1
fi

data_dir="$(mktemp -d /tmp/paved-fuzz.XXXXXX)"
mkdir -p "$data_dir/sqlite" "$data_dir/git" "$data_dir/techdocs"

# A repository on the local git host, so git host URLs reach real files, folders and refs. The
# set-up step registers it in the catalog: a payments service made from an older golden-path
# version, so the guest may merge its merge requests, propose its upgrade and start its fixes.
work_tree="$data_dir/fuzz-service"
git init --quiet --bare --initial-branch=main "$data_dir/git/fuzz-service.git"
git init --quiet --initial-branch=main "$work_tree"
mkdir -p "$work_tree/docs"
cat > "$work_tree/catalog-info.yaml" <<'YAML'
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: fuzz-service
  annotations:
    paved.dev/template: template:default/typescript-service
    paved.dev/template-version: 1.0.0
spec:
  type: service
  lifecycle: experimental
  owner: group:default/payments
YAML
echo '# Fuzz service' > "$work_tree/docs/index.md"
mkdir -p "$work_tree/.paved"
cat > "$work_tree/.paved/template.yaml" <<'YAML'
apiVersion: paved.dev/v1alpha1
kind: TemplateLineage
template: template:default/typescript-service
version: 1.0.0
inputs:
  name: fuzz-service
  owner: group:default/payments
  system: system:default/payments
  description: The fuzzer's fixture service
YAML
git -C "$work_tree" add .
git -C "$work_tree" -c user.name=fuzz -c user.email=fuzz@example.com commit --quiet -m 'fuzz fixture'
git -C "$work_tree" push --quiet "$data_dir/git/fuzz-service.git" main
# The template's pristine output an upgrade merges from (here simply the first commit).
git -C "$work_tree" push --quiet "$data_dir/git/fuzz-service.git" main:paved/template
# Branches for the merge requests the set-up step opens (one to read, one to merge, one to close).
for n in 1 2 3; do
  git -C "$work_tree" checkout --quiet -b "fuzz-change-$n" main
  echo "# Change $n" > "$work_tree/docs/change-$n.md"
  git -C "$work_tree" add docs
  git -C "$work_tree" -c user.name=fuzz -c user.email=fuzz@example.com commit --quiet -m "fuzz change $n"
  git -C "$work_tree" push --quiet "$data_dir/git/fuzz-service.git" "fuzz-change-$n"
done

# SQLite in the scratch folder by default; with FUZZ_DATABASE=postgres, production's store: one
# database per plugin, named with a prefix of this run's own (dropped by cleanup), since strings
# PostgreSQL refuses (a NUL character, a number beyond a column's range) pass on SQLite.
database="${FUZZ_DATABASE:-sqlite}"
pg_host="${FUZZ_POSTGRES_HOST:-127.0.0.1}"
pg_port="${FUZZ_POSTGRES_PORT:-5432}"
pg_user="${FUZZ_POSTGRES_USER:-postgres}"
# The backend refuses a PostgreSQL connection without a password; the local server trusts
# 127.0.0.1 and ignores it.
export PGPASSWORD="${FUZZ_POSTGRES_PASSWORD:-postgres}"
pg_prefix="paved_fuzz_$$_$(date +%s)_"
database_config() {
  if [ "$database" = postgres ]; then
    printf '  database:\n    client: pg\n    prefix: %s\n    connection: { host: %s, port: %s, user: %s, password: %s }\n' \
      "$pg_prefix" "$pg_host" "$pg_port" "$pg_user" "$PGPASSWORD"
  fi
}
drop_databases() {
  if [ "$database" != postgres ]; then return; fi
  psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -Atc \
    "select datname from pg_database where datname like '${pg_prefix}%'" |
    while read -r name; do
      dropdb -h "$pg_host" -p "$pg_port" -U "$pg_user" --if-exists "$name"
    done
}

# Sandbox databases go to a port where nothing listens: requests the fuzzer files must never
# create real databases on the shared PostgreSQL or Redis (they retry, then end `failed`: fine
# here; operations on them answer 409, as no database is ever ready). A large
# quota keeps the create path open for the whole run instead of refusing everything after ten.
cat > "$data_dir/app-config.fuzz.yaml" <<YAML
backend:
  baseUrl: http://localhost:$port
  listen:
    port: $port
  reading:
    allow:
      - host: localhost:$port
$(database_config)
provisioning:
  providers:
    sandbox:
      connection: postgresql://postgres@127.0.0.1:1/postgres
      redis:
        connection: redis://127.0.0.1:1
  quotas:
    default: { maxRequests: 100000, maxStorageGB: 10000000 }
YAML

log_file="$data_dir/backend.log"
log "starting the backend on :$port ($database; data: $data_dir, log: $log_file)"
(
  cd packages/backend
  PAVED_DATA_DIR="$data_dir" PAVED_CI_TOKEN="$FUZZ_CI_TOKEN" \
    PAVED_GITHUB_WEBHOOK_SECRET="$FUZZ_WEBHOOK_SECRET" NODE_ENV=development \
    exec setsid node --require ../../node_modules/@backstage/cli-node/config/nodeTransform.cjs \
    src/index.ts --config ../../app-config.yaml --config "$data_dir/app-config.fuzz.yaml"
) > "$log_file" 2>&1 &
backend_pid=$!
# shellcheck disable=SC2317 # run by the EXIT trap: shellcheck 0.9 calls a trap's function
# unreachable when the script ends with `exit` (koalaman/shellcheck#2542)
cleanup() {
  kill -TERM -- "-$backend_pid" 2>/dev/null || true
  sleep 2
  kill -KILL -- "-$backend_pid" 2>/dev/null || true
  drop_databases
}
trap cleanup EXIT

ready=false
for _ in $(seq 300); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$port/.backstage/health/v1/readiness" 2>/dev/null; then
    ready=true
    break
  fi
  if ! kill -0 "$backend_pid" 2>/dev/null; then break; fi
  sleep 1
done
if [ "$ready" != true ]; then
  log "the backend did not become ready; last lines of its log:"; tail -n 40 "$log_file"; exit 1
fi
log "backend ready"

status=0
FUZZ_BASE_URL="http://localhost:$port" node bench/fuzz/fuzz.mjs || status=$?
if ! kill -0 "$backend_pid" 2>/dev/null; then
  log "the backend process died; last lines of its log:"; tail -n 40 "$log_file"
  status=1
fi
# Stopped before its folder is removed: work the fuzzer started (a proposal's checkout, a fix's
# task) may still be writing there.
cleanup
trap - EXIT
if [ "$status" -eq 0 ]; then rm -rf "$data_dir"; else log "backend log kept: $log_file"; fi
exit "$status"
