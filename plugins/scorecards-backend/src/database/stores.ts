import type {
  Campaign,
  CampaignTarget,
  CheckResult,
  Exemption,
  Fact,
  FixAttempt,
  LevelCounts,
  ScorecardLevel,
} from '@paved/plugin-scorecards-common';

/** The latest value of each fact about each entity. */
export interface FactStore {
  /** Inserts or replaces facts (by entity and fact id) and marks their entities for evaluation. */
  upsertFacts(facts: Fact[]): Promise<void>;
  /** Removes an entity's facts from one source that were not in its latest report. */
  deleteFactsExcept(
    entityRef: string,
    source: string,
    keepFactIds: string[],
  ): Promise<void>;
  /** Facts of these entities, by entity ref. */
  factsFor(entityRefs: string[]): Promise<Map<string, Fact[]>>;
  /** The etag a collector last saw for an entity's source (e.g. its repository tree). */
  sourceEtag(collector: string, entityRef: string): Promise<string | undefined>;
  setSourceEtag(
    collector: string,
    entityRef: string,
    etag: string,
  ): Promise<void>;
}

/** A catalog entity as scorecards track it. */
export interface TrackedEntity {
  entityRef: string;
  kind: string;
  title?: string;
  owner?: string;
  catalogEtag?: string;
  collectedAt?: number;
  evaluatedAt?: number;
  results: Record<string, CheckResult>;
  levels: Record<string, ScorecardLevel | null>;
  stale: boolean;
}

export interface EntityFilter {
  owners?: string[];
  kinds?: string[];
  entityRefs?: string[];
}

/** One entity's evaluation. */
export interface EntityEvaluation {
  entityRef: string;
  results: Record<string, CheckResult>;
  levels: Record<string, ScorecardLevel | null>;
  evaluatedAt: number;
}

/** A day's roll-up of one scorecard for one scope (`organization` or a team). */
export interface RollupRow {
  scope: string;
  scorecardId: string;
  day: string;
  levels: LevelCounts;
  met: number;
  applicable: number;
}

/** The entities scorecards measure, their latest evaluations, and the roll-up history. */
export interface EntityStore {
  /**
   * Records what the catalog holds now. Returns the refs that are new or whose catalog etag
   * changed (their facts should be collected again). With `complete`, entities not listed are
   * removed (they left the catalog).
   */
  syncEntities(
    entities: Array<
      Pick<
        TrackedEntity,
        'entityRef' | 'kind' | 'title' | 'owner' | 'catalogEtag'
      >
    >,
    options: { complete: boolean },
  ): Promise<Array<{ entityRef: string; catalogEtag?: string }>>;
  /** Records a collection; with `catalogEtag`, the catalog version the facts were collected from. */
  markCollected(
    entries: Array<{ entityRef: string; catalogEtag?: string }>,
    at: number,
  ): Promise<void>;
  /** Marks entities for evaluation (their facts or the rules changed). */
  markStale(entityRefs?: string[]): Promise<void>;
  staleEntityRefs(limit: number): Promise<string[]>;
  /** Entities whose facts were collected longest ago, for the scheduled refresh. */
  leastRecentlyCollected(limit: number, before: number): Promise<string[]>;
  getEntity(entityRef: string): Promise<TrackedEntity | undefined>;
  listEntities(filter: EntityFilter): Promise<TrackedEntity[]>;
  saveEvaluations(evaluations: EntityEvaluation[]): Promise<void>;
  saveRollups(rows: RollupRow[]): Promise<void>;
  rollupHistory(scope: string, sinceDay: string): Promise<RollupRow[]>;
}

export interface ExemptionStore {
  create(exemption: Omit<Exemption, 'status'>): Promise<Exemption>;
  get(id: string): Promise<Exemption | undefined>;
  list(filter: {
    entityRefs?: string[];
    statuses?: Exemption['status'][];
  }): Promise<Exemption[]>;
  /** Reviews a pending exemption; false when it was no longer pending (someone else decided). */
  review(
    id: string,
    review: {
      status: 'approved' | 'rejected';
      reviewedBy: string;
      reviewedAt: number;
      comment?: string;
    },
  ): Promise<boolean>;
  delete(id: string): Promise<void>;
  /** Approved exemptions that expired after `since`, so their entities are evaluated again. */
  expiredBetween(since: number, until: number): Promise<Exemption[]>;
}

export interface CampaignStore {
  create(campaign: Campaign): Promise<Campaign>;
  get(id: string): Promise<Campaign | undefined>;
  list(): Promise<Campaign[]>;
  update(
    id: string,
    change: Partial<Pick<Campaign, 'title' | 'description' | 'deadline'>> & {
      target?: CampaignTarget;
      updatedAt: string;
    },
  ): Promise<Campaign | undefined>;
  delete(id: string): Promise<boolean>;
  recordProgress(
    campaignId: string,
    day: string,
    done: number,
    total: number,
  ): Promise<void>;
  progressHistory(
    campaignId: string,
  ): Promise<Array<{ day: string; done: number; total: number }>>;
  /** Claims the right to notify owners (once per interval, across replicas); false if not due. */
  claimNotification(
    campaignId: string,
    now: number,
    intervalMs: number,
  ): Promise<boolean>;
}

export interface FixStore {
  create(attempt: FixAttempt): Promise<FixAttempt>;
  get(id: string): Promise<FixAttempt | undefined>;
  /** The latest attempt per check of an entity. */
  latestFor(entityRef: string): Promise<Map<string, FixAttempt>>;
  /** An attempt still running for this entity and check, if any (one at a time). */
  openFor(entityRef: string, checkId: string): Promise<FixAttempt | undefined>;
  listOpen(): Promise<FixAttempt[]>;
  finish(
    id: string,
    outcome: {
      status: 'completed' | 'failed';
      finishedAt: string;
      message?: string;
    },
  ): Promise<void>;
}
