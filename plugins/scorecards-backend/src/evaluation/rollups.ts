import {
  isMet,
  LevelCounts,
  ScorecardDefinition,
} from '@paved/plugin-scorecards-common';
import type { RollupRow, TrackedEntity } from '../database';

export const ORGANIZATION_SCOPE = 'organization';

export function emptyCounts(): LevelCounts {
  return { none: 0, bronze: 0, silver: 0, gold: 0 };
}

/** The UTC day of a time, `YYYY-MM-DD`. */
export function dayOf(time: Date): string {
  return time.toISOString().slice(0, 10);
}

/**
 * Today's roll-up of every scorecard for the organisation and each owning team: entities per
 * level, and met over applicable check results.
 */
export function rollUp(
  entities: TrackedEntity[],
  scorecards: ScorecardDefinition[],
  now: Date,
): RollupRow[] {
  const rows = new Map<string, RollupRow>();
  const day = dayOf(now);
  const row = (scope: string, scorecardId: string) => {
    const key = `${scope}\u0000${scorecardId}`;
    let existing = rows.get(key);
    if (!existing) {
      existing = {
        scope,
        scorecardId,
        day,
        levels: emptyCounts(),
        met: 0,
        applicable: 0,
      };
      rows.set(key, existing);
    }
    return existing;
  };
  for (const entity of entities) {
    if (entity.evaluatedAt === undefined) continue;
    for (const scorecard of scorecards) {
      if (!(scorecard.id in entity.levels)) continue;
      const level = entity.levels[scorecard.id] ?? 'none';
      const checkIds = new Set(Object.values(scorecard.levels).flat());
      const statuses = [...checkIds]
        .map(id => entity.results[id]?.status)
        .filter(status => status !== undefined);
      const met = statuses.filter(isMet).length;
      for (const scope of entity.owner
        ? [ORGANIZATION_SCOPE, entity.owner]
        : [ORGANIZATION_SCOPE]) {
        const target = row(scope, scorecard.id);
        target.levels[level] += 1;
        target.met += met;
        target.applicable += statuses.length;
      }
    }
  }
  return [...rows.values()];
}
