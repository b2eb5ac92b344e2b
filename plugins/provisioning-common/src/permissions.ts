import { createPermission } from '@backstage/plugin-permission-common';

/** Resource type of a database request in the permission framework. */
export const RESOURCE_TYPE_PROVISIONING_REQUEST = 'provisioning-request';

/** File a new database request (guardrails still apply). */
export const provisioningRequestCreatePermission = createPermission({
  name: 'provisioning.request.create',
  attributes: { action: 'create' },
});

/** See a request, its status, outputs and audit trail (never the password). */
export const provisioningRequestReadPermission = createPermission({
  name: 'provisioning.request.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_PROVISIONING_REQUEST,
});

/** Approve or reject a request that awaits approval; the platform team by default. */
export const provisioningRequestApprovePermission = createPermission({
  name: 'provisioning.request.approve',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_PROVISIONING_REQUEST,
});

/** Deprovision a request's database, or extend an ephemeral one; owners and the platform team by default. */
export const provisioningRequestDeletePermission = createPermission({
  name: 'provisioning.request.delete',
  attributes: { action: 'delete' },
  resourceType: RESOURCE_TYPE_PROVISIONING_REQUEST,
});

/** Read the generated credentials of a ready database; owners and the platform team by default. */
export const provisioningRequestReadSecretPermission = createPermission({
  name: 'provisioning.request.secret.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_PROVISIONING_REQUEST,
});

/**
 * Ask for an operation on a ready database (resize, rotate credentials, extend, snapshot,
 * restore); owners and the platform team by default. Operations that need approval are approved
 * with {@link provisioningRequestApprovePermission}.
 */
export const provisioningRequestOperatePermission = createPermission({
  name: 'provisioning.request.operate',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_PROVISIONING_REQUEST,
});

export const provisioningPermissions = [
  provisioningRequestCreatePermission,
  provisioningRequestReadPermission,
  provisioningRequestApprovePermission,
  provisioningRequestDeletePermission,
  provisioningRequestReadSecretPermission,
  provisioningRequestOperatePermission,
];
