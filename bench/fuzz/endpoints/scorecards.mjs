/*
 * /api/scorecards/* (plugins/scorecards-backend/src/service/router.ts; src/schema/openapi.yaml).
 * Facts come from CI (the static token); exemptions are asked for by the guest, an owner of
 * payments-api; reviews and campaigns belong to the platform team, so the guest's valid requests
 * there are refused with 403 after validation.
 */
import { randomString } from '../generators.mjs';
import { DAY, iso, realOrUnknown, unknownUuid } from './common.mjs';

const SCORECARDS_BODY_LIMIT = 5 * 1024 * 1024;

// Owned by payments (the guest's team) but checkout-web; fuzz-service lives on the local git
// host (run.sh), so its fixes open real merge requests.
const SERVICES = [
  'fuzz-service',
  'payments-api',
  'ledger-service',
  'notification-worker',
  'checkout-web',
];
const OWN_SERVICES = SERVICES.slice(0, 4);
const CHECKS = [
  'has-docs',
  'has-runbook',
  'template-current',
  'memory-limits',
  'test-coverage',
];

const entityParams = {
  kind: rng => rng.pick(['component', 'Component']),
  namespace: () => 'default',
  name: rng => rng.pick([...SERVICES, 'no-such-service']),
};
const entityPath = ({ kind, namespace, name }) =>
  `/api/scorecards/entities/${kind}/${namespace}/${name}`;

/** What a chart renders: a Deployment with limits and a hardened container. */
const manifest = rng => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'payments-api' },
  spec: {
    template: {
      spec: {
        containers: [
          {
            name: 'app',
            image: 'ghcr.io/paved-example/payments-api:1.2.3',
            resources: {
              limits: { memory: `${rng.int(64, 1024)}Mi`, cpu: '500m' },
            },
            securityContext: {
              runAsNonRoot: rng.chance(0.8),
              readOnlyRootFilesystem: true,
              allowPrivilegeEscalation: false,
            },
          },
        ],
      },
    },
  },
});

const campaignTarget = rng =>
  rng.pick([
    () => ({ owners: ['group:default/payments'], kinds: ['component'] }),
    () => ({ entityRefs: ['component:default/payments-api'] }),
  ])();

