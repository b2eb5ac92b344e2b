import { LoggerService } from '@backstage/backend-plugin-api';
import { isDatabaseUnavailable } from '@paved/backend-platform';
import type { RescheduleUpdate } from '../database';
import { SYSTEM_ACTOR } from '../lifecycle/RequestLifecycle';

/**
 * What request and operation processing share: a lease kept alive while the work runs (and the
 * work fenced off once the lease is lost), and the retry schedule of transient failures.
 */

/** The processor no longer holds the lease: another may be working; nothing may be written. */
export class LeaseLostError extends Error {
  name = 'LeaseLostError';
}

/** A lease while its work runs. */
export interface HeldLease {
  /** The token of this claim; every write of the work is a compare-and-set on it. */
  readonly owner: string;
  /** Aborted (with a LeaseLostError) when the lease is lost; handed to providers. */
  readonly signal: AbortSignal;
  /** Resolves like `work`, or rejects with LeaseLostError as soon as the lease is lost. */
  guard<T>(work: Promise<T>): Promise<T>;
}

/** Where leases live: the request store or the operation store. */
export interface LeaseStore {
  renewLease(id: string, leaseOwner: string, leaseMs: number): Promise<boolean>;
  releaseLease(id: string, leaseOwner: string): Promise<void>;
}

/** Refuses to go on once a write found the lease taken over or freed. */
export function assertLeaseHeld(held: boolean, what: string): void {
  if (!held) throw new LeaseLostError(`${what}: lease lost`);
}

/** A step's failure: what went wrong, and whether another attempt may succeed. */
export interface StepFailure {
  message: string;
  retryable: boolean;
}

/**
 * An error a step threw, as a transient failure: connection errors and the like are retried. A
 * lost lease is not a failure of the step and is thrown on.
 */
export function transientFailureOf(error: unknown): StepFailure {
  if (error instanceof LeaseLostError) throw error;
  return { message: (error as Error).message, retryable: true };
}

/** The bookkeeping after an answer that says "not yet": poll again; an answer ends a run of failures. */
export function pollAgain(now: Date, pollIntervalSeconds: number) {
  return {
    attempts: 0,
    failingSince: null,
    nextAttemptAt: new Date(now.getTime() + pollIntervalSeconds * 1000),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs `work` on a claimed row while a heartbeat renews its lease every third of the lease, each
 * renewal a compare-and-set on the claim's token. If a renewal finds the lease taken over, or the
 * lease runs out while renewals fail (the database unreachable), the work is abandoned: `guard`
 * rejects, the provider's `signal` aborts, and the work's later writes fail their compare-and-set.
 * Never throws: outcomes are logged, and the lease is freed if still held (if the database is
 * down, it runs out and the row is claimed again after the outage).
 */
export async function processLeased(
  options: {
    id: string;
    /** The claim: its token and when the lease runs out unless renewed. */
    lease: { owner: string; expiresAt: Date };
    leaseMs: number;
    store: LeaseStore;
    now: () => Date;
    logger: LoggerService;
    /** What is processed, for the log: `request <id>`, `operation <id>`. */
    what: string;
  },
  work: (lease: HeldLease) => Promise<void>,
): Promise<void> {
  const { id, store, logger, leaseMs } = options;
  const owner = options.lease.owner;
  const controller = new AbortController();
  const lost = new Promise<never>((_resolve, reject) => {
    controller.signal.addEventListener('abort', () =>
      reject(controller.signal.reason),
    );
  });
  lost.catch(() => {});
  const lose = (reason: string) => {
    if (!controller.signal.aborted) {
      controller.abort(new LeaseLostError(`${options.what}: ${reason}`));
    }
  };

  let expiresAt = options.lease.expiresAt.getTime();
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const interval = Math.max(1, Math.floor(leaseMs / 3));
  const beat = async () => {
    const startedAt = options.now().getTime();
    try {
      if (await store.renewLease(id, owner, leaseMs)) {
        expiresAt = startedAt + leaseMs;
      } else {
        lose('the lease was taken over or freed; stopping without writing');
      }
    } catch (error) {
      if (options.now().getTime() >= expiresAt) {
        lose(
          `the lease ran out while it could not be renewed: ${messageOf(
            error,
          )}`,
        );
      } else {
        logger.warn(
          `Could not renew the lease on ${options.what}, retrying: ${messageOf(
            error,
          )}`,
        );
      }
    }
    if (!stopped && !controller.signal.aborted) {
      timer = setTimeout(beat, interval);
    }
  };
  timer = setTimeout(beat, interval);

  const held: HeldLease = {
    owner,
    signal: controller.signal,
    guard: <T>(promise: Promise<T>) => {
      // The abandoned promise may still settle; its rejection is not an unhandled one.
      promise.catch(() => {});
      return Promise.race([promise, lost]);
    },
  };
  try {
    await held.guard(work(held));
  } catch (error) {
    if (error instanceof LeaseLostError) {
      logger.warn(`Processing stopped: ${error.message}`);
    } else if (isDatabaseUnavailable(error)) {
      logger.warn(
        `Processing of ${
          options.what
        } stopped, the database is unavailable; it is picked up again when its lease runs out: ${messageOf(
          error,
        )}`,
      );
    } else {
      // A concurrent user action (e.g. a delete while provisioning) ends up here.
      logger.warn(`Processing of ${options.what} stopped: ${messageOf(error)}`);
    }
  } finally {
    stopped = true;
    clearTimeout(timer);
    try {
      await store.releaseLease(id, owner);
    } catch (error) {
      logger.warn(
        `Could not free the lease on ${
          options.what
        }; it runs out by itself: ${messageOf(error)}`,
      );
    }
  }
}

/** The retry schedule of transient failures. */
export interface RetryPolicy {
  backoffBaseSeconds: number;
  backoffMaxSeconds: number;
  retryDeadlineMs: number;
}

export type RetryPlan =
  | {
      kind: 'retry';
      attempts: number;
      failingSince: Date;
      nextAttemptAt: Date;
      /** For the audit trail: which attempt failed, when the next one runs, until when. */
      note: string;
    }
  | { kind: 'give-up'; attempts: number; note: string };

/** `90_000` → `1m 30s`. */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const parts: string[] = [];
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours) parts.push(`${hours}h`);
  if (minutes) parts.push(`${minutes}m`);
  if (seconds || parts.length === 0) parts.push(`${seconds}s`);
  return parts.join(' ');
}

