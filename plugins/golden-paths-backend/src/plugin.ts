import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { platformSettingsServiceRef } from '@paved/backend-platform';
import { localGitHostServiceRef } from '@paved/plugin-githost-node';
import { ServiceNameCheck } from '@paved/plugin-golden-paths-node';
import { createRouter } from './service/router';
import { buildUpgrades } from './service/buildUpgrades';

/** Paved's golden paths over HTTP, at `/api/golden-paths`: service names, drift, upgrades. */
export const goldenPathsPlugin = createBackendPlugin({
  pluginId: 'golden-paths',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auditor: coreServices.auditor,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        scheduler: coreServices.scheduler,
        reader: coreServices.urlReader,
        events: eventsServiceRef,
        notifications: notificationService,
        catalog: catalogServiceRef,
        gitHost: localGitHostServiceRef,
        platform: platformSettingsServiceRef,
      },
      async init({ httpRouter, httpAuth, auditor, ...deps }) {
        const { store, proposals, drift, settings, runNow } =
          await buildUpgrades(deps);
        const serviceNames = new ServiceNameCheck({
          catalog: deps.catalog,
          gitHost: deps.gitHost,
          publishTarget: settings.publishTarget,
        });
        httpRouter.use(
          await createRouter({
            httpAuth,
            auditor,
            serviceNames,
            drift,
            proposals,
            store,
            runNow,
          }),
        );
      },
    });
  },
});
