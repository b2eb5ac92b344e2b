/**
 * Paved's provisioning backend: self-service databases from request to ready, and back.
 *
 * @packageDocumentation
 */
export { provisioningPlugin as default } from './plugin';
export { catalogModuleProvisionedDatabases } from './catalog/module';
export {
  ANNOTATION_PROVISIONING_REQUEST,
  databaseResourceEntity,
} from './catalog/ProvisionedDatabaseEntityProvider';
export {
  provisioningRequestConditions,
  createProvisioningRequestConditionalDecision,
  provisioningRequestResourceRef,
} from './permissions';
export { PROVISIONING_EVENT_TOPIC } from './lifecycle/RequestLifecycle';
export type { ProvisioningEventPayload } from './lifecycle/RequestLifecycle';
export type {
  DatabaseProvider,
  DatabaseOutputs,
  ProviderContext,
  ProviderId,
  ProvisioningStatus,
} from './providers/types';
