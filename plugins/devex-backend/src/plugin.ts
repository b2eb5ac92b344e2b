import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { KnexDevexStore } from './database/KnexDevexStore';
import { KnexPlatformMeasuresStore } from './database/KnexPlatformMeasuresStore';
import { ServiceDirectory } from './catalog/ServiceDirectory';
import { readDevexConfig } from './config';
import { createRouter } from './service/router';
import { PulseSurvey } from './surveys/PulseSurvey';
import { subscribeToPlatformTopics } from './ingest/platformTopics';
import { scheduleBackgroundWork } from './service/backgroundWork';

/** DevEx and DORA metrics from deployment, incident and survey events. */
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
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const config = readDevexConfig(deps.config);
        const store = await KnexDevexStore.create({ database: deps.database });
        const measures = new KnexPlatformMeasuresStore(
          await deps.database.getClient(),
        );
        const directory = new ServiceDirectory({
          catalog: deps.catalog,
          auth: deps.auth,
          logger: deps.logger,
          cacheMs: config.catalogCacheMs,
        });
        const survey = new PulseSurvey({
          store,
          directory,
          notifications: deps.notifications,
          logger: deps.logger,
          pseudonymSecret:
            config.pseudonymSecret ??
            (await measures.installationKey('survey-pseudonym')),
          platformTeam: config.platformTeam,
          minimumRespondents: config.minimumRespondents,
        });
        await subscribeToPlatformTopics({
          events: deps.events,
          measures,
          logger: deps.logger,
        });
        await scheduleBackgroundWork({
          scheduler: deps.scheduler,
          store,
          measures,
          directory,
          logger: deps.logger,
          seedDemoData: config.seedDemoData,
        });
        deps.httpRouter.use(
          await createRouter({
            store,
            measures,
            directory,
            survey,
            httpAuth: deps.httpAuth,
            logger: deps.logger,
            config,
          }),
        );
        // The webhook authenticates itself with GitHub's HMAC signature instead of a Backstage token.
        deps.httpRouter.addAuthPolicy({
          path: '/webhooks/github',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
