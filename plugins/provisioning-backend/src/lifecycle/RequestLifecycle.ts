import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  DatabaseRequest,
  DatabaseRequestStatus,
  PROVISIONING_REQUEST_TOPIC,
  provisioningRequestEventSchema,
} from '@paved/plugin-provisioning-common';
import type { Request } from 'express';
import { DatabaseRequestStore, TransitionOptions } from '../database';

/** Signal channel of one request, for the live timeline of its page. */
export function requestSignalChannel(id: string): string {
  return `provisioning:request:${id}`;
}

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
  constructor(
    private readonly options: {
      store: DatabaseRequestStore;
      auditor: AuditorService;
      logger: LoggerService;
      notifications?: NotificationService;
      signals?: SignalsService;
      events?: EventsService;
      platformTeam: string;
      appBaseUrl?: string;
    },
  ) {}

  requestLink(id: string): string {
    return `/provisioning/requests/${id}`;
  }

  async transition(
    id: string,
    options: TransitionOptions,
    httpRequest?: Request,
  ): Promise<DatabaseRequest> {
    const auditEvent = await this.options.auditor.createEvent({
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
    });
    let request: DatabaseRequest;
    try {
      request = await this.options.store.transition(id, options);
    } catch (error) {
      await auditEvent.fail({ error: error as Error });
      throw error;
    }
    await auditEvent.success({
      meta: { owner: request.owner, status: request.status },
    });
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
    await this.safely('notify owner', () =>
      this.options.notifications?.send({
        recipients: { type: 'entity', entityRef: request.owner },
        payload: {
          title: payload.title,
          description: payload.description,
          link: payload.link ?? this.requestLink(request.id),
          severity: 'high',
          topic: 'provisioning',
          scope: payload.scope,
        },
      }),
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
    const description = [
      `Owner ${request.owner}, requested by ${request.requestedBy}.`,
      change.message ? `${change.message}` : undefined,
    ]
      .filter(Boolean)
      .join(' ');
    const excludeEntityRef = change.actor.startsWith('user:')
      ? change.actor
      : undefined;

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
          link: this.requestLink(request.id),
          severity: request.status === 'failed' ? 'high' : 'normal',
          topic: 'provisioning',
          scope: `provisioning-request:${request.id}`,
        },
      }),
    );
    if (request.status === 'awaiting-approval' || request.status === 'failed') {
      await this.safely('notify approvers', () =>
        this.options.notifications?.send({
          recipients: {
            type: 'entity',
            entityRef: this.options.platformTeam,
            excludeEntityRef,
          },
          payload: {
            title:
              request.status === 'awaiting-approval'
                ? `Approval needed: database ${request.name} for ${request.owner} (${request.environment}, ${request.size})`
                : title,
            description,
            link: this.requestLink(request.id),
            severity: request.status === 'failed' ? 'high' : 'normal',
            topic: 'provisioning',
            scope: `provisioning-request:${request.id}:approvers`,
          },
        }),
      );
    }
    await this.safely('signal', () =>
      this.options.signals?.publish({
        // Only those who can act on the request hear of it live: the requester, the owning team
        // and the approvers (signals match these refs against a user's ownership refs). Others
        // with the page open see changes on the page's next poll.
        recipients: {
          type: 'user',
          entityRef: [
            ...new Set([
              request.requestedBy,
              request.owner,
              this.options.platformTeam,
            ]),
          ],
        },
        channel: requestSignalChannel(request.id),
        message: {
          id: request.id,
          status: request.status,
          action: change.action,
          updatedAt: request.updatedAt,
        },
      }),
    );
    await this.safely('publish event', async () => {
      // Built through the shared schema, so what is published is what subscribers parse.
      const eventPayload = provisioningRequestEventSchema.parse({
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
