import os from 'node:os';
import { mockServices } from '@backstage/backend-test-utils';
import type { DatabaseRequest } from '@paved/plugin-provisioning-common';
import { Client } from 'pg';
import { v4 as uuid } from 'uuid';
import { SandboxDatabaseProvider } from './SandboxDatabaseProvider';
import { sandboxIdentifier } from './identifiers';

jest.setTimeout(60_000);

const ADMIN =
  process.env.PAVED_SANDBOX_TEST_CONNECTION ??
  'postgresql://postgres@127.0.0.1:5432/postgres';

function request(name: string): DatabaseRequest {
  return {
    id: uuid(),
    type: 'postgresql',
    name,
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
  };
}

describe('sandbox databases on the local PostgreSQL', () => {
  const passwords = new Map<string, string>();
  const ctx = {
    logger: mockServices.logger.mock(),
    secrets: {
      async getOrCreate(id: string, generate: () => string) {
        if (!passwords.has(id)) passwords.set(id, generate());
        return passwords.get(id)!;
      },
      async get(id: string) {
        return passwords.get(id);
      },
      async put(id: string, secret: string) {
        passwords.set(id, secret);
      },
      async delete(id: string) {
        passwords.delete(id);
      },
    },
  };
  const provider = new SandboxDatabaseProvider({
    settings: { connection: ADMIN, snapshotDirectory: os.tmpdir() },
  });
  const a = request('isolation-a');
  const b = request('isolation-b');

  afterAll(async () => {
    await provider.deprovision(a, ctx);
    await provider.deprovision(b, ctx);
  });

  it('lets a sandbox role connect only to its own database', async () => {
    expect(await provider.provision(a, ctx)).toMatchObject({ state: 'ready' });
    expect(await provider.provision(b, ctx)).toMatchObject({ state: 'ready' });

    // Role A, with its own credentials, tries the database of B: PostgreSQL refuses the connection.
    const url = new URL(ADMIN);
    const attempt = new Client({
      host: url.hostname,
      port: Number(url.port || 5432),
      user: sandboxIdentifier(a),
      password: passwords.get(a.id),
      database: sandboxIdentifier(b),
    });
    await expect(attempt.connect()).rejects.toMatchObject({
      code: '42501', // insufficient_privilege: permission denied for database
    });
    await attempt.end().catch(() => undefined);

    // ... and its own database still answers.
    const own = new Client({
      host: url.hostname,
      port: Number(url.port || 5432),
      user: sandboxIdentifier(a),
      password: passwords.get(a.id),
      database: sandboxIdentifier(a),
    });
    await own.connect();
    await own.end();
  });
});
