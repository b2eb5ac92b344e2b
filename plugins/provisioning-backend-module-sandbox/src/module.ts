import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { provisioningProvidersExtensionPoint } from '@paved/plugin-provisioning-node';
import { platformSettingsServiceRef } from '@paved/backend-platform';
import { SandboxDatabaseProvider } from './SandboxDatabaseProvider';
import { SandboxRedisProvider } from './SandboxRedisProvider';
import { readSandboxSettings } from './settings';

/** Adds the `sandbox` provider: PostgreSQL databases and Redis users on servers Paved administers. */
export const provisioningModuleSandbox = createBackendModule({
  pluginId: 'provisioning',
  moduleId: 'sandbox',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: provisioningProvidersExtensionPoint,
        config: coreServices.rootConfig,
        platform: platformSettingsServiceRef,
      },
      async init({ providers, config, platform }) {
        providers.addProvider({
          id: 'sandbox',
          create: () => {
            const settings = readSandboxSettings(config, platform);
            return {
              postgresql: new SandboxDatabaseProvider({ settings }),
              redis: new SandboxRedisProvider({
                settings: settings.redis,
                maxConcurrency: settings.maxConcurrency,
                snapshotDirectory: settings.snapshotDirectory,
              }),
            };
          },
        });
      },
    });
  },
});
