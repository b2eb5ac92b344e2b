import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { localGitHostServiceRef } from '@paved/plugin-githost-node';
import {
  ServiceNameCheck,
  readGoldenPathSettings,
} from '@paved/plugin-golden-paths-node';
import { createRouter } from './service/router';

/** Paved's golden paths over HTTP, at `/api/golden-paths`. */
export const goldenPathsPlugin = createBackendPlugin({
  pluginId: 'golden-paths',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        gitHost: localGitHostServiceRef,
      },
      async init({ httpRouter, httpAuth, config, catalog, gitHost }) {
        const { publishTarget } = readGoldenPathSettings(config);
        const serviceNames = new ServiceNameCheck({
          catalog,
          gitHost,
          publishTarget,
        });
        httpRouter.use(await createRouter({ httpAuth, serviceNames }));
      },
    });
  },
});
