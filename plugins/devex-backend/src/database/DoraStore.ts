import type {
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

/** Reads of the DORA facts that ingest keeps up to date. */
export interface DoraStore {
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
  /** First successful production deployment per service (epoch ms). */
  firstProductionDeployments(services: string[]): Promise<Map<string, number>>;
}
