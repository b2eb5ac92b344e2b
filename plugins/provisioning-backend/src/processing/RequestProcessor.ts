import { LoggerService } from '@backstage/backend-plugin-api';
import { databaseResourceEntityRefCandidates } from '@paved/plugin-provisioning-common';
import { v4 as uuid } from 'uuid';
import {
  ClaimedDatabaseRequest,
  DatabaseRequestStore,
  RequestSecretStore,
} from '../database';
import { ProcessingSettings } from '../config';
import { RequestLifecycle, SYSTEM_ACTOR } from '../lifecycle/RequestLifecycle';
import { ProviderRegistry } from '../providers/ProviderRegistry';
import {
  HeldLease,
  LeaseLostError,
  planRetry,
  processLeased,
} from './leasedWork';
import type { ProvisioningStatus } from '@paved/plugin-provisioning-node';

const BATCH_SIZE = 5;
const MAX_BATCHES_PER_RUN = 20;

/**
 * Moves requests in `provisioning` and `deprovisioning` forward by calling their provider.
 *
 * Each request is leased in the database before it is touched, so any number of processors (the
 * scheduled task on one replica, the kick after a create on another) work on a request one at a
 * time. A working processor renews its lease while the provider call runs; a crashed processor's
 * lease runs out and another one resumes from the stored state. Providers are idempotent, so
 * resuming repeats no work. Transient failures are retried with exponential backoff and jitter
 * until `retryDeadline`, then the request ends in `failed` with the reason (see leasedWork.ts).
 */
export class RequestProcessor {
  readonly instanceId: string;

  constructor(
    private readonly options: {
      store: DatabaseRequestStore;
      secrets: RequestSecretStore;
      lifecycle: RequestLifecycle;
      providers: ProviderRegistry;
      logger: LoggerService;
      settings: ProcessingSettings;
      now?: () => Date;
      instanceId?: string;
    },
  ) {
    this.instanceId = options.instanceId ?? `processor-${uuid()}`;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Processes everything that is due; returns how many requests were worked on. */
  async processDue(): Promise<number> {
    let processed = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      const claimed = await this.claim(BATCH_SIZE);
      if (claimed.length === 0) break;
      await Promise.all(claimed.map(request => this.process(request)));
      processed += claimed.length;
    }
    return processed;
  }

  /** Processes the given requests now if they are due and free (after a create or an approval). */
  async processNow(ids: string[]): Promise<void> {
    const claimed = await this.claim(ids.length, ids);
    await Promise.all(claimed.map(request => this.process(request)));
  }

  private claim(limit: number, ids?: string[]) {
    // A token per claim, so that even this instance's own earlier claim (whose lease ran out while
    // a provider call hung) can no longer write.
    return this.options.store.claimDue({
      owner: uuid(),
      leaseMs: this.leaseMs,
      limit,
      ids,
    });
  }

  private get leaseMs() {
    return this.options.settings.leaseSeconds * 1000;
  }

  private async process(request: ClaimedDatabaseRequest): Promise<void> {
    const logger = this.options.logger.child({
      requestId: request.id,
      processor: this.instanceId,
    });
    await processLeased(
      {
        id: request.id,
        lease: request.lease!,
        leaseMs: this.leaseMs,
        store: this.options.store,
        now: () => this.now(),
        logger,
        what: `request ${request.id}`,
      },
      async lease => {
        if (request.status === 'provisioning') {
          await this.provision(request, lease, logger);
        } else if (request.status === 'deprovisioning') {
          await this.deprovision(request, lease, logger);
        }
      },
    );
  }

