import { LoggerService } from '@backstage/backend-plugin-api';
import { databaseResourceEntityRefCandidates } from '@paved/plugin-provisioning-common';
import {
  ClaimedDatabaseRequest,
  DatabaseRequestStore,
  RequestSecretStore,
} from '../database';
import { ProcessingSettings } from '../config';
import { RequestLifecycle, SYSTEM_ACTOR } from '../lifecycle/RequestLifecycle';
import { ProviderRegistry } from '../providers/ProviderRegistry';
import { LeasedWorkProcessor } from './LeasedWorkProcessor';
import {
  assertLeaseHeld,
  HeldLease,
  pollAgain,
  retryOrFail,
  StepFailure,
  transientFailureOf,
} from './leasedWork';
import type { ProvisioningStatus } from '@paved/plugin-provisioning-node';

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
export class RequestProcessor extends LeasedWorkProcessor<ClaimedDatabaseRequest> {
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
    super({ ...options, instancePrefix: 'processor' });
  }

  protected logContextOf(request: ClaimedDatabaseRequest) {
    return { requestId: request.id };
  }

  protected describe(request: ClaimedDatabaseRequest) {
    return `request ${request.id}`;
  }

  protected async step(
    request: ClaimedDatabaseRequest,
    lease: HeldLease,
    logger: LoggerService,
  ): Promise<void> {
    if (request.status === 'provisioning') {
      await this.provision(request, lease, logger);
    } else if (request.status === 'deprovisioning') {
      await this.deprovision(request, lease, logger);
    }
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
      status = { state: 'failed', ...transientFailureOf(error) };
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
      const held = await store.reschedule(
        request.id,
        lease.owner,
        { ...pollAgain(now, settings.pollIntervalSeconds), submittedAt },
        request.processing.submittedAt
          ? undefined
          : {
              actor: SYSTEM_ACTOR,
              action: 'provision-submitted',
              message: status.message,
            },
      );
      assertLeaseHeld(held, `request ${request.id}`);
      return;
    }

    await this.retryOrFail(request, lease, status, 'provision');
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
      await this.retryOrFail(
        request,
        lease,
        transientFailureOf(error),
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
    failure: StepFailure,
    phase: 'provision' | 'deprovision',
  ) {
    const action = phase === 'deprovision' ? 'Deprovisioning' : 'Provisioning';
    await retryOrFail(request.processing, failure, {
      now: () => this.now(),
      policy: this.options.settings,
      attemptFailedAction: `${phase}-attempt-failed`,
      fail: retriesRanOut =>
        this.fail(
          request,
          lease,
          retriesRanOut
            ? `${action} failed, ${retriesRanOut}: ${failure.message}`
            : `${action} failed: ${failure.message}`,
        ),
      reschedule: async (update, entry) => {
        const held = await this.options.store.reschedule(
          request.id,
          lease.owner,
          update,
          entry,
        );
        assertLeaseHeld(held, `request ${request.id}`);
      },
    });
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
