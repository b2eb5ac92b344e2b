import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  DatabaseProviderId,
  DatabaseRequest,
} from '@paved/plugin-provisioning-common';

export type ProviderId = DatabaseProviderId;

/** What a provider reports about a request's infrastructure. */
export type ProvisioningStatus =
  | { state: 'pending'; message?: string }
  | { state: 'ready'; outputs: DatabaseOutputs; message?: string }
  | { state: 'failed'; message: string; retryable: boolean };

export interface DatabaseOutputs {
  host: string;
  port: number;
  database: string;
  username: string;
  /** Where the credentials are kept, e.g. `paved-secret:<id>`, a Kubernetes Secret ref or a Vault path. Never the password. */
  credentialsRef: string;
  /** Provider-specific references, e.g. the GitOps commit or the Terraform file path. */
  [key: string]: unknown;
}

export interface ProviderContext {
  logger: LoggerService;
}

export interface DatabaseProvider {
  readonly id: ProviderId;
  /** Starts (or continues) provisioning. Idempotent: called again after a crash or a retry it must not duplicate work. */
  provision(
    request: DatabaseRequest,
    ctx: ProviderContext,
  ): Promise<ProvisioningStatus>;
  /** Reads the current state back (polled by the scheduler until ready/failed). */
  status(
    request: DatabaseRequest,
    ctx: ProviderContext,
  ): Promise<ProvisioningStatus>;
  /** Removes what provision created. Idempotent. */
  deprovision(request: DatabaseRequest, ctx: ProviderContext): Promise<void>;
}
