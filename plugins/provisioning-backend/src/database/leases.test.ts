import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { KnexDatabaseOperationStore } from './KnexDatabaseOperationStore';
import { KnexDatabaseRequestStore } from './KnexDatabaseRequestStore';

jest.setTimeout(60_000);

const ids: TestDatabaseId[] = process.env
  .BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? ['POSTGRES_15', 'SQLITE_3']
  : ['SQLITE_3'];
const databases = TestDatabases.create({ ids });
const LEASE = 60_000;

describe.each(ids)('Processing leases on %s', databaseId => {
  let knex: Knex;
  let requests: KnexDatabaseRequestStore;
  let operations: KnexDatabaseOperationStore;
  let clock: Date;

  const at = (seconds: number) =>
    new Date(new Date('2026-12-07T10:00:00Z').getTime() + seconds * 1000);

  async function createRequest(name = 'orders') {
    const { request } = await requests.createRequest(
      {
        type: 'postgresql',
        name,
        owner: 'group:default/payments',
        environment: 'development',
        size: 'small',
        storageGB: 5,
        provider: 'sandbox',
        requestedBy: 'user:default/sam.rivera',
        approvalRequired: false,
        initialStatus: 'provisioning',
      },
      { quota: { maxRequests: 10, maxStorageGB: 100 } },
    );
    return request;
  }

  const claim = (owner: string) =>
    requests.claimDue({ owner, leaseMs: LEASE, limit: 5 });

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    clock = at(0);
    requests = await KnexDatabaseRequestStore.create({
      database: { getClient: async () => knex },
      now: () => clock,
    });
    operations = new KnexDatabaseOperationStore(knex, () => clock);
  });

  it('renews a lease only for its owner, so a live processor is never taken over', async () => {
    const request = await createRequest();
    const [claimed] = await claim('token-a');
    expect(claimed.lease).toEqual({ owner: 'token-a', expiresAt: at(60) });

    // Renewed at 40 s, the lease lasts until 100 s: at 90 s nobody else gets the request.
    clock = at(40);
    expect(await requests.renewLease(request.id, 'token-a', LEASE)).toBe(true);
    expect(await requests.renewLease(request.id, 'token-b', LEASE)).toBe(false);
    clock = at(90);
    expect(await claim('token-b')).toEqual([]);

    // Not renewed any more (a crash): after 100 s another processor takes over, and the first
    // can neither renew, nor reschedule, nor free it.
    clock = at(101);
    const [takenOver] = await claim('token-b');
    expect(takenOver.lease?.owner).toBe('token-b');
    expect(await requests.renewLease(request.id, 'token-a', LEASE)).toBe(false);
    expect(
      await requests.reschedule(
        request.id,
        'token-a',
        { attempts: 1, failingSince: clock, nextAttemptAt: at(200) },
        { actor: 'plugin:provisioning', action: 'provision-attempt-failed' },
      ),
    ).toBe(false);
    await requests.releaseLease(request.id, 'token-a');
    const row = await knex('provisioning_requests')
      .where({ id: request.id })
      .first();
    expect(row).toMatchObject({ lease_owner: 'token-b', attempts: 0 });
    expect(row.failing_since).toBeNull();
    expect((await requests.listEvents(request.id)).map(e => e.action)).toEqual([
      'created',
    ]);
    await expect(
      requests.transition(request.id, {
        to: 'ready',
        actor: 'plugin:provisioning',
        action: 'provisioned',
        leaseOwner: 'token-a',
      }),
    ).rejects.toThrow(/lease was lost/);
  });

  it('records a failed attempt, its run of failures and its event together, and a new phase starts afresh', async () => {
    const request = await createRequest();
    await claim('token-a');
    expect(
      await requests.reschedule(
        request.id,
        'token-a',
        { attempts: 1, failingSince: at(0), nextAttemptAt: at(10) },
        {
          actor: 'plugin:provisioning',
          action: 'provision-attempt-failed',
          message: 'connection refused',
        },
      ),
    ).toBe(true);
    expect(await claim('token-b')).toEqual([]);
    clock = at(10);
    const [again] = await claim('token-b');
    expect(again.processing).toMatchObject({
      attempts: 1,
      failingSince: at(0),
    });
    expect((await requests.listEvents(request.id)).at(-1)).toMatchObject({
      action: 'provision-attempt-failed',
      message: 'connection refused',
    });

    // An answer from the provider ends the run of failures.
    await requests.reschedule(request.id, 'token-b', {
      attempts: 0,
      failingSince: null,
      nextAttemptAt: at(20),
    });
    clock = at(20);
    const [answered] = await claim('token-c');
    expect(answered.processing).toMatchObject({ attempts: 0 });
    expect(answered.processing.failingSince).toBeUndefined();

    await requests.reschedule(request.id, 'token-c', {
      attempts: 3,
      failingSince: at(20),
    });
    await requests.transition(request.id, {
      to: 'deprovisioning',
      actor: 'user:default/sam.rivera',
      action: 'delete',
    });
    const [deleting] = await claim('token-d');
    expect(deleting).toMatchObject({ status: 'deprovisioning' });
    expect(deleting.processing.attempts).toBe(0);
    expect(deleting.processing.failingSince).toBeUndefined();
  });

  it('leases operations the same way: renewal by the owner only, fenced writes after a takeover', async () => {
    const request = await createRequest();
    await requests.transition(request.id, {
      to: 'ready',
      actor: 'plugin:provisioning',
      action: 'provisioned',
    });
    const { operation } = await operations.createOperation(
      {
        requestId: request.id,
        parameters: { type: 'resize', size: 'medium' },
        requestedBy: 'user:default/sam.rivera',
        approvalRequired: false,
        approvalReasons: [],
      },
      {},
    );
    const claimOperation = (owner: string) =>
      operations.claimDue({ owner, leaseMs: LEASE, limit: 5 });
    const [claimed] = await claimOperation('token-a');
    expect(claimed.lease).toEqual({ owner: 'token-a', expiresAt: at(60) });
    clock = at(50);
    expect(await operations.renewLease(operation.id, 'token-a', LEASE)).toBe(
      true,
    );
    clock = at(100);
    expect(await claimOperation('token-b')).toEqual([]);
    clock = at(111);
    expect(await claimOperation('token-b')).toHaveLength(1);
    expect(await operations.renewLease(operation.id, 'token-a', LEASE)).toBe(
      false,
    );
    expect(
      await operations.reschedule(
        operation,
        'token-a',
        { attempts: 1, failingSince: clock, nextAttemptAt: at(200) },
        { actor: 'plugin:provisioning', action: 'resize-attempt-failed' },
      ),
    ).toBe(false);
    expect(
      (await requests.listEvents(request.id)).map(e => e.action),
    ).not.toContain('resize-attempt-failed');

    expect(
      await operations.reschedule(
        operation,
        'token-b',
        { attempts: 1, failingSince: clock, nextAttemptAt: at(121) },
        { actor: 'plugin:provisioning', action: 'resize-attempt-failed' },
      ),
    ).toBe(true);
    clock = at(121);
    const [retried] = await claimOperation('token-c');
    expect(retried.processing).toMatchObject({
      attempts: 1,
      failingSince: at(111),
    });
    expect((await requests.listEvents(request.id)).at(-1)).toMatchObject({
      action: 'resize-attempt-failed',
      operationId: operation.id,
    });
  });
});
