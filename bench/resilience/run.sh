#!/usr/bin/env bash
# `make resilience`: two Paved backend replicas on a private PostgreSQL (port 5433, created in
# /tmp/paved-resilience and removed with it), then the resilience checks; see README.md here.
# SOAK_SECONDS (default 600) sets the soak's length; RESILIENCE_CHECKS=a,b runs only some checks.
source "$(dirname "$0")/../../scripts/env.sh"
cd "$PAVED_ROOT"
exec node --require @backstage/cli/config/nodeTransform.cjs bench/resilience/run.ts
