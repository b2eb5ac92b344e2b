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
import type { ProvisioningStatus } from '@paved/plugin-provisioning-node';

const BATCH_SIZE = 5;
const MAX_BATCHES_PER_RUN = 20;

/**
 * Moves requests in `provisioning` and `deprovisioning` forward by calling their provider.
 *
 * Each request is leased in the database before it is touched, so any number of processors (the
 * scheduled task on one replica, the kick after a create on another) work on a request one at a
 * time; a crashed processor's lease runs out and another one resumes from the stored state.
 * Providers are idempotent, so resuming repeats no work. Failures are retried with exponential
 * backoff up to `maxAttempts`, then the request ends in `failed` with the reason.
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
      const claimed = await this.options.store.claimDue({
        owner: this.instanceId,
        leaseMs: this.options.settings.leaseSeconds * 1000,
        limit: BATCH_SIZE,
      });
      if (claimed.length === 0) break;
      await Promise.all(claimed.map(request => this.process(request)));
      processed += claimed.length;
    }
    return processed;
  }

  /** Processes the given requests now if they are due and free (after a create or an approval). */
  async processNow(ids: string[]): Promise<void> {
    const claimed = await this.options.store.claimDue({
      owner: this.instanceId,
      leaseMs: this.options.settings.leaseSeconds * 1000,
      limit: ids.length,
      ids,
    });
    await Promise.all(claimed.map(request => this.process(request)));
  }

  private async process(request: ClaimedDatabaseRequest): Promise<void> {
    const logger = this.options.logger.child({ requestId: request.id });
    try {
      if (request.status === 'provisioning') {
        await this.provision(request, logger);
      } else if (request.status === 'deprovisioning') {
        await this.deprovision(request, logger);
      }
    } catch (error) {
      // A lost lease or a concurrent user action (e.g. a delete while provisioning) ends up here.
      logger.warn(
        `Processing of request ${request.id} stopped: ${
          (error as Error).message
        }`,
      );
    } finally {
      await this.options.store.releaseLease(request.id, this.instanceId);
    }
  }

  private async provision(
    request: ClaimedDatabaseRequest,
    logger: LoggerService,
  ) {
    const { store, lifecycle, settings } = {
      ...this.options,
      settings: this.options.settings,
    };
    let status: ProvisioningStatus;
    try {
      const provider = this.options.providers.get(
        request.provider,
        request.type,
      );
      const ctx = { logger, secrets: this.options.secrets };
      status = request.processing.submittedAt
        ? await provider.status(request, ctx)
        : await provider.provision(request, ctx);
    } catch (error) {
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
        leaseOwner: this.instanceId,
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
          `Provider reported no result within ${
            settings.timeoutMinutes
          } minutes${status.message ? `: ${status.message}` : ''}`,
        );
        return;
      }
      if (!request.processing.submittedAt) {
        await store.appendEvent(request.id, {
          actor: SYSTEM_ACTOR,
          action: 'provision-submitted',
          message: status.message,
        });
      }
      await store.reschedule(request.id, this.instanceId, {
        attempts: request.processing.attempts,
        nextAttemptAt: new Date(
          now.getTime() + settings.pollIntervalSeconds * 1000,
        ),
        submittedAt,
      });
      return;
    }

    await this.retryOrFail(
      request,
      status.message,
      status.retryable,
      'provision',
    );
  }

  private async deprovision(
    request: ClaimedDatabaseRequest,
    logger: LoggerService,
  ) {
    try {
      await this.options.providers
        .get(request.provider, request.type)
        .deprovision(request, { logger, secrets: this.options.secrets });
      await this.options.secrets.delete(request.id);
    } catch (error) {
      await this.retryOrFail(
        request,
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
      leaseOwner: this.instanceId,
      actor: SYSTEM_ACTOR,
      action: endStatus === 'expired' ? 'expired' : 'deprovisioned',
      message: 'Database and credentials removed',
    });
  }

  private async retryOrFail(
    request: ClaimedDatabaseRequest,
    message: string,
    retryable: boolean,
    phase: 'provision' | 'deprovision',
  ) {
    const { settings, store } = this.options;
    const attempts = request.processing.attempts + 1;
    if (retryable && attempts < settings.maxAttempts) {
      const delaySeconds = Math.min(
        settings.backoffBaseSeconds * 2 ** (attempts - 1),
        settings.backoffMaxSeconds,
      );
      await store.appendEvent(request.id, {
        actor: SYSTEM_ACTOR,
        action: `${phase}-attempt-failed`,
        message: `Attempt ${attempts} of ${settings.maxAttempts} failed, retrying in ${delaySeconds}s: ${message}`,
      });
      await store.reschedule(request.id, this.instanceId, {
        attempts,
        nextAttemptAt: new Date(this.now().getTime() + delaySeconds * 1000),
      });
      return;
    }
    const action = phase === 'deprovision' ? 'Deprovisioning' : 'Provisioning';
    const reason = retryable
      ? `${action} failed after ${attempts} attempt(s): ${message}`
      : `${action} failed: ${message}`;
    await this.fail(request, reason);
  }

  private async fail(request: ClaimedDatabaseRequest, reason: string) {
    await this.options.lifecycle.transition(request.id, {
      to: 'failed',
      from: [request.status],
      leaseOwner: this.instanceId,
      actor: SYSTEM_ACTOR,
      action: 'failed',
      failureReason: reason,
    });
  }
}
