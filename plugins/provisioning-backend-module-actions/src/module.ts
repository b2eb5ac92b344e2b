import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { actionCallsTo } from '@paved/backend-platform';
import { registerDatabaseActions } from './databaseActions';
import { registerOperationActions } from './operationActions';

/**
 * Registers provisioning's actions with the plugin's Actions Registry, so they are listed at
 * `/api/provisioning/.backstage/actions/v1/actions` and served to MCP clients by
 * `@backstage/plugin-mcp-actions-backend`. A module rather than code in the plugin: the actions
 * only call the plugin's HTTP API as the caller and need none of its internals.
 */
export const provisioningModuleActions = createBackendModule({
  pluginId: 'provisioning',
  moduleId: 'actions',
  register(reg) {
    reg.registerInit({
      deps: {
        actionsRegistry: actionsRegistryServiceRef,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      async init({ actionsRegistry, auth, discovery }) {
        const callProvisioning = actionCallsTo('provisioning', {
          auth,
          discovery,
        });
        registerDatabaseActions(actionsRegistry, callProvisioning);
        registerOperationActions(actionsRegistry, callProvisioning);
      },
    });
  },
});
