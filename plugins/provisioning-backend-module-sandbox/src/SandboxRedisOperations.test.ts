import { mockServices } from '@backstage/backend-test-utils';
import type { DatabaseRequest } from '@paved/plugin-provisioning-common';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v4 as uuid } from 'uuid';
import { SandboxRedisProvider } from './SandboxRedisProvider';
import { REDIS_ADMIN, redisClient, redisRequest } from './__testUtils__/redis';
import { MemorySecrets } from './__testUtils__/fixtures';

jest.setTimeout(60_000);

/**
 * Who a connection is after AUTH with these credentials, or the server's refusal. AUTH is sent
 * as a command: ioredis only warns when the AUTH of its handshake fails.
 */
async function login(username: string, password: string): Promise<string> {
  const client = redisClient();
  try {
    await client.connect();
    await client.call('AUTH', username, password);
    return String(await client.call('ACL', 'WHOAMI'));
  } catch (error) {
    return (error as Error).message;
  } finally {
    client.disconnect();
  }
}

describe('SandboxRedisOperations against the local Redis', () => {
  const logger = mockServices.logger.mock();
  const admin = redisClient();
  let secrets: MemorySecrets;
  let ctx: { logger: typeof logger; secrets: MemorySecrets };
  let directory: string;
  let provider: SandboxRedisProvider;
  const created: DatabaseRequest[] = [];

  beforeAll(() => admin.connect());
  beforeEach(async () => {
    secrets = new MemorySecrets();
    ctx = { logger, secrets };
    directory = await fs.mkdtemp(path.join(os.tmpdir(), 'paved-redis-snap-'));
    provider = new SandboxRedisProvider({
      settings: { connection: REDIS_ADMIN },
      snapshotDirectory: directory,
    });
  });
  afterEach(() => fs.rm(directory, { recursive: true, force: true }));
  afterAll(async () => {
    for (const r of created) await provider.deprovision(r, ctx);
    admin.disconnect();
  });

  const ready = async () => {
    const request = redisRequest({ status: 'ready' });
    created.push(request);
    const status = await provider.provision(request, ctx);
    expect(status.state).toBe('ready');
    return { request, ...SandboxRedisProvider.userOf(request) };
  };

  it('rotates with a second password on the same user: the old one works through the grace period, not after', async () => {
    const { request, username } = await ready();
    const old = secrets.values.get(request.id)!;
    const fresh = 'N'.repeat(8) + uuid().replace(/-/g, '');
    const interrupted = 'I'.repeat(8) + uuid().replace(/-/g, '');

    // An attempt interrupted before Paved stored its password, then the one that completed.
    await provider.operations.rotateCredentials(request, interrupted, ctx);
    const { username: issued } = await provider.operations.rotateCredentials(
      request,
      fresh,
      ctx,
    );
    expect(issued).toBe(username);
    await secrets.put(request.id, fresh);

    // Grace period: both work, and a client connected with the old one stays connected.
    expect(await login(username, old)).toBe(username);
    expect(await login(username, fresh)).toBe(username);
    const oldClient = redisClient();
    await oldClient.connect();
    await oldClient.call('AUTH', username, old);
    expect(await oldClient.call('ACL', 'WHOAMI')).toBe(username);

    await provider.operations.revokeCredentials(request, username, ctx);
    expect(await login(username, old)).toMatch(/WRONGPASS/);
    expect(await login(username, interrupted)).toMatch(/WRONGPASS/);
    expect(await login(username, fresh)).toBe(username);
    // The connection opened with the old password is closed.
    await expect(oldClient.call('ACL', 'WHOAMI')).rejects.toThrow();
    oldClient.disconnect();

    // The user keeps exactly its rules: still confined to its prefix.
    const client = redisClient();
    await client.connect();
    await client.call('AUTH', username, fresh);
    await expect(client.set('elsewhere', '1')).rejects.toThrow(/NOPERM/);
    client.disconnect();

    await expect(
      provider.operations.revokeCredentials(request, 'default', ctx),
    ).rejects.toThrow(/is not one of request/);
  });

  it('snapshots the prefix, restores it exactly after changes, and keeps the safety snapshot', async () => {
    const { request, keyPrefix } = await ready();
    const other = await ready();
    const k = (name: string) => `${keyPrefix}${name}`;
    await admin.set(k('plain'), 'before');
    await admin.hset(k('hash'), { a: '1', b: '2' });
    await admin.set(k('expiring'), 'soon', 'PX', 600_000);
    await admin.set(k('deleted-later'), 'still here');
    await admin.set(`${other.keyPrefix}neighbour`, 'not mine');

    const snapshotId = uuid();
    const snapshot = await provider.operations.snapshot(
      request,
      snapshotId,
      ctx,
    );
    expect(snapshot.location).toBe(`${request.id}/${snapshotId}.redis.jsonl`);
    const file = path.join(directory, snapshot.location);
    const stat = await fs.stat(file);
    expect(stat.size).toBe(snapshot.sizeBytes);
    expect(stat.mode & 0o777).toBe(0o600);
    const keys = (await fs.readFile(file, 'utf8'))
      .trim()
      .split('\n')
      .map(line => Buffer.from(JSON.parse(line).k, 'base64').toString());
    expect(keys.sort()).toEqual(
      [k('deleted-later'), k('expiring'), k('hash'), k('plain')].sort(),
    );
    // A repeated step keeps the first point in time.
    await admin.set(k('plain'), 'changed');
    expect(
      await provider.operations.snapshot(request, snapshotId, ctx),
    ).toEqual(snapshot);

    await admin.hset(k('hash'), { a: 'changed' });
    await admin.del(k('deleted-later'));
    await admin.set(k('added-later'), 'new');

    // What the processor does: a safety snapshot first, then the restore.
    const safetyId = uuid();
    const safety = await provider.operations.snapshot(request, safetyId, ctx);
    await provider.operations.restore(
      request,
      { ...snapshot, id: snapshotId },
      ctx,
    );

    expect(await admin.get(k('plain'))).toBe('before');
    expect(await admin.hgetall(k('hash'))).toEqual({ a: '1', b: '2' });
    expect(await admin.get(k('deleted-later'))).toBe('still here');
    expect(await admin.exists(k('added-later'))).toBe(0);
    const ttl = await admin.pttl(k('expiring'));
    expect(ttl).toBeGreaterThan(500_000);
    expect(ttl).toBeLessThanOrEqual(600_000);
    expect(await admin.get(`${other.keyPrefix}neighbour`)).toBe('not mine');

    // The safety snapshot holds the content from before the restore.
    const safetyKeys = (
      await fs.readFile(path.join(directory, safety.location), 'utf8')
    )
      .trim()
      .split('\n')
      .map(line => Buffer.from(JSON.parse(line).k, 'base64').toString());
    expect(safetyKeys).toContain(k('added-later'));
    expect(safetyKeys).not.toContain(k('deleted-later'));

    await provider.operations.deleteSnapshot(request, {
      ...safety,
      id: safetyId,
    });
    await expect(
      fs.stat(path.join(directory, safety.location)),
    ).rejects.toThrow();
    await fs.stat(file);
  });

  it('restores nothing outside the prefix, and no snapshot of another request', async () => {
    const { request, keyPrefix } = await ready();
    const other = await ready();
    await admin.set(`${keyPrefix}kept`, 'value');
    const snapshotId = uuid();
    const snapshot = await provider.operations.snapshot(
      request,
      snapshotId,
      ctx,
    );
    const file = path.join(directory, snapshot.location);
    const payload = JSON.parse((await fs.readFile(file, 'utf8')).trim()).v;
    await fs.appendFile(
      file,
      `${JSON.stringify({
        k: Buffer.from(`${other.keyPrefix}hijack`).toString('base64'),
        v: payload,
        ttl: 0,
      })}\n`,
    );
    await expect(
      provider.operations.restore(
        request,
        { ...snapshot, id: snapshotId },
        ctx,
      ),
    ).rejects.toThrow(`holds a key outside ${keyPrefix}`);
    expect(await admin.exists(`${other.keyPrefix}hijack`)).toBe(0);
    // Refused before anything was removed.
    expect(await admin.get(`${keyPrefix}kept`)).toBe('value');

    await expect(
      provider.operations.restore(
        other.request,
        { ...snapshot, id: snapshotId },
        ctx,
      ),
    ).rejects.toThrow(`is not one of request ${other.request.id}`);
    await expect(
      provider.operations.snapshot(request, '../../etc/passwd', ctx),
    ).rejects.toThrow(/is not a UUID/);
  });

  it('records a resize and says honestly that the sandbox does not enforce memory', async () => {
    const { request, keyPrefix } = await ready();
    await admin.set(`${keyPrefix}some`, 'x'.repeat(1000));
    const status = await provider.operations.resize(request, {
      size: 'medium',
      storageGB: 2,
    });
    expect(status).toEqual({
      state: 'done',
      message: expect.stringMatching(
        /^recorded \(\d+ bytes in use\); the sandbox Redis is shared and Redis ACL has no per-user memory or key limit, so it is not enforced there$/,
      ),
    });
    const used = Number(/\((\d+) bytes/.exec(status.message!)![1]);
    expect(used).toBeGreaterThan(1000);
  });
});
