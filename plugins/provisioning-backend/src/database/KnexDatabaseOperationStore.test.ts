import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import { KnexDatabaseRequestStore } from './KnexDatabaseRequestStore';
import { KnexDatabaseOperationStore } from './KnexDatabaseOperationStore';
import { NewDatabaseOperation } from './DatabaseOperationStore';

jest.setTimeout(60_000);

const ids: TestDatabaseId[] = process.env
  .BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? ['POSTGRES_15', 'SQLITE_3']
  : ['SQLITE_3'];
const databases = TestDatabases.create({ ids });

const SAM = 'user:default/sam.rivera';
const outputs = {
  host: '127.0.0.1',
  port: 5432,
  database: 'paved_orders_1',
  username: 'paved_orders_1',
  credentialsRef: 'paved-secret:x',
};

describe.each(ids)('KnexDatabaseOperationStore on %s', databaseId => {
  let knex: Knex;
  let requests: KnexDatabaseRequestStore;
  let operations: KnexDatabaseOperationStore;
  let clock: Date;
  let requestId: string;

  async function readyRequest(name = 'orders'): Promise<string> {
    const { request } = await requests.createRequest(
      {
        type: 'postgresql',
        name,
        owner: 'group:default/payments',
        environment: 'ephemeral',
        size: 'small',
        storageGB: 5,
        ttlHours: 4,
        expiresAt: new Date(clock.getTime() + 4 * 3600_000),
        provider: 'sandbox',
        requestedBy: SAM,
        approvalRequired: false,
        initialStatus: 'provisioning',
      },
      { quota: { maxRequests: 10, maxStorageGB: 100 } },
    );
    await requests.transition(request.id, {
      to: 'ready',
      actor: 'plugin:provisioning',
      action: 'provisioned',
      outputs,
    });
    return request.id;
  }

  const op = (
    overrides: Partial<NewDatabaseOperation> = {},
  ): NewDatabaseOperation => ({
    requestId,
    parameters: { type: 'resize', size: 'medium' },
    requestedBy: SAM,
    approvalRequired: false,
    approvalReasons: [],
    ...overrides,
  });

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    clock = new Date('2026-12-07T10:00:00Z');
    requests = await KnexDatabaseRequestStore.create({
      database: { getClient: async () => knex },
      now: () => clock,
    });
    operations = new KnexDatabaseOperationStore(knex, () => clock);
    requestId = await readyRequest();
  });

  it('stores an operation with its entry in the request trail, and lists it', async () => {
    const { operation, created } = await operations.createOperation(
      op({
        approvalRequired: true,
        approvalReasons: ['environments.production.requiresApproval'],
        plannedChange: '--- a\n+++ b\n',
      }),
      {},
    );
    expect(created).toBe(true);
    expect(operation).toMatchObject({
      requestId,
      type: 'resize',
      status: 'awaiting-approval',
      parameters: { type: 'resize', size: 'medium' },
      approvalReasons: ['environments.production.requiresApproval'],
      plannedChange: '--- a\n+++ b\n',
      createdAt: '2026-12-07T10:00:00.000Z',
    });
    expect(operation.phase).toBeUndefined();
    expect(await operations.getOperation(operation.id)).toEqual(operation);
    expect(await operations.listOperations(requestId)).toEqual([operation]);
    const trail = await requests.listEvents(requestId);
    expect(trail[trail.length - 1]).toMatchObject({
      action: 'resize-requested',
      operationId: operation.id,
      actor: SAM,
      message: 'Needs an approval: environments.production.requiresApproval',
    });
  });

  it('admits one unfinished operation per database; a rotation in grace blocks only rotations', async () => {
    const first = await operations.createOperation(
      op({ parameters: { type: 'rotate-credentials' } }),
      {},
    );
    expect(first.operation).toMatchObject({
      status: 'in-progress',
      phase: 'apply',
    });
    await expect(
      operations.createOperation(op({ parameters: { type: 'snapshot' } }), {}),
    ).rejects.toThrow(ConflictError);

    await operations.transition(first.operation.id, {
      to: 'in-progress',
      phase: 'grace',
      actor: 'plugin:provisioning',
      action: 'issued',
      nextAttemptAt: new Date(clock.getTime() + 3600_000),
    });
    await expect(
      operations.createOperation(
        op({ parameters: { type: 'rotate-credentials' } }),
        {},
      ),
    ).rejects.toThrow(/not finished yet/);
    const snapshot = await operations.createOperation(
      op({ parameters: { type: 'snapshot' } }),
      {},
    );
    expect(snapshot.operation.status).toBe('in-progress');
  });

  it('refuses operations on a database that is not ready', async () => {
    await requests.transition(requestId, {
      to: 'deprovisioning',
      actor: SAM,
      action: 'delete',
    });
    await expect(operations.createOperation(op(), {})).rejects.toThrow(
      /is deprovisioning; operations need a ready database/,
    );
  });

  it('answers a repeated Idempotency-Key with the first operation, and refuses another body', async () => {
    const idempotency = { key: 'k-1', bodyHash: 'a'.repeat(64) };
    const first = await operations.createOperation(op(), { idempotency });
    const again = await operations.createOperation(op(), { idempotency });
    expect(again).toEqual({ operation: first.operation, created: false });
    await expect(
      operations.createOperation(op(), {
        idempotency: { key: 'k-1', bodyHash: 'b'.repeat(64) },
      }),
    ).rejects.toThrow(/different operation body/);
    expect(await operations.listOperations(requestId)).toHaveLength(1);
  });

  it('enforces the transition table and applies request changes in the same transaction', async () => {
    const { operation } = await operations.createOperation(
      op({ approvalRequired: true, approvalReasons: ['x'] }),
      {},
    );
    await expect(
      operations.transition(operation.id, {
        to: 'done',
        actor: 'plugin:provisioning',
        action: 'done',
      }),
    ).rejects.toThrow(/no transition from awaiting-approval to done/);

    await operations.transition(operation.id, {
      to: 'in-progress',
      from: ['awaiting-approval'],
      phase: 'apply',
      actor: 'user:default/priya.natarajan',
      action: 'approved',
    });
    const newExpiry = new Date('2026-12-08T10:00:00Z');
    const { operation: done, request } = await operations.transition(
      operation.id,
      {
        to: 'done',
        actor: 'plugin:provisioning',
        action: 'done',
        result: { size: 'medium' },
        requestUpdate: {
          size: 'medium',
          storageGB: 8,
          expiresAt: newExpiry,
          outputs: { ...outputs, username: 'paved_orders_1_alt' },
        },
      },
    );
    expect(done).toMatchObject({ status: 'done', result: { size: 'medium' } });
    expect(done.phase).toBeUndefined();
    expect(request).toMatchObject({
      size: 'medium',
      storageGB: 8,
      expiresAt: newExpiry.toISOString(),
      outputs: { username: 'paved_orders_1_alt' },
    });
    expect(
      (await requests.listEvents(requestId))
        .filter(e => e.operationId === operation.id)
        .map(e => e.action),
    ).toEqual(['resize-requested', 'resize-approved', 'resize-done']);
    await expect(
      operations.transition(operation.id, {
        to: 'failed',
        actor: 'plugin:provisioning',
        action: 'failed',
      }),
    ).rejects.toThrow(ConflictError);
  });

  it('leases due operations to one processor at a time; a lapsed lease is taken over', async () => {
    const { operation } = await operations.createOperation(op(), {});
    const [a, b] = await Promise.all([
      operations.claimDue({ owner: 'a', leaseMs: 60_000, limit: 5 }),
      operations.claimDue({ owner: 'b', leaseMs: 60_000, limit: 5 }),
    ]);
    expect(a.length + b.length).toBe(1);
    const holder = a.length ? 'a' : 'b';
    await expect(
      operations.transition(operation.id, {
        to: 'done',
        actor: 'plugin:provisioning',
        action: 'done',
        leaseOwner: holder === 'a' ? 'b' : 'a',
      }),
    ).rejects.toThrow(/lease was lost/);

    // The holder crashes; after the lease runs out another processor resumes.
    clock = new Date(clock.getTime() + 61_000);
    const [resumed] = await operations.claimDue({
      owner: 'c',
      leaseMs: 60_000,
      limit: 5,
    });
    expect(resumed).toMatchObject({ id: operation.id, phase: 'apply' });
    await operations.reschedule(operation, 'c', {
      attempts: 1,
      nextAttemptAt: new Date(clock.getTime() + 10_000),
    });
    expect(
      await operations.claimDue({ owner: 'd', leaseMs: 60_000, limit: 5 }),
    ).toEqual([]);
    clock = new Date(clock.getTime() + 10_000);
    const [retried] = await operations.claimDue({
      owner: 'd',
      leaseMs: 60_000,
      limit: 5,
    });
    expect(retried.processing.attempts).toBe(1);
  });

  it('keeps snapshots with size and expiry, and finds those to remove', async () => {
    const { operation } = await operations.createOperation(
      op({ parameters: { type: 'snapshot' } }),
      {},
    );
    const snapshot = {
      id: operation.id,
      requestId,
      operationId: operation.id,
      kind: 'manual' as const,
      label: 'before migration',
      location: `${requestId}/${operation.id}.dump`,
      sizeBytes: 12345,
      expiresAt: new Date('2026-12-21T10:00:00Z'),
    };
    const stored = await operations.addSnapshot(snapshot);
    expect(await operations.addSnapshot(snapshot)).toEqual(stored);
    expect(stored).toMatchObject({
      sizeBytes: 12345,
      kind: 'manual',
      label: 'before migration',
      expiresAt: '2026-12-21T10:00:00.000Z',
    });
    expect(await operations.listSnapshots(requestId)).toEqual([stored]);
    expect(await operations.listRemovableSnapshots(clock)).toEqual([]);
    expect(
      await operations.listRemovableSnapshots(new Date('2026-12-21T10:00:00Z')),
    ).toEqual([stored]);

    // A deleted database's snapshots go at once.
    await requests.transition(requestId, {
      to: 'deprovisioning',
      actor: SAM,
      action: 'delete',
    });
    await requests.transition(requestId, {
      to: 'deleted',
      actor: 'plugin:provisioning',
      action: 'deprovisioned',
    });
    expect(await operations.listRemovableSnapshots(clock)).toEqual([stored]);
    await operations.markSnapshotDeleted(stored.id);
    expect(await operations.listSnapshots(requestId)).toEqual([]);
    expect(await operations.getSnapshot(stored.id)).toBeUndefined();
  });
});
