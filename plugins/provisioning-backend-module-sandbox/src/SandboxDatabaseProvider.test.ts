import os from 'node:os';
import { mockServices } from '@backstage/backend-test-utils';
import { DatabaseRequest } from '@paved/plugin-provisioning-common';
import { Client } from 'pg';
import { SandboxDatabaseProvider } from './SandboxDatabaseProvider';
import { sandboxIdentifier } from './identifiers';
import {
  MemorySecrets,
  POSTGRES_ADMIN as ADMIN,
  sandboxRequest as request,
  withPostgresAdmin,
} from './__testUtils__/fixtures';

jest.setTimeout(60_000);

const adminQuery = (sql: string, params: unknown[] = []) =>
  withPostgresAdmin(client => client.query(sql, params));

describe('SandboxDatabaseProvider against the local PostgreSQL', () => {
  const logger = mockServices.logger.mock();
  let secrets: MemorySecrets;
  let ctx: { logger: typeof logger; secrets: MemorySecrets };
  let provider: SandboxDatabaseProvider;
  const created: DatabaseRequest[] = [];

  beforeEach(() => {
    secrets = new MemorySecrets();
    ctx = { logger, secrets };
    provider = new SandboxDatabaseProvider({
      settings: { connection: ADMIN, snapshotDirectory: os.tmpdir() },
    });
  });

  afterAll(async () => {
    for (const r of created) {
      await new SandboxDatabaseProvider({
        settings: { connection: ADMIN, snapshotDirectory: os.tmpdir() },
      }).deprovision(r, { logger, secrets: new MemorySecrets() });
    }
  });

  it('creates a role and database, is ready only after connecting with the issued credentials, and drops both', async () => {
    const r = request();
    created.push(r);
    const identifier = sandboxIdentifier(r);

    const status = await provider.provision(r, ctx);
    expect(status).toEqual({
      state: 'ready',
      message: 'Connected with the issued credentials',
      outputs: {
        host: '127.0.0.1',
        port: 5432,
        database: identifier,
        username: identifier,
        credentialsRef: `paved-secret:${r.id}`,
        // The name a service's chart reads (databaseConnectionSecretName of provisioning-common).
        connectionSecret: `${r.name}-${r.environment}-connection`,
      },
    });
    expect(JSON.stringify(status)).not.toContain(secrets.values.get(r.id)!);

    const password = secrets.values.get(r.id)!;
    const owner = new Client({
      host: '127.0.0.1',
      port: 5432,
      user: identifier,
      password,
      database: identifier,
    });
    await owner.connect();
    await owner.query('CREATE TABLE t (id int)');
    await owner.end();

    const db = await adminQuery(
      'SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1',
      [identifier],
    );
    expect(db.rows).toEqual([{ owner: identifier }]);

    // Idempotent: a retry after a crash neither fails nor creates anything new.
    await expect(provider.provision(r, ctx)).resolves.toMatchObject({
      state: 'ready',
    });
    await expect(provider.status(r, ctx)).resolves.toMatchObject({
      state: 'ready',
    });

    // The password never reaches the logs.
    for (const call of [
      ...logger.info.mock.calls,
      ...logger.warn.mock.calls,
      ...logger.error.mock.calls,
    ]) {
      expect(JSON.stringify(call)).not.toContain(password);
    }

    await provider.deprovision(r, ctx);
    await provider.deprovision(r, ctx);
    expect(
      (
        await adminQuery('SELECT 1 FROM pg_database WHERE datname = $1', [
          identifier,
        ])
      ).rowCount,
    ).toBe(0);
    expect(
      (
        await adminQuery('SELECT 1 FROM pg_roles WHERE rolname = $1', [
          identifier,
        ])
      ).rowCount,
    ).toBe(0);
  });

  it('drops a database even while its owner is connected', async () => {
    const r = request({ name: 'busy' });
    created.push(r);
    await provider.provision(r, ctx);
    const identifier = sandboxIdentifier(r);
    const session = new Client({
      host: '127.0.0.1',
      user: identifier,
      password: secrets.values.get(r.id),
      database: identifier,
    });
    await session.connect();
    session.on('error', () => {});
    await provider.deprovision(r, ctx);
    await session.end().catch(() => {});
    expect(
      (
        await adminQuery('SELECT 1 FROM pg_database WHERE datname = $1', [
          identifier,
        ])
      ).rowCount,
    ).toBe(0);
  });

  it.each([
    ['SQL injection', 'a"; DROP DATABASE postgres; --'],
    ['200 characters', 'a'.repeat(200)],
    ['Unicode', 'datenbank-größe'],
    ['upper case', 'Orders'],
    ['empty', ''],
  ])(
    'refuses a hostile name (%s) without touching the server',
    async (_label, name) => {
      const hostile = request({ name });
      const status = await provider.provision(hostile, ctx);
      expect(status).toMatchObject({ state: 'failed', retryable: false });
      expect(secrets.values.size).toBe(0);
      // Nothing of this request on the server: no database and no role carries its id. (Not a
      // count of all databases: other suites create theirs on the same server meanwhile.)
      const idPart = `%${hostile.id.replace(/-/g, '').slice(0, 8)}%`;
      for (const table of ['pg_database', 'pg_roles']) {
        const column = table === 'pg_database' ? 'datname' : 'rolname';
        expect(
          (
            await adminQuery(`SELECT 1 FROM ${table} WHERE ${column} LIKE $1`, [
              idPart,
            ])
          ).rowCount,
        ).toBe(0);
      }
      expect(
        (
          await adminQuery(
            "SELECT 1 FROM pg_database WHERE datname = 'postgres'",
          )
        ).rowCount,
      ).toBe(1);
    },
  );

  it('reports an unreachable server as a retryable failure', async () => {
    const unreachable = new SandboxDatabaseProvider({
      settings: {
        connection: 'postgresql://postgres@127.0.0.1:1/postgres',
        snapshotDirectory: os.tmpdir(),
      },
    });
    await expect(unreachable.provision(request(), ctx)).resolves.toMatchObject({
      state: 'failed',
      retryable: true,
    });
  });

  it('reads a status back only with issued credentials, naming what stands in the way', async () => {
    // Before provisioning issued a password there is nothing to connect with.
    await expect(provider.status(request(), ctx)).resolves.toEqual({
      state: 'pending',
      message: 'No credentials issued yet',
    });
    // A name that makes no identifier fails for good, without a look at the secrets.
    await expect(
      provider.status(request({ name: 'Orders' }), ctx),
    ).resolves.toMatchObject({
      state: 'failed',
      retryable: false,
      message: expect.stringMatching(/not a lowercase DNS label/),
    });
    // An unreachable server may come back: retryable, with PostgreSQL's error code.
    const unreachable = new SandboxDatabaseProvider({
      settings: {
        connection: 'postgresql://postgres@127.0.0.1:1/postgres',
        snapshotDirectory: os.tmpdir(),
      },
    });
    const r = request();
    secrets.values.set(r.id, 'A'.repeat(32));
    await expect(unreachable.status(r, ctx)).resolves.toMatchObject({
      state: 'failed',
      retryable: true,
      message: expect.stringMatching(/^ECONNREFUSED: /),
    });
  });

  it('derives names from the request so retries address the same objects', () => {
    const r = request({ name: 'a-b' });
    expect(sandboxIdentifier(r)).toBe(sandboxIdentifier({ ...r }));
    expect(sandboxIdentifier(r)).toMatch(/^paved_a_b_[0-9a-f]{8}$/);
    expect(
      sandboxIdentifier(request({ name: 'x'.repeat(63) })).length,
    ).toBeLessThanOrEqual(63);
  });
});
