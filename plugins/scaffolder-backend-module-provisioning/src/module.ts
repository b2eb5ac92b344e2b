import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { ProvisioningApiClient } from './actions/ProvisioningApiClient';
import { createRequestDatabaseAction } from './actions/requestDatabase';

/** Adds `paved:database:request` to the scaffolder. */
export const scaffolderModuleProvisioning = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'provisioning',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, discovery, auth, config }) {
        scaffolder.addActions(
          createRequestDatabaseAction({
            client: new ProvisioningApiClient(discovery, auth),
            appBaseUrl: config.getString('app.baseUrl'),
            pollIntervalMs: config.getOptionalNumber(
              'provisioning.scaffolder.pollIntervalMs',
            ),
            timeoutMs: config.getOptionalNumber(
              'provisioning.scaffolder.timeoutMs',
            ),
          }),
        );
      },
    });
  },
});
