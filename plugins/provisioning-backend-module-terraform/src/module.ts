import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { platformSettingsServiceRef } from '@paved/backend-platform';
import { provisioningProvidersExtensionPoint } from '@paved/plugin-provisioning-node';
import { TerraformDatabaseProvider } from './TerraformDatabaseProvider';

/** Adds the `terraform` provider to the provisioning plugin. */
export const provisioningModuleTerraform = createBackendModule({
  pluginId: 'provisioning',
  moduleId: 'terraform',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: provisioningProvidersExtensionPoint,
        config: coreServices.rootConfig,
        platform: platformSettingsServiceRef,
      },
      async init({ providers, config, platform }) {
        providers.addProvider({
          id: 'terraform',
          create: () =>
            TerraformDatabaseProvider.enginesFromConfig(config, platform),
        });
      },
    });
  },
});
