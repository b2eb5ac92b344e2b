import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type { ScorecardsApi } from './ScorecardsApi';

function entityPath(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/entities/${encodeURIComponent(kind)}/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(name)}`;
}

/**
 * Talks to the scorecards backend through the app's fetch API (which adds the user's token) and
 * discovery (which knows where `/api/scorecards` is).
 */
export class ScorecardsClient implements ScorecardsApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  private async call<T>(
    path: string,
    init?: { method: string; body?: unknown },
  ): Promise<T> {
    const base = await this.deps.discoveryApi.getBaseUrl('scorecards');
    const response = await this.deps.fetchApi.fetch(`${base}${path}`, {
      method: init?.method ?? 'GET',
      headers:
        init?.body === undefined
          ? undefined
          : { 'Content-Type': 'application/json' },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  getEntity(entityRef: string) {
    return this.call<any>(entityPath(entityRef));
  }

  refreshEntity(entityRef: string) {
    return this.call<any>(`${entityPath(entityRef)}/refresh`, {
      method: 'POST',
    });
  }

  startFix(entityRef: string, checkId: string) {
    return this.call<any>(
      `${entityPath(entityRef)}/checks/${encodeURIComponent(checkId)}/fix`,
      { method: 'POST' },
    );
  }

  listEntities(query: { owners?: string[]; below?: string }) {
    const params = new URLSearchParams();
    for (const owner of query.owners ?? []) params.append('owner', owner);
    if (query.below) params.set('below', query.below);
    return this.call<any>(`/entities?${params}`);
  }

  getTeam(teamRef: string) {
    return this.call<any>(`/teams/${encodeURIComponent(teamRef)}`);
  }

  getOrganization() {
    return this.call<any>('/organization');
  }

  getChecks() {
    return this.call<any>('/checks');
  }

  listExemptions(query: { entityRef?: string; status?: string } = {}) {
    const params = new URLSearchParams();
    if (query.entityRef) params.set('entityRef', query.entityRef);
    if (query.status) params.set('status', query.status);
    return this.call<any>(`/exemptions?${params}`);
  }

  requestExemption(body: unknown) {
    return this.call<any>('/exemptions', { method: 'POST', body });
  }

  reviewExemption(id: string, body: unknown) {
    return this.call<any>(`/exemptions/${encodeURIComponent(id)}/review`, {
      method: 'POST',
      body,
    });
  }

  listCampaigns() {
    return this.call<any>('/campaigns');
  }

  getCampaign(id: string) {
    return this.call<any>(`/campaigns/${encodeURIComponent(id)}`);
  }

  createCampaign(body: unknown) {
    return this.call<any>('/campaigns', { method: 'POST', body });
  }
}
