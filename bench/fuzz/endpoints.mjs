/*
 * Every HTTP endpoint Paved mounts, each with a valid request the fuzzer starts from:
 *   - /api/provisioning/* (plugins/provisioning-backend/src/service/router.ts)
 *   - /api/devex/*, including the signed GitHub webhook (plugins/devex-backend/src/service/router.ts)
 *   - /api/golden-paths/* (plugins/golden-paths-backend/src/schema/openapi.yaml)
 *   - the local git host, which has no route of its own: it is read through the URL reader that
 *     plugins/githost-node adds to every plugin, reached here through the
 *     catalog's location registration (dry run) with `<baseUrl>/api/githost/...` targets.
 *     (The catalog's analyze-location is left out: it answers 500 to any URL with a malformed
 *     %-escape in Backstage's own RepoLocationAnalyzer, before a URL reader is asked.)
 * `auth` names whose credentials the valid request carries: `user` (guest token), `service`
 * (the static CI token, restricted to devex), `webhook` (an X-Hub-Signature-256 signature).
 */
import { randomAscii, randomString } from './generators.mjs';

const DAY = 86_400_000;
const PROVISIONING_BODY_LIMIT = 64 * 1024;
const DEVEX_BODY_LIMIT = 25 * 1024 * 1024;

const iso = ms => new Date(ms).toISOString();

function deploymentEvent(rng, index) {
  const finished = Date.parse('2026-11-01T12:00:00Z') - rng.int(0, 60) * DAY;
  return {
    id: `fuzz-deploy-${index}-${rng.int(0, 1e6)}`,
    source: 'paved-fuzz',
    type: 'deployment',
    subject: 'component:default/payments-api',
    data: {
      environment: rng.pick(['production', 'staging']),
      status: rng.pick(['success', 'failed']),
      finishedAt: iso(finished),
      startedAt: iso(finished - 600_000),
      commits: [{ sha: 'abcdef1234567', committedAt: iso(finished - DAY) }],
      kind: rng.pick(['normal', 'rollback', 'hotfix']),
    },
  };
}

function incidentEvent(rng, index) {
  const started = Date.parse('2026-11-01T12:00:00Z') - rng.int(0, 60) * DAY;
  return {
    id: `fuzz-incident-${index}-${rng.int(0, 1e6)}`,
    source: 'paved-fuzz',
    type: 'incident',
    subject: 'component:default/payments-api',
    data: {
      startedAt: iso(started),
      resolvedAt: iso(started + 3_600_000),
      deploymentId: 'fuzz-deploy-0-1',
      severity: 'sev2',
    },
  };
}

/** GitHub deliveries of the four kinds the webhook maps, by X-GitHub-Event name. */
function githubDelivery(rng) {
  const repository = {
    full_name: rng.pick([
      'paved-example/payments-api',
      'paved-example/unknown-repo',
    ]),
    default_branch: 'main',
  };
  const when = iso(Date.parse('2026-11-01T12:00:00Z') - rng.int(0, 30) * DAY);
  return rng.pick([
    () => ({
      event: 'push',
      payload: {
        ref: 'refs/heads/main',
        repository,
        commits: [{ id: 'abcdef1234567890', timestamp: when }],
      },
    }),
    () => ({
      event: 'deployment_status',
      payload: {
        repository,
        deployment_status: {
          state: rng.pick(['success', 'failure', 'pending']),
          updated_at: when,
        },
        deployment: {
          id: rng.int(1, 1e6),
          sha: 'abcdef1234567890',
          environment: 'production',
          created_at: when,
          description: 'rollback of 12',
        },
      },
    }),
    () => ({
      event: 'workflow_run',
      payload: {
        action: 'completed',
        repository,
        workflow_run: {
          id: rng.int(1, 1e6),
          name: 'Deploy',
          conclusion: rng.pick(['success', 'failure']),
          updated_at: when,
          run_started_at: when,
          head_sha: 'abcdef1234567890',
          head_commit: { timestamp: when },
        },
      },
    }),
    () => ({
      event: 'issues',
      payload: {
        repository,
        issue: {
          number: rng.int(1, 1e4),
          labels: [{ name: 'incident' }, { name: 'severity: 1' }],
          body: 'Deployment: deployment-12',
          created_at: when,
          closed_at: when,
          state: 'closed',
        },
      },
    }),
  ])();
}

const windowQuery = rng => ({
  from: iso(Date.parse('2026-08-01T00:00:00Z') + rng.int(0, 30) * DAY),
  to: '2026-11-01T00:00:00+01:00',
});