/**
 * After a transient failure: retry after an exponential backoff (base × 2ⁿ, capped, less up to
 * half at random so that rows that failed together do not retry together), but never past the
 * deadline, counted from the first failure of the run; at the deadline, give up.
 */
export function planRetry(
  state: { attempts: number; failingSince?: Date },
  now: Date,
  policy: RetryPolicy,
  random: () => number = Math.random,
): RetryPlan {
  const attempts = state.attempts + 1;
  const since = state.failingSince ?? now;
  const deadline = since.getTime() + policy.retryDeadlineMs;
  if (now.getTime() >= deadline) {
    return {
      kind: 'give-up',
      attempts,
      note: `still failing after ${formatDuration(
        now.getTime() - since.getTime(),
      )} of retries (${attempts} attempts)`,
    };
  }
  const backoffMs =
    Math.min(
      policy.backoffBaseSeconds * 2 ** (attempts - 1),
      policy.backoffMaxSeconds,
    ) * 1000;
  const delayMs = Math.round(backoffMs * (1 - random() / 2));
  const nextAttemptAt = new Date(Math.min(now.getTime() + delayMs, deadline));
  return {
    kind: 'retry',
    attempts,
    failingSince: since,
    nextAttemptAt,
    note: `Attempt ${attempts} failed, retrying in ${formatDuration(
      nextAttemptAt.getTime() - now.getTime(),
    )} (retries until ${new Date(deadline).toISOString()})`,
  };
}

/**
 * After a failed step: a permanent failure, or a transient one at the retry deadline, ends the
 * work through `fail` (given the retry schedule's note when retries ran out); any other is
 * recorded on the trail as `attemptFailedAction` and the work rescheduled after a backoff.
 */
export async function retryOrFail(
  processing: { attempts: number; failingSince?: Date },
  failure: StepFailure,
  options: {
    now: () => Date;
    policy: RetryPolicy;
    /** The trail's action of a failed attempt, e.g. `provision-attempt-failed`. */
    attemptFailedAction: string;
    fail: (retriesRanOut?: string) => Promise<void>;
    reschedule: (
      update: RescheduleUpdate,
      entry: { actor: string; action: string; message: string },
    ) => Promise<void>;
  },
): Promise<void> {
  if (!failure.retryable) {
    await options.fail();
    return;
  }
  const plan = planRetry(processing, options.now(), options.policy);
  if (plan.kind === 'give-up') {
    await options.fail(plan.note);
    return;
  }
  await options.reschedule(
    {
      attempts: plan.attempts,
      failingSince: plan.failingSince,
      nextAttemptAt: plan.nextAttemptAt,
    },
    {
      actor: SYSTEM_ACTOR,
      action: options.attemptFailedAction,
      message: `${plan.note}: ${failure.message}`,
    },
  );
}
