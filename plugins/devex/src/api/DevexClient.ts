import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  ChangeFlowResponse,
  DevexApiPaths,
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
import { toRfc3339Local } from '../window/timeWindow';
import { DevexApi, DevexQuery } from './DevexApi';

/** Routes of the backend's OpenAPI spec that answer GET. */
type GetRoute = {
  [P in keyof DevexApiPaths]: DevexApiPaths[P] extends {
    get: { responses: { 200: unknown } };
  }
    ? P
    : never;
}[keyof DevexApiPaths];
type GetOperation<P extends GetRoute> = NonNullable<DevexApiPaths[P]['get']>;
/** The query parameters a route declares (none: an empty object). */
type QueryOf<P extends GetRoute> = [
  NonNullable<GetOperation<P>['parameters']['query']>,
] extends [never]
  ? Record<string, never>
  : NonNullable<GetOperation<P>['parameters']['query']>;
/** The body of a route's 200 answer. */
type OkBodyOf<P extends GetRoute> = GetOperation<P>['responses'][200] extends {
  content: { 'application/json': infer Body };
}
  ? Body
  : never;

/**
 * Talks to the devex backend through the app's fetch API, which adds the user's Backstage token,
 * and discovery, which knows where `/api/devex` is mounted.
 */
export class DevexClient implements DevexApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getDoraMetrics(query: DevexQuery): Promise<DoraMetricsResponse> {
    return this.get('/dora', { ...scopeOf(query), ...windowOf(query) });
  }

  getDoraSeries(
    query: DevexQuery & { timeZone?: string },
  ): Promise<DoraSeriesResponse> {
    return this.get('/dora/series', {
      ...scopeOf(query),
      ...windowOf(query),
      bucket: 'week',
      tz: query.timeZone || undefined,
    });
  }

  getDeployments(
    query: DevexQuery & { limit?: number },
  ): Promise<DeploymentListResponse> {
    return this.get('/deployments', { ...scopeOf(query), limit: query.limit });
  }

  getIncidents(
    query: DevexQuery & { limit?: number },
  ): Promise<IncidentListResponse> {
    return this.get('/incidents', { ...scopeOf(query), limit: query.limit });
  }

  getMeasures(query: DevexQuery): Promise<DevexMeasuresResponse> {
    return this.get('/devex/measures', scopeOf(query));
  }

  getChanges(query: DevexQuery): Promise<ChangeFlowResponse> {
    return this.get('/changes', { ...scopeOf(query), ...windowOf(query) });
  }

  getImpact(query: DevexQuery): Promise<ImpactResponse> {
    // The impact view compares cohorts of services: a team narrows them, a service cannot.
    const group = query.scope.kind === 'group' ? query.scope.group : undefined;
    return this.get('/impact', { group, ...windowOf(query) });
  }

  getOnboarding(query: {
    group?: string;
    from: Date;
    to: Date;
  }): Promise<OnboardingResponse> {
    return this.get('/onboarding', {
      group: query.group,
      from: toRfc3339Local(query.from),
      to: toRfc3339Local(query.to),
    });
  }

  getSurveySummary(query: DevexQuery): Promise<SurveySummaryResponse> {
    return this.get('/surveys/summary', windowOf(query));
  }

  submitSurvey(
    submission: SurveySubmission,
  ): Promise<SurveySubmissionResponse> {
    return this.send('POST', '/surveys', submission);
  }

  submitFeedback(submission: FeedbackSubmission): Promise<FeedbackReceipt> {
    return this.send('POST', '/feedback', submission);
  }

  getFeedbackSummary(query: DevexQuery): Promise<FeedbackSummaryResponse> {
    return this.get('/feedback/summary', windowOf(query));
  }

  getAvailability(
    query: DevexQuery & { timeZone?: string },
  ): Promise<AvailabilityResponse> {
    return this.get('/availability', {
      ...windowOf(query),
      tz: query.timeZone || undefined,
    });
  }

  getProvisioningWeeks(
    query: DevexQuery & { timeZone?: string },
  ): Promise<ProvisioningWeeksResponse> {
    return this.get('/provisioning/weeks', {
      ...windowOf(query),
      tz: query.timeZone || undefined,
    });
  }

  getLevelBands(): Promise<LevelBandSelectionResponse> {
    return this.get('/level-bands', {});
  }

  chooseLevelBands(
    report: LevelBandReport,
  ): Promise<LevelBandSelectionResponse> {
    return this.send('PUT', '/level-bands', { report });
  }

  private async send<T>(
    method: 'POST' | 'PUT',
    path: string,
    body: unknown,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('devex');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }

  /** A GET of a route of the spec, with the query parameters and the answer it declares. */
  private async get<P extends GetRoute>(
    path: P,
    query: QueryOf<P>,
  ): Promise<OkBodyOf<P>> {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) params.set(name, String(value));
    }
    const baseUrl = await this.discoveryApi.getBaseUrl('devex');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}?${params}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }
}

function scopeOf(query: DevexQuery): { entityRef?: string; group?: string } {
  if (query.scope.kind === 'entity')
    return { entityRef: query.scope.entityRef };
  if (query.scope.kind === 'group') return { group: query.scope.group };
  return {};
}

function windowOf(query: DevexQuery): { from: string; to: string } {
  return { from: toRfc3339Local(query.from), to: toRfc3339Local(query.to) };
}
