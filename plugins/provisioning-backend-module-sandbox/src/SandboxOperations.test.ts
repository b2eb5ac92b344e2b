import { mockServices } from '@backstage/backend-test-utils';
import type { DatabaseRequest } from '@paved/plugin-provisioning-common';
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { v4 as uuid } from 'uuid';
import { SandboxDatabaseProvider } from './SandboxDatabaseProvider';
import { sandboxIdentifier } from './identifiers';
import { rotationLogin } from './SandboxOperations';
import {
  MemorySecrets,
  POSTGRES_ADMIN as ADMIN,
  sandboxRequest,
  withPostgresAdmin as admin,
} from './__testUtils__/fixtures';

jest.setTimeout(120_000);

const secrets = new MemorySecrets();
const ctx = { logger: mockServices.logger.mock(), secrets };

const password = () => randomBytes(24).toString('base64url');

/** Connects as `user` and runs `sql`; the local server trusts, so a refused login is NOLOGIN. */
async function asUser(
  user: string,
  secret: string,
  database: string,
  sql: string,
) {
  const client = new Client({
    host: '127.0.0.1',
    port: 5432,
    user,
    password: secret,
    database,
  });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Whether `secret` is the password PostgreSQL stores for `role` (its SCRAM-SHA-256 verifier,
 * RFC 5802/7677): the local server trusts every login, so the password is checked here.
 */
async function passwordMatches(role: string, secret: string) {
  const { rows } = await admin(c =>
    c.query('SELECT rolpassword FROM pg_authid WHERE rolname = $1', [role]),
  );
  const verifier: string | null = rows[0]?.rolpassword ?? null;
  const match = verifier?.match(/^SCRAM-SHA-256\$(\d+):([^$]+)\$([^:]+):(.+)$/);
  if (!match) return false;
  const [, iterations, salt, storedKey] = match;
  const salted = pbkdf2Sync(
    secret,
    Buffer.from(salt, 'base64'),
    Number(iterations),
    32,
    'sha256',
  );
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  return createHash('sha256').update(clientKey).digest('base64') === storedKey;
}

describe('sandbox operations on the local PostgreSQL', () => {
  let snapshotDirectory: string;
  let provider: SandboxDatabaseProvider;
  let request: DatabaseRequest;
  let identifier: string;

  beforeAll(async () => {
    snapshotDirectory = await fs.mkdtemp(
      path.join(os.tmpdir(), 'paved-snapshots-'),
    );
    provider = new SandboxDatabaseProvider({
      settings: { connection: ADMIN, snapshotDirectory },
    });
    const base = sandboxRequest({ name: 'ops-test' });
    const status = await provider.provision(base, ctx);
    if (status.state !== 'ready') throw new Error(JSON.stringify(status));
    request = { ...base, status: 'ready', outputs: status.outputs };
    identifier = sandboxIdentifier(request);
  });

  afterAll(async () => {
    await provider.deprovision(request, ctx);
    await fs.rm(snapshotDirectory, { recursive: true, force: true });
  });

  it('rotates onto the other login, keeps the old one until revoked, and back again', async () => {
    const first = (await secrets.get(request.id))!;
    const second = password();
    const { username } = await provider.operations.rotateCredentials(
      request,
      second,
      ctx,
    );
    expect(username).toBe(rotationLogin(identifier));
    expect(await passwordMatches(username, second)).toBe(true);

    // Grace period: both logins work, and the new one acts as the database's owner.
    await expect(
      asUser(identifier, first, identifier, 'SELECT 1 AS ok'),
    ).resolves.toEqual([{ ok: 1 }]);
    await asUser(
      username,
      second,
      identifier,
      'CREATE TABLE made_by_alt (x int)',
    );
    const [{ tableowner }] = await asUser(
      username,
      second,
      identifier,
      "SELECT tableowner FROM pg_tables WHERE tablename = 'made_by_alt'",
    );
    expect(tableowner).toBe(identifier);

    // A repeat before the outputs changed (a crash) addresses the same login.
    const third = password();
    expect(
      await provider.operations.rotateCredentials(request, third, ctx),
    ).toEqual({ username });
    expect(await passwordMatches(username, third)).toBe(true);
    expect(await passwordMatches(username, second)).toBe(false);

    // An open session of the old login ends with the revocation.
    const lingering = new Client({
      host: '127.0.0.1',
      port: 5432,
      user: identifier,
      password: first,
      database: identifier,
    });
    lingering.on('error', () => undefined);
    await lingering.connect();
    await provider.operations.revokeCredentials(request, identifier, ctx);
    await expect(
      asUser(identifier, first, identifier, 'SELECT 1'),
    ).rejects.toThrow(/not permitted to log in/);
    await expect(lingering.query('SELECT 1')).rejects.toThrow();
    await lingering.end().catch(() => undefined);
    expect(await passwordMatches(identifier, first)).toBe(false);
    await expect(
      asUser(username, third, identifier, 'SELECT 1 AS ok'),
    ).resolves.toEqual([{ ok: 1 }]);
    // Revoking twice succeeds.
    await provider.operations.revokeCredentials(request, identifier, ctx);

    // The next rotation goes back to the database's own role.
    const rotated = {
      ...request,
      outputs: { ...request.outputs!, username },
    };
    const fourth = password();
    expect(
      await provider.operations.rotateCredentials(rotated, fourth, ctx),
    ).toEqual({ username: identifier });
    await provider.operations.revokeCredentials(rotated, username, ctx);
    await expect(
      asUser(username, third, identifier, 'SELECT 1'),
    ).rejects.toThrow(/not permitted to log in/);
    await expect(
      asUser(identifier, fourth, identifier, 'SELECT 1 AS ok'),
    ).resolves.toEqual([{ ok: 1 }]);
    expect(await passwordMatches(identifier, fourth)).toBe(true);
    await secrets.put(request.id, fourth);
  });

  it('refuses to revoke a login that is not the request’s own', async () => {
    await expect(
      provider.operations.revokeCredentials(request, 'postgres', ctx),
    ).rejects.toThrow(/is not one of request/);
  });

  it('snapshots, and a restore brings the content of the snapshot back exactly', async () => {
    const secret = (await secrets.get(request.id))!;
    const sql = (statement: string) =>
      asUser(identifier, secret, identifier, statement);
    await sql(
      "CREATE TABLE orders (id int primary key, item text); INSERT INTO orders VALUES (1, 'tea'), (2, 'cake')",
    );
    const snapshotId = uuid();
    const record = await provider.operations.snapshot(request, snapshotId, ctx);
    expect(record.location).toBe(`${request.id}/${snapshotId}.dump`);
    const file = path.join(snapshotDirectory, record.location);
    const stat = await fs.stat(file);
    expect(record.sizeBytes).toBe(stat.size);
    expect(stat.size).toBeGreaterThan(0);
    expect(stat.mode & 0o077).toBe(0);
    // A repeated step keeps the first point in time.
    await sql("INSERT INTO orders VALUES (3, 'late')");
    expect(
      await provider.operations.snapshot(request, snapshotId, ctx),
    ).toEqual(record);

    await sql('DELETE FROM orders; CREATE TABLE scratch (x int)');
    await provider.operations.restore(
      request,
      { id: snapshotId, ...record },
      ctx,
    );
    expect(await sql('SELECT id, item FROM orders ORDER BY id')).toEqual([
      { id: 1, item: 'tea' },
      { id: 2, item: 'cake' },
    ]);
    expect(
      await sql(
        "SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
      ),
    ).toEqual([
      { tablename: 'made_by_alt', tableowner: identifier },
      { tablename: 'orders', tableowner: identifier },
    ]);
    // Still only its own role may connect to the re-created database.
    const [{ acl }] = await admin(c =>
      c.query(
        'SELECT datacl::text AS acl FROM pg_database WHERE datname = $1',
        [identifier],
      ),
    ).then(r => r.rows);
    expect(acl).not.toMatch(/(^|[{,])=/);

    await provider.operations.deleteSnapshot(request, {
      id: snapshotId,
      ...record,
    });
    await expect(fs.stat(file)).rejects.toThrow();
  });

  it('refuses snapshot locations outside the request’s folder', async () => {
    await expect(
      provider.operations.snapshot(request, '../../etc/passwd', ctx),
    ).rejects.toThrow(/is not a UUID/);
    await expect(
      provider.operations.restore(
        request,
        { id: uuid(), location: '../x.dump', sizeBytes: 1 },
        ctx,
      ),
    ).rejects.toThrow(/is not one of request/);
  });

  it('resizes by the connection limit of the size', async () => {
    await expect(
      provider.operations.resize(request, { size: 'medium', storageGB: 2 }),
    ).resolves.toMatchObject({ state: 'done' });
    const { rows } = await admin(c =>
      c.query('SELECT datconnlimit FROM pg_database WHERE datname = $1', [
        identifier,
      ]),
    );
    expect(rows[0].datconnlimit).toBe(50);
  });
});
