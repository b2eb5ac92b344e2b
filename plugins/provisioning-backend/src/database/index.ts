export * from './DatabaseRequestStore';
export { KnexDatabaseRequestStore } from './KnexDatabaseRequestStore';
export type { RequestSecretStore } from '@paved/plugin-provisioning-node';
export { KnexRequestSecretStore } from './RequestSecretStore';
export * from './ApprovalStore';
export * from './DatabaseOperationStore';
export { KnexDatabaseOperationStore } from './KnexDatabaseOperationStore';
export type { RescheduleUpdate } from './leases';
