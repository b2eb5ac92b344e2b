import { mockServices } from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import { readProvisioningSettings } from '../config';
import {
  formatDuration,
  LeaseLostError,
  LeaseStore,
  planRetry,
  processLeased,
} from './leasedWork';

const policy = {
  backoffBaseSeconds: 5,
  backoffMaxSeconds: 300,
  retryDeadlineMs: 30 * 60_000,
};
const t0 = new Date('2026-12-07T10:00:00Z');
const after = (ms: number) => new Date(t0.getTime() + ms);

describe('planRetry', () => {
  it('doubles the backoff per attempt, takes up to half off at random, and caps it', () => {
    const delays = (random: number) => {
      const result: number[] = [];
      let state: { attempts: number; failingSince?: Date } = { attempts: 0 };
      let now = t0;
      for (let i = 0; i < 9; i++) {
        const plan = planRetry(state, now, policy, () => random);
        if (plan.kind !== 'retry') throw new Error('gave up early');
        result.push((plan.nextAttemptAt.getTime() - now.getTime()) / 1000);
        state = { attempts: plan.attempts, failingSince: plan.failingSince };
        now = plan.nextAttemptAt;
      }
      return result;
    };
    expect(delays(0)).toEqual([5, 10, 20, 40, 80, 160, 300, 300, 300]);
    expect(delays(0.999999)).toEqual(
      [5, 10, 20, 40, 80, 160, 300, 300, 300].map(
        d => Math.round(d * 1000 * (1 - 0.999999 / 2)) / 1000,
      ),
    );
  });

  it('counts the deadline from the first failure of the run, never schedules past it, then gives up', () => {
    const first = planRetry({ attempts: 0 }, t0, policy, () => 0);
    expect(first).toMatchObject({
      kind: 'retry',
      attempts: 1,
      failingSince: t0,
    });

    // Late in the run, the next attempt is at the deadline at the latest.
    const late = planRetry(
      { attempts: 12, failingSince: t0 },
      after(29 * 60_000),
      policy,
      () => 0,
    );
    expect(late).toMatchObject({
      kind: 'retry',
      nextAttemptAt: after(30 * 60_000),
      note: 'Attempt 13 failed, retrying in 1m (retries until 2026-12-07T10:30:00.000Z)',
    });

    expect(
      planRetry({ attempts: 13, failingSince: t0 }, after(30 * 60_000), policy),
    ).toEqual({
      kind: 'give-up',
      attempts: 14,
      note: 'still failing after 30m of retries (14 attempts)',
    });
  });

  it('formats durations for people', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(4_600)).toBe('5s');
    expect(formatDuration(90_000)).toBe('1m 30s');
    expect(formatDuration(3_600_000 + 5 * 60_000)).toBe('1h 5m');
  });
});

describe('provisioning.processing.retryDeadline', () => {
  const read = (processing: JsonObject) =>
    readProvisioningSettings(
      mockServices.rootConfig({ data: { provisioning: { processing } } }),
      { platformTeam: 'group:default/platform' },
    ).processing.retryDeadlineMs;

  it('defaults to 30 minutes and reads every duration form Backstage knows', () => {
    expect(read({})).toBe(30 * 60_000);
    expect(read({ retryDeadline: '2h' })).toBe(2 * 3_600_000);
    expect(read({ retryDeadline: 'PT45M' })).toBe(45 * 60_000);
    expect(read({ retryDeadline: { minutes: 10 } })).toBe(10 * 60_000);
  });

  it('refuses a malformed duration and the replaced maxAttempts, naming the key', () => {
    expect(() => read({ retryDeadline: 'soon' })).toThrow(
      /processing\.retryDeadline/,
    );
    expect(() => read({ maxAttempts: 5 })).toThrow(
      /processing\.maxAttempts: replaced by processing\.retryDeadline/,
    );
  });
});

describe('processLeased', () => {
  const logger = mockServices.logger.mock();
  let now: Date;

  beforeEach(() => {
    jest.useFakeTimers();
    now = t0;
    logger.warn.mockClear();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  const run = (store: LeaseStore, work: Parameters<typeof processLeased>[1]) =>
    processLeased(
      {
        id: 'r1',
        lease: { owner: 'token', expiresAt: after(30_000) },
        leaseMs: 30_000,
        store,
        now: () => now,
        logger,
        what: 'request r1',
      },
      work,
    );

  /** Advances the fake clock and timers together. */
  async function advance(ms: number) {
    now = new Date(now.getTime() + ms);
    await jest.advanceTimersByTimeAsync(ms);
  }

  it('renews every third of the lease while the work runs, and frees it after', async () => {
    const store = {
      renewLease: jest.fn(async () => true),
      releaseLease: jest.fn(async () => {}),
    };
    let finish!: () => void;
    const done = run(store, () => new Promise<void>(r => (finish = r)));
    await advance(95_000);
    expect(store.renewLease).toHaveBeenCalledTimes(9);
    expect(store.renewLease).toHaveBeenLastCalledWith('r1', 'token', 30_000);
    finish();
    await done;
    expect(store.releaseLease).toHaveBeenCalledWith('r1', 'token');
    await advance(60_000);
    expect(store.renewLease).toHaveBeenCalledTimes(9);
  });

  it('abandons the work as soon as a renewal finds the lease taken over', async () => {
    const store = {
      renewLease: jest.fn(async () => false),
      releaseLease: jest.fn(async () => {}),
    };
    let signal: AbortSignal | undefined;
    const done = run(store, async lease => {
      signal = lease.signal;
      await lease.guard(new Promise(() => {}));
    });
    await advance(10_000);
    await done;
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toBeInstanceOf(LeaseLostError);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/request r1: the lease was taken over or freed/),
    );
  });

  it('keeps working through failed renewals while the lease lasts, and stops when it runs out', async () => {
    const store = {
      renewLease: jest.fn(async (): Promise<boolean> => {
        throw Object.assign(new Error('connect ECONNREFUSED'), {
          code: 'ECONNREFUSED',
        });
      }),
      releaseLease: jest.fn(async () => {
        throw new Error('connect ECONNREFUSED');
      }),
    };
    let settled = false;
    const done = run(store, lease => lease.guard(new Promise(() => {}))).then(
      () => {
        settled = true;
      },
    );
    await advance(20_000);
    expect(settled).toBe(false);
    await advance(10_000);
    await done;
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/lease ran out while it could not be renewed/),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/Could not free the lease on request r1/),
    );
  });
});
