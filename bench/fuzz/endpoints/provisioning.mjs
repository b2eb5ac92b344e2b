/*
 * /api/provisioning/* (plugins/provisioning-backend/src/service/router.ts, approvalRoutes.ts,
 * costRoutes.ts, operationsRouter.ts; src/schema/openapi.yaml).
 */
import { randomAscii } from '../generators.mjs';
import { realOrUnknown, unknownUuid } from './common.mjs';

const PROVISIONING_BODY_LIMIT = 64 * 1024;

/** Mostly a valid key; sometimes any ASCII (spaces included), which the spec refuses. */
const idempotencyKey = rng =>
  rng.chance(0.3)
    ? {
        'Idempotency-Key': rng.chance(0.5)
          ? `fuzz-${rng.int(0, 1e9)}`
          : randomAscii(rng, 30) || 'k',
      }
    : {};

/** A request each environment of app-config.yaml admits (sizes, storage, providers, TTL). */
function databaseRequest(rng) {
  const environment = rng.pick([
    'development',
    'staging',
    'production',
    'ephemeral',
  ]);
  const common = {
    type: 'postgresql',
    name: `fuzz-${rng.int(0, 1e6)}`,
    owner: 'group:default/payments',
    system: 'system:default/payments',
    environment,
    version: '16',
  };
  switch (environment) {
    case 'ephemeral':
      return {
        ...common,
        size: 'small',
        storageGB: rng.int(1, 10),
        ttlHours: rng.int(1, 72),
        provider: 'sandbox',
      };
    case 'production':
      return {
        ...common,
        size: rng.pick(['small', 'medium', 'large']),
        storageGB: rng.int(10, 100),
        provider: rng.pick(['crossplane', 'terraform']),
      };
    case 'staging':
      return {
        ...common,
        size: rng.pick(['small', 'medium', 'large']),
        storageGB: rng.int(1, 30),
        provider: rng.pick(['sandbox', 'terraform']),
      };
    default:
      return {
        ...common,
        size: rng.pick(['small', 'medium']),
        storageGB: rng.int(1, 20),
        provider: 'sandbox',
      };
  }
}

/** A valid CreateDatabaseOperation of each type. */
const operationBody = rng =>
  rng.pick([
    () => ({
      type: 'resize',
      size: rng.pick(['small', 'medium', 'large']),
      storageGB: rng.int(1, 50),
    }),
    () => ({ type: 'rotate-credentials' }),
    () => ({ type: 'extend', hours: rng.int(1, 72) }),
    () => ({ type: 'snapshot', label: `fuzz-${rng.int(0, 1e6)}` }),
    () => ({ type: 'restore', snapshotId: unknownUuid(rng) }),
  ])();

