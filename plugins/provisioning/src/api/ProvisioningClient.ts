import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  priceTableSchema,
  type ApprovalInboxItem,
  type CreateDatabaseOperation,
  type DatabaseCredentials,
  type DatabaseOperation,
  type DatabaseRequest,
  type DatabaseRequestWithEvents,
  type DatabaseSnapshot,
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

  async listOperations(requestId: string): Promise<DatabaseOperation[]> {
    const body = await this.call<{ items: DatabaseOperation[] }>(
      `/requests/${encodeURIComponent(requestId)}/operations`,
    );
    return body.items;
  }

  createOperation(
    requestId: string,
    operation: CreateDatabaseOperation,
  ): Promise<DatabaseOperation> {
    return this.call(
      `/requests/${encodeURIComponent(requestId)}/operations`,
      'POST',
      operation,
      // One click, one operation: a retried POST returns the same one.
      { 'Idempotency-Key': `portal-${globalThis.crypto.randomUUID()}` },
    );
  }

  reviewOperation(
    requestId: string,
    operationId: string,
    decision: 'approve' | 'reject',
    comment?: string,
  ): Promise<DatabaseOperation> {
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

  async listSnapshots(requestId: string): Promise<DatabaseSnapshot[]> {
    const body = await this.call<{ items: DatabaseSnapshot[] }>(
      `/requests/${encodeURIComponent(requestId)}/snapshots`,
    );
    return body.items;
  }

  private async call<T>(
    path: string,
    method = 'GET',
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('provisioning');
    const response = await this.options.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers:
        body === undefined
          ? undefined
          : { 'Content-Type': 'application/json', ...extraHeaders },
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