export function scorecardsEndpoints(context) {
  const scorecards = { bodyLimit: SCORECARDS_BODY_LIMIT, auth: 'user' };
  const exemptionIds = context.exemptionId ? [context.exemptionId] : [];
  return [
    {
      ...scorecards,
      name: 'GET /api/scorecards/checks',
      method: 'GET',
      path: () => '/api/scorecards/checks',
    },
    {
      ...scorecards,
      name: 'GET /api/scorecards/policies',
      method: 'GET',
      path: () => '/api/scorecards/policies',
    },
    {
      ...scorecards,
      name: 'GET /api/scorecards/entities',
      method: 'GET',
      path: () => '/api/scorecards/entities',
      query: rng => ({
        owner: 'group:default/payments',
        ...(rng.chance(0.5)
          ? { below: rng.pick(['bronze', 'silver', 'gold']) }
          : {}),
        ...(rng.chance(0.3) ? { scorecard: 'production-readiness' } : {}),
      }),
    },
    {
      ...scorecards,
      name: 'GET /api/scorecards/entities/:kind/:namespace/:name',
      method: 'GET',
      path: entityPath,
      params: entityParams,
    },
    {
      ...scorecards,
      name: 'POST /api/scorecards/entities/:kind/:namespace/:name/refresh',
      method: 'POST',
      path: params => `${entityPath(params)}/refresh`,
      params: entityParams,
    },
    {
      ...scorecards,
      name: 'POST /api/scorecards/entities/:kind/:namespace/:name/checks/:checkId/fix',
      method: 'POST',
      path: params => `${entityPath(params)}/checks/${params.checkId}/fix`,
      // Mostly the checks with a fixer (add-techdocs, golden-path-upgrade) on fuzz-service.
      params: {
        ...entityParams,
        name: rng =>
          rng.chance(0.6) ? 'fuzz-service' : entityParams.name(rng),
        checkId: rng =>
          rng.weighted([
            [4, 'has-docs'],
            [3, 'template-current'],
            [1, 'has-runbook'],
            [1, 'no-such-check'],
          ]),
      },
    },
    {
      ...scorecards,
      name: 'GET /api/scorecards/teams/:ref',
      method: 'GET',
      path: ({ ref }) => `/api/scorecards/teams/${ref}`,
      params: {
        ref: rng =>
          rng.pick([
            encodeURIComponent('group:default/payments'),
            'payments',
            encodeURIComponent('group:default/platform'),
            'no-such-team',
          ]),
      },
      query: rng => ({ days: String(rng.int(1, 365)) }),
    },
    {
      ...scorecards,
      name: 'GET /api/scorecards/organization',
      method: 'GET',
      path: () => '/api/scorecards/organization',
      query: rng => ({ days: String(rng.int(1, 365)) }),
    },
    {
      ...scorecards,
      name: 'POST /api/scorecards/facts',
      auth: 'service',
      method: 'POST',
      path: () => '/api/scorecards/facts',
      body: rng => ({
        entityRef: rng.pick([
          'component:default/payments-api',
          'component:default/ledger-service',
        ]),
        facts: [
          { id: 'ci.coverage', value: rng.int(0, 100) },
          { id: 'ci.image-scan', value: rng.pick(['passed', 'failed']) },
        ],
        manifests: [manifest(rng)],
        runUrl: `https://ci.example.com/runs/${rng.int(1, 1e6)}`,
      }),
    },
    {
      ...scorecards,
      name: 'GET /api/scorecards/exemptions',
      method: 'GET',
      path: () => '/api/scorecards/exemptions',
      query: rng => ({
        entityRef: 'component:default/payments-api',
        status: rng.pick(['pending', 'approved', 'rejected', 'expired']),
      }),
    },
    {
      ...scorecards,
      name: 'POST /api/scorecards/exemptions',
      method: 'POST',
      path: () => '/api/scorecards/exemptions',
      body: rng => ({
        entityRef: `component:default/${rng.pick(OWN_SERVICES)}`,
        checkId: rng.pick(CHECKS),
        reason: 'The runbook lives in the team wiki until the migration.',
        expiresAt: context.exemptionExpiresAt,
      }),
    },
    {
      ...scorecards,
      name: 'GET /api/scorecards/exemptions/:id',
      method: 'GET',
      path: ({ id }) => `/api/scorecards/exemptions/${id}`,
      params: { id: rng => realOrUnknown(rng, exemptionIds) },
    },
    {
      ...scorecards,
      name: 'POST /api/scorecards/exemptions/:id/review',
      method: 'POST',
      path: ({ id }) => `/api/scorecards/exemptions/${id}/review`,
      params: { id: rng => realOrUnknown(rng, exemptionIds) },
      body: rng => ({
        decision: rng.pick(['approve', 'reject']),
        comment: randomString(rng).slice(0, 200),
      }),
    },
    {
      ...scorecards,
      name: 'DELETE /api/scorecards/exemptions/:id',
      method: 'DELETE',
      path: ({ id }) => `/api/scorecards/exemptions/${id}`,
      // Only exemptions nobody else needs: the set-up step asks for two to withdraw.
      params: {
        id: rng => realOrUnknown(rng, context.disposableExemptionIds),
      },
    },
    {
      ...scorecards,
      name: 'GET /api/scorecards/campaigns',
      method: 'GET',
      path: () => '/api/scorecards/campaigns',
    },
    {
      ...scorecards,
      name: 'POST /api/scorecards/campaigns',
      method: 'POST',
      path: () => '/api/scorecards/campaigns',
      body: rng => ({
        title: `Fuzz campaign ${rng.int(0, 1e6)}`,
        description: 'Every service documented by the end of the quarter.',
        checkId: rng.pick(CHECKS),
        target: campaignTarget(rng),
        deadline: iso(context.now + 60 * DAY),
      }),
    },
    {
      ...scorecards,
      name: 'GET /api/scorecards/campaigns/:id',
      method: 'GET',
      path: ({ id }) => `/api/scorecards/campaigns/${id}`,
      params: { id: unknownUuid },
    },
    {
      ...scorecards,
      name: 'PATCH /api/scorecards/campaigns/:id',
      method: 'PATCH',
      path: ({ id }) => `/api/scorecards/campaigns/${id}`,
      params: { id: unknownUuid },
      body: rng => ({
        title: 'Docs for every service',
        target: campaignTarget(rng),
        deadline: iso(context.now + 90 * DAY),
      }),
    },
    {
      ...scorecards,
      name: 'DELETE /api/scorecards/campaigns/:id',
      method: 'DELETE',
      path: ({ id }) => `/api/scorecards/campaigns/${id}`,
      params: { id: unknownUuid },
    },
  ];
}
