import type { DatabaseRequest } from '@paved/plugin-provisioning-common';
import type { RequestSecretStore } from '@paved/plugin-provisioning-node';
import Redis from 'ioredis';
import os from 'node:os';
import path from 'node:path';
import { v4 as uuid } from 'uuid';

/** The local Redis the tests administer (Paved's development and CI machines run one). */
export const REDIS_ADMIN =
  process.env.PAVED_SANDBOX_TEST_REDIS ?? 'redis://127.0.0.1:6379';

/** For providers of tests that take no snapshot. */
export const UNUSED_SNAPSHOT_DIRECTORY = path.join(
  os.tmpdir(),
  'paved-redis-snapshots-unused',
);

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

export function redisRequest(
  overrides: Partial<DatabaseRequest> = {},
): DatabaseRequest {
  return {
    id: uuid(),
    type: 'redis',
    name: 'sessions-test',
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

/** A client of the local Redis, as `default` or as the given user; errors come from commands. */
export function redisClient(auth?: { username: string; password: string }) {
  const client = new Redis(REDIS_ADMIN, {
    ...auth,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableReadyCheck: false,
    disableClientInfo: true,
  });
  client.on('error', () => undefined);
  return client;
}
