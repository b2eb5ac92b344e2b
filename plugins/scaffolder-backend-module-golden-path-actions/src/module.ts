import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { registerGoldenPathActions } from './goldenPathActions';

/**
 * Registers the golden paths' actions with the scaffolder's Actions Registry (listed at
 * `/api/scaffolder/.backstage/actions/v1/actions` beside Backstage's own scaffolder actions),
 * served to MCP clients by `@backstage/plugin-mcp-actions-backend`.
 */
export const scaffolderModuleGoldenPathActions = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'golden-path-actions',
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
