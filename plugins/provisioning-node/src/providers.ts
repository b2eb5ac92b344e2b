import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  DatabaseOperationType,
  DatabaseProviderId,
  DatabaseRequest,
  DatabaseSize,
  DatabaseType,
} from '@paved/plugin-provisioning-common';

/** What a provider reports about a request's infrastructure. */
export type ProvisioningStatus =
  | { state: 'pending'; message?: string }
  | { state: 'ready'; outputs: DatabaseOutputs; message?: string }
  | { state: 'failed'; message: string; retryable: boolean };

/** Connection facts of a ready database or cache. */
export interface DatabaseOutputs {
  host: string;
  port: number;
  /** PostgreSQL: the database name; Redis: the logical database number. */
  database: string;
  username: string;
  /** Where the credentials are kept, e.g. `paved-secret:<id>`, a Kubernetes Secret ref or a Vault path. Never the password. */
  credentialsRef: string;
  /** Provider-specific references, e.g. the GitOps commit or the Terraform file path. */
  [key: string]: unknown;
}

/**
 * Secrets the provisioning backend keeps for a request (a generated password), encrypted at rest.
 * A provider that issues credentials keeps them here, so `GET /requests/:id/credentials` can hand
 * them to the owners (`credentialsRef: paved-secret:<id>`).
 */
export interface RequestSecretStore {
  /**
   * Returns the request's secret, generating and storing it first if there is none. Concurrent
   * calls for one request agree on one value, so a retried provision issues the same password.
   */
  getOrCreate(requestId: string, generate: () => string): Promise<string>;
  get(requestId: string): Promise<string | undefined>;
  /** Replaces the request's secret (a credential rotation issued a new one). */
  put(requestId: string, secret: string): Promise<void>;
  delete(requestId: string): Promise<void>;
}

/** What the provisioning backend hands a provider on every call. */
export interface ProviderContext {
  logger: LoggerService;
  secrets: RequestSecretStore;
  /**
   * Aborted when the processor lost its lease on the request (another processor may be repeating
   * the call): a long call may stop early; whatever it returns afterwards is not recorded.
   */
  signal?: AbortSignal;
}

/**
 * What a provider says about drift: whether what it delivered still matches what it renders from
 * the approved request now (see `DATABASE_DRIFT_STATES` in provisioning-common). Only `drifted`,
 * `in-sync` and `unknown`; a provider without the method is `untracked`.
 */
export interface ProviderDrift {
  state: 'in-sync' | 'drifted' | 'unknown';
  detail: string;
  /** A unified diff from the approved rendering to what is there. */
  diff?: string;
}

/** Why a provider would refuse a request: a field (of the request or of what it renders), the problem and the rule. */
export interface ProviderAdmissionViolation {
  field: string;
  problem: string;
  rule: string;
}

/**
 * Creates and removes the infrastructure of requests of one engine (`DatabaseRequest.type`).
 * Every call may be repeated (after a crash, a lost lease or a retry), so each one is idempotent:
 * called again, it must not duplicate work.
 */
export interface DatabaseProvider {
  /** Starts (or continues) provisioning; `pending` means accepted, then `status` is polled. */
  provision(
    request: DatabaseRequest,
    ctx: ProviderContext,
  ): Promise<ProvisioningStatus>;
  /** Reads the current state back (polled until ready or failed). */
  status(
    request: DatabaseRequest,
    ctx: ProviderContext,
  ): Promise<ProvisioningStatus>;
  /** Removes what `provision` created; removing what is already gone succeeds. */
  deprovision(request: DatabaseRequest, ctx: ProviderContext): Promise<void>;
  /**
   * Compares what was delivered (the committed file, the cluster object) with what the approved
   * request renders to now; read-only. Optional: without it requests are `untracked`.
   */
  drift?(
    request: DatabaseRequest,
    ctx: ProviderContext,
  ): Promise<ProviderDrift>;
  /**
   * Checks a new request before it is stored (its id is provisional): what the provider would
   * render and refuse to deliver, e.g. a manifest an admission policy rejects. Read-only;
   * optional. Each violation is answered 400 to the requester.
   */
  admit?(request: DatabaseRequest): Promise<ProviderAdmissionViolation[]>;
  /**
   * Operations on a ready database. Each is optional: the backend refuses an operation the
   * request's provider does not implement (409, naming the provider). Like the calls above, each
   * may be repeated after a crash and must then not duplicate work.
   */
  operations?: DatabaseOperationsProvider;
}

/** The outcome of a change a provider applies, when it is not immediate (GitOps). */
export type OperationStatus =
  | { state: 'done'; message?: string }
  | { state: 'pending'; message?: string }
  | { state: 'failed'; message: string; retryable: boolean };

