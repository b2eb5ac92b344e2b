#!/usr/bin/env bash
# Runs a command with this checkout's development secrets in its environment (see
# dev-secrets.sh); `yarn start` goes through it, so a plain `yarn start` works like `make start`.
set -euo pipefail
source "$(dirname "$0")/dev-secrets.sh"
exec "$@"
