import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { DatabaseRequest } from '@paved/plugin-provisioning-common';
import type {
  DatabaseProvider,
  ProvisioningStatus,
} from '@paved/plugin-provisioning-node';
import { Knex } from 'knex';
import { ProcessingSettings } from '../config';
import {
  DatabaseRequestStore,
  KnexDatabaseOperationStore,
  KnexDatabaseRequestStore,
  KnexRequestSecretStore,
} from '../database';
import { OperationLifecycle } from '../lifecycle/OperationLifecycle';
import { RequestLifecycle } from '../lifecycle/RequestLifecycle';
import { OperationGuardrails } from '../policy/OperationGuardrails';
import { ProviderRegistry } from '../providers/ProviderRegistry';
import { OperationProcessor } from './OperationProcessor';
import { RequestProcessor } from './RequestProcessor';

/**
 * Processing through outages and across replicas: a database that goes away for longer than the
 * old fixed retry schedule (five attempts, about 75 s), and provider calls that outlast the lease
 * while two processors ("replicas" on one database) poll. Simulated time where the processors
 * allow it; short real durations for the lease heartbeat. Nothing asserts how fast anything is.
 */

jest.setTimeout(120_000);

const ids: TestDatabaseId[] = process.env
  .BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? ['POSTGRES_15', 'SQLITE_3']
  : ['SQLITE_3'];
const databases = TestDatabases.create({ ids });

/** The defaults of `provisioning.processing`, with the deadline of 30 minutes. */
const defaults: ProcessingSettings = {
  frequencySeconds: 5,
  leaseSeconds: 300,
  retryDeadlineMs: 30 * 60_000,
  backoffBaseSeconds: 5,
  backoffMaxSeconds: 300,
  pollIntervalSeconds: 10,
  timeoutMinutes: 60,
};

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

function connectionRefused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
    code: 'ECONNREFUSED',
  });
}

/** Makes every new query on `knex` fail as if the server were unreachable, until `end()`. */
function databaseOutage(knex: Knex) {
  const client = knex.client as { acquireConnection: () => Promise<unknown> };
  const acquire = client.acquireConnection;
  let down = false;
  client.acquireConnection = function acquireDuringOutage(this: unknown) {
    if (down) return Promise.reject(connectionRefused());
    return acquire.call(this);
  };
  return {
    start: () => {
      down = true;
    },
    end: () => {
      down = false;
    },
  };
}

/** A provider whose answers the test decides, counting calls. */
class ScriptedProvider implements DatabaseProvider {
  provisionCalls: string[] = [];
  answer: (request: DatabaseRequest) => Promise<ProvisioningStatus> =
    async request => ({
      state: 'ready',
      outputs: {
        host: 'db.example',
        port: 5432,
        database: 'd',
        username: 'u',
        credentialsRef: `paved-secret:${request.id}`,
      },
    });

  async provision(request: DatabaseRequest): Promise<ProvisioningStatus> {
    this.provisionCalls.push(request.id);
    return this.answer(request);
  }
  async status(): Promise<ProvisioningStatus> {
    return { state: 'pending' };
  }
  async deprovision(): Promise<void> {}
}

