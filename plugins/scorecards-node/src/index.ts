/**
 * What other backend plugins use of scorecards: extension points to contribute fact collectors
 * and fixers, and the in-process evaluator of Kubernetes ValidatingAdmissionPolicies, so any
 * plugin can check what it renders against `policies/` before committing it.
 *
 * @packageDocumentation
 */
export {
  scorecardsFactCollectorsExtensionPoint,
  scorecardsFixersExtensionPoint,
} from './extensions';
export type {
  CollectedFact,
  FactCollector,
  FixRequest,
  ScorecardFixer,
  ScorecardsFactCollectorsExtensionPoint,
  ScorecardsFixersExtensionPoint,
  StartedFix,
} from './extensions';
export {
  loadAdmissionPolicies,
  parseAdmissionPolicies,
} from './policy/admissionPolicies';
export type {
  LoadedAdmissionPolicy,
  ResourceRule,
  ValidatingAdmissionPolicy,
} from './policy/admissionPolicies';
export {
  AdmissionPolicyEvaluator,
  describeObject,
  resourceOfKind,
} from './policy/AdmissionPolicyEvaluator';
export type {
  AdmissionEvaluationOptions,
  PolicyOutcome,
} from './policy/AdmissionPolicyEvaluator';
