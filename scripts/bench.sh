#!/usr/bin/env bash
# `make bench [WHICH=foundation|catalog|frontend|scale|devex|provisioning|golden-paths]`: runs the benchmark scripts
# under bench/; each prints its figures and writes JSON to bench/results/. They are measurements,
# not tests; the figures of past runs are in bench/RESULTS.md.
source "$(dirname "$0")/env.sh"
"$PAVED_ROOT/scripts/install.sh"
cd "$PAVED_ROOT"
which="${1:-all}"
run() { log "benchmark: $1"; shift; "$@"; }
# The TypeScript benchmarks import Paved's plugins through their packages' public entries
# (workspace links in the root node_modules), transpiled on the fly as `yarn start` does.
run_ts() { node --require @backstage/cli/config/nodeTransform.cjs "$@"; }
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
  devex) run devex run_ts bench/devex/run.ts ;;
  provisioning) run provisioning run_ts bench/provisioning/run.ts ;;
  all)
    run provisioning run_ts bench/provisioning/run.ts
    run devex run_ts bench/devex/run.ts
    run foundation bench/foundation/run.sh
    run catalog bench/catalog/run.sh
    run frontend bench/frontend/run.sh
    ;;
  *) log "unknown benchmark: $which"; exit 2 ;;
esac
