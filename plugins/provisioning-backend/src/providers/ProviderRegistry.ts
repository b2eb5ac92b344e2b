import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  DatabaseProviderId,
  DatabaseType,
} from '@paved/plugin-provisioning-common';
import type {
  DatabaseProvider,
  DatabaseProviderRegistration,
  ProviderEngines,
} from '@paved/plugin-provisioning-node';

/**
 * The providers this backend can use, by id, as modules registered them through
 * `provisioningProvidersExtensionPoint`; which environment uses which comes from config.
 */
export class ProviderRegistry {
  private readonly providers = new Map<DatabaseProviderId, ProviderEngines>();
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
        registry.add(id, await registration.create());
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

  add(id: DatabaseProviderId, engines: ProviderEngines): void {
    this.providers.set(id, engines);
    this.unavailable.delete(id);
  }

  /** Records why a configured provider could not be set up, so requests for it fail with that reason. */
  markUnavailable(id: DatabaseProviderId, reason: string): void {
    this.unavailable.set(id, reason);
  }

  /** The provider's implementation of an engine; throws when it is unavailable or does not serve the engine. */
  get(id: DatabaseProviderId, type: DatabaseType): DatabaseProvider {
    const engines = this.providers.get(id);
    if (!engines) {
      const reason = this.unavailable.get(id);
      throw new Error(
        `Provider "${id}" is not available${
          reason ? `: ${reason}` : ' in this backend'
        }`,
      );
    }
    const provider = Object.hasOwn(engines, type) ? engines[type] : undefined;
    if (!provider) {
      throw new Error(
        `Provider "${id}" does not serve ${type}; it serves ${
          this.engines(id)?.join(', ') || 'nothing'
        }`,
      );
    }
    return provider;
  }

  /** The engines a provider serves; undefined when it is not set up. */
  engines(id: DatabaseProviderId): DatabaseType[] | undefined {
    const engines = this.providers.get(id);
    if (!engines) return undefined;
    return (Object.keys(engines) as DatabaseType[]).filter(
      type => engines[type],
    );
  }

  ids(): DatabaseProviderId[] {
    return [...this.providers.keys()];
  }
}
