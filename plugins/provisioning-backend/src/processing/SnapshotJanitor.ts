import { LoggerService } from '@backstage/backend-plugin-api';
import {
  DatabaseOperationStore,
  DatabaseRequestStore,
  RequestSecretStore,
} from '../database';
import { ProviderRegistry } from '../providers/ProviderRegistry';

/**
 * Removes snapshots by policy: those past their retention (`expiresAt`), and every snapshot of a
 * database that was deleted or expired. Runs as a scheduled task (once across replicas); a
 * snapshot whose removal fails stays listed and is tried again on the next run.
 */
export class SnapshotJanitor {
  constructor(
    private readonly options: {
      operations: DatabaseOperationStore;
      requests: DatabaseRequestStore;
      secrets: RequestSecretStore;
      providers: ProviderRegistry;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  /** Returns how many snapshots were removed. */
  async run(): Promise<number> {
    const { operations, requests, providers, logger } = this.options;
    const now = this.options.now?.() ?? new Date();
    let removed = 0;
    for (const snapshot of await operations.listRemovableSnapshots(now)) {
      try {
        const request = await requests.getRequest(snapshot.requestId);
        if (!request) continue;
        const provider = providers.get(request.provider, request.type);
        await provider.operations?.deleteSnapshot?.(request, snapshot, {
          logger,
          secrets: this.options.secrets,
        });
        await operations.markSnapshotDeleted(snapshot.id);
        await operations.appendEvent(
          { id: snapshot.operationId, requestId: snapshot.requestId },
          {
            actor: 'plugin:provisioning',
            action: 'snapshot-removed',
            message: `Snapshot ${snapshot.id} removed (${
              new Date(snapshot.expiresAt).getTime() <= now.getTime()
                ? 'retention over'
                : 'its database is gone'
            })`,
          },
        );
        removed++;
      } catch (error) {
        logger.warn(
          `Removing snapshot ${snapshot.id} failed: ${
            (error as Error).message
          }`,
        );
      }
    }
    return removed;
  }
}
