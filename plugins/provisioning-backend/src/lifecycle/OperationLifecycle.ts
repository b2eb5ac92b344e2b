import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  DatabaseOperation,
  DatabaseRequest,
  PROVISIONING_REQUEST_TOPIC,
  provisioningRequestEventSchema,
} from '@paved/plugin-provisioning-common';
import type { Request } from 'express';
import {
  DatabaseOperationStore,
  NewDatabaseOperation,
  OperationTransitionOptions,
} from '../database';
import { requestSignalChannel } from './RequestLifecycle';

const DESCRIPTIONS: Record<DatabaseOperation['type'], string> = {
  resize: 'Resize',
  'rotate-credentials': 'Credential rotation',
  extend: 'Extension',
  snapshot: 'Snapshot',
  restore: 'Restore',
};

const TITLES: Record<DatabaseOperation['status'], string> = {
  'awaiting-approval': 'awaits approval',
  'in-progress': 'is in progress',
  done: 'is done',
  failed: 'failed',
  rejected: 'was rejected',
};

/**
 * The lifecycle of operations on a ready database, told like a request's: every change goes
 * through the store (which enforces the operation transition table and writes the request's audit
 * trail), then to the auditor, the owning team and the approvers (notifications), the open request
 * page (a signal on the request's channel) and other plugins (the request topic, with `operation`).
 * Side effects never undo a committed change; a failing notification is logged.
 */
export class OperationLifecycle {
  constructor(
    private readonly options: {
      store: DatabaseOperationStore;
      auditor: AuditorService;
      logger: LoggerService;
      notifications?: NotificationService;
      signals?: SignalsService;
      events?: EventsService;
      platformTeam: string;
    },
  ) {}

  operationLink(operation: Pick<DatabaseOperation, 'id' | 'requestId'>) {
    return `/provisioning/requests/${operation.requestId}?operation=${operation.id}`;
  }

  /** Stores a new operation (audited, announced); repeats of an idempotency key return the first. */
  async create(
    request: DatabaseRequest,
    input: NewDatabaseOperation,
    options: { idempotency?: { key: string; bodyHash: string } },
    httpRequest?: Request,
  ): Promise<{ operation: DatabaseOperation; created: boolean }> {
    const auditEvent = await this.options.auditor.createEvent({
      eventId: 'operation-create',
      severityLevel: input.parameters.type === 'restore' ? 'high' : 'medium',
      request: httpRequest,
      meta: {
        requestId: request.id,
        owner: request.owner,
        environment: request.environment,
        parameters: input.parameters,
        approvalRequired: input.approvalRequired,
      },
    });
    let result: { operation: DatabaseOperation; created: boolean };
    try {
      result = await this.options.store.createOperation(input, options);
    } catch (error) {
      await auditEvent.fail({ error: error as Error });
      throw error;
    }
    await auditEvent.success({
      meta: { operationId: result.operation.id, created: result.created },
    });
    if (result.created) {
      await this.announce(request, result.operation, {
        action: 'requested',
        actor: input.requestedBy,
        message: input.approvalRequired
          ? `Needs an approval: ${input.approvalReasons.join(', ')}`
          : undefined,
      });
    }
    return result;
  }

  async transition(
    operation: Pick<DatabaseOperation, 'id' | 'requestId' | 'type'>,
    options: OperationTransitionOptions & { nextAttemptAt?: Date },
    httpRequest?: Request,
  ): Promise<{ operation: DatabaseOperation; request: DatabaseRequest }> {
    const auditEvent = await this.options.auditor.createEvent({
      eventId: 'operation-transition',
      severityLevel:
        options.action === 'approved' || operation.type === 'restore'
          ? 'high'
          : 'medium',
      request: httpRequest,
      meta: {
        requestId: operation.requestId,
        operationId: operation.id,
        type: operation.type,
        action: options.action,
        actor: options.actor,
        to: options.to,
        ...(options.phase ? { phase: options.phase } : {}),
      },
    });
    let result: { operation: DatabaseOperation; request: DatabaseRequest };
    try {
      result = await this.options.store.transition(operation.id, options);
    } catch (error) {
      await auditEvent.fail({ error: error as Error });
      throw error;
    }
    await auditEvent.success({
      meta: { owner: result.request.owner, status: result.operation.status },
    });
    await this.announce(result.request, result.operation, {
      action: options.action,
      actor: options.actor,
      message: options.message ?? options.failureReason,
    });
    return result;
  }

