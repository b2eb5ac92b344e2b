import { ResponseError } from '@backstage/errors';
import type { paths } from '../schema/openapi.generated';
import { ServiceNameAnswer, serviceNameAnswerSchema } from '../serviceNames';

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
