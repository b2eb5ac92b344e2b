import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { platformSettingsServiceRef } from '@paved/backend-platform';
import { localGitHostServiceRef } from '@paved/plugin-githost-node';
import {
  ServiceNameCheck,
  TeamMembership,
  readGoldenPathSettings,
} from '@paved/plugin-golden-paths-node';
import { createCommitAction } from './actions/commit';
import { createEnableTechDocsAction } from './actions/enableTechDocs';
import { createPublishAction } from './actions/publish';
import { createTemplateBranchAction } from './actions/templateBranch';
import { createValidateServiceAction } from './actions/validateService';
import { createWaitForEntityAction } from './actions/waitForEntity';

/**
 * Paved's golden-path actions for the scaffolder: `paved:service:validate`, `paved:publish`,
 * `paved:commit`, `paved:techdocs:enable`, `paved:catalog:wait` (which announces each created
 * service on the events service) and `paved:template:branch` (`paved/template` on GitHub/GitLab).
 */
export const scaffolderModuleGoldenPaths = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'golden-paths',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        reader: coreServices.urlReader,
        events: eventsServiceRef,
        gitHost: localGitHostServiceRef,
        platform: platformSettingsServiceRef,
      },
      async init({
        scaffolder,
        config,
        catalog,
        reader,
        events,
        gitHost,
        platform,
      }) {
        const settings = readGoldenPathSettings(config);
        const membership = new TeamMembership({
          catalog,
          platformTeam: platform.platformTeam,
        });
        const serviceNames = new ServiceNameCheck({
          catalog,
          gitHost,
          publishTarget: settings.publishTarget,
        });
        scaffolder.addActions(
          createValidateServiceAction({
            catalog,
            serviceNames,
            membership,
            settings,
          }),
          createPublishAction({
            gitHost,
            settings,
            // The backend serves the app (app-backend), so without app.baseUrl they share one.
            appBaseUrl:
              config.getOptionalString('app.baseUrl') ??
              settings.backendBaseUrl,
          }),
          createCommitAction({ gitHost, catalog, membership, settings }),
          createEnableTechDocsAction({ catalog, reader, settings }),
          createWaitForEntityAction({ catalog, events }),
          createTemplateBranchAction({
            integrations: ScmIntegrations.fromConfig(config),
          }),
        );
      },
    });
  },
});
