import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  SandboxDatabaseProvider,
  sandboxIdentifier,
} from '@paved/plugin-provisioning-backend-module-sandbox';
import type {
  DatabaseOperation,
  DatabaseRequest,
} from '@paved/plugin-provisioning-common';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Knex } from 'knex';
import { Client } from 'pg';
import { readProvisioningSettings } from '../config';
import {
  KnexDatabaseOperationStore,
  KnexDatabaseRequestStore,
  KnexRequestSecretStore,
  NewDatabaseRequest,
} from '../database';
import { OperationLifecycle } from '../lifecycle/OperationLifecycle';
import { OperationGuardrails } from '../policy/OperationGuardrails';
import { RequestGuardrails } from '../policy/RequestGuardrails';
import { ProviderRegistry } from '../providers/ProviderRegistry';
import { OperationProcessor } from './OperationProcessor';
import { SnapshotJanitor } from './SnapshotJanitor';

jest.setTimeout(180_000);

const ids: TestDatabaseId[] = process.env
  .BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? ['POSTGRES_15', 'SQLITE_3']
  : ['SQLITE_3'];
const databases = TestDatabases.create({ ids });
const ADMIN = 'postgresql://postgres@127.0.0.1:5432/postgres';
const SAM = 'user:default/sam.rivera';

const settings = readProvisioningSettings(
  mockServices.rootConfig({
    data: {
      provisioning: {
        processing: { leaseSeconds: 60, retryDeadline: '2m' },
        operations: {
          rotation: { graceMinutes: 30 },
          snapshots: { retentionDays: 7 },
        },
      },
    },
  }),
  { platformTeam: 'group:default/platform' },
);

