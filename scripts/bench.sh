#!/usr/bin/env bash
# `make bench [WHICH=foundation|catalog|frontend|scale|devex|provisioning|golden-paths]`: runs the benchmark scripts;
# each prints its figures and writes JSON to bench/results/. They are measurements, not tests.
source "$(dirname "$0")/env.sh"
"$PAVED_ROOT/scripts/install.sh"
cd "$PAVED_ROOT"
which="${1:-all}"
run() { log "benchmark: $1"; shift; "$@"; }
case "$which" in
  foundation) run foundation bench/foundation/run.sh ;;
  # Both generate the stock create-app app in /tmp/paved-bench/stock when it is missing.
  catalog) run catalog bench/catalog/run.sh ;;
  frontend) run frontend bench/frontend/run.sh ;;
  # Issue 6's benchmarks beside stock in one command: the catalog (10,000 and 50,000 entities,
  # read path, memory), then the production frontend.
  scale)
    run catalog bench/catalog/run.sh
    run frontend bench/frontend/run.sh
    ;;
  # Against a running portal (`make start`), BACKEND_URL (http://localhost:7007).
  golden-paths) run golden-paths node bench/golden-paths/run.js ;;
  devex) run devex yarn --cwd plugins/devex-backend bench ;;
  provisioning) run provisioning yarn --cwd plugins/provisioning-backend bench ;;
  all)
    run provisioning yarn --cwd plugins/provisioning-backend bench
    run devex yarn --cwd plugins/devex-backend bench
    run foundation bench/foundation/run.sh
    run catalog bench/catalog/run.sh
    run frontend bench/frontend/run.sh
    ;;
  *) log "unknown benchmark: $which"; exit 2 ;;
esac
