export { CrossplaneDatabaseProvider } from './CrossplaneDatabaseProvider';
export type { CrossplaneDatabaseProviderOptions } from './CrossplaneDatabaseProvider';
export { readCrossplaneProviderConfig } from './config';
export type { CrossplaneProviderConfig } from './config';
export { XrdSchemaValidator } from './XrdSchemaValidator';
export { renderPostgreSQLInstance } from './manifest';
