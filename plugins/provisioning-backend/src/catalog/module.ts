import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { ProvisionedDatabaseEntityProvider } from './ProvisionedDatabaseEntityProvider';

/**
 * Catalog module: ready databases appear as `Resource` entities. Refreshed on every provisioning
 * state change (events topic `provisioning.request`) and on a schedule as a safety net.
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
        rootLifecycle: coreServices.rootLifecycle,
        events: eventsServiceRef,
      },
      async init({
        catalog,
        config,
        discovery,
        auth,
        logger,
        scheduler,
        rootLifecycle,
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
        // Subscribed once every plugin of the backend has started (the root lifecycle; a plugin's
        // own startup hooks run as soon as that plugin is up). During init the events backend's hub
        // may not be mounted yet, and a subscription that finds it missing (404) stays local to
        // this process for good: events published by another backend instance would never arrive.
        rootLifecycle.addStartupHook(() =>
          events.subscribe({
            id: 'catalog-provisioned-databases',
            topics: ['provisioning.request'],
            onEvent: async () => {
              await refresh();
            },
          }),
        );
      },
    });
  },
});
