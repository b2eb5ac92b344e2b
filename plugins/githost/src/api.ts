import {
  createApiRef,
  type DiscoveryApi,
  type FetchApi,
} from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { GitHostOpenApiComponents as components } from '@paved/plugin-githost-common';

type Schemas = components['schemas'];
export type Repository = Schemas['Repository'];
export type RepositorySummary = Schemas['RepositorySummary'];
export type Tree = Schemas['Tree'];
export type Blob = Schemas['Blob'];
export type MergeRequest = Schemas['MergeRequest'];
export type MergeRequestDetail = Schemas['MergeRequestDetail'];

/** The local git host's API (`/api/githost`), typed from its OpenAPI spec. */
export interface GitHostApi {
  listRepositories(): Promise<RepositorySummary[]>;
  getRepository(name: string): Promise<Repository>;
  getTree(name: string, ref: string, path: string): Promise<Tree>;
  getBlob(name: string, ref: string, path: string): Promise<Blob>;
  listMergeRequests(name: string): Promise<MergeRequest[]>;
  getMergeRequest(name: string, id: number): Promise<MergeRequestDetail>;
  merge(name: string, id: number, sourceCommit: string): Promise<MergeRequest>;
  close(name: string, id: number): Promise<MergeRequest>;
}

export const gitHostApiRef = createApiRef<GitHostApi>({
  id: 'plugin.githost.api',
});

export class GitHostClient implements GitHostApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  async listRepositories() {
    return (await this.call<{ items: RepositorySummary[] }>('/repositories'))
      .items;
  }

  getRepository(name: string) {
    return this.call<Repository>(`/repositories/${encodeURIComponent(name)}`);
  }

  getTree(name: string, ref: string, path: string) {
    const query = new URLSearchParams({ ref, ...(path ? { path } : {}) });
    return this.call<Tree>(
      `/repositories/${encodeURIComponent(name)}/tree?${query}`,
    );
  }

  getBlob(name: string, ref: string, path: string) {
    const query = new URLSearchParams({ ref, path });
    return this.call<Blob>(
      `/repositories/${encodeURIComponent(name)}/blob?${query}`,
    );
  }

  async listMergeRequests(name: string) {
    return (
      await this.call<{ items: MergeRequest[] }>(
        `/repositories/${encodeURIComponent(name)}/merge-requests`,
      )
    ).items;
  }

  getMergeRequest(name: string, id: number) {
    return this.call<MergeRequestDetail>(
      `/repositories/${encodeURIComponent(name)}/merge-requests/${id}`,
    );
  }

  merge(name: string, id: number, sourceCommit: string) {
    return this.call<MergeRequest>(
      `/repositories/${encodeURIComponent(name)}/merge-requests/${id}/merge`,
      { method: 'POST', body: { sourceCommit } },
    );
  }

  close(name: string, id: number) {
    return this.call<MergeRequest>(
      `/repositories/${encodeURIComponent(name)}/merge-requests/${id}/close`,
      { method: 'POST' },
    );
  }

  private async call<T>(
    path: string,
    init: { method?: string; body?: unknown } = {},
  ): Promise<T> {
    const base = await this.options.discoveryApi.getBaseUrl('githost');
    const response = await this.options.fetchApi.fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers:
        init.body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response.json();
  }
}