  private async provision(
    request: ClaimedDatabaseRequest,
    lease: HeldLease,
    logger: LoggerService,
  ) {
    const { store, lifecycle, settings } = this.options;
    let status: ProvisioningStatus;
    try {
      const provider = this.options.providers.get(
        request.provider,
        request.type,
      );
      const ctx = {
        logger,
        secrets: this.options.secrets,
        signal: lease.signal,
      };
      status = await lease.guard(
        request.processing.submittedAt
          ? provider.status(request, ctx)
          : provider.provision(request, ctx),
      );
    } catch (error) {
      if (error instanceof LeaseLostError) throw error;
      status = {
        state: 'failed',
        retryable: true,
        message: (error as Error).message,
      };
    }

    if (status.state === 'ready') {
      await lifecycle.transition(request.id, {
        to: 'ready',
        from: ['provisioning'],
        leaseOwner: lease.owner,
        actor: SYSTEM_ACTOR,
        action: 'provisioned',
        message: status.message,
        outputs: status.outputs,
        resourceEntityRefCandidates:
          databaseResourceEntityRefCandidates(request),
      });
      return;
    }

    if (status.state === 'pending') {
      const now = this.now();
      const submittedAt = request.processing.submittedAt ?? now;
      if (
        now.getTime() - submittedAt.getTime() >
        settings.timeoutMinutes * 60_000
      ) {
        await this.fail(
          request,
          lease,
          `Provider reported no result within ${
            settings.timeoutMinutes
          } minutes${status.message ? `: ${status.message}` : ''}`,
        );
        return;
      }
      // An answer ends a run of failures.
      const held = await store.reschedule(
        request.id,
        lease.owner,
        {
          attempts: 0,
          failingSince: null,
          nextAttemptAt: new Date(
            now.getTime() + settings.pollIntervalSeconds * 1000,
          ),
          submittedAt,
        },
        request.processing.submittedAt
          ? undefined
          : {
              actor: SYSTEM_ACTOR,
              action: 'provision-submitted',
              message: status.message,
            },
      );
      if (!held) throw new LeaseLostError(`request ${request.id}: lease lost`);
      return;
    }

    await this.retryOrFail(
      request,
      lease,
      status.message,
      status.retryable,
      'provision',
    );
  }

  private async deprovision(
    request: ClaimedDatabaseRequest,
    lease: HeldLease,
    logger: LoggerService,
  ) {
    try {
      await lease.guard(
        this.options.providers
          .get(request.provider, request.type)
          .deprovision(request, {
            logger,
            secrets: this.options.secrets,
            signal: lease.signal,
          }),
      );
      await this.options.secrets.delete(request.id);
    } catch (error) {
      if (error instanceof LeaseLostError) throw error;
      await this.retryOrFail(
        request,
        lease,
        (error as Error).message,
        true,
        'deprovision',
      );
      return;
    }
    const endStatus = request.processing.endStatus ?? 'deleted';
    await this.options.lifecycle.transition(request.id, {
      to: endStatus,
      from: ['deprovisioning'],
      leaseOwner: lease.owner,
      actor: SYSTEM_ACTOR,
      action: endStatus === 'expired' ? 'expired' : 'deprovisioned',
      message: 'Database and credentials removed',
    });
  }

  private async retryOrFail(
    request: ClaimedDatabaseRequest,
    lease: HeldLease,
    message: string,
    retryable: boolean,
    phase: 'provision' | 'deprovision',
  ) {
    const action = phase === 'deprovision' ? 'Deprovisioning' : 'Provisioning';
    if (!retryable) {
      await this.fail(request, lease, `${action} failed: ${message}`);
      return;
    }
    const plan = planRetry(
      request.processing,
      this.now(),
      this.options.settings,
    );
    if (plan.kind === 'give-up') {
      await this.fail(
        request,
        lease,
        `${action} failed, ${plan.note}: ${message}`,
      );
      return;
    }
    const held = await this.options.store.reschedule(
      request.id,
      lease.owner,
      {
        attempts: plan.attempts,
        failingSince: plan.failingSince,
        nextAttemptAt: plan.nextAttemptAt,
      },
      {
        actor: SYSTEM_ACTOR,
        action: `${phase}-attempt-failed`,
        message: `${plan.note}: ${message}`,
      },
    );
    if (!held) throw new LeaseLostError(`request ${request.id}: lease lost`);
  }

  private async fail(
    request: ClaimedDatabaseRequest,
    lease: HeldLease,
    reason: string,
  ) {
    await this.options.lifecycle.transition(request.id, {
      to: 'failed',
      from: [request.status],
      leaseOwner: lease.owner,
      actor: SYSTEM_ACTOR,
      action: 'failed',
      failureReason: reason,
    });
  }
}
