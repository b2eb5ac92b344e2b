import { LoggerService } from '@backstage/backend-plugin-api';
import { DatabaseRequestStore } from '../database';
import { ExpirySettings } from '../config';
import { RequestLifecycle, SYSTEM_ACTOR } from '../lifecycle/RequestLifecycle';

/**
 * Ends ephemeral databases: reminds the owning team `remindBeforeMinutes` ahead (7 days, 1 day and
 * 1 hour by default) with a link that extends the database in one click, and once the time is up moves the request to
 * `deprovisioning` (ending in `expired`), or straight to `expired` when nothing was created yet.
 */
export class ExpiryMonitor {
  constructor(
    private readonly options: {
      store: DatabaseRequestStore;
      lifecycle: RequestLifecycle;
      logger: LoggerService;
      settings: ExpirySettings;
      now?: () => Date;
    },
  ) {}

  async run(): Promise<void> {
    const { store, lifecycle, settings, logger } = this.options;
    const now = this.options.now?.() ?? new Date();
    const horizon = new Date(
      now.getTime() + Math.max(...settings.remindBeforeMinutes) * 60_000,
    );
    for (const request of await store.listExpiring(horizon)) {
      const expiresAt = new Date(request.expiresAt!);
      try {
        if (expiresAt.getTime() <= now.getTime()) {
          if (request.status === 'awaiting-approval') {
            await lifecycle.transition(request.id, {
              to: 'expired',
              actor: SYSTEM_ACTOR,
              action: 'expired',
              message: 'Expired before it was approved',
            });
          } else {
            await lifecycle.transition(request.id, {
              to: 'deprovisioning',
              endStatus: 'expired',
              actor: SYSTEM_ACTOR,
              action: 'expire',
              message: `Time to live of ${
                request.ttlHours ?? '?'
              } hours is over`,
            });
          }
        } else if (
          request.status === 'ready' &&
          this.reminderDue(expiresAt, now, request.processing.expiryNotifiedAt)
        ) {
          await lifecycle.notifyOwner(request, {
            title: `Database ${
              request.name
            } expires at ${expiresAt.toISOString()}`,
            description: `The ephemeral database ${request.name} of ${
              request.owner
            } will be deleted then, in ${describeDuration(
              expiresAt.getTime() - now.getTime(),
            )}. Open the link to extend it by ${
              request.ttlHours ?? 'its'
            } hours.`,
            link: `${lifecycle.requestLink(request.id)}?action=extend`,
            scope: `provisioning-request:${request.id}:expiry`,
          });
          await store.markExpiryNotified(request.id, now);
          await store.appendEvent(request.id, {
            actor: SYSTEM_ACTOR,
            action: 'expiry-notified',
            message: `Owner warned of the expiry at ${expiresAt.toISOString()}`,
          });
        }
      } catch (error) {
        logger.warn(
          `Expiry of request ${request.id}: ${(error as Error).message}`,
        );
      }
    }
  }

  /**
   * A reminder is due when a reminder window (e.g. the last day) has opened and no reminder was
   * sent since it opened; windows already passed get no reminder of their own. An extension
   * clears the record, so the new expiry gets its reminders.
   */
  private reminderDue(expiresAt: Date, now: Date, lastSent?: Date): boolean {
    const open = this.options.settings.remindBeforeMinutes
      .map(minutes => expiresAt.getTime() - minutes * 60_000)
      .filter(opensAt => opensAt <= now.getTime());
    if (open.length === 0) return false;
    const latestOpened = Math.max(...open);
    return !lastSent || lastSent.getTime() < latestOpened;
  }
}

function describeDuration(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 120) return `${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} hours` : `${Math.round(hours / 24)} days`;
}
