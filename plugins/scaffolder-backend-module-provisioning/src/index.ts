/**
 * Scaffolder actions of Paved's self-service databases: `paved:database:request`.
 *
 * @packageDocumentation
 */
export { scaffolderModuleProvisioning as default } from './module';
export {
  createRequestDatabaseAction,
  REQUEST_DATABASE_ACTION_ID,
} from './actions/requestDatabase';
export { ProvisioningApiClient } from './actions/ProvisioningApiClient';
