import { z } from 'zod/v3';
import type { CheckResult, CheckStatus, EntitySelector } from './checks';
import { entitySelectorSchema } from './checks';

/** Levels, lowest first. An entity that does not reach bronze has no level (`null`). */
export const SCORECARD_LEVELS = ['bronze', 'silver', 'gold'] as const;
export type ScorecardLevel = (typeof SCORECARD_LEVELS)[number];

/** A named set of checks grouped into levels, e.g. "Production readiness". */
export interface ScorecardDefinition {
  id: string;
  title: string;
  description: string;
  /**
   * The checks of each level. Levels build on each other: silver needs bronze's checks and its
   * own, gold needs all three.
   */
  levels: Record<ScorecardLevel, string[]>;
  appliesTo?: EntitySelector;
}

export const scorecardDefinitionSchema = z
  .object({
    id: z
      .string()
      .regex(
        /^[a-z][a-z0-9-]{1,62}$/,
        'must be lower case letters, digits and dashes',
      ),
    title: z.string().min(1).max(120),
    description: z.string().min(1).max(2000),
    levels: z
      .object({
        bronze: z.array(z.string()).max(50).default([]),
        silver: z.array(z.string()).max(50).default([]),
        gold: z.array(z.string()).max(50).default([]),
      })
      .strict(),
    appliesTo: entitySelectorSchema.optional(),
  })
  .strict();

/** Statuses that count as met for a level: a passing check, or one under an approved exemption. */
export function isMet(status: CheckStatus): boolean {
  return status === 'pass' || status === 'exempt';
}

/**
 * The highest level whose checks (and those of every level below) are all met. A check that is
 * `unknown` is not met (nothing proves it passes), but it is never reported as a failure. A check
 * with no result does not apply to the entity and is not required. A level the scorecard defines
 * no checks for is never awarded (a scorecard without gold checks tops out at silver).
 */
export function levelOf(
  scorecard: Pick<ScorecardDefinition, 'levels'>,
  results: ReadonlyMap<string, Pick<CheckResult, 'status'>>,
): ScorecardLevel | null {
  let reached: ScorecardLevel | null = null;
  for (const level of SCORECARD_LEVELS) {
    const checks = scorecard.levels[level];
    if (checks.length === 0) break;
    const met = checks.every(checkId => {
      const result = results.get(checkId);
      return result === undefined || isMet(result.status);
    });
    if (!met) break;
    reached = level;
  }
  return reached;
}

/** `a` is below `b` (no level is below bronze). */
export function isBelow(a: ScorecardLevel | null, b: ScorecardLevel): boolean {
  return (
    (a === null ? -1 : SCORECARD_LEVELS.indexOf(a)) <
    SCORECARD_LEVELS.indexOf(b)
  );
}

/** Where each check of a scorecard sits, for display. */
export function levelOfCheck(
  scorecard: Pick<ScorecardDefinition, 'levels'>,
  checkId: string,
): ScorecardLevel | undefined {
  return SCORECARD_LEVELS.find(level =>
    scorecard.levels[level].includes(checkId),
  );
}
