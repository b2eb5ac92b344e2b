import { ResponseError } from '@backstage/errors';
import type { paths } from '../schema/openapi.generated';
import { ServiceNameAnswer, serviceNameAnswerSchema } from '../serviceNames';
import { Upgrade, upgradeSchema } from '../upgrades';

/** `GET /drift`: per golden-path template, its components and their upgrade state. */
export type TemplateDrift =
  paths['/drift']['get']['responses']['200']['content']['application/json']['items'][number];

export type ComponentDrift = TemplateDrift['components'][number];

/** The answer of `GET /service-names/{name}`, as the OpenAPI spec of golden-paths-backend defines it. */
export type GetServiceNameResponse =
  paths['/service-names/{name}']['get']['responses']['200']['content']['application/json'];

/** The query of `GET /service-names/{name}`. */
export type GetServiceNameQuery = NonNullable<
  paths['/service-names/{name}']['get']['parameters']['query']
>;

/** The golden-paths backend (`/api/golden-paths`), for the frontend, the CLI and tests. */
export interface GoldenPathsApi {
  /** May a new golden-path service take this name? */
  getServiceName(
    name: string,
    query?: GetServiceNameQuery,
  ): Promise<ServiceNameAnswer>;
  /** Template drift, as the signed-in user may see the catalog. */
  getDrift(): Promise<TemplateDrift[]>;
  /** Proposes upgrading a component to its template's latest version (owners and the platform team). */
  proposeUpgrade(entityRef: string): Promise<Upgrade>;
  getUpgrade(id: string): Promise<Upgrade>;
  /** Proposals, newest first; of one component when `entityRef` is given. */
  listUpgrades(query?: {
    entityRef?: string;
    limit?: number;
  }): Promise<Upgrade[]>;
}

/**
 * A client of the golden-paths backend, typed from its OpenAPI spec. Answers are also parsed with
 * the shared zod schema, so a backend that drifted from the contract fails loudly here.
 */
export class GoldenPathsClient implements GoldenPathsApi {
  constructor(
    private readonly options: {
      discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
      fetchApi?: { fetch: typeof fetch };
    },
  ) {}

  private async call(path: string, init?: RequestInit): Promise<unknown> {
    const base = await this.options.discoveryApi.getBaseUrl('golden-paths');
    const fetchFn = this.options.fetchApi?.fetch ?? fetch;
    const response = await fetchFn(`${base}${path}`, {
      ...init,
      headers: init?.body ? { 'content-type': 'application/json' } : undefined,
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }

  async getDrift(): Promise<TemplateDrift[]> {
    const body = (await this.call('/drift')) as { items: TemplateDrift[] };
    return body.items;
  }

  async proposeUpgrade(entityRef: string): Promise<Upgrade> {
    return upgradeSchema.parse(
      await this.call('/upgrades', {
        method: 'POST',
        body: JSON.stringify({ entityRef }),
      }),
    );
  }

  async getUpgrade(id: string): Promise<Upgrade> {
    return upgradeSchema.parse(
      await this.call(`/upgrades/${encodeURIComponent(id)}`),
    );
  }

  async listUpgrades(
    query: { entityRef?: string; limit?: number } = {},
  ): Promise<Upgrade[]> {
    const search = new URLSearchParams();
    if (query.entityRef) search.set('entityRef', query.entityRef);
    if (query.limit) search.set('limit', String(query.limit));
    const body = (await this.call(
      `/upgrades${search.size ? `?${search}` : ''}`,
    )) as { items: unknown[] };
    return body.items.map(item => upgradeSchema.parse(item));
  }

  async getServiceName(
    name: string,
    query: GetServiceNameQuery = {},
  ): Promise<GetServiceNameResponse & ServiceNameAnswer> {
    const base = await this.options.discoveryApi.getBaseUrl('golden-paths');
    const search = query.namespace
      ? `?${new URLSearchParams({ namespace: query.namespace })}`
      : '';
    const fetchFn = this.options.fetchApi?.fetch ?? fetch;
    const response = await fetchFn(
      `${base}/service-names/${encodeURIComponent(name)}${search}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return serviceNameAnswerSchema.parse(await response.json());
  }
}
