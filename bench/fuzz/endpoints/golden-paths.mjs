/*
 * /api/golden-paths/* (plugins/golden-paths-backend/src/service/router.ts;
 * src/schema/openapi.yaml). Upgrade runs belong to the platform team: the guest's valid request
 * is refused with 403.
 */
import { realOrUnknown, unknownUuid } from './common.mjs';

const GOLDEN_PATHS_BODY_LIMIT = 100 * 1024; // express.json's default

// fuzz-service is made from typescript-service 1.0.0 (run.sh): its upgrade can be proposed.
const COMPONENTS = [
  'component:default/fuzz-service',
  'component:default/payments-api',
  'component:default/ledger-service',
  'component:default/no-such-service',
];

export function goldenPathsEndpoints(context) {
  const goldenPaths = { bodyLimit: GOLDEN_PATHS_BODY_LIMIT, auth: 'user' };
  return [
    {
      ...goldenPaths,
      name: 'GET /api/golden-paths/service-names/:name',
      method: 'GET',
      path: ({ name }) => `/api/golden-paths/service-names/${name}`,
      params: {
        name: rng =>
          rng.pick(['orders-api', 'payments-api', `fuzz-${rng.int(0, 1e6)}`]),
      },
      query: rng => ({ namespace: rng.pick(['default', 'payments']) }),
    },
    {
      ...goldenPaths,
      name: 'GET /api/golden-paths/drift',
      method: 'GET',
      path: () => '/api/golden-paths/drift',
    },
    {
      ...goldenPaths,
      name: 'GET /api/golden-paths/upgrades',
      method: 'GET',
      path: () => '/api/golden-paths/upgrades',
      query: rng => ({
        ...(rng.chance(0.6) ? { entityRef: rng.pick(COMPONENTS) } : {}),
        limit: String(rng.int(1, 999)),
      }),
    },
    {
      ...goldenPaths,
      name: 'POST /api/golden-paths/upgrades',
      method: 'POST',
      path: () => '/api/golden-paths/upgrades',
      body: rng => ({ entityRef: rng.pick(COMPONENTS) }),
    },
    {
      ...goldenPaths,
      name: 'POST /api/golden-paths/upgrades/runs',
      method: 'POST',
      path: () => '/api/golden-paths/upgrades/runs',
    },
    {
      ...goldenPaths,
      name: 'GET /api/golden-paths/upgrades/:id',
      method: 'GET',
      path: ({ id }) => `/api/golden-paths/upgrades/${id}`,
      params: {
        id: rng => realOrUnknown(rng, context.upgradeIds, unknownUuid),
      },
    },
  ];
}
