import { AuditorService } from '@backstage/backend-plugin-api';
import {
  DatabaseOperation,
  DatabaseRequest,
  requestPagePath,
} from '@paved/plugin-provisioning-common';
import type { Request } from 'express';
import {
  DatabaseOperationStore,
  NewDatabaseOperation,
  OperationTransitionOptions,
} from '../database';
import {
  auditedChange,
  ChangeAnnouncer,
  ChangeAnnouncerOptions,
} from './ChangeAnnouncer';

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
  private readonly announcer: ChangeAnnouncer;

  constructor(
    private readonly options: ChangeAnnouncerOptions & {
      store: DatabaseOperationStore;
      auditor: AuditorService;
    },
  ) {
    this.announcer = new ChangeAnnouncer(options);
  }

  operationLink(operation: Pick<DatabaseOperation, 'id' | 'requestId'>) {
    return requestPagePath(operation.requestId, {
      operationId: operation.id,
    });
  }

  /** Stores a new operation (audited, announced); repeats of an idempotency key return the first. */
  async create(
    request: DatabaseRequest,
    input: NewDatabaseOperation,
    options: { idempotency?: { key: string; bodyHash: string } },
    httpRequest?: Request,
  ): Promise<{ operation: DatabaseOperation; created: boolean }> {
    const result = await auditedChange(
      this.options.auditor,
      {
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
      },
      () => this.options.store.createOperation(input, options),
      ({ operation, created }) => ({ operationId: operation.id, created }),
    );
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
    const result = await auditedChange(
      this.options.auditor,
      {
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
      },
      () => this.options.store.transition(operation.id, options),
      changed => ({
        owner: changed.request.owner,
        status: changed.operation.status,
      }),
    );
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
    const action = `${operation.type}-${change.action}`;
    await this.announcer.announce({
      requestId: request.id,
      owner: request.owner,
      actor: change.actor,
      title,
      description: [
        `Owner ${request.owner}, asked by ${operation.requestedBy}.`,
        change.message,
      ]
        .filter(Boolean)
        .join(' '),
      link: this.operationLink(operation),
      severity: operation.status === 'failed' ? 'high' : 'normal',
      scope: `provisioning-operation:${operation.id}`,
      ...(operation.status === 'awaiting-approval' ||
      operation.status === 'failed'
        ? {
            approversTitle:
              operation.status === 'awaiting-approval'
                ? `Approval needed: ${what.toLocaleLowerCase(
                    'en-US',
                  )} of database ${request.name} for ${request.owner} (${
                    request.environment
                  })`
                : title,
          }
        : {}),
      // The same audience as the request's own changes: requester, owners and approvers.
      listeners: [request.requestedBy, operation.requestedBy, request.owner],
      signal: {
        id: request.id,
        status: request.status,
        action,
        updatedAt: operation.updatedAt,
        operationId: operation.id,
        operationStatus: operation.status,
      },
      event: {
        requestId: request.id,
        status: request.status,
        action,
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
      },
    });
  }
}
