export * from './DatabaseRequestStore';
export { KnexDatabaseRequestStore } from './KnexDatabaseRequestStore';
export type { RequestSecretStore } from './RequestSecretStore';
export { KnexRequestSecretStore } from './RequestSecretStore';