/**
 * The status of an operation that changes the instance in place (a resize), read from the
 * instance once it carries the change: ready again means done, pending stays pending (the
 * outputs are not the operation's), and the instance's failure is the operation's.
 */
export function operationStatusFromInstance(
  instance: ProvisioningStatus,
): OperationStatus {
  if (instance.state === 'ready') {
    return { state: 'done', message: instance.message };
  }
  return instance.state === 'pending'
    ? { state: 'pending', message: instance.message }
    : instance;
}

/** A resize: the request as it is, and the size and storage it is to have. */
export interface ResizeChange {
  size: DatabaseSize;
  storageGB: number;
}

/** Where a provider keeps a snapshot, and how big it is. */
export interface SnapshotRecord {
  /** Provider-specific location (a file, a cloud snapshot id); never shown to users. */
  location: string;
  sizeBytes: number;
  /**
   * What happened, when the snapshot is not simply taken yet (a GitOps provider committed it and
   * the cloud takes it on the next apply); shown on the operation, never stored with the snapshot.
   */
  message?: string;
}

/** Optional operations of a {@link DatabaseProvider}. */
export interface DatabaseOperationsProvider {
  /**
   * Why an operation this provider leaves out makes no sense for the engine, e.g.
   * `{ snapshot: 'ElastiCache snapshots are not declared per cache by the module' }`; the
   * backend adds it to the 409 that refuses the operation.
   */
  unsupported?: Partial<Record<DatabaseOperationType, string>>;
  /**
   * What a resize would change, as a unified diff of the files a GitOps provider commits; shown
   * to approvers before they approve. Providers that change nothing reviewable omit it.
   */
  planResize?(
    request: DatabaseRequest,
    change: ResizeChange,
  ): Promise<{ diff: string }>;
  /** Applies a resize (`pending` while a GitOps change rolls out; then polled with the same call). */
  resize?(
    request: DatabaseRequest,
    change: ResizeChange,
    ctx: ProviderContext,
  ): Promise<OperationStatus>;
  /**
   * Issues `password` on a login other than `request.outputs.username`, keeping the current one
   * working; returns the new login. Called again with another password before the outputs changed,
   * it addresses the same login.
   */
  rotateCredentials?(
    request: DatabaseRequest,
    password: string,
    ctx: ProviderContext,
  ): Promise<{ username: string }>;
  /** Revokes a login replaced by a rotation once its grace period is over (idempotent). */
  revokeCredentials?(
    request: DatabaseRequest,
    username: string,
    ctx: ProviderContext,
  ): Promise<void>;
  /** Takes a snapshot; `snapshotId` is Paved's id, stable across retries. */
  snapshot?(
    request: DatabaseRequest,
    snapshotId: string,
    ctx: ProviderContext,
  ): Promise<SnapshotRecord>;
  /**
   * What a restore would change, as a unified diff of the files a GitOps provider commits; shown
   * to approvers before they approve (like {@link DatabaseOperationsProvider.planResize}).
   */
  planRestore?(
    request: DatabaseRequest,
    snapshot: SnapshotRecord & { id: string },
  ): Promise<{ diff: string }>;
  /**
   * Replaces the database's content with the snapshot's; a GitOps provider that only committed
   * the change says so in `message`.
   */
  restore?(
    request: DatabaseRequest,
    snapshot: SnapshotRecord & { id: string },
    ctx: ProviderContext,
  ): Promise<void | { message?: string }>;
  /** Removes a snapshot (expired, or its database deleted); removing what is gone succeeds. */
  deleteSnapshot?(
    request: DatabaseRequest,
    snapshot: SnapshotRecord & { id: string },
    ctx: ProviderContext,
  ): Promise<void>;
}

/**
 * A provider's implementation of each engine it serves, keyed by engine (`postgresql`,
 * `redis`): a request reaches the implementation of its own type, and a request of a type the
 * provider does not list is refused before it reaches the provider.
 */
export type ProviderEngines = {
  readonly [Type in DatabaseType]?: DatabaseProvider;
};

/** A provider as a module registers it. */
export interface DatabaseProviderRegistration {
  /**
   * The id config names it by (`provisioning.environments.<env>.provider`): a lowercase DNS label,
   * one module per id.
   */
  id: DatabaseProviderId;
  /**
   * Sets the provider up and returns its engines. Called once, when the provisioning plugin
   * starts and some environment uses the provider; if it throws (bad configuration), the backend
   * still starts and requests for this provider fail with the reason.
   */
  create(): ProviderEngines | Promise<ProviderEngines>;
}
