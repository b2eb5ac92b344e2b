import { z } from 'zod/v3';
import { DATABASE_SIZES, type DatabaseSize } from './types';
import type { CostChange } from './cost';

/**
 * Changes to a ready database ("day-2 operations"). Each is tracked like a request: guardrails,
 * approval where policy says so, then processing with leases until it is done or failed.
 */
export const DATABASE_OPERATION_TYPES = [
  'resize',
  'rotate-credentials',
  'extend',
  'snapshot',
  'restore',
] as const;
export type DatabaseOperationType = (typeof DATABASE_OPERATION_TYPES)[number];

/** Lifecycle states of an operation; transitions in {@link DATABASE_OPERATION_TRANSITIONS}. */
export const DATABASE_OPERATION_STATUSES = [
  'awaiting-approval',
  'in-progress',
  'done',
  'failed',
  'rejected',
] as const;
export type DatabaseOperationStatus =
  (typeof DATABASE_OPERATION_STATUSES)[number];

/**
 * Every allowed transition of an operation, enforced by the backend's store. An operation never
 * comes back from `done`, `failed` or `rejected`: a new attempt is a new operation.
 */
export const DATABASE_OPERATION_TRANSITIONS: Readonly<
  Record<DatabaseOperationStatus, readonly DatabaseOperationStatus[]>
> = {
  'awaiting-approval': ['in-progress', 'rejected', 'failed'],
  'in-progress': ['done', 'failed'],
  done: [],
  failed: [],
  rejected: [],
};

export const FINAL_DATABASE_OPERATION_STATUSES: readonly DatabaseOperationStatus[] =
  ['done', 'failed', 'rejected'];

export function canTransitionOperation(
  from: DatabaseOperationStatus,
  to: DatabaseOperationStatus,
): boolean {
  return DATABASE_OPERATION_TRANSITIONS[from].includes(to);
}

/**
 * Where an in-progress operation is: `apply` until the provider made the change (a restore takes
 * its safety snapshot first, within this phase); for a credential rotation then `grace` (old and
 * new credentials both work) until the old ones are revoked.
 */
export const DATABASE_OPERATION_PHASES = ['apply', 'grace'] as const;
export type DatabaseOperationPhase = (typeof DATABASE_OPERATION_PHASES)[number];

/** What was asked, per type (as stored and returned; validated by {@link createDatabaseOperationSchema}). */
export type DatabaseOperationParameters =
  | { type: 'resize'; size?: DatabaseSize; storageGB?: number }
  | { type: 'rotate-credentials' }
  | { type: 'extend'; hours?: number }
  | { type: 'snapshot'; label?: string }
  | { type: 'restore'; snapshotId: string };

/** An operation on a request's database, as stored and returned by the API. */
export interface DatabaseOperation {
  id: string;
  requestId: string;
  type: DatabaseOperationType;
  status: DatabaseOperationStatus;
  phase?: DatabaseOperationPhase;
  parameters: DatabaseOperationParameters;
  /** Entity ref of the user who asked for it. */
  requestedBy: string;
  approvalRequired: boolean;
  /** Why approval is needed, one line per rule (e.g. `environments.production.requiresApproval`). */
  approvalReasons?: string[];
  /**
   * What a GitOps provider will commit, as a unified diff, shown before approval (resize and
   * restore on Crossplane and Terraform).
   */
  plannedChange?: string;
  /** What came out, e.g. `{ expiresAt }`, `{ snapshotId }`, `{ graceEndsAt }`. Never a secret. */
  result?: Record<string, unknown>;
  failureReason?: string;
  /**
   * The database's monthly cost after the operation and what it adds (`change`, negative when it
   * saves), priced when it was asked for.
   */
  cost?: CostChange;
  createdAt: string;
  updatedAt: string;
}

/** A point-in-time copy of a request's database. */
export interface DatabaseSnapshot {
  id: string;
  requestId: string;
  /** The operation that took it. */
  operationId: string;
  /** `manual` when asked for; `safety` when a restore took it first. */
  kind: 'manual' | 'safety';
  label?: string;
  sizeBytes: number;
  createdAt: string;
  /** When the snapshot is removed by policy (`provisioning.operations.snapshots.retentionDays`). */
  expiresAt: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The body of `POST /requests/:id/operations`. Structural rules; the policy is the backend's. */
export const createDatabaseOperationSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('resize'),
      size: z.enum(DATABASE_SIZES).optional(),
      storageGB: z
        .number()
        .int('must be a whole number of gigabytes')
        .positive('must be positive')
        .optional(),
    })
    // That at least one of them is given is a guardrail (a union member cannot carry a refine).
    .strict(),
  z.object({ type: z.literal('rotate-credentials') }).strict(),
  z
    .object({
      type: z.literal('extend'),
      hours: z
        .number()
        .int('must be a whole number of hours')
        .positive('must be positive')
        .optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('snapshot'),
      label: z
        .string()
        .max(100)
        .regex(/^[\w .:-]*$/, 'letters, digits, spaces and . : - _ only')
        .optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('restore'),
      snapshotId: z.string().regex(UUID, 'must be a snapshot id (UUID)'),
    })
    .strict(),
]);

export type CreateDatabaseOperation = z.infer<
  typeof createDatabaseOperationSchema
>;
