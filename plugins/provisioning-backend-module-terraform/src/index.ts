/**
 * The `terraform` provider of Paved's provisioning backend: a module call checked against the
 * module's variables, committed to the infrastructure repository, optionally run in Terraform Cloud.
 *
 * @packageDocumentation
 */
export { provisioningModuleTerraform as default } from './module';
export { TerraformDatabaseProvider } from './TerraformDatabaseProvider';
export type { TerraformDatabaseProviderOptions } from './TerraformDatabaseProvider';
export { readTerraformProviderConfig } from './config';
export type { TerraformProviderConfig } from './config';
export { TerraformCloudClient } from './TerraformCloudClient';
