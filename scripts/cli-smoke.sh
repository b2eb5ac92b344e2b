#!/usr/bin/env bash
# Smoke test of the `platform` CLI as a developer installs it, against a running portal:
# builds the package (packages/cli: one bundled file in a tarball), installs the tarball into a
# scratch npm prefix, signs in through the portal's consent flow (approved with the guest's
# token, as the signed-in user would in the browser), then creates a service and a database and
# reads DORA. Used by scripts/e2e.sh after the browser tests; alone: scripts/cli-smoke.sh [url].
# shellcheck source=scripts/env.sh
source "$(dirname "$0")/env.sh"
cd "$PAVED_ROOT" || exit 1
url="${1:-http://localhost:7007}"

scratch="$(mktemp -d /tmp/paved-cli-smoke.XXXXXX)"
login_pid=""
cleanup() {
  [ -n "$login_pid" ] && kill "$login_pid" 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT
export XDG_CONFIG_HOME="$scratch/config"
unset PLATFORM_URL PLATFORM_TOKEN

log "cli: building and installing the platform package"
tarball="$(yarn workspace @paved/cli build | tail -n 1)"
npm install --silent --no-audit --no-fund -g --prefix "$scratch/npm" "$tarball"
platform="$scratch/npm/bin/platform"
"$platform" --version

# json <file> <expression>: prints the expression evaluated on the file's JSON (no jq needed).
json() { node -e "const d=JSON.parse(require('fs').readFileSync('$1','utf8')); console.log($2)"; }
fail() { log "cli: FAILED: $*"; exit 1; }

log "cli: login through the portal's consent page"
"$platform" login --url "$url" --no-browser 2> "$scratch/login.err" > "$scratch/login.out" &
login_pid=$!
consent=""
for _ in $(seq 30); do
  consent="$(grep -o 'http[^ ]*/oauth2/authorize/[0-9a-f-]*' "$scratch/login.err" || true)"
  [ -n "$consent" ] && break
  sleep 1
done
[ -n "$consent" ] || { cat "$scratch/login.err"; fail "login printed no consent page"; }
guest="$(curl -fsS -H 'X-Requested-With: XMLHttpRequest' "$url/api/auth/guest/refresh?env=development" \
  | node -e "let s='';process.stdin.on('data',c=>s+=c).on('end',()=>console.log(JSON.parse(s).backstageIdentity.token))")"
redirect="$(curl -fsS -X POST -H "Authorization: Bearer $guest" "$url/api/auth/v1/sessions/${consent##*/}/approve" \
  | node -e "let s='';process.stdin.on('data',c=>s+=c).on('end',()=>console.log(JSON.parse(s).redirectUrl))")"
curl -fsS "$redirect" > /dev/null
wait "$login_pid" || { cat "$scratch/login.err"; fail "login exited $?"; }
login_pid=""
grep -q 'Signed in to' "$scratch/login.out" || fail "login did not sign in"
stat -c '%a' "$XDG_CONFIG_HOME/paved/credentials.json" | grep -qx 600 || fail "credentials file is not 0600"

"$platform" status --json > "$scratch/status.json"
[ "$(json "$scratch/status.json" 'd.user + " " + d.source')" = "user:default/sam.rivera oauth" ] \
  || fail "status: $(cat "$scratch/status.json")"

# A portal that has just started may still be reading the templates into its catalog.
for _ in $(seq 120); do
  "$platform" templates --json > "$scratch/templates.json"
  [ "$(json "$scratch/templates.json" 'd.some(t => t.ref === "template:default/go-service")')" = true ] && break
  sleep 1
done
[ "$(json "$scratch/templates.json" 'd.some(t => t.ref === "template:default/go-service")')" = true ] \
  || fail "templates: go-service missing"

name="cli-smoke-$(date +%s)"
log "cli: create service $name with a development database"
"$platform" create service "$name" --language go --team payments --db postgresql --json \
  > "$scratch/create.json" || { cat "$scratch/create.json"; fail "create service"; }
[ "$(json "$scratch/create.json" 'd.inCatalog + " " + d.database.status')" = "true ready" ] \
  || fail "create service: $(cat "$scratch/create.json")"
database="$(json "$scratch/create.json" 'd.database.id')"

"$platform" db list --mine --json > "$scratch/list.json"
[ "$(json "$scratch/list.json" "d.some(r => r.id === '$database')")" = true ] || fail "db list"
"$platform" db delete "$database" --yes > /dev/null || fail "db delete"

"$platform" dora --service payments-api --json > "$scratch/dora.json"
json "$scratch/dora.json" '"DORA " + d.scope.entityRef + ": " + d.deploymentFrequency.deployments + " deployments"'

# The agents' front door on the same portal, with the same user's token: the MCP server lists
# Paved's tools and none that destroys (packages/backend/src/mcpActions.test.ts goes further).
log "cli: MCP tools at $url/api/mcp-actions/v1"
PAVED_MCP_URL="$url/api/mcp-actions/v1" PAVED_MCP_TOKEN="$("$platform" token)" node -e "
const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const { StreamableHTTPClientTransport } = require('@modelcontextprotocol/sdk/client/streamableHttp.js');
(async () => {
  const client = new Client({ name: 'paved-smoke', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(process.env.PAVED_MCP_URL),
    { requestInit: { headers: { Authorization: 'Bearer ' + process.env.PAVED_MCP_TOKEN } } }));
  const { tools } = await client.listTools();
  await client.close();
  const names = tools.map(t => t.name);
  const missing = ['golden-paths.create-service', 'provisioning.request-database', 'devex.get-dora-metrics']
    .filter(n => !names.includes(n));
  const destructive = tools.filter(t => t.annotations && t.annotations.destructiveHint).map(t => t.name);
  if (missing.length || destructive.length) {
    console.error('missing: ' + missing + '; destructive: ' + destructive);
    process.exit(1);
  }
  console.log(names.length + ' MCP tools, none destructive');
})().catch(e => { console.error(e); process.exit(1); });
" || fail "MCP tools"

# No token, wrong token: exit code 3 and the hint to sign in.
set +e
PLATFORM_URL="$url" PLATFORM_TOKEN=wrong "$platform" db list 2> "$scratch/401.err"
code=$?
set -e
if [ "$code" != 3 ] || ! grep -q 'platform login' "$scratch/401.err"; then
  fail "401 path: exit $code"
fi

log "cli: smoke test passed"
