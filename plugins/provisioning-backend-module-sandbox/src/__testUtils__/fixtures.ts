import type { DatabaseRequest } from '@paved/plugin-provisioning-common';
import type { RequestSecretStore } from '@paved/plugin-provisioning-node';
import { Client } from 'pg';
import { v4 as uuid } from 'uuid';

/** The local PostgreSQL the tests administer (Paved's development and CI machines run one). */
export const POSTGRES_ADMIN =
  process.env.PAVED_SANDBOX_TEST_CONNECTION ??
  'postgresql://postgres@127.0.0.1:5432/postgres';

/** Runs `fn` with a client of the local PostgreSQL as its administrator. */
export async function withPostgresAdmin<T>(
  fn: (client: Client) => Promise<T>,
): Promise<T> {
  const client = new Client({ connectionString: POSTGRES_ADMIN });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The backend's secret store, in memory; `values` shows what a provider issued. */
export class MemorySecrets implements RequestSecretStore {
  readonly values = new Map<string, string>();
  async getOrCreate(id: string, generate: () => string) {
    if (!this.values.has(id)) this.values.set(id, generate());
    return this.values.get(id)!;
  }
  async get(id: string) {
    return this.values.get(id);
  }
  async put(id: string, secret: string) {
    this.values.set(id, secret);
  }
  async delete(id: string) {
    this.values.delete(id);
  }
}

/** A development request for the sandbox with a fresh id (PostgreSQL unless `type` says otherwise). */
export function sandboxRequest(
  overrides: Partial<DatabaseRequest> = {},
): DatabaseRequest {
  return {
    id: uuid(),
    type: 'postgresql',
    name: 'orders-test',
    owner: 'group:default/payments',
    environment: 'development',
    size: 'small',
    storageGB: 1,
    provider: 'sandbox',
    status: 'provisioning',
    requestedBy: 'user:default/sam.rivera',
    approvalRequired: false,
    humanStep: false,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    ...overrides,
  };
}
