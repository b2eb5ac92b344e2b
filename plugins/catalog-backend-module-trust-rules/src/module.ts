import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { violationsError } from '@paved/backend-platform';
import { orgRuleViolations } from './orgSources/orgRules';

/**
 * Paved's trust rules for the catalog (see README): refuses to start when `catalog.rules` let
 * every location add users or groups.
 */
export const catalogModuleTrustRules = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'trust-rules',
  register(reg) {
    reg.registerInit({
      deps: { config: coreServices.rootConfig },
      async init({ config }) {
        const violations = orgRuleViolations(config);
        if (violations.length > 0) {
          throw violationsError(violations);
        }
      },
    });
  },
});
