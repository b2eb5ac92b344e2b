/**
 * Paved's provisioning backend: self-service databases from request to ready, and back.
 *
 * @packageDocumentation
 */
export { provisioningPlugin as default } from './plugin';
export {
  provisioningRequestConditions,
  createProvisioningRequestConditionalDecision,
  provisioningRequestResourceRef,
} from './permissions';
