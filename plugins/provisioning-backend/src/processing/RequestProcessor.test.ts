import os from 'node:os';
import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  APPROVALS_SIGNAL_CHANNEL,
  DatabaseRequest,
  DatabaseRequestStatus,
  requestSignalChannel,
} from '@paved/plugin-provisioning-common';
import { Client } from 'pg';
import { Knex } from 'knex';
import {
  KnexDatabaseRequestStore,
  KnexRequestSecretStore,
  NewDatabaseRequest,
} from '../database';
import { RequestLifecycle } from '../lifecycle/RequestLifecycle';
import { ProviderRegistry } from '../providers/ProviderRegistry';
import {
  SandboxDatabaseProvider,
  sandboxIdentifier,
} from '@paved/plugin-provisioning-backend-module-sandbox';
import type {
  DatabaseProvider,
  ProvisioningStatus,
} from '@paved/plugin-provisioning-node';
import { ProcessingSettings } from '../config';
import { ExpiryMonitor } from './ExpiryMonitor';
import { RequestProcessor } from './RequestProcessor';

jest.setTimeout(60_000);

const ids: TestDatabaseId[] = process.env
  .BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? ['POSTGRES_15', 'SQLITE_3']
  : ['SQLITE_3'];
const databases = TestDatabases.create({ ids });
const ADMIN = 'postgresql://postgres@127.0.0.1:5432/postgres';

const settings: ProcessingSettings = {
  frequencySeconds: 5,
  leaseSeconds: 60,
  retryDeadlineMs: 30_000,
  backoffBaseSeconds: 10,
  backoffMaxSeconds: 300,
  pollIntervalSeconds: 15,
  timeoutMinutes: 30,
};

const outputs = (id: string) => ({
  host: 'db.example',
  port: 5432,
  database: 'd',
  username: 'u',
  credentialsRef: `paved-secret:${id}`,
});

/** A registry with one provider under the given id. */
function registryOf(provider: DatabaseProvider, id = 'sandbox') {
  const registry = new ProviderRegistry();
  registry.add(id, { postgresql: provider });
  return registry;
}

/** A provider whose answers the test scripts, counting calls. */
class ScriptedProvider implements DatabaseProvider {
  provisionCalls: string[] = [];
  statusCalls: string[] = [];
  deprovisionCalls: string[] = [];
  answers: Array<ProvisioningStatus | Error> = [];
  statusAnswers: ProvisioningStatus[] = [];
  delayMs = 0;

  async provision(request: DatabaseRequest): Promise<ProvisioningStatus> {
    this.provisionCalls.push(request.id);
    if (this.delayMs) await new Promise(r => setTimeout(r, this.delayMs));
    const answer = this.answers.shift() ?? {
      state: 'ready',
      outputs: outputs(request.id),
    };
    if (answer instanceof Error) throw answer;
    return answer;
  }
  async status(request: DatabaseRequest): Promise<ProvisioningStatus> {
    this.statusCalls.push(request.id);
    return this.statusAnswers.shift() ?? { state: 'pending' };
  }
  async deprovision(request: DatabaseRequest): Promise<void> {
    this.deprovisionCalls.push(request.id);
  }
}

