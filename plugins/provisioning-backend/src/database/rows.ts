import type {
  DatabaseOperation,
  DatabaseOperationParameters,
  DatabaseOperationPhase,
  DatabaseOperationStatus,
  DatabaseOperationType,
  DatabaseRequest,
  DatabaseRequestEvent,
  DatabaseRequestStatus,
  DatabaseSnapshot,
} from '@paved/plugin-provisioning-common';
import type { ClaimedDatabaseRequest } from './DatabaseRequestStore';
import type {
  ClaimedDatabaseOperation,
  StoredDatabaseSnapshot,
} from './DatabaseOperationStore';

/**
 * Rows of provisioning_requests, provisioning_request_events, provisioning_operations and
 * provisioning_snapshots, and how they map to the API types.
 */
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

export type OperationRow = {
  monthly_cost?: number | string | null;
  cost_change?: number | string | null;
  cost_currency?: string | null;
  id: string;
  request_id: string;
  type: string;
  status: string;
  phase: string | null;
  parameters: string;
  requested_by: string;
  approval_required: boolean | number;
  approval_reasons: string | null;
  planned_change: string | null;
  result: string | null;
  failure_reason: string | null;
  attempts: number;
  next_attempt_at: Date | string | number | null;
  failing_since?: Date | string | number | null;
  lease_owner: string | null;
  lease_expires_at: Date | string | number | null;
  created_at: Date | string | number;
  updated_at: Date | string | number;
};

export type SnapshotRow = {
  id: string;
  request_id: string;
  operation_id: string;
  kind: string;
  label: string | null;
  location: string;
  size_bytes: number | string;
  created_at: Date | string | number;
  expires_at: Date | string | number;
  deleted_at: Date | string | number | null;
};

/** The columns of processed work (requests and operations): its retries and its lease. */
type WorkColumns = {
  attempts: number;
  next_attempt_at: Date | string | number | null;
  failing_since?: Date | string | number | null;
  lease_owner: string | null;
  lease_expires_at: Date | string | number | null;
};

export function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

export function optionalDate(
  value: Date | string | number | null,
): Date | undefined {
  return value === null || value === undefined ? undefined : toDate(value);
}

/** The stored monthly cost, if the row has one (rows from before costs were stored have none). */
export function storedCost(row: {
  monthly_cost?: number | string | null;
  cost_currency?: string | null;
}): { monthly: number; currency: string } | undefined {
  return row.monthly_cost !== null &&
    row.monthly_cost !== undefined &&
    row.cost_currency
    ? { monthly: Number(row.monthly_cost), currency: row.cost_currency }
    : undefined;
}

/** Where a run of retries stands. */
function retryStateOf(row: WorkColumns) {
  return {
    attempts: Number(row.attempts),
    nextAttemptAt: optionalDate(row.next_attempt_at),
    failingSince: optionalDate(row.failing_since ?? null),
  };
}

/** The row's lease, if a processor holds one. */
function leaseOf(row: WorkColumns) {
  return row.lease_owner && row.lease_expires_at !== null
    ? {
        lease: {
          owner: row.lease_owner,
          expiresAt: toDate(row.lease_expires_at),
        },
      }
    : {};
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
    ...(storedCost(row) ? { cost: storedCost(row) } : {}),
  };
}

export function rowToClaimed(row: RequestRow): ClaimedDatabaseRequest {
  return {
    ...rowToRequest(row),
    processing: {
      ...retryStateOf(row),
      submittedAt: optionalDate(row.submitted_at),
      endStatus: (row.end_status ?? undefined) as
        | 'deleted'
        | 'expired'
        | undefined,
      expiryNotifiedAt: optionalDate(row.expiry_notified_at),
    },
    ...leaseOf(row),
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

export function rowToOperation(row: OperationRow): DatabaseOperation {
  const reasons: string[] = row.approval_reasons
    ? JSON.parse(row.approval_reasons)
    : [];
  const cost = storedCost(row);
  return {
    id: row.id,
    requestId: row.request_id,
    type: row.type as DatabaseOperationType,
    status: row.status as DatabaseOperationStatus,
    ...(row.phase ? { phase: row.phase as DatabaseOperationPhase } : {}),
    parameters: JSON.parse(row.parameters) as DatabaseOperationParameters,
    requestedBy: row.requested_by,
    approvalRequired: Boolean(row.approval_required),
    ...(reasons.length ? { approvalReasons: reasons } : {}),
    ...(row.planned_change ? { plannedChange: row.planned_change } : {}),
    ...(row.result ? { result: JSON.parse(row.result) } : {}),
    ...(row.failure_reason ? { failureReason: row.failure_reason } : {}),
    ...(cost
      ? { cost: { ...cost, change: Number(row.cost_change ?? 0) } }
      : {}),
    createdAt: toDate(row.created_at).toISOString(),
    updatedAt: toDate(row.updated_at).toISOString(),
  };
}

export function rowToClaimedOperation(
  row: OperationRow,
): ClaimedDatabaseOperation {
  return {
    ...rowToOperation(row),
    processing: retryStateOf(row),
    ...leaseOf(row),
  };
}

export function rowToSnapshot(row: SnapshotRow): StoredDatabaseSnapshot {
  return {
    id: row.id,
    requestId: row.request_id,
    operationId: row.operation_id,
    kind: row.kind as DatabaseSnapshot['kind'],
    ...(row.label ? { label: row.label } : {}),
    sizeBytes: Number(row.size_bytes),
    createdAt: toDate(row.created_at).toISOString(),
    expiresAt: toDate(row.expires_at).toISOString(),
    location: row.location,
  };
}
