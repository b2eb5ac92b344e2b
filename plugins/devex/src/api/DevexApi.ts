import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  ChangeFlowResponse,
  DeploymentListResponse,
  DevexMeasuresResponse,
  DoraMetricsResponse,
  DoraSeriesResponse,
  ImpactResponse,
  OnboardingResponse,
  IncidentListResponse,
  SurveySubmission,
  SurveySubmissionResponse,
  SurveySummaryResponse,
  AvailabilityResponse,
  FeedbackReceipt,
  FeedbackSubmission,
  FeedbackSummaryResponse,
  LevelBandReport,
  LevelBandSelectionResponse,
  ProvisioningWeeksResponse,
} from '@paved/plugin-devex-common';

/**
 * Whose figures to show: one service (an entity ref), a team (a group ref, pooling every service
 * it owns directly or through sub-groups), or the whole organisation.
 */
export type DevexScope =
  | { kind: 'organization' }
  | { kind: 'group'; group: string }
  | { kind: 'entity'; entityRef: string };

/** A scope and a window [from, to). */
export interface DevexQuery {
  scope: DevexScope;
  from: Date;
  to: Date;
}

/** The DevEx backend (`/api/devex`), as the portal uses it. */
export interface DevexApi {
  getDoraMetrics(query: DevexQuery): Promise<DoraMetricsResponse>;
  getDoraSeries(
    query: DevexQuery & { timeZone?: string },
  ): Promise<DoraSeriesResponse>;
  /** The latest deployments of the scope (all environments), newest first; not windowed. */
  getDeployments(
    query: DevexQuery & { limit?: number },
  ): Promise<DeploymentListResponse>;
  /** The latest incidents of the scope, newest first; not windowed. */
  getIncidents(
    query: DevexQuery & { limit?: number },
  ): Promise<IncidentListResponse>;
  getMeasures(query: DevexQuery): Promise<DevexMeasuresResponse>;
  /** The review flow (pull request stages) of the changes merged in the window. */
  getChanges(query: DevexQuery): Promise<ChangeFlowResponse>;
  /** Golden-path impact: cohorts per template and version beside no template; never per service. */
  getImpact(query: DevexQuery): Promise<ImpactResponse>;
  /** Time to onboard of the people who started in the window (of a team, or everyone). */
  getOnboarding(query: {
    group?: string;
    from: Date;
    to: Date;
  }): Promise<OnboardingResponse>;
  getSurveySummary(query: DevexQuery): Promise<SurveySummaryResponse>;
  submitSurvey(submission: SurveySubmission): Promise<SurveySubmissionResponse>;
  /** Feedback from the control on every page. */
  submitFeedback(submission: FeedbackSubmission): Promise<FeedbackReceipt>;
  getFeedbackSummary(query: DevexQuery): Promise<FeedbackSummaryResponse>;
  getAvailability(
    query: DevexQuery & { timeZone?: string },
  ): Promise<AvailabilityResponse>;
  getProvisioningWeeks(
    query: DevexQuery & { timeZone?: string },
  ): Promise<ProvisioningWeeksResponse>;
  getLevelBands(): Promise<LevelBandSelectionResponse>;
  /** Platform team only. */
  chooseLevelBands(
    report: LevelBandReport,
  ): Promise<LevelBandSelectionResponse>;
}

export const devexApiRef = createApiRef<DevexApi>().with({
  id: 'plugin.devex.api',
  pluginId: 'devex',
});
