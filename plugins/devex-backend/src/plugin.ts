import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { platformSettingsServiceRef } from '@paved/backend-platform';
import { createDevexService } from './service/createDevexService';

/** DevEx and DORA metrics from deployment and incident events, pulse surveys and platform events. */
export const devexPlugin = createBackendPlugin({
  pluginId: 'devex',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        userInfo: coreServices.userInfo,
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        discovery: coreServices.discovery,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        notifications: notificationService,
        platform: platformSettingsServiceRef,
      },
      async init({ httpRouter, ...deps }) {
        const { router } = await createDevexService(deps);
        httpRouter.use(router);
        // The webhook authenticates itself with GitHub's HMAC signature instead of a Backstage token.
        httpRouter.addAuthPolicy({
          path: '/webhooks/github',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
