/**
 * Paved's permission policy: owners and the platform team for destructive actions, the platform
 * team for approvals.
 *
 * @packageDocumentation
 */
export { permissionModulePavedPolicy as default } from './module';
export { PavedPermissionPolicy } from './PavedPermissionPolicy';
export type { PavedPolicyOptions } from './PavedPermissionPolicy';
