import type {
  DatabaseRequest,
  DatabaseRequestEvent,
  DatabaseRequestStatus,
} from '@paved/plugin-provisioning-common';
import type { ClaimedDatabaseRequest } from './DatabaseRequestStore';

/** Rows of provisioning_requests and provisioning_request_events, and how they map to the API types. */
export type RequestRow = {
  id: string;
  type: string;
  name: string;
  owner: string;
  system: string | null;
  component: string | null;
  environment: string;
  size: string;
  storage_gb: number;
  version: string | null;
  ttl_hours: number | null;
  provider: string;
  status: string;
  requested_by: string;
  approval_required: boolean | number;
  human_step: boolean | number;
  created_at: Date | string | number;
  updated_at: Date | string | number;
  expires_at: Date | string | number | null;
  expiry_notified_at: Date | string | number | null;
  outputs: string | null;
  resource_entity_ref: string | null;
  failure_reason: string | null;
  monthly_cost?: number | string | null;
  cost_currency?: string | null;
  end_status: string | null;
  attempts: number;
  next_attempt_at: Date | string | number | null;
  submitted_at: Date | string | number | null;
  failing_since?: Date | string | number | null;
  lease_owner: string | null;
  lease_expires_at: Date | string | number | null;
};

export type EventRow = {
  id: number;
  request_id: string;
  actor: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  message: string | null;
  operation_id?: string | null;
  created_at: Date | string | number;
};

export function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

export function optionalDate(
  value: Date | string | number | null,
): Date | undefined {
  return value === null || value === undefined ? undefined : toDate(value);
}

export function rowToRequest(row: RequestRow): DatabaseRequest {
  return {
    id: row.id,
    type: row.type as DatabaseRequest['type'],
    name: row.name,
    owner: row.owner,
    ...(row.system ? { system: row.system } : {}),
    ...(row.component ? { component: row.component } : {}),
    environment: row.environment as DatabaseRequest['environment'],
    size: row.size as DatabaseRequest['size'],
    storageGB: Number(row.storage_gb),
    ...(row.version ? { version: row.version } : {}),
    ...(row.ttl_hours !== null ? { ttlHours: Number(row.ttl_hours) } : {}),
    provider: row.provider as DatabaseRequest['provider'],
    status: row.status as DatabaseRequestStatus,
    requestedBy: row.requested_by,
    approvalRequired: Boolean(row.approval_required),
    humanStep: Boolean(row.human_step),
    createdAt: toDate(row.created_at).toISOString(),
    updatedAt: toDate(row.updated_at).toISOString(),
    ...(row.expires_at !== null
      ? { expiresAt: toDate(row.expires_at).toISOString() }
      : {}),
    ...(row.outputs ? { outputs: JSON.parse(row.outputs) } : {}),
    ...(row.resource_entity_ref
      ? { resourceEntityRef: row.resource_entity_ref }
      : {}),
    ...(row.failure_reason ? { failureReason: row.failure_reason } : {}),
    ...(row.monthly_cost !== null &&
    row.monthly_cost !== undefined &&
    row.cost_currency
      ? {
          cost: {
            monthly: Number(row.monthly_cost),
            currency: row.cost_currency,
          },
        }
      : {}),
  };
}

export function rowToClaimed(row: RequestRow): ClaimedDatabaseRequest {
  return {
    ...rowToRequest(row),
    processing: {
      attempts: Number(row.attempts),
      nextAttemptAt: optionalDate(row.next_attempt_at),
      failingSince: optionalDate(row.failing_since ?? null),
      submittedAt: optionalDate(row.submitted_at),
      endStatus: (row.end_status ?? undefined) as
        | 'deleted'
        | 'expired'
        | undefined,
      expiryNotifiedAt: optionalDate(row.expiry_notified_at),
    },
    ...(row.lease_owner && row.lease_expires_at !== null
      ? {
          lease: {
            owner: row.lease_owner,
            expiresAt: toDate(row.lease_expires_at),
          },
        }
      : {}),
  };
}

export function rowToEvent(row: EventRow): DatabaseRequestEvent {
  return {
    id: Number(row.id),
    requestId: row.request_id,
    actor: row.actor,
    action: row.action,
    ...(row.from_status
      ? { fromStatus: row.from_status as DatabaseRequestStatus }
      : {}),
    ...(row.to_status
      ? { toStatus: row.to_status as DatabaseRequestStatus }
      : {}),
    ...(row.message ? { message: row.message } : {}),
    ...(row.operation_id ? { operationId: row.operation_id } : {}),
    createdAt: toDate(row.created_at).toISOString(),
  };
}
