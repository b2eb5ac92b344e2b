import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { ProvisioningSettings } from '../config';
import { RequestSecretStore } from '../database';
import { CrossplaneDatabaseProvider } from './crossplane';
import { ProviderRegistry } from './ProviderRegistry';
import { SandboxDatabaseProvider } from './sandbox';
import { TerraformDatabaseProvider } from './terraform';
import { DatabaseProvider, ProviderId } from './types';

type ProviderFactory = () => Promise<DatabaseProvider>;

/**
 * Sets up the providers that some environment may use (`provisioning.environments.<env>.provider`
 * and `allowedProviders`). A provider that fails to start (bad config, missing definitions) does
 * not stop the backend: its requests fail with the reason.
 */
export async function createProviderRegistry(options: {
  config: RootConfigService;
  settings: ProvisioningSettings;
  secrets: RequestSecretStore;
  logger: LoggerService;
}): Promise<ProviderRegistry> {
  const factories: Record<ProviderId, ProviderFactory | undefined> = {
    sandbox: async () =>
      new SandboxDatabaseProvider({
        settings: options.settings.sandbox,
        secrets: options.secrets,
      }),
    crossplane: () => CrossplaneDatabaseProvider.fromConfig(options.config),
    terraform: () => TerraformDatabaseProvider.fromConfig(options.config),
  };

  const used = new Set<ProviderId>(
    options.settings.policy.environments.flatMap(e => e.allowedProviders),
  );
  const registry = new ProviderRegistry();
  for (const id of used) {
    try {
      const factory = factories[id];
      if (!factory) throw new Error('no module provides it');
      registry.add(await factory());
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
