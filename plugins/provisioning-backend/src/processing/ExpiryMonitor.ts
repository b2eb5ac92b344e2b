import { LoggerService } from '@backstage/backend-plugin-api';
import { DatabaseRequestStore } from '../database';
import { ExpirySettings } from '../config';
import { RequestLifecycle, SYSTEM_ACTOR } from '../lifecycle/RequestLifecycle';

/**
 * Ends ephemeral databases: warns the owning team `notifyBeforeMinutes` ahead with a link that
 * extends the database in one click, and once the time is up moves the request to
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
      now.getTime() + settings.notifyBeforeMinutes * 60_000,
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
          !request.processing.expiryNotifiedAt &&
          request.status === 'ready'
        ) {
          await lifecycle.notifyOwner(request, {
            title: `Database ${
              request.name
            } expires at ${expiresAt.toISOString()}`,
            description: `The ephemeral database ${request.name} of ${
              request.owner
            } will be deleted then. Open the link to extend it by ${
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
}
