import type { DatabaseRequest } from '@paved/plugin-provisioning-common';
import type {
  ProviderContext,
  ProvisioningStatus,
} from '@paved/plugin-provisioning-node';

/** What a sandbox engine (PostgreSQL, Redis) tells {@link sandboxStatus}. */
export interface SandboxEngine<Login> {
  /** The request's login on the server; throws when its name or id cannot make one. */
  loginOf(request: DatabaseRequest): Login;
  /** Connects as the login with the issued password; throws what the server answered. */
  verify(
    request: DatabaseRequest,
    login: Login,
    password: string,
  ): Promise<ProvisioningStatus>;
  /** Whether the server's error may pass on a retry (a lost connection, a busy server). */
  isRetryable(error: unknown): boolean;
  /** The server's error as a message that echoes no statement and no secret. */
  describe(error: unknown): string;
}

/**
 * A sandbox request's status: ready once the credentials provisioning issued connect as the
 * request's own login. Pending until provisioning issued them; a name or id that makes no login
 * fails for good, since every retry would derive the same.
 */
export async function sandboxStatus<Login>(
  engine: SandboxEngine<Login>,
  request: DatabaseRequest,
  ctx: ProviderContext,
): Promise<ProvisioningStatus> {
  let login: Login;
  try {
    login = engine.loginOf(request);
  } catch (error) {
    return {
      state: 'failed',
      retryable: false,
      message: (error as Error).message,
    };
  }
  const password = await ctx.secrets.get(request.id);
  if (!password) {
    return { state: 'pending', message: 'No credentials issued yet' };
  }
  try {
    return await engine.verify(request, login, password);
  } catch (error) {
    return {
      state: 'failed',
      retryable: engine.isRetryable(error),
      message: engine.describe(error),
    };
  }
}
