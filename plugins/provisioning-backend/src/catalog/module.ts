import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { PROVISIONING_REQUEST_TOPIC } from '@paved/plugin-provisioning-common';
import { ProvisionedDatabaseEntityProvider } from './ProvisionedDatabaseEntityProvider';

/**
 * Catalog module: ready databases appear as `Resource` entities. Refreshed on every provisioning
 * state change (`PROVISIONING_REQUEST_TOPIC`) and on a schedule as a safety net.
 */
export const catalogModuleProvisionedDatabases = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'provisioned-databases',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        events: eventsServiceRef,
      },
      async init({
        catalog,
        config,
        discovery,
        auth,
        logger,
        scheduler,
        events,
      }) {
        const provider = new ProvisionedDatabaseEntityProvider({
          discovery,
          auth,
          logger,
          appBaseUrl: config.getString('app.baseUrl'),
        });
        catalog.addEntityProvider(provider);
        const refresh = () =>
          provider
            .refresh()
            .catch(error =>
              logger.warn(
                `Refreshing database resources failed: ${error.message}`,
              ),
            );
        await scheduler.scheduleTask({
          id: 'provisioned-databases-refresh',
          frequency: { minutes: 2 },
          timeout: { minutes: 1 },
          initialDelay: { seconds: 15 },
          fn: refresh,
        });
        await events.subscribe({
          id: 'catalog-provisioned-databases',
          topics: [PROVISIONING_REQUEST_TOPIC],
          onEvent: async () => {
            await refresh();
          },
        });
      },
    });
  },
});