describe.each(ids)('Processing resilience on %s', databaseId => {
  let knex: Knex;
  let clock: Date;
  let store: KnexDatabaseRequestStore;
  let secrets: KnexRequestSecretStore;
  let provider: ScriptedProvider;
  let logger: ReturnType<typeof mockServices.logger.mock>;
  const auditor = mockServices.auditor.mock({
    createEvent: async () => ({
      success: async () => {},
      fail: async () => {},
    }),
  });

  const lifecycleOf = (requestStore: DatabaseRequestStore) =>
    new RequestLifecycle({
      store: requestStore,
      auditor,
      logger,
      platformTeam: 'group:default/platform',
    });

  const processor = (
    instanceId: string,
    options: {
      settings?: Partial<ProcessingSettings>;
      store?: DatabaseRequestStore;
      realTime?: boolean;
    } = {},
  ) => {
    const registry = new ProviderRegistry();
    registry.add('sandbox', { postgresql: provider });
    const requestStore = options.store ?? store;
    return new RequestProcessor({
      store: requestStore,
      secrets,
      lifecycle: lifecycleOf(requestStore),
      providers: registry,
      logger,
      settings: { ...defaults, ...options.settings },
      now: options.realTime ? undefined : () => clock,
      instanceId,
    });
  };

  async function create(name = 'orders') {
    const { request } = await store.createRequest(
      {
        type: 'postgresql',
        name,
        owner: 'group:default/payments',
        environment: 'development',
        size: 'small',
        storageGB: 1,
        provider: 'sandbox',
        requestedBy: 'user:default/sam.rivera',
        approvalRequired: false,
        initialStatus: 'provisioning',
      },
      { quota: { maxRequests: 100, maxStorageGB: 1000 } },
    );
    return request;
  }

  const actions = async (id: string) =>
    (await store.listEvents(id)).map(e => e.action);

  const nextAttemptAt = async (id: string) =>
    new Date(
      (
        await knex('provisioning_requests').where({ id }).first()
      ).next_attempt_at,
    );

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    clock = new Date('2026-12-07T10:00:00Z');
    store = await KnexDatabaseRequestStore.create({
      database: { getClient: async () => knex },
      now: () => clock,
    });
    secrets = await KnexRequestSecretStore.create({ db: knex });
    provider = new ScriptedProvider();
    logger = mockServices.logger.mock();
    // The processors log through children of their logger; all end up here.
    logger.child.mockImplementation(() => logger);
  });

  it('keeps retrying through a 10-minute provider outage (longer than the old 75 s schedule) and ends ready', async () => {
    const request = await create();
    const outageEnds = clock.getTime() + 10 * 60_000;
    const ready = provider.answer;
    provider.answer = async r => {
      if (clock.getTime() < outageEnds) throw connectionRefused();
      return ready(r);
    };
    const p = processor('a');
    await p.processDue();
    for (let i = 0; i < 50; i++) {
      if ((await store.getRequest(request.id))!.status !== 'provisioning') {
        break;
      }
      clock = await nextAttemptAt(request.id);
      await p.processDue();
    }
    expect(await store.getRequest(request.id)).toMatchObject({
      status: 'ready',
    });
    expect(clock.getTime()).toBeGreaterThanOrEqual(outageEnds);
    // More attempts than the old five, each one in the trail, then ready.
    const trail = await actions(request.id);
    expect(provider.provisionCalls.length).toBeGreaterThan(5);
    expect(trail).toEqual([
      'created',
      ...Array(provider.provisionCalls.length - 1).fill(
        'provision-attempt-failed',
      ),
      'provisioned',
    ]);
  });

  it('survives its own database going away for 10 minutes mid-request: nothing lost, nothing written twice', async () => {
    const request = await create();
    const outage = databaseOutage(knex);
    const ready = provider.answer;
    // The database goes away while the provider works: its answer cannot be recorded.
    provider.answer = async r => {
      if (provider.provisionCalls.length === 1) outage.start();
      return ready(r);
    };
    const p = processor('a');
    // The run's next claim already finds the database gone.
    await expect(p.processDue()).rejects.toThrow(/ECONNREFUSED/);
    expect(provider.provisionCalls).toHaveLength(1);

    // Ten minutes of polling while it is down: every run fails, nothing changes.
    for (let s = 5; s <= 600; s += 5) {
      clock = new Date(new Date('2026-12-07T10:00:00Z').getTime() + s * 1000);
      await expect(p.processDue()).rejects.toThrow(/ECONNREFUSED/);
    }
    outage.end();
    expect((await store.getRequest(request.id))!.status).toBe('provisioning');

    // Back: the lease of the unrecorded attempt has run out, the request is claimed again, the
    // idempotent provider repeats its call and the answer is recorded once.
    await p.processDue();
    expect(await store.getRequest(request.id)).toMatchObject({
      status: 'ready',
    });
    expect(provider.provisionCalls).toHaveLength(2);
    expect(await actions(request.id)).toEqual(['created', 'provisioned']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/the database is unavailable/),
    );
  });

  it('keeps a failure that could not be recorded claimable, and records it once after the outage', async () => {
    const request = await create();
    const outage = databaseOutage(knex);
    provider.answer = async () => {
      if (provider.provisionCalls.length === 1) outage.start();
      return { state: 'failed', retryable: false, message: 'no such plan' };
    };
    const p = processor('a');
    await expect(p.processDue()).rejects.toThrow(/ECONNREFUSED/);
    clock = new Date(clock.getTime() + 10 * 60_000);
    await expect(p.processDue()).rejects.toThrow(/ECONNREFUSED/);
    outage.end();
    expect((await store.getRequest(request.id))!.status).toBe('provisioning');
    await p.processDue();
    expect(await store.getRequest(request.id)).toMatchObject({
      status: 'failed',
      failureReason: 'Provisioning failed: no such plan',
    });
    expect(await actions(request.id)).toEqual(['created', 'failed']);
  });

  describe('two replicas on one database, real time, a lease of 600 ms', () => {
    const short = { leaseSeconds: 0.6 };
    let realStore: KnexDatabaseRequestStore;

    beforeEach(() => {
      realStore = new KnexDatabaseRequestStore(knex);
    });

    /** Runs `processDue` on `replica` until `done` resolves. */
    async function pollUntil(
      done: Promise<unknown>,
      replica: RequestProcessor,
    ) {
      let finished = false;
      done.finally(() => {
        finished = true;
      });
      while (!finished) {
        await replica.processDue();
        await sleep(25);
      }
      await done;
    }

    it('never runs a provider call twice when it outlasts the lease: the heartbeat keeps it', async () => {
      const request = await create();
      const ready = provider.answer;
      provider.answer = async r => {
        await sleep(2000);
        return ready(r);
      };
      const a = processor('a', {
        settings: short,
        store: realStore,
        realTime: true,
      });
      const b = processor('b', {
        settings: short,
        store: realStore,
        realTime: true,
      });
      await pollUntil(a.processNow([request.id]), b);
      // One more round after A finished: nothing is left to do.
      await b.processDue();
      expect(provider.provisionCalls).toEqual([request.id]);
      expect(await store.getRequest(request.id)).toMatchObject({
        status: 'ready',
      });
      expect(await actions(request.id)).toEqual(['created', 'provisioned']);
    });

    it('stops a replica that lost its lease (renewals failed) and lets it write nothing', async () => {
      const request = await create();
      const ready = provider.answer;
      let firstCall: Promise<unknown> | undefined;
      provider.answer = async r => {
        const call = (async () => {
          if (provider.provisionCalls.length === 1) await sleep(2000);
          return ready(r);
        })();
        firstCall ??= call;
        return call;
      };
      // Replica A is cut off from the database for its renewals only.
      const partitioned: DatabaseRequestStore = Object.create(realStore, {
        renewLease: { value: async () => Promise.reject(connectionRefused()) },
      });
      const a = processor('a', {
        settings: short,
        store: partitioned,
        realTime: true,
      });
      const b = processor('b', {
        settings: short,
        store: realStore,
        realTime: true,
      });
      // A claims first: B starts polling only once A's provider call is under way (were B to win
      // the first claim, B would be the slow call and nothing would be partitioned).
      const aRun = a.processNow([request.id]);
      while (provider.provisionCalls.length === 0) await sleep(5);
      await pollUntil(aRun, b);
      // A gives up when its lease runs out by its own clock; B may see the lease expired a moment
      // later, so it keeps polling until it has taken over and finished.
      await pollUntil(
        (async () => {
          while ((await store.getRequest(request.id))!.status !== 'ready') {
            await sleep(25);
          }
        })(),
        b,
      );
      await firstCall;
      await sleep(100);
      // B took over after A's lease ran out and finished; A's late answer was never written.
      expect(provider.provisionCalls).toEqual([request.id, request.id]);
      expect(await actions(request.id)).toEqual(['created', 'provisioned']);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(/lease ran out while it could not be renewed/),
      );
    });

    it("reclaims a crashed replica's lease once it runs out, and refuses the crashed claim's writes", async () => {
      const request = await create();
      // The crashed replica claimed the request and died: no heartbeat, no release.
      // Its lease is longer than the others' so a loaded machine cannot let it run out before B's
      // first look.
      const [crashed] = await realStore.claimDue({
        owner: 'crashed-claim',
        leaseMs: 2000,
        limit: 1,
      });
      expect(crashed.id).toBe(request.id);
      const b = processor('b', {
        settings: short,
        store: realStore,
        realTime: true,
      });
      expect(await b.processDue()).toBe(0);
      await sleep(2100);
      expect(await b.processDue()).toBe(1);
      expect((await store.getRequest(request.id))!.status).toBe('ready');
      // The crashed claim, were it to come back, can record nothing.
      expect(
        await realStore.reschedule(
          request.id,
          'crashed-claim',
          { attempts: 1, failingSince: new Date() },
          { actor: 'plugin:provisioning', action: 'provision-attempt-failed' },
        ),
      ).toBe(false);
      expect(await actions(request.id)).toEqual(['created', 'provisioned']);
      expect(await realStore.renewLease(request.id, 'crashed-claim', 600)).toBe(
        false,
      );
    });

    it('never runs an operation step twice when it outlasts the lease', async () => {
      const request = await create();
      await markReady(request.id);
      const operations = new KnexDatabaseOperationStore(knex);
      const resizeCalls: string[] = [];
      const registry = new ProviderRegistry();
      registry.add('sandbox', {
        postgresql: Object.assign(provider, {
          operations: {
            resize: async (r: DatabaseRequest) => {
              resizeCalls.push(r.id);
              await sleep(2000);
              return { state: 'done' as const };
            },
          },
        }),
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
      const operationProcessor = (instanceId: string) =>
        new OperationProcessor({
          operations,
          requests: realStore,
          secrets,
          lifecycle: new OperationLifecycle({
            store: operations,
            auditor,
            logger,
            platformTeam: 'group:default/platform',
          }),
          guardrails: {
            resizeTarget: () => ({ size: 'medium', storageGB: 1 }),
          } as unknown as OperationGuardrails,
          providers: registry,
          logger,
          settings: { ...defaults, ...short },
          operationSettings: {
            rotationGraceMinutes: 1,
            snapshotRetentionDays: 1,
          },
          instanceId,
        });
      const a = operationProcessor('a');
      const b = operationProcessor('b');
      const done = a.processNow([operation.id]);
      let finished = false;
      done.finally(() => {
        finished = true;
      });
      while (!finished) {
        await b.processDue();
        await sleep(25);
      }
      await done;
      expect(resizeCalls).toEqual([request.id]);
      expect(await operations.getOperation(operation.id)).toMatchObject({
        status: 'done',
      });
      expect(
        (await store.listEvents(request.id)).filter(
          e => e.action === 'resize-done',
        ),
      ).toHaveLength(1);
    });

    /** Takes a request to ready directly, as a finished provisioning would. */
    async function markReady(id: string) {
      await store.transition(id, {
        to: 'ready',
        actor: 'plugin:provisioning',
        action: 'provisioned',
      });
    }
  });
});
