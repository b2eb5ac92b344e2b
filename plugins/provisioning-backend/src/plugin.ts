import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { platformSettingsServiceRef } from '@paved/backend-platform';
import {
  DatabaseProviderRegistration,
  provisioningProvidersExtensionPoint,
} from '@paved/plugin-provisioning-node';
import { createProvisioningService } from './service/createProvisioningService';

/** Self-service databases: requests, guardrails, approval, provisioning, expiry. */
export const provisioningPlugin = createBackendPlugin({
  pluginId: 'provisioning',
  register(env) {
    // Providers come only from modules (sandbox, crossplane, terraform, yours).
    const providerRegistrations: DatabaseProviderRegistration[] = [];
    env.registerExtensionPoint(provisioningProvidersExtensionPoint, {
      addProvider(registration) {
        if (providerRegistrations.some(r => r.id === registration.id)) {
          throw new Error(
            `Provisioning provider "${registration.id}" is registered twice`,
          );
        }
        providerRegistrations.push(registration);
      },
    });
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        platform: platformSettingsServiceRef,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
        notifications: notificationService,
        signals: signalsServiceRef,
        events: eventsServiceRef,
      },
      async init({ httpRouter, ...deps }) {
        const { router } = await createProvisioningService({
          ...deps,
          providerRegistrations,
        });
        httpRouter.use(router);
      },
    });
  },
});
