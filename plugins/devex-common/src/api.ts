/*
 * The HTTP contract of the DevEx backend, as types. They are generated from the backend's
 * OpenAPI spec (plugins/devex-backend/src/schema/openapi.yaml) into ./schema/openapi.generated.ts;
 * this file gives them their domain names.
 */
import type { components } from './schema/openapi.generated';

type Schemas = components['schemas'];

/** Whose samples a response pools. @public */
export type DoraScope = Schemas['Scope'];

/** `GET /dora` response. Ratios and medians without samples are `null`, never 0. @public */
export type DoraMetricsResponse = Schemas['DoraMetricsResponse'];

/** One bucket of `GET /dora/series`. @public */
export type DoraSeriesPoint = Schemas['DoraSeriesPoint'];

/** `GET /dora/series?bucket=week` response. @public */
export type DoraSeriesResponse = Schemas['DoraSeriesResponse'];

/** One row of `GET /deployments`. @public */
export type DeploymentSummary = Schemas['DeploymentSummary'];

/** `GET /deployments` response. @public */
export type DeploymentListResponse = Schemas['DeploymentListResponse'];

/** One row of `GET /incidents`. @public */
export type IncidentSummary = Schemas['IncidentSummary'];

/** `GET /incidents` response. @public */
export type IncidentListResponse = Schemas['IncidentListResponse'];

/** `POST /events` body. @public */
export type EventBatchRequest = Schemas['EventBatch'];

/** `POST /events` response. @public */
export type IngestResponse = Schemas['IngestResponse'];

/** `POST /webhooks/github` response. @public */
export type WebhookResponse = Schemas['WebhookResponse'];

/** `GET /devex/measures` response. @public */
export type DevexMeasuresResponse = Schemas['DevexMeasuresResponse'];

/** `POST /surveys` body. @public */
export type SurveySubmission = Schemas['SurveySubmission'];

/** `POST /surveys` response. @public */
export type SurveySubmissionResponse = Schemas['SurveySubmissionResponse'];

/** `GET /surveys/summary` response. @public */
export type SurveySummaryResponse = Schemas['SurveySummaryResponse'];

/** `POST /feedback` body. @public */
export type FeedbackSubmission = Schemas['FeedbackSubmission'];

/** `POST /feedback` response. @public */
export type FeedbackReceipt = Schemas['FeedbackReceipt'];

/** `GET /feedback/summary` response. @public */
export type FeedbackSummaryResponse = Schemas['FeedbackSummaryResponse'];

/** `GET /availability` response. @public */
export type AvailabilityResponse = Schemas['AvailabilityResponse'];

/** `GET /provisioning/weeks` response. @public */
export type ProvisioningWeeksResponse = Schemas['ProvisioningWeeksResponse'];

/** `GET /level-bands` and `PUT /level-bands` response. @public */
export type LevelBandSelectionResponse = Schemas['LevelBandSelectionResponse'];

/** Backstage's error body, as every route answers errors. @public */
export type ErrorResponse = Schemas['Error'];

export type {
  components as DevexApiSchemas,
  paths as DevexApiPaths,
} from './schema/openapi.generated';

/** One stage of `GET /changes`: median and p75 in hours, null without samples. @public */
export type StageSummary = Schemas['StageSummary'];

/** `GET /changes` response (the review flow). @public */
export type ChangeFlowResponse = Schemas['ChangeFlowResponse'];

/** A measure of `GET /impact` with its sample count. @public */
export type ImpactMeasure = Schemas['ImpactMeasure'];

/** One cohort of `GET /impact`: a template, a template version, or no template. @public */
export type ImpactCohort = Schemas['ImpactCohort'];

/** `GET /impact` response (golden-path impact). @public */
export type ImpactResponse = Schemas['ImpactResponse'];

/** One milestone of `GET /onboarding`: hours from the start, and who has not reached it. @public */
export type OnboardingMilestoneSummary = Schemas['OnboardingMilestoneSummary'];

/** `GET /onboarding` response (time to onboard). @public */
export type OnboardingResponse = Schemas['OnboardingResponse'];
