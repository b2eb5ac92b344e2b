import { mockServices } from '@backstage/backend-test-utils';
import type { DatabaseRequest } from '@paved/plugin-provisioning-common';
import { SandboxRedisProvider } from './SandboxRedisProvider';
import {
  REDIS_ADMIN,
  UNUSED_SNAPSHOT_DIRECTORY,
  redisClient,
  redisRequest,
} from './__testUtils__/redis';
import { MemorySecrets } from './__testUtils__/fixtures';

jest.setTimeout(60_000);

describe('SandboxRedisProvider against the local Redis', () => {
  const logger = mockServices.logger.mock();
  const admin = redisClient();
  let secrets: MemorySecrets;
  let ctx: { logger: typeof logger; secrets: MemorySecrets };
  let provider: SandboxRedisProvider;
  const created: DatabaseRequest[] = [];

  beforeAll(() => admin.connect());
  beforeEach(() => {
    secrets = new MemorySecrets();
    ctx = { logger, secrets };
    provider = new SandboxRedisProvider({
      settings: { connection: REDIS_ADMIN },
      snapshotDirectory: UNUSED_SNAPSHOT_DIRECTORY,
    });
  });
  afterAll(async () => {
    for (const r of created) {
      await provider.deprovision(r, ctx);
    }
    admin.disconnect();
  });

  const provisioned = async (overrides: Partial<DatabaseRequest> = {}) => {
    const r = redisRequest(overrides);
    created.push(r);
    return { request: r, status: await provider.provision(r, ctx) };
  };

  it('creates an ACL user confined to its prefix and reports it ready, without the password', async () => {
    const { request, status } = await provisioned();
    const { username, keyPrefix } = SandboxRedisProvider.userOf(request);
    expect(username).toBe(
      `paved_sessions_test_${request.id.replace(/-/g, '').slice(0, 8)}`,
    );
    expect(status).toEqual({
      state: 'ready',
      outputs: {
        host: '127.0.0.1',
        port: 6379,
        database: '0',
        username,
        keyPrefix: `${username}:`,
        credentialsRef: `paved-secret:${request.id}`,
        connectionSecret: 'sessions-test-development-connection',
      },
      message: expect.stringMatching(/Authenticated/),
    });
    const password = secrets.values.get(request.id)!;
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(JSON.stringify(status)).not.toContain(password);

    const user = (await admin.call('ACL', 'GETUSER', username)) as unknown[];
    const rules = Object.fromEntries(
      Array.from({ length: user.length / 2 }, (_, i) => [
        user[2 * i],
        user[2 * i + 1],
      ]),
    ) as Record<string, any>;
    expect(rules.flags).toContain('on');
    expect(rules.keys).toBe(`~${keyPrefix}*`);
    expect(rules.channels).toBe(`&${keyPrefix}*`);
    expect(rules.commands).toMatch(/^\+@all -@dangerous /);
    // The verification key is gone again.
    expect(await admin.exists(`${keyPrefix}paved:probe`)).toBe(0);
    expect(await provider.status(request, ctx)).toMatchObject({
      state: 'ready',
    });
  });

  it('is idempotent: a retried provision keeps the password and the keys', async () => {
    const { request } = await provisioned();
    const { username, keyPrefix } = SandboxRedisProvider.userOf(request);
    const password = secrets.values.get(request.id)!;
    const user = redisClient({ username, password });
    await user.connect();
    await user.set(`${keyPrefix}cart:1`, 'two items');
    user.disconnect();

    expect((await provider.provision(request, ctx)).state).toBe('ready');
    expect(secrets.values.get(request.id)).toBe(password);
    expect(await admin.get(`${keyPrefix}cart:1`)).toBe('two items');
    expect(await admin.call('ACL', 'USERS')).toContain(username);
  });

  it('deprovisioning removes the user and every key under its prefix, and may run twice', async () => {
    const { request } = await provisioned({ name: 'doomed' });
    const other = await provisioned({ name: 'neighbour' });
    const { username, keyPrefix } = SandboxRedisProvider.userOf(request);
    const neighbour = SandboxRedisProvider.userOf(other.request);
    const password = secrets.values.get(request.id)!;
    const user = redisClient({ username, password });
    await user.connect();
    // More keys than one SCAN batch, so removal has to follow the cursor.
    const pipeline = user.pipeline();
    for (let i = 0; i < 1200; i++) pipeline.set(`${keyPrefix}k:${i}`, i);
    await pipeline.exec();
    await admin.set(`${neighbour.keyPrefix}keep`, 'mine');
    user.disconnect();

    await provider.deprovision(request, ctx);
    expect(await admin.call('ACL', 'USERS')).not.toContain(username);
    const [, left] = (await admin.call(
      'SCAN',
      '0',
      'MATCH',
      `${keyPrefix}*`,
      'COUNT',
      '100000',
    )) as [string, string[]];
    expect(left).toEqual([]);
    expect(await admin.get(`${neighbour.keyPrefix}keep`)).toBe('mine');

    // The deleted user cannot sign in any more.
    await expect(admin.call('AUTH', username, password)).rejects.toThrow(
      /WRONGPASS/,
    );

    await expect(provider.deprovision(request, ctx)).resolves.toBeUndefined();
  });

  it('does not report ready when the issued password does not work', async () => {
    const { request } = await provisioned({ name: 'tampered' });
    secrets.values.set(request.id, 'A'.repeat(32));
    const status = await provider.status(request, ctx);
    expect(status).toMatchObject({ state: 'failed', retryable: false });
    expect(JSON.stringify(status)).toMatch(
      /issued credentials of paved_tampered_\w+ did not authenticate/,
    );
  });

  it('refuses hostile names before they reach Redis', async () => {
    for (const name of ['a b', 'x*', 'Orders', 'k ~* +@all', '']) {
      const status = await provider.provision(redisRequest({ name }), ctx);
      expect(status).toMatchObject({ state: 'failed', retryable: false });
    }
    expect(secrets.values.size).toBe(0);
  });

  it('reports an unreachable server as a retryable failure', async () => {
    const unreachable = new SandboxRedisProvider({
      settings: { connection: 'redis://127.0.0.1:1' },
      snapshotDirectory: UNUSED_SNAPSHOT_DIRECTORY,
    });
    const status = await unreachable.provision(redisRequest(), ctx);
    expect(status).toMatchObject({ state: 'failed', retryable: true });
  });

  it('reads a status back only with issued credentials, naming what stands in the way', async () => {
    // Before provisioning issued a password there is nothing to authenticate with.
    expect(await provider.status(redisRequest(), ctx)).toEqual({
      state: 'pending',
      message: 'No credentials issued yet',
    });
    // A name that makes no user fails for good, without a look at the secrets.
    expect(
      await provider.status(redisRequest({ name: 'Orders' }), ctx),
    ).toMatchObject({
      state: 'failed',
      retryable: false,
      message: expect.stringMatching(/not a lowercase DNS label/),
    });
    // An unreachable server may come back.
    const unreachable = new SandboxRedisProvider({
      settings: { connection: 'redis://127.0.0.1:1' },
      snapshotDirectory: UNUSED_SNAPSHOT_DIRECTORY,
    });
    const request = redisRequest();
    secrets.values.set(request.id, 'A'.repeat(32));
    expect(await unreachable.status(request, ctx)).toMatchObject({
      state: 'failed',
      retryable: true,
    });
  });

  it('refuses an admin connection that is not a Redis URL', () => {
    expect(
      () =>
        new SandboxRedisProvider({
          settings: { connection: 'postgresql://127.0.0.1:5432' },
          snapshotDirectory: UNUSED_SNAPSHOT_DIRECTORY,
        }),
    ).toThrow(/must be a redis:\/\/ or rediss:\/\/ URL/);
  });
});
