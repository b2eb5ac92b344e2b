import type { Config } from '@backstage/config';
import type { Violation } from '@paved/backend-platform';

/** The kinds that decide who someone is: membership makes owners, approvers and readers of secrets. */
export const ORGANISATION_KINDS = ['user', 'group'] as const;

/** Name of the rule in error messages and the README. */
export const TRUSTED_ORG_SOURCES_RULE = 'trusted-org-sources';

/**
 * Finds global `catalog.rules` entries that let every location add users or groups. The catalog
 * checks each entity a location emits against these rules and the location's own rules
 * (`catalog.locations[].rules`); a global rule without `locations` applies to every location a
 * developer registers, so with it anyone could add a user who belongs to the platform team.
 * A rule restricted to `locations` (an organisation's own files or repository) is fine.
 */
export function orgRuleViolations(config: Config): Violation[] {
  const rules = config.getOptionalConfigArray('catalog.rules') ?? [];
  return rules.flatMap((rule, index) => {
    if (rule.has('locations')) {
      return [];
    }
    const allowed = (rule.getOptional<unknown[]>('allow') ?? []).map(entry =>
      typeof entry === 'string'
        ? entry
        : String((entry as { kind?: unknown })?.kind ?? ''),
    );
    return allowed
      .filter(kind =>
        (ORGANISATION_KINDS as readonly string[]).includes(kind.toLowerCase()),
      )
      .map(kind => ({
        field: `catalog.rules[${index}].allow`,
        problem: `${kind} must not be allowed from every location; allow it only on the organisation's own locations (catalog.locations[].rules) or load it with an org provider`,
        rule: TRUSTED_ORG_SOURCES_RULE,
      }));
  });
}