/** @returns the endpoint specifications, given ids and names created in the set-up step. */
export function pavedEndpoints(context) {
  const requestId = rng =>
    rng.pick([
      context.developmentRequestId,
      context.productionRequestId,
      context.ephemeralRequestId,
    ]);
  const provisioning = { bodyLimit: PROVISIONING_BODY_LIMIT, auth: 'user' };
  const devex = { bodyLimit: DEVEX_BODY_LIMIT, auth: 'user' };
  return [
    {
      ...provisioning,
      name: 'POST /api/provisioning/requests',
      method: 'POST',
      path: () => '/api/provisioning/requests',
      headers: rng =>
        rng.chance(0.3)
          ? { 'Idempotency-Key': randomAscii(rng, 30) || 'k' }
          : {},
      body: rng => ({
        type: 'postgresql',
        name: `fuzz-${rng.int(0, 1e6)}`,
        owner: 'group:default/payments',
        system: 'system:default/payments',
        environment: rng.pick([
          'development',
          'staging',
          'production',
          'ephemeral',
        ]),
        size: rng.pick(['small', 'medium', 'large']),
        storageGB: rng.int(1, 30),
        version: '16',
        ttlHours: rng.int(1, 80),
        provider: rng.pick(['sandbox', 'crossplane', 'terraform']),
      }),
    },
    {
      ...provisioning,
      name: 'GET /api/provisioning/requests',
      method: 'GET',
      path: () => '/api/provisioning/requests',
      query: rng => ({
        owner: 'group:default/payments',
        status: rng.pick(['ready', 'provisioning,failed', 'awaiting-approval']),
        requestedBy: 'user:default/sam.rivera',
      }),
    },
    {
      ...provisioning,
      name: 'GET /api/provisioning/requests/:id',
      method: 'GET',
      path: param => `/api/provisioning/requests/${param}`,
      param: requestId,
    },
    {
      ...provisioning,
      name: 'POST /api/provisioning/requests/:id/approve',
      method: 'POST',
      path: param => `/api/provisioning/requests/${param}/approve`,
      param: requestId,
      body: () => ({ comment: 'looks fine' }),
    },
    {
      ...provisioning,
      name: 'POST /api/provisioning/requests/:id/reject',
      method: 'POST',
      path: param => `/api/provisioning/requests/${param}/reject`,
      param: requestId,
      body: () => ({ comment: 'too large' }),
    },
    {
      ...provisioning,
      name: 'POST /api/provisioning/requests/:id/extend',
      method: 'POST',
      path: param => `/api/provisioning/requests/${param}/extend`,
      param: requestId,
      body: rng => ({ hours: rng.int(1, 100) }),
    },
    {
      ...provisioning,
      name: 'GET /api/provisioning/requests/:id/credentials',
      method: 'GET',
      path: param => `/api/provisioning/requests/${param}/credentials`,
      param: requestId,
    },
    {
      ...provisioning,
      name: 'DELETE /api/provisioning/requests/:id',
      method: 'DELETE',
      path: param => `/api/provisioning/requests/${param}`,
      // Only requests nobody else needs: the set-up step makes a few to delete.
      param: rng => rng.pick(context.disposableRequestIds),
    },
    {
      ...provisioning,
      name: 'GET /api/provisioning/policy',
      method: 'GET',
      path: () => '/api/provisioning/policy',
      query: () => ({ owner: 'group:default/payments' }),
    },
    {
      ...devex,
      name: 'POST /api/devex/events',
      auth: 'service',
      method: 'POST',
      path: () => '/api/devex/events',
      body: rng => ({
        events: Array.from({ length: rng.int(1, 4) }, (_, index) =>
          // Survey answers are not events (POST /surveys, signed in).
          rng.pick([deploymentEvent, incidentEvent])(rng, index),
        ),
      }),
    },
    {
      ...devex,
      name: 'GET /api/devex/dora',
      method: 'GET',
      path: () => '/api/devex/dora',
      query: rng =>
        rng.pick([
          () => ({
            ...windowQuery(rng),
            entityRef: 'component:default/payments-api',
          }),
          () => ({ ...windowQuery(rng), group: 'group:default/payments' }),
          () => windowQuery(rng),
        ])(),
    },
    {
      ...devex,
      name: 'GET /api/devex/dora/series',
      method: 'GET',
      path: () => '/api/devex/dora/series',
      query: rng => ({
        ...windowQuery(rng),
        group: 'group:default/payments',
        bucket: 'week',
        tz: rng.pick(['Europe/Berlin', 'UTC', 'America/St_Johns']),
      }),
    },
    {
      ...devex,
      name: 'GET /api/devex/deployments',
      method: 'GET',
      path: () => '/api/devex/deployments',
      query: rng => ({
        entityRef: 'component:default/payments-api',
        environment: 'production',
        limit: String(rng.int(1, 500)),
      }),
    },
    {
      ...devex,
      name: 'GET /api/devex/incidents',
      method: 'GET',
      path: () => '/api/devex/incidents',
      query: rng => ({
        group: 'group:default/payments',
        limit: String(rng.int(1, 500)),
      }),
    },
    {
      ...devex,
      name: 'GET /api/devex/devex/measures',
      method: 'GET',
      path: () => '/api/devex/devex/measures',
      query: () => ({ group: 'group:default/payments' }),
    },
    {
      ...devex,
      name: 'POST /api/devex/surveys',
      method: 'POST',
      path: () => '/api/devex/surveys',
      body: rng => ({
        score: rng.int(5, 10),
        comment: randomString(rng).slice(0, 200),
      }),
    },
    {
      ...devex,
      name: 'GET /api/devex/surveys/summary',
      method: 'GET',
      path: () => '/api/devex/surveys/summary',
      query: windowQuery,
    },
    {
      ...devex,
      name: 'POST /api/devex/webhooks/github',
      auth: 'webhook',
      method: 'POST',
      path: () => '/api/devex/webhooks/github',
      delivery: githubDelivery,
    },
    {
      name: 'GET /api/golden-paths/service-names/:name',
      auth: 'user',
      method: 'GET',
      path: param => `/api/golden-paths/service-names/${param}`,
      param: rng =>
        rng.pick(['orders-api', 'payments-api', `fuzz-${rng.int(0, 1e6)}`]),
      query: rng => ({ namespace: rng.pick(['default', 'payments']) }),
    },
    {
      name: 'POST /api/catalog/locations?dryRun=true (local git host)',
      auth: 'user',
      method: 'POST',
      path: () => '/api/catalog/locations',
      fixedQuery: 'dryRun=true',
      gitHostTarget: { wrap: target => ({ type: 'url', target }) },
    },
  ];
}
