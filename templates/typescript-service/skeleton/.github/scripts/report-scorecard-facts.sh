#!/usr/bin/env bash
# Reports what CI knows to Paved's scorecards (POST /api/scorecards/facts): the Kubernetes
# manifests the Helm chart renders to, which Paved checks against the platform's admission
# policies (policies/ in Paved), and the test coverage when the test run left a summary.
#   report-scorecard-facts.sh
# Needs PAVED_URL and PAVED_EVENTS_TOKEN (a token from backend.auth.externalAccess allowed to
# reach the scorecards plugin); without them it says so and succeeds.
set -euo pipefail

if [ -z "${PAVED_URL:-}" ] || [ -z "${PAVED_EVENTS_TOKEN:-}" ]; then
  echo "PAVED_URL or PAVED_EVENTS_TOKEN not set: facts not reported" >&2
  exit 0
fi

name="$(yq '.metadata.name' catalog-info.yaml)"
namespace="$(yq '.metadata.namespace // "default"' catalog-info.yaml)"

# Every document of the rendered chart (production values), as one JSON array.
manifests="$(helm template "$name" ./chart -f ./chart/values-production.yaml |
  yq -o=json -I=0 'select(. != null)' | jq -s -c '.')"

# Line coverage in percent, from Jest/Istanbul's json-summary or coverage.py's JSON report.
facts='[]'
if [ -f coverage/coverage-summary.json ]; then
  facts="$(jq -c '[{id: "ci.coverage", value: .total.lines.pct}]' coverage/coverage-summary.json)"
elif [ -f coverage.json ]; then
  facts="$(jq -c '[{id: "ci.coverage", value: .totals.percent_covered}]' coverage.json)"
fi

jq -n -c \
  --arg entityRef "component:${namespace}/${name}" \
  --arg runUrl "${GITHUB_SERVER_URL:-}/${GITHUB_REPOSITORY:-}/actions/runs/${GITHUB_RUN_ID:-}" \
  --argjson facts "$facts" \
  --argjson manifests "$manifests" \
  '{entityRef: $entityRef, facts: $facts, manifests: $manifests, runUrl: $runUrl}' |
  curl -fsS -X POST "${PAVED_URL%/}/api/scorecards/facts" \
    -H "Authorization: Bearer ${PAVED_EVENTS_TOKEN}" \
    -H 'Content-Type: application/json' \
    --data-binary @-
echo
