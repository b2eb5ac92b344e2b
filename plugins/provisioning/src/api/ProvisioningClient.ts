import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  priceTableSchema,
  type ApprovalInboxItem,
  type DatabaseCredentials,
  type DatabaseRequest,
  type DatabaseRequestWithEvents,
  type PriceTable,
  type ProvisioningPolicy,
  type TeamCost,
} from '@paved/plugin-provisioning-common';
import type {
  ListDatabaseRequestsQuery,
  ProvisioningApi,
} from './ProvisioningApi';

/** Talks to `/api/provisioning` with the signed-in user's token (through fetchApi). */
export class ProvisioningClient implements ProvisioningApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  async listRequests(
    query: ListDatabaseRequestsQuery = {},
  ): Promise<DatabaseRequest[]> {
    const params = new URLSearchParams();
    if (query.owner?.length) params.set('owner', query.owner.join(','));
    if (query.status?.length) params.set('status', query.status.join(','));
    if (query.requestedBy) params.set('requestedBy', query.requestedBy);
    const search = params.toString();
    const body = await this.call<{ items: DatabaseRequest[] }>(
      `/requests${search ? `?${search}` : ''}`,
    );
    return body.items;
  }

  getRequest(id: string): Promise<DatabaseRequestWithEvents> {
    return this.call(`/requests/${encodeURIComponent(id)}`);
  }

  approveRequest(id: string, comment?: string): Promise<DatabaseRequest> {
    return this.call(
      `/requests/${encodeURIComponent(id)}/approve`,
      'POST',
      comment ? { comment } : {},
    );
  }

  rejectRequest(id: string, comment: string): Promise<DatabaseRequest> {
    return this.call(`/requests/${encodeURIComponent(id)}/reject`, 'POST', {
      comment,
    });
  }

  deleteRequest(id: string): Promise<DatabaseRequest> {
    return this.call(`/requests/${encodeURIComponent(id)}`, 'DELETE');
  }

  extendRequest(id: string, hours?: number): Promise<DatabaseRequest> {
    return this.call(
      `/requests/${encodeURIComponent(id)}/extend`,
      'POST',
      hours ? { hours } : {},
    );
  }

  getCredentials(id: string): Promise<DatabaseCredentials> {
    return this.call(`/requests/${encodeURIComponent(id)}/credentials`);
  }

  getPolicy(owner?: string): Promise<ProvisioningPolicy> {
    return this.call(
      `/policy${owner ? `?owner=${encodeURIComponent(owner)}` : ''}`,
    );
  }

  async getPrices(): Promise<PriceTable> {
    // Checked, as the form computes with it.
    return priceTableSchema.parse(await this.call('/prices'));
  }

  getCosts(
    owners?: string[],
  ): Promise<{ currency: string; items: TeamCost[] }> {
    return this.call(
      `/costs${
        owners?.length ? `?owner=${encodeURIComponent(owners.join(','))}` : ''
      }`,
    );
  }

  reviewOperation(
    requestId: string,
    operationId: string,
    decision: 'approve' | 'reject',
    comment?: string,
  ): Promise<unknown> {
    return this.call(
      `/requests/${encodeURIComponent(
        requestId,
      )}/operations/${encodeURIComponent(operationId)}/${decision}`,
      'POST',
      comment ? { comment } : {},
    );
  }

  listApprovals(): Promise<{
    items: ApprovalInboxItem[];
    environments: string[];
  }> {
    return this.call('/approvals');
  }

  private async call<T>(
    path: string,
    method = 'GET',
    body?: unknown,
  ): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('provisioning');
    const response = await this.options.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers:
        body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      // Credentials and live status must never come from a cache.
      cache: 'no-store',
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
