/**
 * Catalog module of Paved's provisioning: every ready database as a `Resource` entity.
 *
 * @packageDocumentation
 */
export { catalogModuleProvisioning as default } from './module';
export {
  ProvisionedDatabaseEntityProvider,
  databaseResourceEntity,
} from './ProvisionedDatabaseEntityProvider';
