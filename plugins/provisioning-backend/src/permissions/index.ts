export {
  provisioningRequestResourceRef,
  provisioningRequestRules,
  provisioningRequestConditions,
  createProvisioningRequestConditionalDecision,
  isRequestOwner,
} from './rules';
export type { DatabaseRequestQuery } from './rules';
