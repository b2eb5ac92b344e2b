#!/usr/bin/env bash
# Reports one deployment to Paved's DevEx events API (POST /api/devex/events).
#   report-deployment.sh <environment> <success|failed> <startedAt RFC 3339> [normal|rollback|hotfix]
# The commits are those new since the last production deployment (tag deployed/production), each
# with its commit time, so Paved can compute lead time for changes per commit.
# Needs PAVED_URL and PAVED_EVENTS_TOKEN; without them it says so and succeeds, so a repository
# that is not connected to Paved yet still deploys.
set -euo pipefail

environment="$1"
status="$2"
started_at="$3"
kind="${4:-normal}"

if [ -z "${PAVED_URL:-}" ] || [ -z "${PAVED_EVENTS_TOKEN:-}" ]; then
  echo "PAVED_URL or PAVED_EVENTS_TOKEN not set: deployment not reported" >&2
  exit 0
fi

name="$(yq '.metadata.name' catalog-info.yaml)"
namespace="$(yq '.metadata.namespace // "default"' catalog-info.yaml)"
finished_at="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

if git rev-parse -q --verify refs/tags/deployed/production >/dev/null; then
  range="deployed/production..HEAD"
else
  range="HEAD"
fi
commits="$(git log --format='%H %cI' "$range" | jq -R -s -c '
  split("\n") | map(select(length > 0) | split(" ") | {sha: .[0], committedAt: .[1]})')"

body="$(jq -n -c \
  --arg id "${GITHUB_RUN_ID}-${GITHUB_RUN_ATTEMPT}-${environment}" \
  --arg source "github-actions:${GITHUB_REPOSITORY}" \
  --arg subject "component:${namespace}/${name}" \
  --arg environment "$environment" \
  --arg status "$status" \
  --arg startedAt "$started_at" \
  --arg finishedAt "$finished_at" \
  --arg kind "$kind" \
  --argjson commits "$commits" \
  '{events: [{id: $id, source: $source, type: "deployment", subject: $subject,
    data: {environment: $environment, status: $status, startedAt: $startedAt,
           finishedAt: $finishedAt, kind: $kind, commits: $commits}}]}')"

curl --fail-with-body --silent --show-error --retry 3 \
  -H "Authorization: Bearer ${PAVED_EVENTS_TOKEN}" \
  -H 'Content-Type: application/json' \
  --data "$body" \
  "${PAVED_URL%/}/api/devex/events"
echo
