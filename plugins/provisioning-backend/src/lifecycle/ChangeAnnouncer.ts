import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import {
  NotificationRecipients,
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import { JsonObject } from '@backstage/types';
import {
  APPROVALS_SIGNAL_CHANNEL,
  PROVISIONING_REQUEST_TOPIC,
  ProvisioningRequestEvent,
  provisioningRequestEventSchema,
  requestSignalChannel,
} from '@paved/plugin-provisioning-common';

/** A change of a request or of an operation on its database, as everyone who should know hears of it. */
export interface Announcement {
  /** The request the change is on: its signal channel. */
  requestId: string;
  /** The owning team, who are always notified. */
  owner: string;
  /** Who made the change; a user is not notified of what they did themselves. */
  actor: string;
  title: string;
  description: string;
  link: string;
  severity: 'normal' | 'high';
  /** Scope of the notifications, so a later change replaces an earlier one (approvers: `<scope>:approvers`). */
  scope: string;
  /** Set when the approvers (the platform team) are told too: their notification's title. */
  approversTitle?: string;
  /** Who hears of it live besides the platform team (owner and requester refs). */
  listeners: string[];
  /** What the open request page is sent. */
  signal: JsonObject;
  /** The payload on the request topic, checked against its schema before it is published. */
  event: ProvisioningRequestEvent;
}

/** The services a change is announced through, and who approves. */
export interface ChangeAnnouncerOptions {
  logger: LoggerService;
  notifications?: NotificationService;
  signals?: SignalsService;
  events?: EventsService;
  /** The approvers, told of changes that await them or failed. */
  platformTeam: string;
}

/**
 * Tells the owning team and the approvers (notifications), the open request page (signals) and
 * other plugins (events) of a change. Each side effect is tried on its own: a failing one is
 * logged, never thrown, so it never undoes a committed change.
 */
export class ChangeAnnouncer {
  constructor(private readonly options: ChangeAnnouncerOptions) {}

  async announce(change: Announcement): Promise<void> {
    const excludeEntityRef = change.actor.startsWith('user:')
      ? change.actor
      : undefined;
    const payload = {
      description: change.description,
      link: change.link,
      severity: change.severity,
      topic: 'provisioning',
    };
    await this.notify(
      'notify owner',
      { type: 'entity', entityRef: change.owner, excludeEntityRef },
      { title: change.title, ...payload, scope: change.scope },
    );
    if (change.approversTitle !== undefined) {
      await this.notify(
        'notify approvers',
        {
          type: 'entity',
          entityRef: this.options.platformTeam,
          excludeEntityRef,
        },
        {
          title: change.approversTitle,
          ...payload,
          scope: `${change.scope}:approvers`,
        },
      );
    }
    // Only those who can act on the request hear of it live: the requester, the owning team and
    // the approvers (signals match these refs against a user's ownership refs). Others with the
    // page open see changes on the page's next poll.
    const recipients = {
      type: 'user' as const,
      entityRef: [...new Set([...change.listeners, this.options.platformTeam])],
    };
    await this.safely('signal', () =>
      this.options.signals?.publish({
        recipients,
        channel: requestSignalChannel(change.requestId),
        message: change.signal,
      }),
    );
    // Any change may add to or take from an approvals inbox; the sidebar's count re-reads.
    await this.safely('signal approvals', () =>
      this.options.signals?.publish({
        recipients,
        channel: APPROVALS_SIGNAL_CHANNEL,
        message: { requestId: change.requestId },
      }),
    );
    await this.safely('publish event', async () => {
      // Built through the shared schema, so what is published is what subscribers parse.
      const eventPayload = provisioningRequestEventSchema.parse(change.event);
      await this.options.events?.publish({
        topic: PROVISIONING_REQUEST_TOPIC,
        eventPayload,
      });
    });
  }

  /** Sends one notification; a failure is logged. */
  async notify(
    what: string,
    recipients: NotificationRecipients,
    payload: NotificationSendOptions['payload'],
  ): Promise<void> {
    await this.safely(what, () =>
      this.options.notifications?.send({ recipients, payload }),
    );
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

/**
 * Runs a change of the store as one auditor event: it fails with the change's error (which is
 * thrown on), or succeeds with `successMeta` of the result.
 */
export async function auditedChange<T>(
  auditor: AuditorService,
  event: Parameters<AuditorService['createEvent']>[0],
  change: () => Promise<T>,
  successMeta: (result: T) => JsonObject,
): Promise<T> {
  const auditEvent = await auditor.createEvent(event);
  let result: T;
  try {
    result = await change();
  } catch (error) {
    await auditEvent.fail({ error: error as Error });
    throw error;
  }
  await auditEvent.success({ meta: successMeta(result) });
  return result;
}
