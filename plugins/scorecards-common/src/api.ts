import type { CheckDefinition, CheckResult } from './checks';
import type { Exemption } from './exemptions';
import type { Fact } from './facts';
import type { FixAttempt, FixerSummary } from './fixes';
import type { ScorecardDefinition, ScorecardLevel } from './scorecards';

/** A check's result with what the portal shows next to it. */
export interface EntityCheckResult extends CheckResult {
  title: string;
  description: string;
  howToFix: string;
  fact: string;
  /** The level that needs this check. */
  level?: ScorecardLevel;
  /** The fixer "Fix it" starts, when the check names one. */
  fixer?: FixerSummary;
  /** The latest "Fix it" for this check, if any. */
  fix?: FixAttempt;
}

/** One scorecard of one entity. */
export interface EntityScorecard {
  id: string;
  title: string;
  description: string;
  level: ScorecardLevel | null;
  /** The next level and how many of its checks are not met yet. */
  next?: { level: ScorecardLevel; unmet: number };
  checks: EntityCheckResult[];
}

/** `GET /entities/:kind/:namespace/:name`. */
export interface EntityScorecardsResponse {
  entityRef: string;
  title?: string;
  owner?: string;
  /** When its checks were last evaluated; absent before the first evaluation. */
  evaluatedAt?: string;
  scorecards: EntityScorecard[];
  facts: Fact[];
  exemptions: Exemption[];
}

/** One row of a heat map or entity list. */
export interface EntitySummary {
  entityRef: string;
  title?: string;
  owner?: string;
  /** Level per scorecard id. */
  levels: Record<string, ScorecardLevel | null>;
  /** Status per check id (checks that do not apply are absent). */
  results: Record<string, CheckResult['status']>;
}

/** Counts of entities per level of one scorecard; `none` is below bronze. */
export type LevelCounts = Record<ScorecardLevel | 'none', number>;

/** A day of a roll-up's history. */
export interface RollupPoint {
  day: string;
  levels: LevelCounts;
  /** Met checks over applicable checks, 0..1; `null` when nothing applied. */
  passRate: number | null;
}

export interface ScorecardRollup {
  scorecardId: string;
  title: string;
  levels: LevelCounts;
  passRate: number | null;
  history: RollupPoint[];
}

/** `GET /teams/:ref`: the team's entities × checks, and its roll-ups with history. */
export interface TeamScorecardsResponse {
  team: string;
  checks: Array<
    Pick<CheckDefinition, 'id' | 'title'> & { level?: ScorecardLevel }
  >;
  entities: EntitySummary[];
  rollups: ScorecardRollup[];
}

/** `GET /organization`: the roll-up of every team, and of the whole organisation. */
export interface OrganizationScorecardsResponse {
  rollups: ScorecardRollup[];
  teams: Array<{
    team: string;
    entities: number;
    rollups: Array<
      Pick<ScorecardRollup, 'scorecardId' | 'levels' | 'passRate'>
    >;
  }>;
}

/** `GET /checks`. */
export interface ChecksResponse {
  checks: Array<
    CheckDefinition & { passRate: number | null; applicable: number }
  >;
  scorecards: ScorecardDefinition[];
  fixers: FixerSummary[];
}

/** `GET /entities?owner=&below=`. */
export interface EntityListResponse {
  items: EntitySummary[];
}
