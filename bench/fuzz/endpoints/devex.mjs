/*
 * /api/devex/*, including the signed GitHub webhook (plugins/devex-backend/src/service/router.ts,
 * platformMeasuresRoutes.ts, githubWebhookRoute.ts; src/schema/openapi.yaml).
 */
import { randomString } from '../generators.mjs';
import { DAY, iso, windowQuery } from './common.mjs';

/** A window for one service, one team or the whole organisation. */
const serviceTeamOrOrganisation = rng =>
  rng.pick([
    () => ({
      ...windowQuery(rng),
      entityRef: 'component:default/payments-api',
    }),
    () => teamWindow(rng),
    () => windowQuery(rng),
  ])();

/** A window for one team or the whole organisation. */
const teamOrOrganisation = rng =>
  rng.chance(0.5) ? teamWindow(rng) : windowQuery(rng);

const teamWindow = rng => ({
  ...windowQuery(rng),
  group: 'group:default/payments',
});

const DEVEX_BODY_LIMIT = 25 * 1024 * 1024;

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

function changeEvent(rng, index) {
  const opened = Date.parse('2026-11-01T12:00:00Z') - rng.int(0, 60) * DAY;
  const merged = rng.chance(0.7);
  return {
    id: `fuzz-change-${index}-${rng.int(0, 1e6)}`,
    source: 'paved-fuzz',
    type: 'change',
    subject: 'component:default/payments-api',
    data: {
      openedAt: iso(opened),
      firstCommitAt: iso(opened - DAY),
      firstReviewAt: iso(opened + 3_600_000),
      approvedAt: iso(opened + 7_200_000),
      ...(merged
        ? { mergedAt: iso(opened + DAY), mergeCommit: 'abcdef1234567' }
        : {}),
      additions: rng.int(0, 500),
      deletions: rng.int(0, 500),
      author: rng.pick(['user:default/sam.rivera', 'sam-rivera']),
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

/** A GitHub pull request as pull_request and pull_request_review deliveries carry it. */
function pullRequest(rng, when) {
  const merged = rng.chance(0.6);
  return {
    number: rng.int(1, 1e4),
    created_at: iso(Date.parse(when) - 2 * DAY),
    updated_at: when,
    closed_at: merged || rng.chance(0.3) ? when : null,
    merged_at: merged ? when : null,
    merge_commit_sha: merged ? 'abcdef1234567890' : null,
    additions: rng.int(0, 800),
    deletions: rng.int(0, 800),
    user: { id: 1, login: 'sam-rivera' },
  };
}

/** GitHub deliveries of the six kinds the webhook maps, by X-GitHub-Event name. */
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
    () => ({
      event: 'pull_request',
      payload: {
        action: rng.pick(['opened', 'closed', 'synchronize']),
        repository,
        pull_request: pullRequest(rng, when),
      },
    }),
    () => ({
      event: 'pull_request_review',
      payload: {
        action: 'submitted',
        repository,
        pull_request: pullRequest(rng, when),
        review: {
          state: rng.pick(['approved', 'commented', 'changes_requested']),
          submitted_at: when,
          user: { id: 2, login: 'priya-natarajan' },
        },
      },
    }),
  ])();
}

export function devexEndpoints() {
  const devex = { bodyLimit: DEVEX_BODY_LIMIT, auth: 'user' };
  return [
    {
      ...devex,
      name: 'POST /api/devex/events',
      auth: 'service',
      method: 'POST',
      path: () => '/api/devex/events',
      body: rng => ({
        events: Array.from({ length: rng.int(1, 4) }, (_, index) =>
          // Survey answers are not events (POST /surveys, signed in).
          rng.pick([deploymentEvent, incidentEvent, changeEvent])(rng, index),
        ),
      }),
    },
    {
      ...devex,
      name: 'GET /api/devex/dora',
      method: 'GET',
      path: () => '/api/devex/dora',
      query: serviceTeamOrOrganisation,
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
      name: 'GET /api/devex/changes',
      method: 'GET',
      path: () => '/api/devex/changes',
      query: serviceTeamOrOrganisation,
    },
    {
      ...devex,
      name: 'GET /api/devex/impact',
      method: 'GET',
      path: () => '/api/devex/impact',
      query: teamOrOrganisation,
    },
    {
      ...devex,
      name: 'GET /api/devex/onboarding',
      method: 'GET',
      path: () => '/api/devex/onboarding',
      query: teamOrOrganisation,
    },
    {
      ...devex,
      name: 'POST /api/devex/feedback',
      method: 'POST',
      path: () => '/api/devex/feedback',
      body: rng => ({
        rating: rng.int(1, 5),
        category: rng.pick([
          'bug',
          'confusing',
          'missing-feature',
          'slow',
          'praise',
          'other',
        ]),
        page: rng.pick(['/catalog', '/provisioning', '/devex', '/create']),
        comment: randomString(rng).slice(0, 200),
        lastAction: 'clicked Register',
      }),
    },
    {
      ...devex,
      name: 'GET /api/devex/feedback/summary',
      method: 'GET',
      path: () => '/api/devex/feedback/summary',
      query: windowQuery,
    },
    {
      ...devex,
      name: 'GET /api/devex/availability',
      method: 'GET',
      path: () => '/api/devex/availability',
      query: rng => ({
        ...windowQuery(rng),
        tz: rng.pick(['Europe/Berlin', 'UTC', 'America/St_Johns']),
      }),
    },
    {
      ...devex,
      name: 'GET /api/devex/provisioning/weeks',
      method: 'GET',
      path: () => '/api/devex/provisioning/weeks',
      query: rng => ({
        ...windowQuery(rng),
        tz: rng.pick(['Europe/Berlin', 'UTC', 'Asia/Kolkata']),
      }),
    },
    {
      ...devex,
      name: 'GET /api/devex/level-bands',
      method: 'GET',
      path: () => '/api/devex/level-bands',
    },
    {
      ...devex,
      // Platform team only: the guest's valid request is refused with 403 after validation.
      name: 'PUT /api/devex/level-bands',
      method: 'PUT',
      path: () => '/api/devex/level-bands',
      body: rng => ({ report: rng.pick(['dora-2023', 'dora-2024', 'none']) }),
    },
    {
      ...devex,
      name: 'POST /api/devex/webhooks/github',
      auth: 'webhook',
      method: 'POST',
      path: () => '/api/devex/webhooks/github',
      delivery: githubDelivery,
    },
  ];
}