export function provisioningEndpoints(context) {
  const requests = [
    context.developmentRequestId,
    context.productionRequestId,
    context.ephemeralRequestId,
  ];
  const requestId = rng => rng.pick(requests);
  // A ready database cannot exist here (the sandbox provider points at a dead port), so no
  // operation does either: operation ids are unknown, on real requests and unknown ones.
  const operationParams = {
    id: rng => realOrUnknown(rng, requests),
    operationId: unknownUuid,
  };
  const provisioning = { bodyLimit: PROVISIONING_BODY_LIMIT, auth: 'user' };
  return [
    {
      ...provisioning,
      name: 'POST /api/provisioning/requests',
      method: 'POST',
      path: () => '/api/provisioning/requests',
      headers: idempotencyKey,
      body: databaseRequest,
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
      path: ({ id }) => `/api/provisioning/requests/${id}`,
      params: { id: requestId },
    },
    {
      ...provisioning,
      name: 'GET /api/provisioning/requests/:id/drift',
      method: 'GET',
      path: ({ id }) => `/api/provisioning/requests/${id}/drift`,
      params: { id: rng => realOrUnknown(rng, requests) },
    },
    {
      ...provisioning,
      name: 'POST /api/provisioning/requests/:id/approve',
      method: 'POST',
      path: ({ id }) => `/api/provisioning/requests/${id}/approve`,
      params: { id: requestId },
      body: () => ({ comment: 'looks fine' }),
    },
    {
      ...provisioning,
      name: 'POST /api/provisioning/requests/:id/reject',
      method: 'POST',
      path: ({ id }) => `/api/provisioning/requests/${id}/reject`,
      params: { id: requestId },
      body: () => ({ comment: 'too large' }),
    },
    {
      ...provisioning,
      name: 'POST /api/provisioning/requests/:id/extend',
      method: 'POST',
      path: ({ id }) => `/api/provisioning/requests/${id}/extend`,
      // Only ephemeral databases are extended; the others answer 400.
      params: {
        id: rng =>
          rng.chance(0.7) ? context.ephemeralRequestId : requestId(rng),
      },
      body: rng => ({ hours: rng.int(1, 100) }),
    },
    {
      ...provisioning,
      name: 'GET /api/provisioning/requests/:id/credentials',
      method: 'GET',
      path: ({ id }) => `/api/provisioning/requests/${id}/credentials`,
      params: { id: requestId },
    },
    {
      ...provisioning,
      name: 'POST /api/provisioning/requests/:id/operations',
      method: 'POST',
      path: ({ id }) => `/api/provisioning/requests/${id}/operations`,
      params: { id: rng => realOrUnknown(rng, requests) },
      headers: idempotencyKey,
      body: operationBody,
    },
    {
      ...provisioning,
      name: 'GET /api/provisioning/requests/:id/operations',
      method: 'GET',
      path: ({ id }) => `/api/provisioning/requests/${id}/operations`,
      params: { id: rng => realOrUnknown(rng, requests) },
    },
    {
      ...provisioning,
      name: 'GET /api/provisioning/requests/:id/operations/:operationId',
      method: 'GET',
      path: ({ id, operationId }) =>
        `/api/provisioning/requests/${id}/operations/${operationId}`,
      params: operationParams,
    },
    {
      ...provisioning,
      name: 'POST /api/provisioning/requests/:id/operations/:operationId/approve',
      method: 'POST',
      path: ({ id, operationId }) =>
        `/api/provisioning/requests/${id}/operations/${operationId}/approve`,
      params: operationParams,
      body: () => ({ comment: 'fine to resize' }),
    },
    {
      ...provisioning,
      name: 'POST /api/provisioning/requests/:id/operations/:operationId/reject',
      method: 'POST',
      path: ({ id, operationId }) =>
        `/api/provisioning/requests/${id}/operations/${operationId}/reject`,
      params: operationParams,
      body: () => ({ comment: 'not during the freeze' }),
    },
    {
      ...provisioning,
      name: 'GET /api/provisioning/requests/:id/snapshots',
      method: 'GET',
      path: ({ id }) => `/api/provisioning/requests/${id}/snapshots`,
      params: { id: rng => realOrUnknown(rng, requests) },
    },
    {
      ...provisioning,
      name: 'DELETE /api/provisioning/requests/:id',
      method: 'DELETE',
      path: ({ id }) => `/api/provisioning/requests/${id}`,
      // Only requests nobody else needs: the set-up step makes a few to delete.
      params: { id: rng => rng.pick(context.disposableRequestIds) },
    },
    {
      ...provisioning,
      name: 'GET /api/provisioning/approvals',
      method: 'GET',
      path: () => '/api/provisioning/approvals',
    },
    {
      ...provisioning,
      name: 'GET /api/provisioning/prices',
      method: 'GET',
      path: () => '/api/provisioning/prices',
    },
    {
      ...provisioning,
      name: 'GET /api/provisioning/costs',
      method: 'GET',
      path: () => '/api/provisioning/costs',
      query: rng => ({
        owner: rng.pick([
          'group:default/payments',
          'group:default/payments,group:default/platform',
        ]),
      }),
    },
    {
      ...provisioning,
      name: 'GET /api/provisioning/policy',
      method: 'GET',
      path: () => '/api/provisioning/policy',
      query: () => ({ owner: 'group:default/payments' }),
    },
  ];
}
