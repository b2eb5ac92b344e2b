export { TerraformDatabaseProvider } from './TerraformDatabaseProvider';
export type { TerraformDatabaseProviderOptions } from './TerraformDatabaseProvider';
export { readTerraformProviderConfig } from './config';
export type { TerraformProviderConfig } from './config';
export { TerraformCloudClient } from './TerraformCloudClient';
