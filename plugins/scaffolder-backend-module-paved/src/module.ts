import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { readPavedScaffolderConfig } from './config';
import { LocalGitHost } from '@paved/plugin-githost-node';
import { createPublishAction } from './actions/publish';
import { createValidateServiceAction } from './actions/validateService';
import { createCommitAction } from './actions/commit';
import { createEnableTechDocsAction } from './actions/enableTechDocs';
import { createWaitForEntityAction } from './actions/waitForEntity';
import { createServiceNamesRouter } from './service/router';

/**
 * Paved's golden-path actions for the scaffolder: `paved:service:validate`, `paved:publish`,
 * `paved:commit`, `paved:techdocs:enable` and `paved:catalog:wait`; and
 * `GET /api/scaffolder/paved/service-names/:name`, which the golden-path form asks whether a name
 * is free.
 */
export const scaffolderModulePaved = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'paved',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        reader: coreServices.urlReader,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
      },
      async init({ scaffolder, config, catalog, reader, httpRouter, httpAuth }) {
        const settings = readPavedScaffolderConfig(config);
        const gitHost = new LocalGitHost(settings.gitHostDirectory);
        scaffolder.addActions(
          createValidateServiceAction({ catalog, gitHost, config: settings }),
          createPublishAction({ gitHost, config: settings }),
          createCommitAction({ gitHost, catalog, config: settings }),
          createEnableTechDocsAction({ catalog, reader, config: settings }),
          createWaitForEntityAction({ catalog }),
        );
        httpRouter.use(
          createServiceNamesRouter({
            catalog,
            gitHost,
            config: settings,
            httpAuth,
          }),
        );
      },
    });
  },
});
