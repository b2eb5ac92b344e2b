import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { readPlatformSettings, violationsError } from '@paved/backend-platform';
import { orgRuleViolations } from './orgSources/orgRules';
import { LocationRegistrationStore } from './registeredLocations/LocationRegistrationStore';
import { RegisteredLocationOwnershipProcessor } from './registeredLocations/RegisteredLocationOwnershipProcessor';
import { createRegistrationRecorder } from './registeredLocations/registrationRecorder';

/**
 * Paved's trust rules for the catalog (see README): refuses to start when `catalog.rules` let
 * every location add users or groups; records who registers each location and refuses its
 * entities when another team owns them.
 */
export const catalogModuleTrustRules = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'trust-rules',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        userInfo: coreServices.userInfo,
        processing: catalogProcessingExtensionPoint,
      },
      async init({ config, database, httpRouter, httpAuth, userInfo, processing }) {
        const violations = orgRuleViolations(config);
        if (violations.length > 0) {
          throw violationsError(violations);
        }
        const registrations = await LocationRegistrationStore.create(database);
        processing.addProcessor(
          new RegisteredLocationOwnershipProcessor(
            registrations,
            readPlatformSettings(config).platformTeam,
          ),
        );
        httpRouter.use(
          createRegistrationRecorder({ httpAuth, userInfo, registrations }),
        );
      },
    });
  },
});
