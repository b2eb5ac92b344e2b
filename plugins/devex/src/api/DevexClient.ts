import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  DeploymentListResponse,
  DevexMeasuresResponse,
  DoraMetricsResponse,
  DoraSeriesResponse,
  IncidentListResponse,
  SurveySubmission,
  SurveySubmissionResponse,
  SurveySummaryResponse,
} from '@paved/plugin-devex-common';
import { toRfc3339Local } from '../window/timeWindow';
import { DevexApi, DevexQuery } from './DevexApi';

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
    return this.get('/dora', queryParams(query));
  }

  getDoraSeries(
    query: DevexQuery & { timeZone?: string },
  ): Promise<DoraSeriesResponse> {
    const params = queryParams(query);
    params.set('bucket', 'week');
    if (query.timeZone) {
      params.set('tz', query.timeZone);
    }
    return this.get('/dora/series', params);
  }

  getDeployments(
    query: DevexQuery & { limit?: number },
  ): Promise<DeploymentListResponse> {
    return this.get('/deployments', queryParams(query, query.limit));
  }

  getIncidents(
    query: DevexQuery & { limit?: number },
  ): Promise<IncidentListResponse> {
    return this.get('/incidents', queryParams(query, query.limit));
  }

  getMeasures(query: DevexQuery): Promise<DevexMeasuresResponse> {
    return this.get('/devex/measures', queryParams(query));
  }

  getSurveySummary(query: DevexQuery): Promise<SurveySummaryResponse> {
    return this.get('/surveys/summary', queryParams(query));
  }

  async submitSurvey(
    submission: SurveySubmission,
  ): Promise<SurveySubmissionResponse> {
    const baseUrl = await this.discoveryApi.getBaseUrl('devex');
    const response = await this.fetchApi.fetch(`${baseUrl}/surveys`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(submission),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }

  private async get<T>(path: string, params: URLSearchParams): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('devex');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}?${params}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }
}

function queryParams(query: DevexQuery, limit?: number): URLSearchParams {
  const params = new URLSearchParams();
  if (query.scope.kind === 'entity') {
    params.set('entityRef', query.scope.entityRef);
  } else if (query.scope.kind === 'group') {
    params.set('group', query.scope.group);
  }
  params.set('from', toRfc3339Local(query.from));
  params.set('to', toRfc3339Local(query.to));
  if (limit !== undefined) {
    params.set('limit', String(limit));
  }
  return params;
}
