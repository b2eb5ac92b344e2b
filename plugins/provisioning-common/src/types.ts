import type { ApprovalRule, ApprovalState } from './approvals';
import type { Cost } from './cost';

/** Lifecycle states of a database request. Transitions are listed in {@link DATABASE_REQUEST_TRANSITIONS}. */
export const DATABASE_REQUEST_STATUSES = [
  'awaiting-approval',
  'provisioning',
  'ready',
  'failed',
  'rejected',
  'deprovisioning',
  'deleted',
  'expired',
] as const;
export type DatabaseRequestStatus = (typeof DATABASE_REQUEST_STATUSES)[number];

export const ENVIRONMENTS = [
  'development',
  'staging',
  'production',
  'ephemeral',
] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const DATABASE_SIZES = ['small', 'medium', 'large'] as const;
export type DatabaseSize = (typeof DATABASE_SIZES)[number];

/**
 * Id of a provider, as modules register it through `provisioningProvidersExtensionPoint` and as
 * config names it (`provisioning.environments.<env>.provider`): a lowercase DNS label. Paved's own
 * modules add `sandbox`, `crossplane` and `terraform`.
 */
export type DatabaseProviderId = string;
export const PROVIDER_ID_PATTERN = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * The engines a request may ask for (`DatabaseRequest.type`); what differs between them is in
 * `ENGINE_DEFINITIONS`.
 */
export const DATABASE_TYPES = ['postgresql', 'redis'] as const;
export type DatabaseType = (typeof DATABASE_TYPES)[number];

/**
 * Connection facts about a ready database. Never contains a password: `credentialsRef` says where
 * the credentials are kept (`paved-secret:<id>` for the sandbox, readable through
 * `GET /requests/:id/credentials`).
 */
export interface DatabaseRequestOutputs {
  host: string;
  port: number;
  database: string;
  username: string;
  credentialsRef: string;
  /**
   * The Kubernetes Secret (in the owning team's namespace) a deployment reads the connection
   * from, keys {@link DATABASE_CONNECTION_SECRET_KEYS}; see {@link databaseConnectionSecretName}.
   */
  connectionSecret?: string;
  [key: string]: unknown;
}

/** A request for a database, as stored and as returned by the API. Timestamps are ISO 8601 strings. */
export interface DatabaseRequest {
  id: string;
  type: DatabaseType;
  /** Lowercase DNS label, unique per owner and environment among live requests. */
  name: string;
  /** Entity ref of the owning group, e.g. `group:default/payments`. */
  owner: string;
  /** Entity ref of the system the database belongs to. */
  system?: string;
  /** Entity ref of the component that uses the database. */
  component?: string;
  environment: Environment;
  size: DatabaseSize;
  storageGB: number;
  version?: string;
  ttlHours?: number;
  provider: DatabaseProviderId;
  status: DatabaseRequestStatus;
  /** Entity ref of the user who filed the request. */
  requestedBy: string;
  /** Whether the request needed (or needs) an approval from the platform team. */
  approvalRequired: boolean;
  /**
   * True once a person other than the requester acted on the request (approved or rejected it,
   * or did a manual step): the request is then not self-service. Never turns false again.
   */
  humanStep: boolean;
  createdAt: string;
  updatedAt: string;
  expiresAt?: string;
  outputs?: DatabaseRequestOutputs;
  /**
   * Entity ref of the catalog `Resource` of the ready database, fixed when it became ready:
   * `resource:<owner namespace>/<name>-<environment>`, or `<team>-<name>-<environment>` when an
   * earlier request of another team holds that name.
   */
  resourceEntityRef?: string;
  failureReason?: string;
  /** Estimated monthly cost, priced when the request was filed (`provisioning.cost`). */
  cost?: Cost;
  /**
   * On single-request answers of a request that needs (or needed) approval: the rule of its
   * environment and the approvals given.
   */
  approval?: ApprovalState;
}

/** One entry of a request's append-only audit trail. */
export interface DatabaseRequestEvent {
  id: number;
  requestId: string;
  /** Entity ref of the user, or `plugin:<id>` for the backend's own processing. */
  actor: string;
  /** What happened, e.g. `created`, `approved`, `provisioning-attempt-failed`. */
  action: string;
  fromStatus?: DatabaseRequestStatus;
  toStatus?: DatabaseRequestStatus;
  /** Why: the approver's comment, the provider's message, the failure reason. */
  message?: string;
  /** Set when the entry belongs to an operation on the database (see `DatabaseOperation`). */
  operationId?: string;
  createdAt: string;
}

export interface DatabaseRequestWithEvents extends DatabaseRequest {
  events: DatabaseRequestEvent[];
}

/** The credentials of a ready database, returned only by the permission-checked credentials endpoint. */
export interface DatabaseCredentials {
  host: string;
  port: number;
  database: string;
  username: string;
  password: string;
  /** URL including the password (`postgresql://`, `redis://`: see `EngineDefinition.connectionUrl`). */
  connectionString: string;
  /** Redis: the prefix every key of this user must start with (the ACL user may touch nothing else). */
  keyPrefix?: string;
}

export interface EnvironmentPolicy {
  environment: Environment;
  provider: DatabaseProviderId;
  allowedProviders: DatabaseProviderId[];
  sizes: DatabaseSize[];
  storageGB: { min: number; max: number };
  /** True when every request in this environment needs approval. */
  requiresApproval: boolean;
  /** How many approvals a change here needs, and from whom (when it needs approval at all). */
  approval: ApprovalRule;
  /** Set for `ephemeral`: the longest allowed time to live. */
  maxTtlHours?: number;
  /**
   * Set for `ephemeral`: the longest a database may live in total, counted from its request's
   * creation; extensions never go past it.
   */
  maxLifetimeHours?: number;
}

export interface TeamQuota {
  maxRequests: number;
  maxStorageGB: number;
  /**
   * Monthly budget in the price table's currency: a request that would take the team's live
   * databases above it needs approval (it is not refused).
   */
  monthlyBudget?: number;
}

/** The versions offered for one engine. */
export interface EnginePolicy {
  type: DatabaseType;
  versions: string[];
  defaultVersion: string;
}

/** The effective guardrails, as `GET /policy` returns them so a form can show them. */
export interface ProvisioningPolicy {
  types: DatabaseType[];
  /** PostgreSQL's versions (kept for older clients; `engines` has every engine's). */
  versions: string[];
  /** PostgreSQL's default version (see `versions`). */
  defaultVersion: string;
  /** The versions of every engine in `types`. */
  engines: EnginePolicy[];
  environments: EnvironmentPolicy[];
  /** Sizes that need approval in any environment. */
  sizesRequiringApproval: DatabaseSize[];
  platformTeam: string;
  quota: {
    default: TeamQuota;
    /** Per-team overrides, keyed by group entity ref. */
    teams: Record<string, TeamQuota>;
  };
  /** Present when `GET /policy?owner=` names a team: what that team still has. */
  usage?: {
    owner: string;
    quota: TeamQuota;
    requests: number;
    storageGB: number;
    remainingRequests: number;
    remainingStorageGB: number;
    /** The team's live databases' monthly cost. */
    monthlyCost: Cost;
  };
}
