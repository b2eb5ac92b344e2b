import type { LoggerService } from '@backstage/backend-plugin-api';
import type { DatabaseProviderId } from '@paved/plugin-provisioning-common';
import type {
  DatabaseProvider,
  DatabaseProviderRegistration,
} from '@paved/plugin-provisioning-node';

/**
 * The providers this backend can use, by id, as modules registered them through
 * `provisioningProvidersExtensionPoint`; which environment uses which comes from config.
 */
export class ProviderRegistry {
  private readonly providers = new Map<
    DatabaseProviderId,
    { provider: DatabaseProvider; resourceTypes: readonly string[] }
  >();
  private readonly unavailable = new Map<DatabaseProviderId, string>();

  /**
   * Sets up the registered providers that some environment uses. A provider that fails to set up
   * (bad config, missing definitions), or that no module registered, does not stop the backend:
   * its requests fail with the reason, which is also logged.
   */
  static async create(options: {
    registrations: DatabaseProviderRegistration[];
    used: Iterable<DatabaseProviderId>;
    logger: LoggerService;
  }): Promise<ProviderRegistry> {
    const registry = new ProviderRegistry();
    const byId = new Map(options.registrations.map(r => [r.id, r]));
    for (const id of new Set(options.used)) {
      const registration = byId.get(id);
      try {
        if (!registration) {
          throw new Error(
            `no module registers it; add e.g. @paved/plugin-provisioning-backend-module-${id} to the backend`,
          );
        }
        registry.add(
          id,
          registration.resourceTypes,
          await registration.create(),
        );
      } catch (error) {
        registry.markUnavailable(id, (error as Error).message);
        options.logger.error(
          `Provisioning provider "${id}" could not be set up: ${
            (error as Error).message
          }`,
        );
      }
    }
    return registry;
  }

  add(
    id: DatabaseProviderId,
    resourceTypes: readonly string[],
    provider: DatabaseProvider,
  ): void {
    this.providers.set(id, { provider, resourceTypes });
    this.unavailable.delete(id);
  }

  /** Records why a configured provider could not be set up, so requests for it fail with that reason. */
  markUnavailable(id: DatabaseProviderId, reason: string): void {
    this.unavailable.set(id, reason);
  }

  /** The provider of a request; throws when it is unavailable or does not serve the request's type. */
  get(id: DatabaseProviderId, resourceType: string): DatabaseProvider {
    const entry = this.providers.get(id);
    if (!entry) {
      const reason = this.unavailable.get(id);
      throw new Error(
        `Provider "${id}" is not available${
          reason ? `: ${reason}` : ' in this backend'
        }`,
      );
    }
    if (!entry.resourceTypes.includes(resourceType)) {
      throw new Error(
        `Provider "${id}" does not serve ${resourceType}; it serves ${entry.resourceTypes.join(
          ', ',
        )}`,
      );
    }
    return entry.provider;
  }

  ids(): DatabaseProviderId[] {
    return [...this.providers.keys()];
  }
}
