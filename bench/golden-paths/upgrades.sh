#!/usr/bin/env bash
# Issue 14, "Performance": proposing an upgrade to REPOSITORIES generated repositories finishes in
# under 2 minutes. Generates that many TypeScript services at template 1.0.0 on a local git host
# (setup, not timed), then times one proposal run (render 1.1.0 onto paved/template, three-way
# merge, merge request on the githost plugin, store) through POST /api/golden-paths/upgrades/runs
# in an in-process backend with both plugins, and prints total and per-repository time.
#
#   bash bench/golden-paths/upgrades.sh            # 200 repositories
#   REPOSITORIES=20 bash bench/golden-paths/upgrades.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root/plugins/golden-paths-backend"
CI=true BENCH_REPOSITORIES="${REPOSITORIES:-200}" yarn backstage-cli package test \
  src/upgrades/proposeOutdated.test.ts -t 'proposes every due upgrade' 2>&1 |
  grep -E 'Upgrade proposals:|Tests:|✓|✕|●' 
