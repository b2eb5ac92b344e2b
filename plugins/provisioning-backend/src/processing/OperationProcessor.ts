import { LoggerService } from '@backstage/backend-plugin-api';
import type { DatabaseRequest } from '@paved/plugin-provisioning-common';
import type {
  DatabaseOperationsProvider,
  OperationStatus,
  ProviderContext,
} from '@paved/plugin-provisioning-node';
import { randomBytes } from 'crypto';
import {
  ClaimedDatabaseOperation,
  DatabaseOperationStore,
  DatabaseRequestStore,
  RequestSecretStore,
  RescheduleUpdate,
} from '../database';
import { OperationSettings, ProcessingSettings } from '../config';
import { OperationLifecycle } from '../lifecycle/OperationLifecycle';
import { SYSTEM_ACTOR } from '../lifecycle/RequestLifecycle';
import { OperationGuardrails } from '../policy/OperationGuardrails';
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

/** What a step works with: the provider's context and the lease that fences its writes. */
type StepContext = ProviderContext & { lease: HeldLease };

/** A step's outcome when it did not finish the operation. */
type StepOutcome =
  | { kind: 'finished' }
  | { kind: 'wait'; message?: string }
  | ({ kind: 'retry' } & StepFailure);

/** What every generated password looks like: base64url, as the sandbox provider requires. */
function generatePassword(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Carries in-progress operations to their end, like the request processor does requests: each
 * operation is leased in the database before it is touched and the lease renewed while it is
 * worked on, a crashed processor's lease runs out and another one resumes from the stored phase,
 * provider calls are idempotent, and transient failures are retried with exponential backoff and
 * jitter until `retryDeadline` (see leasedWork.ts).
 *
 * Steps per type: `extend` moves the expiry; `resize` asks the provider (polled while a GitOps
 * change rolls out) and then records the new size; `rotate-credentials` issues a new password on
 * the other login, keeps the old one through the grace period, then revokes it; `snapshot` copies
 * the database; `restore` takes a safety snapshot first, then restores.
 */
export class OperationProcessor extends LeasedWorkProcessor<ClaimedDatabaseOperation> {
  constructor(
    private readonly options: {
      operations: DatabaseOperationStore;
      requests: DatabaseRequestStore;
      secrets: RequestSecretStore;
      lifecycle: OperationLifecycle;
      guardrails: OperationGuardrails;
      providers: ProviderRegistry;
      logger: LoggerService;
      settings: ProcessingSettings;
      operationSettings: OperationSettings;
      now?: () => Date;
      instanceId?: string;
    },
  ) {
    super({
      ...options,
      store: options.operations,
      instancePrefix: 'operations',
    });
  }

  protected logContextOf(operation: ClaimedDatabaseOperation) {
    return { requestId: operation.requestId, operationId: operation.id };
  }

  protected describe(operation: ClaimedDatabaseOperation) {
    return `operation ${operation.id}`;
  }

  /** Checks that the database is still ready, then runs the operation's next step. */
  protected async step(
    operation: ClaimedDatabaseOperation,
    lease: HeldLease,
    logger: LoggerService,
  ): Promise<void> {
    const request = await this.options.requests.getRequest(operation.requestId);
    if (!request || request.status !== 'ready') {
      await this.fail(
        operation,
        lease,
        `The database is ${request?.status ?? 'gone'}, no longer ready`,
      );
      return;
    }
    const ctx: StepContext = {
      logger,
      secrets: this.options.secrets,
      signal: lease.signal,
      lease,
    };
    const outcome = await this.nextStep(operation, request, ctx).catch(
      (error): StepOutcome => ({
        kind: 'retry',
        ...transientFailureOf(error),
      }),
    );
    if (outcome.kind === 'wait') {
      await this.reschedule(
        operation,
        lease,
        pollAgain(this.now(), this.options.settings.pollIntervalSeconds),
      );
    } else if (outcome.kind === 'retry') {
      await this.retryOrFail(operation, lease, outcome);
    }
  }

  private async reschedule(
    operation: ClaimedDatabaseOperation,
    lease: HeldLease,
    update: RescheduleUpdate,
    event?: { actor: string; action: string; message?: string },
  ) {
    const held = await this.options.operations.reschedule(
      operation,
      lease.owner,
      update,
      event,
    );
    assertLeaseHeld(held, `operation ${operation.id}`);
  }

  private provider(request: DatabaseRequest): DatabaseOperationsProvider {
    const operations = this.options.providers.get(
      request.provider,
      request.type,
    ).operations;
    if (!operations) {
      throw new Error(`Provider "${request.provider}" supports no operations`);
    }
    return operations;
  }

  private async nextStep(
    operation: ClaimedDatabaseOperation,
    request: DatabaseRequest,
    ctx: StepContext,
  ): Promise<StepOutcome> {
    const parameters = operation.parameters;
    switch (parameters.type) {
      case 'extend':
        return this.extend(operation, request, parameters.hours, ctx);
      case 'resize':
        return this.resize(operation, request, parameters, ctx);
      case 'rotate-credentials':
        return operation.phase === 'grace'
          ? this.revokeOldCredentials(operation, request, ctx)
          : this.rotate(operation, request, ctx);
      case 'snapshot':
        return this.snapshot(operation, request, parameters.label, ctx);
      case 'restore':
        return this.restore(operation, request, parameters.snapshotId, ctx);
      default:
        return {
          kind: 'retry',
          message: `Unknown operation type`,
          retryable: false,
        };
    }
  }

  private async extend(
    operation: ClaimedDatabaseOperation,
    request: DatabaseRequest,
    hours: number | undefined,
    ctx: StepContext,
  ): Promise<StepOutcome> {
    // Counted from when it is applied, within the limits as they are then.
    const target = this.options.guardrails.extensionTarget(request, hours);
    if (!target.expiresAt) {
      return {
        kind: 'retry',
        retryable: false,
        message: target.violations
          .map(v => `${v.field}: ${v.problem} (rule: ${v.rule})`)
          .join('; '),
      };
    }
    await this.finish(operation, ctx.lease, {
      message: `Extended by ${
        target.hours
      } hours, expires at ${target.expiresAt.toISOString()}`,
      result: { expiresAt: target.expiresAt.toISOString() },
      requestUpdate: { expiresAt: target.expiresAt },
    });
    return { kind: 'finished' };
  }

  private async resize(
    operation: ClaimedDatabaseOperation,
    request: DatabaseRequest,
    parameters: { size?: DatabaseRequest['size']; storageGB?: number },
    ctx: StepContext,
  ): Promise<StepOutcome> {
    const target = this.options.guardrails.resizeTarget(request, parameters);
    const provider = this.provider(request);
    if (!provider.resize) {
      return {
        kind: 'retry',
        retryable: false,
        message: `Provider "${request.provider}" does not support resize`,
      };
    }
    const status: OperationStatus = await ctx.lease.guard(
      provider.resize(request, target, ctx),
    );
    if (status.state === 'pending') {
      return { kind: 'wait', message: status.message };
    }
    if (status.state === 'failed') {
      return {
        kind: 'retry',
        message: status.message,
        retryable: status.retryable,
      };
    }
    await this.finish(operation, ctx.lease, {
      message: `Now ${target.size} with ${target.storageGB} GB${
        status.message ? `: ${status.message}` : ''
      }`,
      result: { size: target.size, storageGB: target.storageGB },
      requestUpdate: { size: target.size, storageGB: target.storageGB },
    });
    return { kind: 'finished' };
  }

  private async rotate(
    operation: ClaimedDatabaseOperation,
    request: DatabaseRequest,
    ctx: StepContext,
  ): Promise<StepOutcome> {
    const provider = this.provider(request);
    if (!provider.rotateCredentials || !request.outputs) {
      return {
        kind: 'retry',
        retryable: false,
        message: `Provider "${request.provider}" does not support rotate-credentials`,
      };
    }
    // The provider addresses the login other than the current one, so a repeat after a crash
    // (with another password) re-issues on the same login; the old login is not touched.
    const password = generatePassword();
    const { username } = await ctx.lease.guard(
      provider.rotateCredentials(request, password, ctx),
    );
    await this.options.secrets.put(request.id, password);
    const graceEndsAt = new Date(
      this.now().getTime() +
        this.options.operationSettings.rotationGraceMinutes * 60_000,
    );
    await this.options.lifecycle.transition(operation, {
      to: 'in-progress',
      from: ['in-progress'],
      phase: 'grace',
      leaseOwner: ctx.lease.owner,
      actor: SYSTEM_ACTOR,
      action: 'issued',
      // Redis issues the new password on the same user (ACL keeps several per user).
      message:
        username === request.outputs.username
          ? `New password issued for login ${username}; the previous password works until ${graceEndsAt.toISOString()}`
          : `New credentials issued for login ${username}; the previous login ${
              request.outputs.username
            } works until ${graceEndsAt.toISOString()}`,
      nextAttemptAt: graceEndsAt,
      result: {
        username,
        previousUsername: request.outputs.username,
        graceEndsAt: graceEndsAt.toISOString(),
      },
      requestUpdate: { outputs: { ...request.outputs, username } },
    });
    return { kind: 'finished' };
  }

  private async revokeOldCredentials(
    operation: ClaimedDatabaseOperation,
    request: DatabaseRequest,
    ctx: StepContext,
  ): Promise<StepOutcome> {
    const previous = operation.result?.previousUsername;
    const provider = this.provider(request);
    if (typeof previous !== 'string' || !provider.revokeCredentials) {
      return {
        kind: 'retry',
        retryable: false,
        message: 'The replaced login is unknown; it cannot be revoked',
      };
    }
    await ctx.lease.guard(provider.revokeCredentials(request, previous, ctx));
    await this.finish(operation, ctx.lease, {
      message:
        previous === request.outputs?.username
          ? `Grace period over: the previous password of ${previous} revoked`
          : `Grace period over: login ${previous} revoked`,
      result: { revokedAt: this.now().toISOString() },
    });
    return { kind: 'finished' };
  }

  private snapshotExpiry(): Date {
    return new Date(
      this.now().getTime() +
        this.options.operationSettings.snapshotRetentionDays * 86_400_000,
    );
  }

  private async snapshot(
    operation: ClaimedDatabaseOperation,
    request: DatabaseRequest,
    label: string | undefined,
    ctx: StepContext,
  ): Promise<StepOutcome> {
    const provider = this.provider(request);
    if (!provider.snapshot) {
      return {
        kind: 'retry',
        retryable: false,
        message: `Provider "${request.provider}" does not support snapshot`,
      };
    }
    // The snapshot's id is the operation's: a repeated step writes the same snapshot again.
    const record = await ctx.lease.guard(
      provider.snapshot(request, operation.id, ctx),
    );
    const snapshot = await this.options.operations.addSnapshot({
      id: operation.id,
      requestId: request.id,
      operationId: operation.id,
      kind: 'manual',
      label,
      location: record.location,
      sizeBytes: record.sizeBytes,
      expiresAt: this.snapshotExpiry(),
    });
    await this.finish(operation, ctx.lease, {
      message: record.message
        ? `Snapshot ${snapshot.id}: ${record.message}; kept until ${snapshot.expiresAt}`
        : `Snapshot ${snapshot.id} taken (${snapshot.sizeBytes} bytes), kept until ${snapshot.expiresAt}`,
      result: { snapshotId: snapshot.id, sizeBytes: snapshot.sizeBytes },
    });
    return { kind: 'finished' };
  }

  private async restore(
    operation: ClaimedDatabaseOperation,
    request: DatabaseRequest,
    snapshotId: string,
    ctx: StepContext,
  ): Promise<StepOutcome> {
    const provider = this.provider(request);
    if (!provider.snapshot || !provider.restore) {
      return {
        kind: 'retry',
        retryable: false,
        message: `Provider "${request.provider}" does not support restore`,
      };
    }
    const source = await this.options.operations.getSnapshot(snapshotId);
    if (!source || source.requestId !== request.id) {
      return {
        kind: 'retry',
        retryable: false,
        message: `Snapshot ${snapshotId} no longer exists`,
      };
    }
    // The safety snapshot (id = this operation's) is taken once; a resumed restore finds it.
    let safety = await this.options.operations.getSnapshot(operation.id);
    if (!safety) {
      const record = await ctx.lease.guard(
        provider.snapshot(request, operation.id, ctx),
      );
      safety = await this.options.operations.addSnapshot({
        id: operation.id,
        requestId: request.id,
        operationId: operation.id,
        kind: 'safety',
        label: `before restoring ${snapshotId}`,
        location: record.location,
        sizeBytes: record.sizeBytes,
        expiresAt: this.snapshotExpiry(),
      });
      await this.options.operations.appendEvent(operation, {
        actor: SYSTEM_ACTOR,
        action: 'restore-safety-snapshot',
        message: record.message
          ? `Safety snapshot ${safety.id} before the restore: ${record.message}`
          : `Safety snapshot ${safety.id} taken (${safety.sizeBytes} bytes) before the restore`,
      });
    }
    const restored = await ctx.lease.guard(
      provider.restore(request, source, ctx),
    );
    await this.finish(operation, ctx.lease, {
      message: `${
        restored?.message ?? `Restored snapshot ${snapshotId}`
      }; the content before is in safety snapshot ${safety.id}`,
      result: { restoredSnapshotId: snapshotId, safetySnapshotId: safety.id },
    });
    return { kind: 'finished' };
  }

  private async finish(
    operation: ClaimedDatabaseOperation,
    lease: HeldLease,
    change: {
      message: string;
      result?: Record<string, unknown>;
      requestUpdate?: Parameters<
        OperationLifecycle['transition']
      >[1]['requestUpdate'];
    },
  ) {
    await this.options.lifecycle.transition(operation, {
      to: 'done',
      from: ['in-progress'],
      leaseOwner: lease.owner,
      actor: SYSTEM_ACTOR,
      action: 'done',
      ...change,
    });
  }

  private async retryOrFail(
    operation: ClaimedDatabaseOperation,
    lease: HeldLease,
    failure: StepFailure,
  ) {
    await retryOrFail(operation.processing, failure, {
      now: () => this.now(),
      policy: this.options.settings,
      attemptFailedAction: `${operation.type}-attempt-failed`,
      fail: retriesRanOut =>
        this.fail(
          operation,
          lease,
          retriesRanOut
            ? `Failed, ${retriesRanOut}: ${failure.message}`
            : failure.message,
        ),
      reschedule: (update, entry) =>
        this.reschedule(operation, lease, update, entry),
    });
  }

  private async fail(
    operation: ClaimedDatabaseOperation,
    lease: HeldLease,
    reason: string,
  ) {
    await this.options.lifecycle.transition(operation, {
      to: 'failed',
      from: ['in-progress'],
      leaseOwner: lease.owner,
      actor: SYSTEM_ACTOR,
      action: 'failed',
      failureReason: reason,
    });
  }
}
