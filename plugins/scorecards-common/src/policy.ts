/**
 * One failed validation of a Kubernetes ValidatingAdmissionPolicy (`policies/`) on one object.
 */
export interface PolicyViolation {
  /** `metadata.name` of the ValidatingAdmissionPolicy. */
  policy: string;
  /** The object, e.g. `Deployment/payments-api`. */
  object: string;
  /** The policy's own message (its `messageExpression` when it has one). */
  message: string;
  /** The containers the message is about, when the policy names them. */
  containers?: string[];
  /** The validation's `fieldPath`, when it has one. */
  fieldPath?: string;
  /** The validation's `reason`, e.g. `Invalid` or `Forbidden`. */
  reason?: string;
}

/** The id of the fact a policy produces: `policy.<metadata.name>`, its value the violation count. */
export function policyFactId(policyName: string): string {
  return `policy.${policyName}`;
}

/** Annotation on a policy in `policies/`: the title shown for it (else its `metadata.name`). */
export const ANNOTATION_POLICY_TITLE = 'paved.dev/title';

/** `apiVersion` of the scorecard definitions file (`scorecards/*.yaml`, kind `ScorecardDefinitions`). */
export const SCORECARD_DEFINITIONS_API_VERSION = 'paved.dev/v1';
