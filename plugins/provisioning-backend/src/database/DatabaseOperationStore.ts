import type {
  CostChange,
  DatabaseOperation,
  DatabaseOperationParameters,
  DatabaseOperationPhase,
  DatabaseOperationStatus,
  DatabaseRequest,
  DatabaseRequestOutputs,
  DatabaseSize,
  DatabaseSnapshot,
} from '@paved/plugin-provisioning-common';
import type { ClaimOptions, RescheduleUpdate } from './leases';
import type { HistoryEntry } from './history';

/** An operation that passed its guardrails, ready to be stored. */
export interface NewDatabaseOperation {
  requestId: string;
  parameters: DatabaseOperationParameters;
  requestedBy: string;
  approvalRequired: boolean;
  approvalReasons: string[];
  plannedChange?: string;
  /** The monthly cost after the operation and the change; a done resize gives it to the request. */
  cost?: CostChange;
}

export interface OperationTransitionOptions {
  to: DatabaseOperationStatus;
  actor: string;
  /** What happened, e.g. `approved`, `rejected`, `done`, `failed`. */
  action: string;
  message?: string;
  from?: DatabaseOperationStatus[];
  /** Refuse unless this processor holds the operation's lease. */
  leaseOwner?: string;
  phase?: DatabaseOperationPhase;
  result?: Record<string, unknown>;
  failureReason?: string;
  /** Changes to the request itself, written in the same transaction as the operation's. */
  requestUpdate?: RequestUpdate;
}

/** What an operation changes on its request. */
export interface RequestUpdate {
  size?: DatabaseSize;
  storageGB?: number;
  expiresAt?: Date;
  outputs?: DatabaseRequestOutputs;
}

/** Processing bookkeeping of an operation. */
export type ClaimedDatabaseOperation = DatabaseOperation & {
  processing: { attempts: number; nextAttemptAt?: Date; failingSince?: Date };
  /** The lease of a claimed operation: its owner token and when it runs out unless renewed. */
  lease?: { owner: string; expiresAt: Date };
};

export interface NewDatabaseSnapshot {
  id: string;
  requestId: string;
  operationId: string;
  kind: DatabaseSnapshot['kind'];
  label?: string;
  location: string;
  sizeBytes: number;
  expiresAt: Date;
}

/** A snapshot with where the provider keeps it (internal: never returned by the API). */
export type StoredDatabaseSnapshot = DatabaseSnapshot & { location: string };

/** Storage of operations, their snapshots, and their entries in the request's audit trail. */
export interface DatabaseOperationStore {
  /**
   * Stores a new operation (`awaiting-approval` or `in-progress`) with its `requested` entry in
   * the request's trail. In one transaction, serialised per request: refuses (`ConflictError`)
   * when the request is not ready or another operation on it is not finished (a rotation in its
   * grace period blocks only another rotation), and returns the
   * first operation for a repeated idempotency key (`created: false`).
   */
  createOperation(
    operation: NewDatabaseOperation,
    options: { idempotency?: { key: string; bodyHash: string } },
  ): Promise<{ operation: DatabaseOperation; created: boolean }>;

  getOperation(id: string): Promise<DatabaseOperation | undefined>;

  /** Newest first. */
  listOperations(requestId: string): Promise<DatabaseOperation[]>;

  /** Every operation awaiting approval, oldest first (the approvals inbox). */
  listAwaitingApproval(): Promise<DatabaseOperation[]>;

  /**
   * The only way an operation's status or phase changes: checks the transition table, the
   * caller's precondition and lease, applies `requestUpdate` to the request and appends the audit
   * entry, atomically. A new phase starts due at once unless `nextAttemptAt` says otherwise.
   */
  transition(
    id: string,
    options: OperationTransitionOptions & { nextAttemptAt?: Date },
  ): Promise<{ operation: DatabaseOperation; request: DatabaseRequest }>;

  /** Appends an entry to the request's trail that belongs to the operation and changes nothing. */
  appendEvent(
    operation: Pick<DatabaseOperation, 'id' | 'requestId'>,
    event: HistoryEntry,
  ): Promise<void>;

  /**
   * Takes the lease of in-progress operations that are due and not leased by a live processor,
   * for `owner`, a token unique to this claim.
   */
  claimDue(options: ClaimOptions): Promise<ClaimedDatabaseOperation[]>;

  /** Extends the lease while `leaseOwner` holds it; false when it was taken over or freed. */
  renewLease(id: string, leaseOwner: string, leaseMs: number): Promise<boolean>;

  /**
   * Records a retry (or keeps waiting) without changing status or phase, with `event` in the
   * request's trail in the same transaction, and frees the lease; writes nothing (false) unless
   * `leaseOwner` holds it.
   */
  reschedule(
    operation: Pick<DatabaseOperation, 'id' | 'requestId'>,
    leaseOwner: string,
    update: RescheduleUpdate,
    event?: HistoryEntry,
  ): Promise<boolean>;

  releaseLease(id: string, leaseOwner: string): Promise<void>;

  /** Records a snapshot; repeating it with the same id changes nothing. */
  addSnapshot(snapshot: NewDatabaseSnapshot): Promise<StoredDatabaseSnapshot>;

  getSnapshot(id: string): Promise<StoredDatabaseSnapshot | undefined>;

  /** The request's snapshots that were not removed, newest first. */
  listSnapshots(requestId: string): Promise<StoredDatabaseSnapshot[]>;

  /** Snapshots due for removal: expired by `now`, or of requests that no longer hold a database. */
  listRemovableSnapshots(now: Date): Promise<StoredDatabaseSnapshot[]>;

  markSnapshotDeleted(id: string): Promise<void>;
}
