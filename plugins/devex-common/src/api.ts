import type { DoraLevel, LevelBands } from './metrics';
import type { DeploymentKind } from './events';

/** Whose samples a response pools. @public */
export type DoraScope =
  | { kind: 'organization' }
  | { kind: 'group'; group: string; services: string[] }
  | { kind: 'entity'; entityRef: string };

/** Where the numbers came from, so the UI can label demo data. @public */
export interface DataProvenance {
  /** Event sources that contributed, e.g. `github`, `paved-demo`. */
  sources: string[];
  /** True when any contributing event came from the demo seed (`source: paved-demo`). */
  demo: boolean;
}

/** `GET /dora` response. Ratios and medians without samples are `null`, never 0. @public */
export interface DoraMetricsResponse extends DataProvenance {
  scope: DoraScope;
  /** The window [from, to), RFC 3339. */
  window: { from: string; to: string };
  deploymentFrequency: {
    deployments: number;
    perWeek: number;
    /** `null` when there is no deployment in the window (nothing to judge). */
    level: DoraLevel | null;
  };
  leadTime: {
    medianHours: number | null;
    p90Hours: number | null;
    samples: number;
    level: DoraLevel | null;
  };
  changeFailureRate: {
    ratio: number | null;
    failedDeployments: number;
    deployments: number;
    level: DoraLevel | null;
  };
  recoveryTime: {
    medianHours: number | null;
    samples: number;
    /** Failed deployments in the window not yet recovered. */
    open: number;
    level: DoraLevel | null;
  };
  reworkRate: {
    ratio: number | null;
    reworkDeployments: number;
    deployments: number;
  };
  /** Incidents that name no deployment (started in the window), kept out of the metrics above. */
  timeToRestore: {
    medianHours: number | null;
    samples: number;
    open: number;
  };
  bands: LevelBands;
  /** The DORA report year the bands follow. */
  reportYear: number;
}

/** One bucket of `GET /dora/series`. @public */
export interface DoraSeriesPoint {
  /** ISO week, e.g. `2026-W47`. */
  week: string;
  /** Start of the bucket (Monday 00:00 in the series' time zone), RFC 3339 with offset. */
  start: string;
  deployments: number;
  leadTimeMedianHours: number | null;
  leadTimeSamples: number;
  changeFailureRate: number | null;
  failedDeployments: number;
  recoveryMedianHours: number | null;
  reworkRate: number | null;
}

/** `GET /dora/series?bucket=week` response. @public */
export interface DoraSeriesResponse extends DataProvenance {
  scope: DoraScope;
  window: { from: string; to: string };
  bucket: 'week';
  /** IANA time zone the weeks are cut in. */
  timeZone: string;
  points: DoraSeriesPoint[];
}

/** One row of `GET /deployments`. @public */
export interface DeploymentSummary {
  source: string;
  id: string;
  service: string;
  environment: string;
  status: 'success' | 'failed';
  finishedAt: string;
  startedAt: string | null;
  kind: DeploymentKind;
  remediates: string | null;
  commits: number;
  /** Production success that caused a failure (incident or remediation). */
  failed: boolean;
  /** When it recovered, if it failed and has recovered. */
  recoveredAt: string | null;
  rework: boolean;
  demo: boolean;
}

/** `GET /deployments` response. @public */
export interface DeploymentListResponse {
  items: DeploymentSummary[];
}

/** One row of `GET /incidents`. @public */
export interface IncidentSummary {
  source: string;
  id: string;
  service: string;
  startedAt: string;
  resolvedAt: string | null;
  deploymentId: string | null;
  severity: string | null;
  demo: boolean;
}

/** `GET /incidents` response. @public */
export interface IncidentListResponse {
  items: IncidentSummary[];
}

/** `POST /events` response. @public */
export interface IngestResponse {
  /** Events stored (new or replacing an earlier send of the same identity). */
  accepted: number;
}

/** `GET /devex/measures` response. @public */
export interface DevexMeasuresResponse {
  /** From a golden-path "Create" to the new service's first successful production deployment. */
  timeToFirstDeployment: {
    medianHours: number | null;
    samples: number;
    /** Services created from a template that have not deployed to production yet. */
    pending: number;
    services: Array<{
      entityRef: string;
      templateRef: string | null;
      /** The template's version at creation, when known. */
      templateVersion: string | null;
      createdAt: string;
      firstDeploymentAt: string | null;
      hours: number | null;
    }>;
  };
  /** Requests fulfilled with no human step over all requests (provisioning). */
  selfService: {
    ratio: number | null;
    automated: number;
    total: number;
  };
  /** Components by the template that made them (`paved.dev/template`). */
  templateAdoption: {
    components: number;
    fromTemplate: number;
    ratio: number | null;
    templates: Array<{ templateRef: string; components: number }>;
  };
}

/** `POST /surveys` body. @public */
export interface SurveySubmission {
  score: number;
  comment?: string;
}

/** `POST /surveys` response. @public */
export interface SurveySubmissionResponse {
  id: string;
}

/** `GET /surveys/summary` response. @public */
export interface SurveySummaryResponse {
  window: { from: string; to: string };
  responses: number;
  respondents: number;
  /** −100..100, or `null` without responses. */
  nps: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  comments: Array<{ score: number; comment: string; submittedAt: string }>;
  /** Per team; results are withheld (`suppressed`) below the minimum number of respondents. */
  teams: Array<{
    group: string;
    respondents: number;
    suppressed: boolean;
    nps: number | null;
  }>;
  minimumRespondents: number;
}