/** Runs `sql` as `user` (the local server trusts; a revoked login is refused as NOLOGIN). */
async function asUser(user: string, database: string, sql: string) {
  const client = new Client({
    host: '127.0.0.1',
    port: 5432,
    user,
    password: 'x',
    database,
  });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.each(ids)('OperationProcessor on %s with the sandbox', databaseId => {
  let knex: Knex;
  let requests: KnexDatabaseRequestStore;
  let operations: KnexDatabaseOperationStore;
  let secrets: KnexRequestSecretStore;
  let sandbox: SandboxDatabaseProvider;
  let registry: ProviderRegistry;
  let guardrails: OperationGuardrails;
  let lifecycle: OperationLifecycle;
  let clock: Date;
  let snapshotDirectory: string;
  const created: DatabaseRequest[] = [];
  const logger = mockServices.logger.mock();

  const processor = (instanceId: string) =>
    new OperationProcessor({
      operations,
      requests,
      secrets,
      lifecycle,
      guardrails,
      providers: registry,
      logger,
      settings: settings.processing,
      operationSettings: settings.operations,
      now: () => clock,
      instanceId,
    });

  /** A ready sandbox database, provisioned for real. */
  async function readyDatabase(
    overrides: Partial<NewDatabaseRequest> = {},
  ): Promise<DatabaseRequest> {
    const { request } = await requests.createRequest(
      {
        type: 'postgresql',
        name: `ops-${databaseId.toLowerCase().replace(/_/g, '-')}`,
        owner: 'group:default/payments',
        environment: 'development',
        size: 'small',
        storageGB: 1,
        provider: 'sandbox',
        requestedBy: SAM,
        approvalRequired: false,
        initialStatus: 'provisioning',
        ...overrides,
      },
      { quota: { maxRequests: 100, maxStorageGB: 1000 } },
    );
    created.push(request);
    const status = await sandbox.provision(request, { logger, secrets });
    if (status.state !== 'ready') throw new Error(JSON.stringify(status));
    return requests.transition(request.id, {
      to: 'ready',
      actor: 'plugin:provisioning',
      action: 'provisioned',
      outputs: status.outputs,
    });
  }

  async function ask(
    request: DatabaseRequest,
    body: unknown,
  ): Promise<DatabaseOperation> {
    const admitted = await guardrails.evaluate(request, body);
    const { operation } = await lifecycle.create(
      request,
      { requestId: request.id, requestedBy: SAM, ...admitted },
      {},
    );
    return operation;
  }

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    clock = new Date();
    requests = await KnexDatabaseRequestStore.create({
      database: { getClient: async () => knex },
      now: () => clock,
    });
    operations = new KnexDatabaseOperationStore(knex, () => clock);
    secrets = await KnexRequestSecretStore.create({ db: knex });
    snapshotDirectory = await fs.mkdtemp(path.join(os.tmpdir(), 'paved-ops-'));
    sandbox = new SandboxDatabaseProvider({
      settings: { connection: ADMIN, snapshotDirectory },
    });
    registry = new ProviderRegistry();
    registry.add('sandbox', { postgresql: sandbox });
    guardrails = new OperationGuardrails({
      guardrails: new RequestGuardrails({
        policy: settings.policy,
        prices: settings.prices,
        catalog: catalogServiceMock(),
        now: () => clock,
      }),
      requests,
      operations,
      providers: registry,
      now: () => clock,
    });
    lifecycle = new OperationLifecycle({
      store: operations,
      auditor: mockServices.auditor.mock(),
      logger,
      platformTeam: 'group:default/platform',
    });
  });

  afterEach(async () => {
    for (const request of created.splice(0)) {
      await sandbox.deprovision(request, { logger, secrets });
    }
    await fs.rm(snapshotDirectory, { recursive: true, force: true });
  });

  it('rotates credentials: the old login works through the grace period and is revoked after', async () => {
    const request = await readyDatabase();
    const identifier = sandboxIdentifier(request);
    const before = await secrets.get(request.id);
    const operation = await ask(request, { type: 'rotate-credentials' });
    expect(operation).toMatchObject({ status: 'in-progress', phase: 'apply' });

    await processor('a').processNow([operation.id]);
    const inGrace = (await operations.getOperation(operation.id))!;
    expect(inGrace).toMatchObject({
      status: 'in-progress',
      phase: 'grace',
      result: {
        username: `${identifier}_alt`,
        previousUsername: identifier,
        graceEndsAt: new Date(clock.getTime() + 30 * 60_000).toISOString(),
      },
    });
    const rotated = (await requests.getRequest(request.id))!;
    expect(rotated.outputs?.username).toBe(`${identifier}_alt`);
    const after = await secrets.get(request.id);
    expect(after).not.toBe(before);
    expect(after).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await expect(
      asUser(identifier, identifier, 'SELECT 1 AS ok'),
    ).resolves.toEqual([{ ok: 1 }]);
    await expect(
      asUser(`${identifier}_alt`, identifier, 'SELECT 1 AS ok'),
    ).resolves.toEqual([{ ok: 1 }]);

    // Not yet due: nothing happens before the grace period is over, on any replica.
    expect(await processor('b').processDue()).toBe(0);
    clock = new Date(clock.getTime() + 30 * 60_000 + 1000);
    // Another processor (a restarted backend) finishes what the first one started.
    expect(await processor('c').processDue()).toBe(1);
    expect(await operations.getOperation(operation.id)).toMatchObject({
      status: 'done',
      result: { revokedAt: clock.toISOString() },
    });
    await expect(asUser(identifier, identifier, 'SELECT 1')).rejects.toThrow(
      /not permitted to log in/,
    );
    await expect(
      asUser(`${identifier}_alt`, identifier, 'SELECT 1 AS ok'),
    ).resolves.toEqual([{ ok: 1 }]);

    const trail = (await requests.listEvents(request.id))
      .filter(e => e.operationId === operation.id)
      .map(e => e.action);
    expect(trail).toEqual([
      'rotate-credentials-requested',
      'rotate-credentials-issued',
      'rotate-credentials-done',
    ]);
  });

  it('snapshot, change the data, restore: the data is back and the safety snapshot exists', async () => {
    const request = await readyDatabase();
    const identifier = sandboxIdentifier(request);
    const sql = (s: string) => asUser(identifier, identifier, s);
    await sql(
      "CREATE TABLE orders (id int primary key, item text); INSERT INTO orders VALUES (1, 'tea')",
    );
    const snapshot = await ask(request, { type: 'snapshot', label: 'v1' });
    await processor('a').processNow([snapshot.id]);
    expect(await operations.getOperation(snapshot.id)).toMatchObject({
      status: 'done',
      result: { snapshotId: snapshot.id },
    });

    await sql(
      "UPDATE orders SET item = 'coffee'; INSERT INTO orders VALUES (2, 'cake')",
    );
    const restore = await ask(request, {
      type: 'restore',
      snapshotId: snapshot.id,
    });
    // development restores need no approval
    expect(restore.status).toBe('in-progress');
    // The first processor takes the lease and dies; the lease runs out and another resumes.
    const [claimed] = await operations.claimDue({
      owner: 'crashed',
      leaseMs: 60_000,
      limit: 1,
    });
    expect(claimed.id).toBe(restore.id);
    expect(await processor('b').processDue()).toBe(0);
    clock = new Date(clock.getTime() + 61_000);
    expect(await processor('b').processDue()).toBe(1);

    expect(await operations.getOperation(restore.id)).toMatchObject({
      status: 'done',
      result: { restoredSnapshotId: snapshot.id, safetySnapshotId: restore.id },
    });
    expect(await sql('SELECT id, item FROM orders ORDER BY id')).toEqual([
      { id: 1, item: 'tea' },
    ]);
    const kept = await operations.listSnapshots(request.id);
    expect(kept.map(s => [s.id, s.kind])).toEqual(
      expect.arrayContaining([
        [snapshot.id, 'manual'],
        [restore.id, 'safety'],
      ]),
    );
    for (const s of kept) {
      expect(s.sizeBytes).toBeGreaterThan(0);
      await expect(
        fs.stat(path.join(snapshotDirectory, s.location)),
      ).resolves.toBeTruthy();
    }

    // The safety snapshot holds what was there before the restore.
    const back = await ask(request, {
      type: 'restore',
      snapshotId: restore.id,
    });
    await processor('c').processNow([back.id]);
    expect(await sql('SELECT id, item FROM orders ORDER BY id')).toEqual([
      { id: 1, item: 'coffee' },
      { id: 2, item: 'cake' },
    ]);

    // Retention: past it, the janitor removes the files and the listing.
    clock = new Date(clock.getTime() + 8 * 86_400_000);
    const janitor = new SnapshotJanitor({
      operations,
      requests,
      secrets,
      providers: registry,
      logger,
      now: () => clock,
    });
    expect(await janitor.run()).toBe(3);
    expect(await operations.listSnapshots(request.id)).toEqual([]);
    await expect(
      fs.readdir(path.join(snapshotDirectory, request.id)),
    ).rejects.toThrow();
  });

  it('resizes and extends through the guardrails', async () => {
    const request = await readyDatabase();
    await expect(
      ask(request, { type: 'resize', storageGB: 500 }),
    ).rejects.toThrow(
      /storageGB: 500 is outside 1\.\.20 GB for development \(rule: environments\.development\.storageGB\)/,
    );
    await expect(
      ask(request, { type: 'resize', size: 'large' }),
    ).rejects.toThrow(/size: "large" is not allowed in development/);
    await expect(ask(request, { type: 'extend', hours: 2 })).rejects.toThrow(
      /id: only ephemeral databases can be extended/,
    );
    const resize = await ask(request, {
      type: 'resize',
      size: 'medium',
      storageGB: 4,
    });
    await processor('a').processNow([resize.id]);
    expect(await operations.getOperation(resize.id)).toMatchObject({
      status: 'done',
      result: { size: 'medium', storageGB: 4 },
    });
    expect(await requests.getRequest(request.id)).toMatchObject({
      size: 'medium',
      storageGB: 4,
    });
    const [{ datconnlimit }] = await asUser(
      'postgres',
      'postgres',
      `SELECT datconnlimit FROM pg_database WHERE datname = '${sandboxIdentifier(
        request,
      )}'`,
    );
    expect(datconnlimit).toBe(50);
    await expect(
      ask((await requests.getRequest(request.id))!, {
        type: 'resize',
        storageGB: 2,
      }),
    ).rejects.toThrow(
      /storageGB: 2 is less than the current 4 GB \(rule: storage only grows\)/,
    );

    const ephemeral = await readyDatabase({
      name: `eph-${databaseId.toLowerCase().replace(/_/g, '-')}`,
      environment: 'ephemeral',
      ttlHours: 4,
      expiresAt: new Date(clock.getTime() + 4 * 3600_000),
    });
    await expect(
      ask(ephemeral, { type: 'extend', hours: 100 }),
    ).rejects.toThrow(/hours: 100 exceeds the maximum of 72 hours/);
    const extend = await ask(ephemeral, { type: 'extend', hours: 24 });
    clock = new Date(clock.getTime() + 1000);
    await processor('a').processNow([extend.id]);
    const expected = new Date(clock.getTime() + 24 * 3600_000).toISOString();
    expect(await operations.getOperation(extend.id)).toMatchObject({
      status: 'done',
      result: { expiresAt: expected },
    });
    expect((await requests.getRequest(ephemeral.id))!.expiresAt).toBe(expected);
  });
});
