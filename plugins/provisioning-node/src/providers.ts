import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  DatabaseProviderId,
  DatabaseRequest,
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
  delete(requestId: string): Promise<void>;
}

/** What the provisioning backend hands a provider on every call. */
export interface ProviderContext {
  logger: LoggerService;
  secrets: RequestSecretStore;
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
