/**
 * The `crossplane` provider of Paved's provisioning backend: a PostgreSQLInstance (or legacy claim)
 * validated against the XRD, delivered by GitOps commit or server-side apply.
 *
 * @packageDocumentation
 */
export { provisioningModuleCrossplane as default } from './module';
export { CrossplaneDatabaseProvider } from './CrossplaneDatabaseProvider';
export type { CrossplaneDatabaseProviderOptions } from './CrossplaneDatabaseProvider';
export { readCrossplaneProviderConfig } from './config';
export type { CrossplaneProviderConfig } from './config';
export { XrdSchemaValidator } from './XrdSchemaValidator';
export { renderPostgreSQLInstance } from './manifest';
