import type { DatabaseRequest } from '@paved/plugin-provisioning-common';
import Redis from 'ioredis';
import os from 'node:os';
import path from 'node:path';
import { sandboxRequest } from './fixtures';

/** The local Redis the tests administer (Paved's development and CI machines run one). */
export const REDIS_ADMIN =
  process.env.PAVED_SANDBOX_TEST_REDIS ?? 'redis://127.0.0.1:6379';

/** For providers of tests that take no snapshot. */
export const UNUSED_SNAPSHOT_DIRECTORY = path.join(
  os.tmpdir(),
  'paved-redis-snapshots-unused',
);

export function redisRequest(
  overrides: Partial<DatabaseRequest> = {},
): DatabaseRequest {
  return sandboxRequest({ type: 'redis', name: 'sessions-test', ...overrides });
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
