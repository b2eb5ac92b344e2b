import { AuditorService } from '@backstage/backend-plugin-api';
import {
  DatabaseRequest,
  DatabaseRequestStatus,
  requestPagePath,
} from '@paved/plugin-provisioning-common';
import type { Request } from 'express';
import { DatabaseRequestStore, TransitionOptions } from '../database';
import {
  auditedChange,
  ChangeAnnouncer,
  ChangeAnnouncerOptions,
} from './ChangeAnnouncer';

/** Actor of changes made by the backend itself (processing, expiry). */
export const SYSTEM_ACTOR = 'plugin:provisioning';

const TITLES: Partial<Record<DatabaseRequestStatus, string>> = {
  'awaiting-approval': 'awaits approval',
  provisioning: 'is being provisioned',
  ready: 'is ready',
  failed: 'failed',
  rejected: 'was rejected',
  deprovisioning: 'is being deprovisioned',
  deleted: 'was deleted',
  expired: 'expired',
};

/**
 * Changes a request's state through the store (which enforces the transition table) and tells
 * everyone who should know: the auditor, the owning team and the approvers (notifications), the
 * open request page (signals) and other plugins (events). The side effects never undo a committed
 * transition; a failing notification is logged.
 */
export class RequestLifecycle {
  private readonly announcer: ChangeAnnouncer;

  constructor(
    private readonly options: ChangeAnnouncerOptions & {
      store: DatabaseRequestStore;
      auditor: AuditorService;
      appBaseUrl?: string;
    },
  ) {
    this.announcer = new ChangeAnnouncer(options);
  }

  requestLink(id: string): string {
    return requestPagePath(id);
  }

  async transition(
    id: string,
    options: TransitionOptions,
    httpRequest?: Request,
  ): Promise<DatabaseRequest> {
    const request = await auditedChange(
      this.options.auditor,
      {
        eventId: 'request-transition',
        severityLevel:
          options.to === 'provisioning' && options.action === 'approved'
            ? 'high'
            : 'medium',
        request: httpRequest,
        meta: {
          requestId: id,
          action: options.action,
          actor: options.actor,
          to: options.to,
          ...(options.message ? { message: options.message } : {}),
        },
      },
      () => this.options.store.transition(id, options),
      changed => ({ owner: changed.owner, status: changed.status }),
    );
    await this.announce(request, {
      action: options.action,
      actor: options.actor,
      message: options.message ?? options.failureReason,
    });
    return request;
  }

  /** Audits and announces a request that was just created (the store wrote its `created` event). */
  async created(
    request: DatabaseRequest,
    httpRequest?: Request,
  ): Promise<void> {
    const auditEvent = await this.options.auditor.createEvent({
      eventId: 'request-create',
      severityLevel: 'medium',
      request: httpRequest,
      meta: {
        requestId: request.id,
        owner: request.owner,
        environment: request.environment,
        size: request.size,
        storageGB: request.storageGB,
        provider: request.provider,
        status: request.status,
      },
    });
    await auditEvent.success();
    await this.announce(request, {
      action: 'created',
      actor: request.requestedBy,
    });
  }

  /** Tells the owning team something that is not a state change (an expiry warning). */
  async notifyOwner(
    request: DatabaseRequest,
    payload: {
      title: string;
      description: string;
      link?: string;
      scope: string;
    },
  ): Promise<void> {
    await this.announcer.notify(
      'notify owner',
      { type: 'entity', entityRef: request.owner },
      {
        title: payload.title,
        description: payload.description,
        link: payload.link ?? this.requestLink(request.id),
        severity: 'high',
        topic: 'provisioning',
        scope: payload.scope,
      },
    );
  }

  private async announce(
    request: DatabaseRequest,
    change: {
      action: string;
      actor: string;
      message?: string;
    },
  ): Promise<void> {
    const title = `Database ${request.name} (${request.environment}) ${
      TITLES[request.status] ?? request.status
    }`;
    await this.announcer.announce({
      requestId: request.id,
      owner: request.owner,
      actor: change.actor,
      title,
      description: [
        `Owner ${request.owner}, requested by ${request.requestedBy}.`,
        change.message ? `${change.message}` : undefined,
      ]
        .filter(Boolean)
        .join(' '),
      link: this.requestLink(request.id),
      severity: request.status === 'failed' ? 'high' : 'normal',
      scope: `provisioning-request:${request.id}`,
      ...(request.status === 'awaiting-approval' || request.status === 'failed'
        ? {
            approversTitle:
              request.status === 'awaiting-approval'
                ? `Approval needed: database ${request.name} for ${request.owner} (${request.environment}, ${request.size})`
                : title,
          }
        : {}),
      listeners: [request.requestedBy, request.owner],
      signal: {
        id: request.id,
        status: request.status,
        action: change.action,
        updatedAt: request.updatedAt,
      },
      event: {
        requestId: request.id,
        status: request.status,
        action: change.action,
        actor: change.actor,
        owner: request.owner,
        environment: request.environment,
        provider: request.provider,
        requestedBy: request.requestedBy,
        humanStep: request.humanStep,
        occurredAt: request.updatedAt,
      },
    });
  }
}
