import type { TimeWindow } from './DoraStore';
import type { MeasureQuantiles } from './quantiles';

/** DORA aggregates of one cohort of services (durations in milliseconds). */
export interface CohortAggregates {
  deployments: number;
  failedDeployments: number;
  /** Lead time for changes: commit to first successful production deployment. */
  leadTime: MeasureQuantiles;
  /** Failed deployment recovery time, of the recovered ones. */
  recovery: MeasureQuantiles;
}

/** Reads that compare cohorts of services (golden-path templates and versions, no template). */
export interface ImpactStore {
  /**
   * Per cohort key, the DORA aggregates of its services in the window. A service may belong to
   * several cohorts (its template and its template version); cohorts without data are absent.
   */
  cohortAggregates(
    cohorts: Map<string, string[]>,
    window: TimeWindow,
    quantiles: number[],
  ): Promise<Map<string, CohortAggregates>>;
}
