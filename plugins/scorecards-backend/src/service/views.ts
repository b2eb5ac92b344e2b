import {
  ChecksResponse,
  EntityScorecard,
  EntitySummary,
  Exemption,
  Fact,
  FixAttempt,
  FixerSummary,
  isMet,
  levelOfCheck,
  RollupPoint,
  ScorecardRollup,
  SCORECARD_LEVELS,
  TeamScorecardsResponse,
} from '@paved/plugin-scorecards-common';
import type { RollupRow, TrackedEntity } from '../database';
import type { Definitions } from '../checks/DefinitionsLoader';
import type { EntityOutcome } from '../evaluation/evaluateEntity';
import { rollUp } from '../evaluation/rollups';

/** An entity's scorecards as the entity page shows them. */
export function entityScorecards(
  outcome: EntityOutcome,
  definitions: Definitions,
  fixes: Map<string, FixAttempt>,
  fixer: (id: string | undefined) => FixerSummary | undefined,
): EntityScorecard[] {
  return definitions.scorecards
    .filter(scorecard => scorecard.id in outcome.levels)
    .map(scorecard => {
      const level = outcome.levels[scorecard.id];
      const checks = SCORECARD_LEVELS.flatMap(l => scorecard.levels[l])
        .filter(id => outcome.results[id])
        .map(id => {
          const check = definitions.checks.find(c => c.id === id)!;
          const result = outcome.results[id];
          return {
            ...result,
            title: check.title,
            description: check.description,
            howToFix: check.howToFix,
            fact: check.fact,
            level: levelOfCheck(scorecard, id),
            fixer: fixer(check.fixer?.id),
            fix: fixes.get(id),
          };
        });
      const nextIndex =
        level === null ? 0 : SCORECARD_LEVELS.indexOf(level) + 1;
      const nextLevel = SCORECARD_LEVELS[nextIndex];
      const view: EntityScorecard = {
        id: scorecard.id,
        title: scorecard.title,
        description: scorecard.description,
        level,
        checks,
      };
      if (nextLevel) {
        const needed = SCORECARD_LEVELS.slice(0, nextIndex + 1).flatMap(
          l => scorecard.levels[l],
        );
        view.next = {
          level: nextLevel,
          unmet: needed.filter(
            id => outcome.results[id] && !isMet(outcome.results[id].status),
          ).length,
        };
      }
      return view;
    });
}

export function summaryOf(entity: TrackedEntity): EntitySummary {
  return {
    entityRef: entity.entityRef,
    title: entity.title,
    owner: entity.owner,
    levels: entity.levels,
    results: Object.fromEntries(
      Object.entries(entity.results).map(([id, r]) => [id, r.status]),
    ),
  };
}

function passRate(met: number, applicable: number): number | null {
  return applicable === 0 ? null : met / applicable;
}

/** Roll-ups of a scope: today's computed from `entities`, history from the stored days. */
export function rollupsOf(
  scope: string,
  entities: TrackedEntity[],
  history: RollupRow[],
  definitions: Definitions,
  now: Date,
): ScorecardRollup[] {
  const today = rollUp(entities, definitions.scorecards, now).filter(
    r => r.scope === scope,
  );
  return definitions.scorecards.map(scorecard => {
    const current = today.find(r => r.scorecardId === scorecard.id);
    const points: RollupPoint[] = history
      .filter(h => h.scorecardId === scorecard.id && h.day !== current?.day)
      .map(h => ({
        day: h.day,
        levels: h.levels,
        passRate: passRate(h.met, h.applicable),
      }));
    if (current) {
      points.push({
        day: current.day,
        levels: current.levels,
        passRate: passRate(current.met, current.applicable),
      });
    }
    return {
      scorecardId: scorecard.id,
      title: scorecard.title,
      levels: current?.levels ?? { none: 0, bronze: 0, silver: 0, gold: 0 },
      passRate: current ? passRate(current.met, current.applicable) : null,
      history: points,
    };
  });
}

/** The heat map: the team's entities × the checks of every scorecard, lowest level first. */
export function teamView(
  team: string,
  entities: TrackedEntity[],
  history: RollupRow[],
  definitions: Definitions,
  now: Date,
): TeamScorecardsResponse {
  const seen = new Set<string>();
  const checks: TeamScorecardsResponse['checks'] = [];
  for (const scorecard of definitions.scorecards) {
    for (const level of SCORECARD_LEVELS) {
      for (const id of scorecard.levels[level]) {
        if (seen.has(id)) continue;
        seen.add(id);
        const check = definitions.checks.find(c => c.id === id)!;
        checks.push({ id, title: check.title, level });
      }
    }
  }
  return {
    team,
    checks,
    entities: entities.map(summaryOf),
    rollups: rollupsOf(team, entities, history, definitions, now),
  };
}

export function checksView(
  definitions: Definitions,
  entities: TrackedEntity[],
  fixers: FixerSummary[],
): ChecksResponse {
  return {
    checks: definitions.checks.map(check => {
      const statuses = entities
        .map(e => e.results[check.id]?.status)
        .filter(s => s !== undefined);
      return {
        ...check,
        applicable: statuses.length,
        passRate: passRate(statuses.filter(isMet).length, statuses.length),
      };
    }),
    scorecards: definitions.scorecards,
    fixers,
  };
}

/** Facts sorted for display, and exemptions newest first. */
export function factsAndExemptions(facts: Fact[], exemptions: Exemption[]) {
  return {
    facts: [...facts].sort((a, b) => a.factId.localeCompare(b.factId)),
    exemptions,
  };
}
