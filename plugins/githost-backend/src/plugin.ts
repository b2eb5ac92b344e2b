import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { platformSettingsServiceRef } from '@paved/backend-platform';
import { localGitHostServiceRef } from '@paved/plugin-githost-node';
import { buildGitHost } from './service/buildGitHost';

/**
 * Paved's local git host over HTTP, at `/api/githost`: `git clone`/`push` of `<name>.git` (Git
 * smart HTTP), repositories to browse and merge requests.
 */
export const gitHostPlugin = createBackendPlugin({
  pluginId: 'githost',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        platform: platformSettingsServiceRef,
        gitHost: localGitHostServiceRef,
      },
      async init({ httpRouter, ...deps }) {
        const { routers, authPolicies } = await buildGitHost(deps);
        authPolicies.forEach(policy => httpRouter.addAuthPolicy(policy));
        routers.forEach(router => httpRouter.use(router));
      },
    });
  },
});
