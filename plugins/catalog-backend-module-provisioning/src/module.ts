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
 * state change (`PROVISIONING_REQUEST_TOPIC`, payloads parsed with the shared schema) and on a
 * schedule as a safety net.
 */
export const catalogModuleProvisioning = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'provisioning',
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
        await scheduler.scheduleTask({
          id: 'provisioned-databases-refresh',
          frequency: { minutes: 2 },
          timeout: { minutes: 1 },
          initialDelay: { seconds: 15 },
          fn: () => provider.refreshSafely(),
        });
        await events.subscribe({
          id: 'catalog-provisioned-databases',
          topics: [PROVISIONING_REQUEST_TOPIC],
          onEvent: async ({ eventPayload }) => {
            await provider.onProvisioningEvent(eventPayload);
          },
        });
      },
    });
  },
});
