import os from 'node:os';
import { mockServices } from '@backstage/backend-test-utils';
import { Client } from 'pg';
import { SandboxDatabaseProvider } from './SandboxDatabaseProvider';
import { sandboxIdentifier } from './identifiers';
import {
  MemorySecrets,
  POSTGRES_ADMIN as ADMIN,
  sandboxRequest,
} from './__testUtils__/fixtures';

jest.setTimeout(60_000);

describe('sandbox databases on the local PostgreSQL', () => {
  const secrets = new MemorySecrets();
  const ctx = { logger: mockServices.logger.mock(), secrets };
  const provider = new SandboxDatabaseProvider({
    settings: { connection: ADMIN, snapshotDirectory: os.tmpdir() },
  });
  const a = sandboxRequest({ name: 'isolation-a' });
  const b = sandboxRequest({ name: 'isolation-b' });

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
      password: secrets.values.get(a.id),
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
      password: secrets.values.get(a.id),
      database: sandboxIdentifier(a),
    });
    await own.connect();
    await own.end();
  });
});
