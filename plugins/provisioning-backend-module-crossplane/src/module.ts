import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { platformSettingsServiceRef } from '@paved/backend-platform';
import { provisioningProvidersExtensionPoint } from '@paved/plugin-provisioning-node';
import { CrossplaneDatabaseProvider } from './CrossplaneDatabaseProvider';

/** Adds the `crossplane` provider to the provisioning plugin. */
export const provisioningModuleCrossplane = createBackendModule({
  pluginId: 'provisioning',
  moduleId: 'crossplane',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: provisioningProvidersExtensionPoint,
        config: coreServices.rootConfig,
        platform: platformSettingsServiceRef,
      },
      async init({ providers, config, platform }) {
        providers.addProvider({
          id: 'crossplane',
          create: () =>
            CrossplaneDatabaseProvider.enginesFromConfig(config, platform),
        });
      },
    });
  },
});
