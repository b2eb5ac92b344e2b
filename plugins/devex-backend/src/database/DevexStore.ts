import type {
  DevexEvent,
  DeploymentSummary,
  IncidentSummary,
} from '@paved/plugin-devex-common';

/** Which services to pool; `undefined` means the whole organisation. */
export interface ServiceScope {
  services?: string[];
}

/** A half-open window [from, to) in epoch milliseconds. */
export interface TimeWindow {
  from: number;
  to: number;
}

/** Raw aggregates of one scope and window; durations in milliseconds. */
export interface DoraAggregates {
  deployments: number;
  failedDeployments: number;
  reworkDeployments: number;
  leadTime: { median: number | null; p90: number | null; samples: number };
  recovery: { median: number | null; samples: number; open: number };
  timeToRestore: { median: number | null; samples: number; open: number };
  sources: string[];
}

export interface SurveyResponseRecord {
  source: string;
  id: string;
  respondent: string;
  teamRef: string | null;
  score: number;
  comment: string | null;
  submittedAt: number;
  demo: boolean;
}

/** Storage of DevEx events and the facts derived from them. */
export interface DevexStore {
  /**
   * Stores a validated batch atomically. Each (source, id) replaces an earlier send; derived facts
   * of every affected service and deployment are recomputed in the same transaction.
   */
  ingest(
    events: DevexEvent[],
    receivedAt: number,
  ): Promise<{ accepted: number }>;
  doraAggregates(
    scope: ServiceScope,
    window: TimeWindow,
  ): Promise<DoraAggregates>;
  listDeployments(
    scope: ServiceScope,
    options: { limit: number; environment?: string },
  ): Promise<DeploymentSummary[]>;
  listIncidents(
    scope: ServiceScope,
    options: { limit: number },
  ): Promise<IncidentSummary[]>;
  surveyResponses(window: TimeWindow): Promise<SurveyResponseRecord[]>;
  /** Portal submissions (surveys sent as events go through {@link DevexStore.ingest}). */
  addSurveyResponse(response: SurveyResponseRecord): Promise<void>;
  /** First successful production deployment per service (epoch ms). */
  firstProductionDeployments(services: string[]): Promise<Map<string, number>>;
  /** Remembers commits pushed to a repository's default branch. */
  recordPushedCommits(
    repository: string,
    commits: Array<{ sha: string; committedAt: number }>,
  ): Promise<void>;
  /** The latest commits pushed to a repository up to `until` (newest first). */
  pushedCommits(
    repository: string,
    until: number,
    limit: number,
  ): Promise<Array<{ sha: string; committedAt: number }>>;
}
