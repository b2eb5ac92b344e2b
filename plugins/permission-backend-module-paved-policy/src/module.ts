import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  normaliseApproverRef,
  PavedPermissionPolicy,
} from './PavedPermissionPolicy';
import { readPlatformSettings } from '@paved/backend-platform';

/** Installs Paved's permission policy (see PavedPermissionPolicy) in the permission backend. */
export const permissionModulePavedPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'paved-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        const { platformTeam } = readPlatformSettings(config);
        const extra =
          config.getOptionalStringArray('permission.paved.approvers') ?? [];
        policy.setPolicy(
          new PavedPermissionPolicy({
            approvers: [platformTeam, ...extra].map(normaliseApproverRef),
          }),
        );
      },
    });
  },
});
