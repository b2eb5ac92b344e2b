import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  ApprovalInboxItem,
  DatabaseCredentials,
  DatabaseRequest,
  DatabaseRequestStatus,
  DatabaseRequestWithEvents,
  PriceTable,
  ProvisioningPolicy,
  TeamCost,
} from '@paved/plugin-provisioning-common';

export interface ListDatabaseRequestsQuery {
  owner?: string[];
  status?: DatabaseRequestStatus[];
  requestedBy?: string;
}

/** The provisioning backend's HTTP API, as the portal uses it. */
export interface ProvisioningApi {
  listRequests(query?: ListDatabaseRequestsQuery): Promise<DatabaseRequest[]>;
  getRequest(id: string): Promise<DatabaseRequestWithEvents>;
  approveRequest(id: string, comment?: string): Promise<DatabaseRequest>;
  rejectRequest(id: string, comment: string): Promise<DatabaseRequest>;
  deleteRequest(id: string): Promise<DatabaseRequest>;
  extendRequest(id: string, hours?: number): Promise<DatabaseRequest>;
  getCredentials(id: string): Promise<DatabaseCredentials>;
  getPolicy(owner?: string): Promise<ProvisioningPolicy>;
  /** The price table the form estimates costs with. */
  getPrices(): Promise<PriceTable>;
  /** Monthly totals per team over the live requests the user may read. */
  getCosts(owners?: string[]): Promise<{ currency: string; items: TeamCost[] }>;
  /** Approves or rejects an operation on a request's database (a rejection needs a comment). */
  reviewOperation(
    requestId: string,
    operationId: string,
    decision: 'approve' | 'reject',
    comment?: string,
  ): Promise<unknown>;
  /** The approvals inbox: pending changes the user approves. */
  listApprovals(): Promise<{
    items: ApprovalInboxItem[];
    /** Environments the user approves in; empty for everyone else. */
    environments: string[];
  }>;
}

export const provisioningApiRef = createApiRef<ProvisioningApi>({
  id: 'plugin.provisioning.api',
});
