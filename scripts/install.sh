#!/usr/bin/env bash
# Installs what Paved needs and is missing; a second run installs nothing.
#   scripts/install.sh            toolchain, dependencies, mkdocs
#   scripts/install.sh --for-tests  also what only the tests and checks use: Chromium (end-to-end
#                                   tests, make prod-check), openssl (make prod-check), Go (golden
#                                   paths' Go checks), Debian's Python packages for the generated
#                                   Python service's tests, and the shell scripts' linter, shellcheck
source "$(dirname "$0")/env.sh"
cd "$PAVED_ROOT"

# Dependencies: `yarn install --immutable`, skipped when nothing it depends on has changed.
stamp="$PAVED_TOOLS/install.stamp"
inputs_hash="$( (node --version; cat yarn.lock package.json packages/*/package.json plugins/*/package.json) | sha256sum | cut -d' ' -f1)"
if [ ! -d node_modules ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$inputs_hash" ]; then
  log "installing dependencies (yarn install --immutable)"
  yarn install --immutable
  echo "$inputs_hash" > "$stamp"
fi

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    if [ ! -f "$PAVED_TOOLS/apt-updated" ]; then apt-get update -qq >&2 && touch "$PAVED_TOOLS/apt-updated"; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
  else
    log "please install: $* (need root for apt-get)"; return 1
  fi
}

# TechDocs are built locally with mkdocs. Where PyPI is reachable the standard
# `pip install mkdocs-techdocs-core` also works; here Debian's mkdocs and mkdocs-material do.
mkdocs_has_material() {
  command -v mkdocs >/dev/null || return 1
  # Ask mkdocs' own interpreter (Debian's /usr/bin/python3, or a venv's) which themes it knows.
  local py; py="$(head -n1 "$(command -v mkdocs)" | sed 's/^#! *//')"
  "$py" -c "from mkdocs.utils import get_theme_names; import sys; sys.exit('material' not in get_theme_names())" 2>/dev/null
}
if ! mkdocs_has_material; then
  log "installing mkdocs for TechDocs (once)"
  apt_install mkdocs mkdocs-material || pip install --quiet mkdocs-techdocs-core
fi

if [ "${1:-}" = "--for-tests" ]; then
  if [ ! -x /usr/bin/chromium ]; then
    log "installing Chromium for the end-to-end tests (once)"
    apt_install chromium
  fi
  # make prod-check makes a TLS certificate for the portal it runs behind TLS.
  if ! command -v openssl >/dev/null; then
    log "installing openssl for the production check's TLS certificate (once)"
    apt_install openssl
  fi
  # The golden-path tests check the generated Go service's syntax with gofmt (Debian's golang-go).
  if ! command -v gofmt >/dev/null; then
    log "installing gofmt for the Go template's syntax check (once)"
    apt_install golang-go
  fi
  # The golden-path tests run the generated Python service's own unittest suite with Debian's
  # Python and its packages (no PyPI here): prometheus-client, psycopg and its pool.
  if ! /usr/bin/python3 -c 'import prometheus_client, psycopg, psycopg_pool' 2>/dev/null; then
    log "installing Python packages for the Python template's tests (once)"
    apt_install python3-prometheus-client python3-psycopg python3-psycopg-pool
  fi
  # The lint stage checks every shell script with shellcheck (Debian's shellcheck; scripts/lint-shell.sh).
  if ! command -v shellcheck >/dev/null; then
    log "installing shellcheck for the shell scripts' lint (once)"
    apt_install shellcheck
  fi
fi
