import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { registerGoldenPathActions } from './goldenPathActions';

/**
 * Registers the golden paths' actions with the golden-paths plugin's Actions Registry (listed at
 * `/api/golden-paths/.backstage/actions/v1/actions`), served to MCP clients by
 * `@backstage/plugin-mcp-actions-backend`. They call the golden-paths and scaffolder HTTP APIs as
 * the caller.
 */
export const goldenPathsModuleActions = createBackendModule({
  pluginId: 'golden-paths',
  moduleId: 'actions',
  register(reg) {
    reg.registerInit({
      deps: {
        actionsRegistry: actionsRegistryServiceRef,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        registerGoldenPathActions(deps);
      },
    });
  },
});
