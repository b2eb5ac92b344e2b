import {
  CheckDefinition,
  CheckResult,
  EntitySelector,
  evaluateCheck,
  Exemption,
  Fact,
  isExemptionActive,
  levelOf,
  ScorecardDefinition,
  ScorecardLevel,
} from '@paved/plugin-scorecards-common';

/** What selectors look at: the kind (from the ref) and the catalog facts for type and lifecycle. */
export interface EntityTraits {
  kind: string;
  type?: string;
  lifecycle?: string;
}

export function traitsOf(entityRef: string, facts: Fact[]): EntityTraits {
  const valueOf = (id: string) => {
    const fact = facts.find(f => f.factId === id && f.status === 'known');
    return typeof fact?.value === 'string'
      ? fact.value.toLocaleLowerCase('en-US')
      : undefined;
  };
  return {
    kind: entityRef.slice(0, entityRef.indexOf(':')).toLocaleLowerCase('en-US'),
    type: valueOf('catalog.type'),
    lifecycle: valueOf('catalog.lifecycle'),
  };
}

export function selects(
  selector: EntitySelector | undefined,
  traits: EntityTraits,
): boolean {
  if (!selector) return true;
  const lower = (list?: string[]) =>
    list?.map(v => v.toLocaleLowerCase('en-US'));
  const matches = (list: string[] | undefined, value: string | undefined) =>
    !list || list.length === 0 || (value !== undefined && list.includes(value));
  return (
    matches(lower(selector.kinds), traits.kind) &&
    matches(lower(selector.types), traits.type) &&
    matches(lower(selector.lifecycles), traits.lifecycle)
  );
}

export interface EntityOutcome {
  results: Record<string, CheckResult>;
  levels: Record<string, ScorecardLevel | null>;
}

/**
 * Every applicable check and scorecard of one entity, from its facts and exemptions. A check under
 * an active exemption is `exempt` (whatever its fact says); an expired one no longer counts.
 */
export function evaluateEntity(
  entityRef: string,
  facts: Fact[],
  exemptions: Exemption[],
  definitions: { checks: CheckDefinition[]; scorecards: ScorecardDefinition[] },
  now: Date,
): EntityOutcome {
  const traits = traitsOf(entityRef, facts);
  const factById = new Map(facts.map(f => [f.factId, f]));
  const results: Record<string, CheckResult> = {};
  for (const check of definitions.checks) {
    if (!selects(check.appliesTo, traits)) continue;
    const result = evaluateCheck(check, factById.get(check.fact));
    const exemption = exemptions.find(
      e => e.checkId === check.id && isExemptionActive(e, now),
    );
    results[check.id] =
      exemption && result.status !== 'pass'
        ? {
            ...result,
            status: 'exempt',
            reason: `exempt until ${exemption.expiresAt}: ${exemption.reason}`,
            exemptionId: exemption.id,
          }
        : result;
  }
  const levels: Record<string, ScorecardLevel | null> = {};
  for (const scorecard of definitions.scorecards) {
    if (!selects(scorecard.appliesTo, traits)) continue;
    // Checks that do not apply to this entity have no result, and levelOf does not require them.
    levels[scorecard.id] = levelOf(scorecard, new Map(Object.entries(results)));
  }
  return { results, levels };
}
