import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import { KnexDatabaseRequestStore } from './KnexDatabaseRequestStore';
import { NewDatabaseRequest } from './DatabaseRequestStore';
import { KnexRequestSecretStore } from './RequestSecretStore';

jest.setTimeout(60_000);

const ids: TestDatabaseId[] = process.env
  .BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? ['POSTGRES_15', 'SQLITE_3']
  : ['SQLITE_3'];
const databases = TestDatabases.create({ ids });

const quota = { maxRequests: 10, maxStorageGB: 100 };

function newRequest(
  overrides: Partial<NewDatabaseRequest> = {},
): NewDatabaseRequest & { initialStatus: 'provisioning' } {
  return {
    type: 'postgresql',
    name: 'orders',
    owner: 'group:default/payments',
    environment: 'development',
    size: 'small',
    storageGB: 5,
    provider: 'sandbox',
    requestedBy: 'user:default/sam.rivera',
    approvalRequired: false,
    initialStatus: 'provisioning',
    ...overrides,
  };
}

describe.each(ids)('KnexDatabaseRequestStore on %s', databaseId => {
  let knex: Knex;
  let store: KnexDatabaseRequestStore;
  let clock: Date;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    clock = new Date('2026-11-23T10:00:00Z');
    store = await KnexDatabaseRequestStore.create({
      database: { getClient: async () => knex },
      now: () => clock,
    });
  });

  it('creates a request with its created event and reads it back', async () => {
    const { request, created } = await store.createRequest(
      newRequest({ system: 'system:default/payments', ttlHours: 4 }),
      { quota },
    );
    expect(created).toBe(true);
    expect(request).toMatchObject({
      name: 'orders',
      status: 'provisioning',
      system: 'system:default/payments',
      ttlHours: 4,
      storageGB: 5,
      approvalRequired: false,
      createdAt: '2026-11-23T10:00:00.000Z',
    });
    expect(await store.getRequest(request.id)).toEqual(request);
    const events = await store.listEvents(request.id);
    expect(events).toEqual([
      expect.objectContaining({
        action: 'created',
        actor: 'user:default/sam.rivera',
        toStatus: 'provisioning',
      }),
    ]);
    expect(
      await store.getRequest('00000000-0000-0000-0000-000000000000'),
    ).toBeUndefined();
  });

  it('refuses a second live request with the same name, owner and environment', async () => {
    await store.createRequest(newRequest(), { quota });
    await expect(store.createRequest(newRequest(), { quota })).rejects.toThrow(
      /name: .*rule: name unique per owner and environment/,
    );
    // Another environment or another team may use the name.
    await store.createRequest(newRequest({ environment: 'staging' }), {
      quota,
    });
    await store.createRequest(newRequest({ owner: 'group:default/data' }), {
      quota,
    });
  });

  it('frees the name once the request is deleted', async () => {
    const { request } = await store.createRequest(newRequest(), { quota });
    await store.transition(request.id, {
      to: 'failed',
      actor: 'plugin:provisioning',
      action: 'failed',
      failureReason: 'boom',
    });
    await store.transition(request.id, {
      to: 'deprovisioning',
      actor: 'user:default/sam.rivera',
      action: 'delete',
    });
    await store.transition(request.id, {
      to: 'deleted',
      actor: 'plugin:provisioning',
      action: 'deprovisioned',
    });
    await expect(
      store.createRequest(newRequest(), { quota }),
    ).resolves.toMatchObject({ created: true });
  });

  it('enforces count and storage quotas', async () => {
    const small = { maxRequests: 2, maxStorageGB: 12 };
    await store.createRequest(newRequest({ name: 'a' }), { quota: small });
    await expect(
      store.createRequest(newRequest({ name: 'b', storageGB: 8 }), {
        quota: small,
      }),
    ).rejects.toThrow(/storageGB: .*rule: quota.maxStorageGB/);
    await store.createRequest(newRequest({ name: 'b' }), { quota: small });
    await expect(
      store.createRequest(newRequest({ name: 'c', storageGB: 1 }), {
        quota: small,
      }),
    ).rejects.toThrow(/owner: .*rule: quota.maxRequests/);
    expect(await store.getUsage('group:default/payments')).toEqual({
      requests: 2,
      storageGB: 10,
      monthlyCost: 0,
    });
  });

  it('returns the same request for a repeated idempotency key and refuses another body', async () => {
    const idempotency = { key: 'k-1', bodyHash: 'hash-a' };
    const first = await store.createRequest(newRequest(), {
      quota,
      idempotency,
    });
    const second = await store.createRequest(newRequest(), {
      quota,
      idempotency,
    });
    expect(second).toEqual({ request: first.request, created: false });
    await expect(
      store.createRequest(newRequest({ name: 'other' }), {
        quota,
        idempotency: { key: 'k-1', bodyHash: 'hash-b' },
      }),
    ).rejects.toThrow(ConflictError);
    expect(await store.listRequests()).toHaveLength(1);
  });

  it('holds quotas exactly under 100 concurrent creates from 10 teams', async () => {
    const teams = Array.from(
      { length: 10 },
      (_, i) => `group:default/team-${i}`,
    );
    const perTeam = { maxRequests: 3, maxStorageGB: 1000 };
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        store.createRequest(
          newRequest({ owner: teams[i % 10], name: `db-${i}` }),
          { quota: perTeam },
        ),
      ),
    );
    const created = results.filter(r => r.status === 'fulfilled');
    const refused = results.filter(r => r.status === 'rejected');
    expect(created).toHaveLength(30);
    for (const r of refused) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(InputError);
    }
    for (const team of teams) {
      expect((await store.getUsage(team)).requests).toBe(3);
    }
  });

  it('enforces the transition table in transition()', async () => {
    const { request } = await store.createRequest(
      newRequest({
        approvalRequired: true,
        initialStatus: 'awaiting-approval',
      } as any),
      { quota },
    );
    await expect(
      store.transition(request.id, {
        to: 'ready',
        actor: 'x',
        action: 'ready',
      }),
    ).rejects.toThrow(ConflictError);
    await expect(
      store.transition(request.id, {
        to: 'provisioning',
        actor: 'x',
        action: 'approve',
        from: ['ready'],
      }),
    ).rejects.toThrow(/expected ready/);
    await expect(
      store.transition('00000000-0000-0000-0000-000000000000', {
        to: 'provisioning',
        actor: 'x',
        action: 'approve',
      }),
    ).rejects.toThrow(NotFoundError);

    clock = new Date('2026-11-23T10:05:00Z');
    const approved = await store.transition(request.id, {
      to: 'provisioning',
      actor: 'user:default/priya.natarajan',
      action: 'approved',
      message: 'looks fine',
    });
    expect(approved.status).toBe('provisioning');
    expect(approved.updatedAt).toBe('2026-11-23T10:05:00.000Z');
    const ready = await store.transition(request.id, {
      to: 'ready',
      actor: 'plugin:provisioning',
      action: 'ready',
      outputs: {
        host: 'h',
        port: 5432,
        database: 'd',
        username: 'u',
        credentialsRef: `paved-secret:${request.id}`,
      },
    });
    expect(ready.outputs).toMatchObject({ host: 'h', port: 5432 });
    const events = await store.listEvents(request.id);
    expect(
      events.map(e => [e.action, e.fromStatus, e.toStatus, e.message]),
    ).toEqual([
      ['created', undefined, 'awaiting-approval', 'Needs approval'],
      ['approved', 'awaiting-approval', 'provisioning', 'looks fine'],
      ['ready', 'provisioning', 'ready', undefined],
    ]);
  });

  it('filters lists by owner, status and requester', async () => {
    await store.createRequest(newRequest({ name: 'a' }), { quota });
    await store.createRequest(
      newRequest({
        name: 'b',
        owner: 'group:default/data',
        requestedBy: 'user:default/x',
      }),
      { quota },
    );
    const { request: c } = await store.createRequest(
      newRequest({ name: 'c' }),
      { quota },
    );
    await store.transition(c.id, {
      to: 'failed',
      actor: 'x',
      action: 'failed',
      failureReason: 'r',
    });

    expect(
      (await store.listRequests({ owners: ['group:default/data'] })).map(
        r => r.name,
      ),
    ).toEqual(['b']);
    expect(
      (await store.listRequests({ statuses: ['failed'] })).map(r => r.name),
    ).toEqual(['c']);
    expect(
      (await store.listRequests({ requestedBy: 'user:default/x' })).map(
        r => r.name,
      ),
    ).toEqual(['b']);
    expect(await store.listRequests()).toHaveLength(3);
  });

  it('leases a due request to one processor at a time and honours backoff', async () => {
    const { request } = await store.createRequest(newRequest(), { quota });
    const [a, b] = await Promise.all([
      store.claimDue({ owner: 'a', leaseMs: 60_000, limit: 10 }),
      store.claimDue({ owner: 'b', leaseMs: 60_000, limit: 10 }),
    ]);
    expect(a.length + b.length).toBe(1);
    const winner = a.length ? 'a' : 'b';

    // Held lease: nobody else gets it until it expires.
    expect(
      await store.claimDue({ owner: 'c', leaseMs: 60_000, limit: 10 }),
    ).toEqual([]);
    await expect(
      store.transition(request.id, {
        to: 'ready',
        actor: 'c',
        action: 'ready',
        leaseOwner: 'c',
      }),
    ).rejects.toThrow(/lease was lost/);

    await store.reschedule(request.id, winner, {
      attempts: 1,
      nextAttemptAt: new Date('2026-11-23T10:01:00Z'),
    });
    expect(
      await store.claimDue({ owner: 'c', leaseMs: 60_000, limit: 10 }),
    ).toEqual([]);
    clock = new Date('2026-11-23T10:01:00Z');
    const [claimed] = await store.claimDue({
      owner: 'c',
      leaseMs: 60_000,
      limit: 10,
    });
    expect(claimed.processing.attempts).toBe(1);

    // An expired lease (a crashed processor) is taken over.
    clock = new Date('2026-11-23T10:03:00Z');
    expect(
      await store.claimDue({ owner: 'd', leaseMs: 60_000, limit: 10 }),
    ).toHaveLength(1);
  });

  it('lists expiring requests and extends them', async () => {
    const { request } = await store.createRequest(
      newRequest({
        environment: 'ephemeral',
        ttlHours: 2,
        expiresAt: new Date('2026-11-23T12:00:00Z'),
      }),
      { quota },
    );
    await store.createRequest(newRequest({ name: 'forever' }), { quota });
    expect(await store.listExpiring(new Date('2026-11-23T11:00:00Z'))).toEqual(
      [],
    );
    const [expiring] = await store.listExpiring(
      new Date('2026-11-23T12:00:00Z'),
    );
    expect(expiring.id).toBe(request.id);
    expect(expiring.processing.expiryNotifiedAt).toBeUndefined();
    await store.markExpiryNotified(request.id, clock);
    expect(
      (await store.listExpiring(new Date('2026-11-23T12:00:00Z')))[0].processing
        .expiryNotifiedAt,
    ).toEqual(clock);

    const extended = await store.extend(
      request.id,
      new Date('2026-11-23T14:00:00Z'),
      { actor: 'user:default/sam.rivera' },
    );
    expect(extended.expiresAt).toBe('2026-11-23T14:00:00.000Z');
    expect(await store.listExpiring(new Date('2026-11-23T12:00:00Z'))).toEqual(
      [],
    );
    const events = await store.listEvents(request.id);
    expect(events.at(-1)).toMatchObject({ action: 'extended' });
  });

  it('keeps secrets encrypted and agrees on one value under concurrency', async () => {
    const { request } = await store.createRequest(newRequest(), { quota });
    const secrets = await KnexRequestSecretStore.create({ db: knex });
    const values = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        secrets.getOrCreate(request.id, () => `password-${i}`),
      ),
    );
    expect(new Set(values).size).toBe(1);
    const row = await knex('provisioning_secrets')
      .where({ request_id: request.id })
      .first();
    expect(row.ciphertext).not.toContain(values[0]);
    expect(row.ciphertext).toMatch(/^v1:/);

    // The same generated key is found again after a restart.
    const again = await KnexRequestSecretStore.create({ db: knex });
    expect(await again.get(request.id)).toBe(values[0]);

    // A configured key that differs refuses to decrypt instead of returning garbage.
    const other = await KnexRequestSecretStore.create({
      db: knex,
      encryptionKey: 'another key of enough length',
    });
    await expect(other.get(request.id)).rejects.toThrow(/encrypted with key/);

    await secrets.delete(request.id);
    expect(await secrets.get(request.id)).toBeUndefined();
  });
});