  private async announce(
    request: DatabaseRequest,
    operation: DatabaseOperation,
    change: { action: string; actor: string; message?: string },
  ): Promise<void> {
    const what = DESCRIPTIONS[operation.type];
    const state =
      operation.phase === 'grace' && operation.status === 'in-progress'
        ? 'is in its grace period (old and new credentials work)'
        : TITLES[operation.status];
    const title = `${what} of database ${request.name} (${request.environment}) ${state}`;
    const description = [
      `Owner ${request.owner}, asked by ${operation.requestedBy}.`,
      change.message,
    ]
      .filter(Boolean)
      .join(' ');
    const link = this.operationLink(operation);
    const excludeEntityRef = change.actor.startsWith('user:')
      ? change.actor
      : undefined;
    const severity = operation.status === 'failed' ? 'high' : 'normal';

    await this.safely('notify owner', () =>
      this.options.notifications?.send({
        recipients: {
          type: 'entity',
          entityRef: request.owner,
          excludeEntityRef,
        },
        payload: {
          title,
          description,
          link,
          severity,
          topic: 'provisioning',
          scope: `provisioning-operation:${operation.id}`,
        },
      }),
    );
    if (
      operation.status === 'awaiting-approval' ||
      operation.status === 'failed'
    ) {
      await this.safely('notify approvers', () =>
        this.options.notifications?.send({
          recipients: {
            type: 'entity',
            entityRef: this.options.platformTeam,
            excludeEntityRef,
          },
          payload: {
            title:
              operation.status === 'awaiting-approval'
                ? `Approval needed: ${what.toLocaleLowerCase(
                    'en-US',
                  )} of database ${request.name} for ${request.owner} (${
                    request.environment
                  })`
                : title,
            description,
            link,
            severity,
            topic: 'provisioning',
            scope: `provisioning-operation:${operation.id}:approvers`,
          },
        }),
      );
    }
    await this.safely('signal', () =>
      this.options.signals?.publish({
        // The same audience as the request's own changes: requester, owners and approvers.
        recipients: {
          type: 'user',
          entityRef: [
            ...new Set([
              request.requestedBy,
              operation.requestedBy,
              request.owner,
              this.options.platformTeam,
            ]),
          ],
        },
        channel: requestSignalChannel(request.id),
        message: {
          id: request.id,
          status: request.status,
          action: `${operation.type}-${change.action}`,
          updatedAt: operation.updatedAt,
          operationId: operation.id,
          operationStatus: operation.status,
        },
      }),
    );
    await this.safely('publish event', async () => {
      const eventPayload = provisioningRequestEventSchema.parse({
        requestId: request.id,
        status: request.status,
        action: `${operation.type}-${change.action}`,
        actor: change.actor,
        owner: request.owner,
        environment: request.environment,
        provider: request.provider,
        requestedBy: request.requestedBy,
        humanStep: request.humanStep,
        operation: {
          id: operation.id,
          type: operation.type,
          status: operation.status,
        },
        occurredAt: operation.updatedAt,
      });
      await this.options.events?.publish({
        topic: PROVISIONING_REQUEST_TOPIC,
        eventPayload,
      });
    });
  }

  private async safely(what: string, fn: () => Promise<unknown> | undefined) {
    try {
      await fn();
    } catch (error) {
      this.options.logger.warn(
        `Provisioning could not ${what}: ${(error as Error).message}`,
      );
    }
  }
}
