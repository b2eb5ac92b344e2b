import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { platformSettingsServiceRef } from '@paved/backend-platform';
import {
  FactCollector,
  ScorecardFixer,
  scorecardsFactCollectorsExtensionPoint,
  scorecardsFixersExtensionPoint,
} from '@paved/plugin-scorecards-node';
import { buildScorecards } from './service/buildScorecards';

/** Scorecards: facts, checks and levels, policies as code, exemptions, campaigns and fixes. */
export const scorecardsPlugin = createBackendPlugin({
  pluginId: 'scorecards',
  register(env) {
    const collectors: FactCollector[] = [];
    const fixers: ScorecardFixer[] = [];
    env.registerExtensionPoint(scorecardsFactCollectorsExtensionPoint, {
      addFactCollector: (...added) => collectors.push(...added),
    });
    env.registerExtensionPoint(scorecardsFixersExtensionPoint, {
      addFixer: (...added) => fixers.push(...added),
    });
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        permissions: coreServices.permissions,
        userInfo: coreServices.userInfo,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        notifications: notificationService,
        platform: platformSettingsServiceRef,
      },
      async init({ httpRouter, ...deps }) {
        const { router } = await buildScorecards(deps, { collectors, fixers });
        httpRouter.use(router);
      },
    });
  },
});