describe.each(ids)('RequestProcessor on %s', databaseId => {
  let knex: Knex;
  let store: KnexDatabaseRequestStore;
  let secrets: KnexRequestSecretStore;
  let clock: Date;
  let provider: ScriptedProvider;
  let events: { publish: jest.Mock; subscribe: jest.Mock };
  let notifications: { send: jest.Mock };
  let signals: { publish: jest.Mock };
  let lifecycle: RequestLifecycle;
  const logger = mockServices.logger.mock();

  const processor = (instanceId: string, registry?: ProviderRegistry) =>
    new RequestProcessor({
      store,
      secrets,
      lifecycle,
      providers: registry ?? registryOf(provider),
      logger,
      settings,
      now: () => clock,
      instanceId,
    });

  async function create(
    overrides: Partial<
      NewDatabaseRequest & { initialStatus: DatabaseRequestStatus }
    > = {},
  ) {
    const { request } = await store.createRequest(
      {
        type: 'postgresql',
        name: 'orders',
        owner: 'group:default/payments',
        environment: 'development',
        size: 'small',
        storageGB: 1,
        provider: 'sandbox',
        requestedBy: 'user:default/sam.rivera',
        approvalRequired: false,
        initialStatus: 'provisioning',
        ...overrides,
      },
      { quota: { maxRequests: 100, maxStorageGB: 1000 } },
    );
    return request;
  }

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    clock = new Date('2026-11-23T10:00:00Z');
    store = await KnexDatabaseRequestStore.create({
      database: { getClient: async () => knex },
      now: () => clock,
    });
    secrets = await KnexRequestSecretStore.create({ db: knex });
    provider = new ScriptedProvider();
    events = { publish: jest.fn(), subscribe: jest.fn() };
    notifications = { send: jest.fn() };
    signals = { publish: jest.fn() };
    lifecycle = new RequestLifecycle({
      store,
      auditor: mockServices.auditor.mock({
        createEvent: async () => ({
          success: async () => {},
          fail: async () => {},
        }),
      }),
      logger,
      notifications,
      signals,
      events: events as any,
      platformTeam: 'group:default/platform',
    });
  });

  it('takes a request to ready with the provider outputs and announces it', async () => {
    const request = await create();
    await processor('a').processDue();
    const ready = await store.getRequest(request.id);
    expect(ready).toMatchObject({
      status: 'ready',
      outputs: outputs(request.id),
    });
    expect(provider.provisionCalls).toEqual([request.id]);
    expect((await store.listEvents(request.id)).map(e => e.action)).toEqual([
      'created',
      'provisioned',
    ]);
    expect(events.publish).toHaveBeenCalledWith({
      topic: 'provisioning.request',
      eventPayload: expect.objectContaining({
        requestId: request.id,
        status: 'ready',
        humanStep: false,
      }),
    });
    expect(signals.publish).toHaveBeenCalledWith(
      expect.objectContaining({
        channel: requestSignalChannel(request.id),
        recipients: {
          type: 'user',
          entityRef: [
            request.requestedBy,
            'group:default/payments',
            'group:default/platform',
          ],
        },
      }),
    );
    // The approvals inboxes' counts re-read on the same change.
    expect(signals.publish).toHaveBeenCalledWith(
      expect.objectContaining({
        channel: APPROVALS_SIGNAL_CHANNEL,
        message: { requestId: request.id },
      }),
    );
    expect(notifications.send).toHaveBeenCalledWith(
      expect.objectContaining({
        recipients: expect.objectContaining({
          entityRef: 'group:default/payments',
        }),
      }),
    );
  });

  it('announces humanStep once someone other than the requester acted, and never false again', async () => {
    const published = () =>
      events.publish.mock.calls.map(([event]) => [
        event.topic,
        event.eventPayload.action,
        event.eventPayload.humanStep,
      ]);
    const reviewed = await create({
      environment: 'production',
      approvalRequired: true,
      initialStatus: 'awaiting-approval',
    });
    await lifecycle.transition(reviewed.id, {
      to: 'provisioning',
      actor: 'user:default/priya.natarajan',
      action: 'approved',
      humanStep: true,
    });
    await processor('a').processDue();
    await lifecycle.transition(reviewed.id, {
      to: 'deprovisioning',
      actor: 'user:default/sam.rivera',
      action: 'delete',
    });
    expect(published()).toEqual([
      ['provisioning.request', 'approved', true],
      ['provisioning.request', 'provisioned', true],
      ['provisioning.request', 'delete', true],
    ]);

    // Self-service: deleting it later, even by a teammate, does not make it a human step.
    events.publish.mockClear();
    const automated = await create({ name: 'cache' });
    await processor('a').processNow([automated.id]);
    await lifecycle.transition(automated.id, {
      to: 'deprovisioning',
      actor: 'user:default/ana.teammate',
      action: 'delete',
    });
    expect(published()).toEqual([
      ['provisioning.request', 'provisioned', false],
      ['provisioning.request', 'delete', false],
    ]);
    expect((await store.getRequest(automated.id))!.humanStep).toBe(false);
  });

  it('fixes a unique catalog entity ref when two teams use one name', async () => {
    const first = await create({ owner: 'group:default/payments' });
    clock = new Date('2026-11-23T10:00:01Z');
    const second = await create({ owner: 'group:default/data' });
    // The later one happens to become ready first and takes the plain name; the other one gets
    // the suffix of its id, and neither ref changes afterwards.
    await processor('a').processNow([second.id]);
    await processor('a').processNow([first.id]);
    expect((await store.getRequest(second.id))!.resourceEntityRef).toBe(
      'resource:default/orders-development',
    );
    expect((await store.getRequest(first.id))!.resourceEntityRef).toBe(
      `resource:default/orders-development-${first.id.slice(0, 8)}`,
    );
  });

  it('retries failures with jittered exponential backoff until the deadline, then ends in failed with the reason', async () => {
    const request = await create();
    provider.answers = [
      { state: 'failed', retryable: true, message: 'server busy' },
      new Error('connection reset'),
      ...Array.from({ length: 10 }, () => ({
        state: 'failed' as const,
        retryable: true,
        message: 'still busy',
      })),
    ];
    const start = clock.getTime();
    const deadline = start + settings.retryDeadlineMs;
    const nextAttemptAt = async () =>
      new Date(
        (
          await knex('provisioning_requests').where({ id: request.id }).first()
        ).next_attempt_at,
      ).getTime();
    const p = processor('a');
    await p.processDue();
    for (let attempt = 1; attempt < 10; attempt++) {
      if ((await store.getRequest(request.id))!.status === 'failed') break;
      const next = await nextAttemptAt();
      // base × 2^(n-1), less up to half at random, and never past the deadline.
      const backoff = settings.backoffBaseSeconds * 1000 * 2 ** (attempt - 1);
      expect(next - clock.getTime()).toBeLessThanOrEqual(backoff);
      expect(next === deadline || next - clock.getTime() >= backoff / 2).toBe(
        true,
      );
      expect(next).toBeLessThanOrEqual(deadline);
      // Not due a millisecond early.
      clock = new Date(next - 1);
      await p.processDue();
      expect(provider.provisionCalls).toHaveLength(attempt);
      clock = new Date(next);
      await p.processDue();
      expect(provider.provisionCalls).toHaveLength(attempt + 1);
    }
    const failed = await store.getRequest(request.id);
    const attempts = provider.provisionCalls.length;
    expect(clock.getTime()).toBe(deadline);
    expect(failed).toMatchObject({
      status: 'failed',
      failureReason: `Provisioning failed, still failing after 30s of retries (${attempts} attempts): still busy`,
    });
    const actions = (await store.listEvents(request.id)).map(e => e.action);
    expect(actions).toEqual([
      'created',
      ...Array(attempts - 1).fill('provision-attempt-failed'),
      'failed',
    ]);
    expect((await store.listEvents(request.id))[2].message).toMatch(
      /^Attempt 2 failed, retrying in \d+s \(retries until 2026-11-23T10:00:30.000Z\): connection reset$/,
    );
    expect(notifications.send).toHaveBeenCalledWith(
      expect.objectContaining({
        recipients: expect.objectContaining({
          entityRef: 'group:default/platform',
        }),
      }),
    );
  });

  it('fails at once on a failure that retrying cannot fix', async () => {
    const request = await create();
    provider.answers = [
      { state: 'failed', retryable: false, message: 'quota at the cloud' },
    ];
    await processor('a').processDue();
    expect(await store.getRequest(request.id)).toMatchObject({
      status: 'failed',
      failureReason: 'Provisioning failed: quota at the cloud',
    });
  });

  it('polls status() after the provider accepted the request', async () => {
    const request = await create();
    provider.answers = [{ state: 'pending', message: 'committed abc123' }];
    provider.statusAnswers = [
      { state: 'pending' },
      { state: 'ready', outputs: outputs(request.id) },
    ];
    const p = processor('a');
    await p.processDue();
    clock = new Date('2026-11-23T10:00:15Z');
    await p.processDue();
    clock = new Date('2026-11-23T10:00:30Z');
    await p.processDue();
    expect(provider.provisionCalls).toHaveLength(1);
    expect(provider.statusCalls).toHaveLength(2);
    expect((await store.getRequest(request.id))!.status).toBe('ready');
    expect((await store.listEvents(request.id)).map(e => e.action)).toEqual([
      'created',
      'provision-submitted',
      'provisioned',
    ]);
  });

  it('gives up on a provider that stays pending beyond the timeout', async () => {
    const request = await create();
    provider.answers = [{ state: 'pending' }];
    const p = processor('a');
    await p.processDue();
    clock = new Date('2026-11-23T10:31:00Z');
    await p.processDue();
    expect((await store.getRequest(request.id))!.failureReason).toMatch(
      /no result within 30 minutes/,
    );
  });

  it('processes each request once when two processors race', async () => {
    const requests = await Promise.all(
      Array.from({ length: 8 }, (_, i) => create({ name: `db-${i}` })),
    );
    provider.delayMs = 20;
    await Promise.all([
      processor('a').processDue(),
      processor('b').processDue(),
      processor('c').processNow(requests.map(r => r.id)),
    ]);
    expect([...provider.provisionCalls].sort()).toEqual(
      requests.map(r => r.id).sort(),
    );
    for (const r of requests) {
      expect((await store.getRequest(r.id))!.status).toBe('ready');
      expect(
        (await store.listEvents(r.id)).filter(e => e.action === 'provisioned'),
      ).toHaveLength(1);
    }
  });

  it('resumes after a restart from the stored state', async () => {
    const request = await create();
    // Processor "a" takes the lease, then the backend dies before it records anything.
    const [claimed] = await store.claimDue({
      owner: 'a',
      leaseMs: 60_000,
      limit: 1,
    });
    expect(claimed.id).toBe(request.id);

    // The new instance does not touch it while the old lease is valid...
    const restarted = processor('b');
    await restarted.processDue();
    expect(provider.provisionCalls).toHaveLength(0);
    // ...and finishes it once the lease ran out.
    clock = new Date('2026-11-23T10:01:01Z');
    await restarted.processDue();
    expect((await store.getRequest(request.id))!.status).toBe('ready');
    expect(provider.provisionCalls).toEqual([request.id]);
  });

  it('resumes a half-done sandbox provisioning without creating anything twice', async () => {
    const sandbox = new SandboxDatabaseProvider({
      settings: { connection: ADMIN, snapshotDirectory: os.tmpdir() },
    });
    const registry = registryOf(sandbox);
    const request = await create({ name: 'resume-test' });
    // The old instance got as far as creating role and database, then died holding the lease.
    await store.claimDue({ owner: 'a', leaseMs: 60_000, limit: 1 });
    await sandbox.provision(request, { logger, secrets });
    clock = new Date('2026-11-23T10:01:01Z');
    await processor('b', registry).processDue();
    const ready = await store.getRequest(request.id);
    expect(ready!.status).toBe('ready');
    const identifier = sandboxIdentifier(request);
    const admin = new Client({ connectionString: ADMIN });
    await admin.connect();
    try {
      const count = await admin.query(
        'SELECT count(*)::int AS n FROM pg_database WHERE datname = $1',
        [identifier],
      );
      expect(count.rows[0].n).toBe(1);
    } finally {
      await admin.end();
    }
    // Clean up through the same path a user takes.
    await store.transition(request.id, {
      to: 'deprovisioning',
      actor: 'user:default/sam.rivera',
      action: 'delete',
    });
    await processor('b', registry).processDue();
    expect((await store.getRequest(request.id))!.status).toBe('deleted');
    expect(await secrets.get(request.id)).toBeUndefined();
  });

  it('deprovisions and ends in deleted, removing the stored secret', async () => {
    const request = await create();
    await processor('a').processDue();
    await secrets.getOrCreate(request.id, () => 'x'.repeat(32));
    await store.transition(request.id, {
      to: 'deprovisioning',
      endStatus: 'deleted',
      actor: 'user:default/sam.rivera',
      action: 'delete',
    });
    await processor('a').processDue();
    expect(provider.deprovisionCalls).toEqual([request.id]);
    expect((await store.getRequest(request.id))!.status).toBe('deleted');
    expect(await secrets.get(request.id)).toBeUndefined();
  });

  it('warns before expiry, then expires and deprovisions an ephemeral database', async () => {
    const request = await create({
      environment: 'ephemeral',
      ttlHours: 2,
      expiresAt: new Date('2026-11-23T12:00:00Z'),
    });
    await processor('a').processDue();
    const expiry = new ExpiryMonitor({
      store,
      lifecycle,
      logger,
      settings: { remindBeforeMinutes: [60], frequencySeconds: 60 },
      now: () => clock,
    });
    await expiry.run();
    expect(notifications.send).not.toHaveBeenCalledWith(
      expect.objectContaining({
        payload: expect.objectContaining({
          title: expect.stringMatching(/expires/),
        }),
      }),
    );
    clock = new Date('2026-11-23T11:10:00Z');
    await expiry.run();
    await expiry.run();
    const warnings = notifications.send.mock.calls.filter(([n]) =>
      /expires/.test(n.payload.title),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0][0].payload.link).toBe(
      `/provisioning/requests/${request.id}?action=extend`,
    );

    clock = new Date('2026-11-23T12:00:00Z');
    await expiry.run();
    expect((await store.getRequest(request.id))!.status).toBe('deprovisioning');
    await processor('a').processDue();
    expect((await store.getRequest(request.id))!.status).toBe('expired');
    expect(provider.deprovisionCalls).toEqual([request.id]);
  });

  it('reminds 7 days, 1 day and 1 hour before expiry, once each, and again after an extension', async () => {
    const request = await create({
      environment: 'ephemeral',
      ttlHours: 240,
      expiresAt: new Date('2026-12-03T10:00:00Z'),
    });
    await processor('a').processDue();
    const expiry = new ExpiryMonitor({
      store,
      lifecycle,
      logger,
      settings: {
        remindBeforeMinutes: [10080, 1440, 60],
        frequencySeconds: 60,
      },
      now: () => clock,
    });
    const reminders = () =>
      notifications.send.mock.calls
        .filter(([n]) => /expires/.test(n.payload.title))
        .map(([n]) => n.payload.description.match(/in (\d+ \w+)\./)?.[1]);
    const at = async (iso: string) => {
      clock = new Date(iso);
      await expiry.run();
      await expiry.run();
    };
    await at('2026-11-25T10:00:00Z'); // 8 days before: no window open
    expect(reminders()).toEqual([]);
    await at('2026-11-26T10:00:00Z'); // 7 days before
    await at('2026-11-30T10:00:00Z'); // still in the 7-day window: nothing new
    await at('2026-12-02T10:30:00Z'); // in the last day
    await at('2026-12-03T09:15:00Z'); // in the last hour
    expect(reminders()).toEqual(['7 days', '24 hours', '45 minutes']);
    const trail = await store.listEvents(request.id);
    expect(trail.filter(e => e.action === 'expiry-notified')).toHaveLength(3);

    await store.extend(request.id, new Date('2026-12-03T20:00:00Z'), {
      actor: 'user:default/sam.rivera',
    });
    await at('2026-12-03T09:20:00Z'); // the new expiry's 1-day window is open
    expect(reminders()).toHaveLength(4);
  });

  it('fails requests of a provider that is not available, with the reason', async () => {
    const request = await create({ provider: 'terraform' });
    const registry = registryOf(provider);
    registry.markUnavailable('terraform', 'bad config');
    const p = processor('a', registry);
    for (const at of ['10:00:00', '10:00:10', '10:00:30']) {
      clock = new Date(`2026-11-23T${at}Z`);
      await p.processDue();
    }
    expect((await store.getRequest(request.id))!.failureReason).toMatch(
      /Provider "terraform" is not available: bad config/,
    );
  });
});
