import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { readPavedScaffolderConfig } from './config';
import { LocalGitHost } from './gitHost/LocalGitHost';
import { createPublishAction } from './actions/publish';
import { createValidateServiceAction } from './actions/validateService';

/** Paved's golden-path actions for the scaffolder: `paved:service:validate`, `paved:publish`. */
export const scaffolderModulePaved = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'paved',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
      },
      async init({ scaffolder, config, catalog }) {
        const settings = readPavedScaffolderConfig(config);
        const gitHost = new LocalGitHost(settings.gitHostDirectory);
        scaffolder.addActions(
          createValidateServiceAction({ catalog, gitHost, config: settings }),
          createPublishAction({ gitHost, config: settings }),
        );
      },
    });
  },
});
