import { InputError } from '@backstage/errors';
import {
  AdmissionPolicyEvaluator,
  describeObject,
  loadAdmissionPolicies,
} from '@paved/plugin-scorecards-node';

/**
 * A rendered manifest broke an admission policy: Paved does not commit or apply it. An
 * `InputError`, so where a person asked for the change (a resize) it answers 400 with every
 * violation in the policy's own words.
 */
export class ManifestPolicyError extends InputError {}

/**
 * The platform's ValidatingAdmissionPolicies (`policies/`), evaluated in-process on what this
 * provider renders before it is committed or applied, so a manifest the cluster would reject
 * (or only warn about) never reaches the GitOps repository. Paved refuses on any violation of a
 * policy that matches its own rendering, whatever a binding's `validationActions` say for the
 * cluster: Paved's own output is held to the rule, not merely warned about.
 */
export class ManifestPolicies {
  static async fromDirectory(directory: string): Promise<ManifestPolicies> {
    const loaded = await loadAdmissionPolicies(directory).catch(error => {
      throw new Error(
        `provisioning.providers.crossplane.policiesDirectory: cannot load ${directory}: ${
          (error as Error).message
        }`,
      );
    });
    return new ManifestPolicies(
      AdmissionPolicyEvaluator.create(loaded),
      new Map(
        loaded.map(({ policy }) => [
          policy.metadata.name,
          policy.spec.failurePolicy ?? 'Fail',
        ]),
      ),
    );
  }

  constructor(
    private readonly evaluator: AdmissionPolicyEvaluator,
    private readonly failurePolicies: ReadonlyMap<string, 'Fail' | 'Ignore'>,
  ) {}

  /** The policies evaluated, by name. */
  names(): string[] {
    return this.evaluator.policies().map(p => p.name);
  }

  /**
   * Every problem the policies find with `manifest`, one sentence each: the policy, its own
   * message and the field. An expression that cannot be evaluated counts as a problem unless its
   * policy says `failurePolicy: Ignore`, as in Kubernetes.
   */
  problems(
    manifest: Record<string, any>,
    operation: 'CREATE' | 'UPDATE',
  ): string[] {
    const problems: string[] = [];
    for (const outcome of this.evaluator.evaluate([manifest], { operation })) {
      for (const violation of outcome.violations) {
        const field = violation.fieldPath
          ? ` (field ${violation.fieldPath})`
          : '';
        problems.push(`policy ${outcome.policy}: ${violation.message}${field}`);
      }
      if (this.failurePolicies.get(outcome.policy) !== 'Ignore') {
        for (const error of outcome.errors) {
          problems.push(
            `policy ${outcome.policy} could not be evaluated: ${error}`,
          );
        }
      }
    }
    return problems;
  }

  /**
   * The same problems as field, problem and rule (`policy <name>`), for a 400 in Paved's format:
   * the field is the manifest's (the validation's `fieldPath`), else the object.
   */
  violations(
    manifest: Record<string, any>,
    operation: 'CREATE' | 'UPDATE',
  ): Array<{ field: string; problem: string; rule: string }> {
    const object = describeObject(manifest);
    return this.evaluator
      .evaluate([manifest], { operation })
      .flatMap(outcome => [
        ...outcome.violations.map(v => ({
          field: v.fieldPath ?? object,
          problem: `${v.message} (in the rendered ${object})`,
          rule: `policy ${outcome.policy}`,
        })),
        ...(this.failurePolicies.get(outcome.policy) === 'Ignore'
          ? []
          : outcome.errors.map(error => ({
              field: object,
              problem: `could not be evaluated: ${error}`,
              rule: `policy ${outcome.policy}`,
            }))),
      ]);
  }

  /** Throws a {@link ManifestPolicyError} listing every problem, if there is one. */
  admit(manifest: Record<string, any>, operation: 'CREATE' | 'UPDATE'): void {
    const problems = this.problems(manifest, operation);
    if (problems.length > 0) {
      throw new ManifestPolicyError(
        `The rendered ${describeObject(
          manifest,
        )} breaks the platform's admission policies, so Paved did not commit it: ${problems.join(
          '; ',
        )}`,
      );
    }
  }
}
