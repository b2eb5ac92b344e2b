import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { actionCallsTo } from '@paved/backend-platform';
import { registerDoraActions } from './doraActions';
import { PLUGIN_ID } from './scope';
import { registerReviewAndImpactActions } from './reviewAndImpactActions';

/**
 * Registers DevEx's read actions (DORA metrics, recent deployments, review flow, golden-path
 * impact, time to onboard) with the plugin's Actions
 * Registry: listed at `/api/devex/.backstage/actions/v1/actions`, served to MCP clients by
 * `@backstage/plugin-mcp-actions-backend`. They call devex's HTTP API as the caller.
 */
export const devexModuleActions = createBackendModule({
  pluginId: 'devex',
  moduleId: 'actions',
  register(reg) {
    reg.registerInit({
      deps: {
        actionsRegistry: actionsRegistryServiceRef,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      async init({ actionsRegistry, auth, discovery }) {
        const callDevex = actionCallsTo(PLUGIN_ID, { auth, discovery });
        registerDoraActions(actionsRegistry, callDevex);
        registerReviewAndImpactActions(actionsRegistry, callDevex);
      },
    });
  },
});
