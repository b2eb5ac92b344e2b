import type {
  Cost,
  DatabaseProviderId,
  DatabaseRequest,
  DatabaseRequestEvent,
  DatabaseRequestOutputs,
  DatabaseRequestStatus,
  DatabaseSize,
  DatabaseType,
  Environment,
  TeamQuota,
} from '@paved/plugin-provisioning-common';
import type { ClaimOptions, RescheduleUpdate } from './leases';
import type { HistoryEntry } from './history';

/** A validated request, ready to be stored. */
export interface NewDatabaseRequest {
  type: DatabaseType;
  name: string;
  owner: string;
  system?: string;
  component?: string;
  environment: Environment;
  size: DatabaseSize;
  storageGB: number;
  version?: string;
  ttlHours?: number;
  provider: DatabaseProviderId;
  requestedBy: string;
  approvalRequired: boolean;
  /** The rules that require approval, e.g. `environments.production.requiresApproval`. */
  approvalReasons?: string[];
  expiresAt?: Date;
  /** Estimated monthly cost from the price table. */
  cost?: Cost;
}

export interface CreateDatabaseRequestOptions {
  /**
   * The team's quota, checked in the same transaction as the insert. Its `monthlyBudget` is a
   * guardrail of another kind: a request that would take the team above it needs approval.
   */
  quota: TeamQuota;
  idempotency?: { key: string; bodyHash: string };
}

export interface CreateDatabaseRequestResult {
  request: DatabaseRequest;
  /** False when an earlier call with the same idempotency key created it. */
  created: boolean;
}

export interface TransitionOptions {
  to: DatabaseRequestStatus;
  actor: string;
  action: string;
  message?: string;
  /** Refuse unless the request is currently in one of these states (the caller's precondition). */
  from?: DatabaseRequestStatus[];
  /** Refuse unless this processor holds the request's lease. */
  leaseOwner?: string;
  outputs?: DatabaseRequestOutputs;
  /**
   * For `ready`: the entity refs the request's catalog Resource may take, preferred first; the
   * store records the first that no other request holds (see databaseResourceEntityRefCandidates).
   */
  resourceEntityRefCandidates?: string[];
  failureReason?: string;
  /** A person other than the requester did this step (approval, rejection, manual step). */
  humanStep?: boolean;
  /** For `deprovisioning`: where it ends (`deleted` or `expired`). */
  endStatus?: 'deleted' | 'expired';
}

/** Processing bookkeeping of a request, not part of the public API. */
export interface ProcessingState {
  /** Failed attempts in the current run of failures. */
  attempts: number;
  nextAttemptAt?: Date;
  /** When the current run of failures began; retries end at this plus the retry deadline. */
  failingSince?: Date;
  submittedAt?: Date;
  endStatus?: 'deleted' | 'expired';
  expiryNotifiedAt?: Date;
}

export type ClaimedDatabaseRequest = DatabaseRequest & {
  processing: ProcessingState;
  /** The lease of a claimed request: its owner token and when it runs out unless renewed. */
  lease?: { owner: string; expiresAt: Date };
};

export interface DatabaseRequestFilter {
  owners?: string[];
  statuses?: DatabaseRequestStatus[];
  requestedBy?: string;
  name?: string;
  environment?: string;
}

/** Storage of database requests and their audit trail. */
export interface DatabaseRequestStore {
  /**
   * Stores a new request in `initialStatus` with its `created` event, after checking in the same
   * transaction (serialised per owner) that the name is free and the team's quota holds.
   * Throws `InputError` naming the field and the rule, or `ConflictError` for a reused
   * idempotency key with a different body.
   */
  createRequest(
    request: NewDatabaseRequest & { initialStatus: DatabaseRequestStatus },
    options: CreateDatabaseRequestOptions,
  ): Promise<CreateDatabaseRequestResult>;

  getRequest(id: string): Promise<DatabaseRequest | undefined>;

  listRequests(filter?: DatabaseRequestFilter): Promise<DatabaseRequest[]>;

  listEvents(requestId: string): Promise<DatabaseRequestEvent[]>;

  /** What the team's live requests use, and their monthly cost (priced requests only). */
  getUsage(
    owner: string,
  ): Promise<{ requests: number; storageGB: number; monthlyCost: number }>;

  /**
   * Prices requests filed before costs were stored, once, with today's price table; returns how
   * many were priced.
   */
  priceUnpriced(price: (request: DatabaseRequest) => Cost): Promise<number>;

  /**
   * The only way a request's status changes: checks the transition table, the caller's
   * precondition and lease, updates with compare-and-set and appends the audit event, atomically.
   * Throws `NotFoundError` or `ConflictError`.
   */
  transition(id: string, options: TransitionOptions): Promise<DatabaseRequest>;

  /** Appends an event that changes no status (a failed attempt, an extension, a notification). */
  appendEvent(requestId: string, event: HistoryEntry): Promise<void>;

  /**
   * Takes the lease of requests that need processing (`provisioning`/`deprovisioning`, due, not
   * leased by a live processor) for `owner`, a token unique to this claim. A request is leased by
   * one processor at a time.
   */
  claimDue(options: ClaimOptions): Promise<ClaimedDatabaseRequest[]>;

  /**
   * Extends the lease while `leaseOwner` (the token of one claim) still holds it; false when it
   * was taken over or freed, and the processor must then stop without writing anything.
   */
  renewLease(id: string, leaseOwner: string, leaseMs: number): Promise<boolean>;

  /**
   * Records the outcome of a processing step that did not change the status, with `event` in the
   * same transaction, and frees the lease; writes nothing (false) unless `leaseOwner` holds it.
   */
  reschedule(
    id: string,
    leaseOwner: string,
    update: RescheduleUpdate,
    event?: HistoryEntry,
  ): Promise<boolean>;

  /** Frees a lease if this processor still holds it. */
  releaseLease(id: string, leaseOwner: string): Promise<void>;

  /** Requests with an expiry at or before `before` that are not final. */
  listExpiring(before: Date): Promise<ClaimedDatabaseRequest[]>;

  markExpiryNotified(id: string, at: Date): Promise<void>;

  /** Moves the expiry of a request and re-arms the expiry notice; appends an `extended` event. */
  extend(
    id: string,
    expiresAt: Date,
    event: { actor: string; message?: string },
  ): Promise<DatabaseRequest>;
}
