import {
  Fact,
  policyFactId,
  PushFactsRequest,
  PushFactsResponse,
} from '@paved/plugin-scorecards-common';
import type {
  AdmissionPolicyEvaluator,
  PolicyOutcome,
} from '@paved/plugin-scorecards-node';
import type { FactStore } from '../database';

const SOURCE = 'ci';

function describeOutcome(outcome: PolicyOutcome, manifests: number): string {
  if (outcome.matched === 0) {
    return `none of the ${manifests} manifest(s) is a workload this policy checks`;
  }
  if (outcome.violations.length === 0)
    return `${outcome.matched} manifest(s) comply`;
  return outcome.violations.map(v => `${v.object}: ${v.message}`).join('; ');
}

/** One fact per policy: its violation count, the violations as detail; errors make it unknown. */
export function policyFacts(
  entityRef: string,
  outcomes: PolicyOutcome[],
  manifests: number,
  observedAt: string,
): Fact[] {
  return outcomes.map(outcome => {
    const base = {
      entityRef,
      factId: policyFactId(outcome.policy),
      source: SOURCE,
      observedAt,
    };
    if (outcome.errors.length > 0) {
      return {
        ...base,
        status: 'unknown',
        value: null,
        reason: `policy could not be evaluated: ${outcome.errors.join('; ')}`,
      };
    }
    const violations = outcome.violations;
    return {
      ...base,
      status: 'known',
      value: violations.length,
      reason: describeOutcome(outcome, manifests),
      detail: violations.length > 0 ? violations : undefined,
    };
  });
}

/**
 * What CI reports (`POST /facts`): values such as coverage, and the manifests a chart renders to,
 * checked against `policies/` here so the report is the same as a cluster's admission would be.
 */
export class PushedFacts {
  constructor(
    private readonly facts: FactStore,
    private readonly evaluator: AdmissionPolicyEvaluator,
  ) {}

  async record(
    request: PushFactsRequest,
    now: Date,
  ): Promise<PushFactsResponse> {
    const entityRef = request.entityRef.toLocaleLowerCase('en-US');
    const observedAt = now.toISOString();
    const reason = request.runUrl ? `reported by ${request.runUrl}` : undefined;
    const facts: Fact[] = request.facts.map(f => ({
      entityRef,
      factId: f.id,
      status: 'known',
      value: f.value,
      reason,
      source: SOURCE,
      observedAt,
    }));
    let violations: number | undefined;
    if (request.manifests) {
      const outcomes = this.evaluator.evaluate(
        request.manifests as Array<Record<string, any>>,
      );
      const fromPolicies = policyFacts(
        entityRef,
        outcomes,
        request.manifests.length,
        observedAt,
      );
      facts.push(...fromPolicies);
      violations = outcomes.reduce((sum, o) => sum + o.violations.length, 0);
    }
    await this.facts.upsertFacts(facts);
    return {
      entityRef,
      accepted: facts.length,
      ...(violations === undefined ? {} : { violations }),
    };
  }
}
