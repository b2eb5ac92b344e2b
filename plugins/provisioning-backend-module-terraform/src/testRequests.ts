import type { DatabaseRequest } from '@paved/plugin-provisioning-common';

/** A request as the backend hands it to a provider after guardrails and approval. */
export function databaseRequest(
  overrides: Partial<DatabaseRequest> = {},
): DatabaseRequest {
  return {
    id: '0b5e4c1e-8c8f-4f7e-9d55-6f1d2a7f3a10',
    type: 'postgresql',
    name: 'orders',
    owner: 'group:default/payments',
    system: 'system:default/payments',
    component: 'component:default/payments-api',
    environment: 'production',
    size: 'medium',
    storageGB: 50,
    version: '16',
    provider: 'crossplane',
    status: 'provisioning',
    requestedBy: 'user:default/sam.rivera',
    approvalRequired: true,
    humanStep: true,
    createdAt: '2026-11-23T10:00:00.000Z',
    updatedAt: '2026-11-23T10:00:00.000Z',
    ...overrides,
  };
}
