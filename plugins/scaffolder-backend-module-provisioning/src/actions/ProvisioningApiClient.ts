import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  CreateDatabaseRequest,
  DatabaseRequest,
} from '@paved/plugin-provisioning-common';

/**
 * The provisioning backend's HTTP API, called on behalf of the user who runs the template, so the
 * backend's guardrails and ownership rules apply to that user rather than to the scaffolder.
 */
export class ProvisioningApiClient {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async createRequest(
    body: CreateDatabaseRequest,
    options: { credentials: BackstageCredentials; idempotencyKey: string },
  ): Promise<DatabaseRequest> {
    return this.call('POST', '/requests', options.credentials, body, {
      'Idempotency-Key': options.idempotencyKey,
    });
  }

  async getRequest(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<DatabaseRequest> {
    return this.call('GET', `/requests/${encodeURIComponent(id)}`, credentials);
  }

  private async call<T>(
    method: string,
    path: string,
    credentials: BackstageCredentials,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    // A fresh token per call: a long wait for a database outlives a single token.
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'provisioning',
    });
    const baseUrl = await this.discovery.getBaseUrl('provisioning');
    const response = await this.fetchImpl(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
