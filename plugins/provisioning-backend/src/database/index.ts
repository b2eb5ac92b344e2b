export * from './DatabaseRequestStore';
export { KnexDatabaseRequestStore } from './KnexDatabaseRequestStore';
export type { RequestSecretStore } from '@paved/plugin-provisioning-node';
export { KnexRequestSecretStore } from './RequestSecretStore';
export * from './ApprovalStore';
export * from './DatabaseOperationStore';
export { KnexDatabaseOperationStore } from './KnexDatabaseOperationStore';
export type { ClaimOptions, RescheduleUpdate } from './leases';
export type { HistoryEntry } from './history';
