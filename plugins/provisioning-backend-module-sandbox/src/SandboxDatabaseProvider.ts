import {
  DatabaseRequest,
  databaseConnectionSecretName,
} from '@paved/plugin-provisioning-common';
import { Client, ClientConfig } from 'pg';
import type {
  DatabaseProvider,
  ProviderContext,
  ProvisioningStatus,
} from '@paved/plugin-provisioning-node';
import type { SandboxSettings } from './settings';
import {
  InvalidIdentifierError,
  quoteIdentifier,
  sandboxIdentifier,
} from './identifiers';
import { rotationLogin, SandboxOperations } from './SandboxOperations';
import {
  ConcurrencyLimit,
  ensureSandboxDatabase,
  withAdminClient,
} from './admin';
import { generatePassword, ISSUED_PASSWORD_PATTERN } from './passwords';
import { sandboxStatus } from './sandboxStatus';

/** PostgreSQL error classes worth retrying: connection, resources, operator intervention. */
function isRetryable(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  if (!code) return true;
  if (/^(08|53|57|58)/.test(code)) return true;
  return [
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'ENOTFOUND',
  ].includes(code);
}

/** The message of a PostgreSQL error, without anything that could echo a statement. */
function describe(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return `${e?.code ? `${e.code}: ` : ''}${e?.message ?? String(error)}`;
}

/**
 * Creates a real database with its own login role on a PostgreSQL server Paved administers (the
 * local one in development). The password is generated once per request, kept encrypted in the
 * plugin's secret store, and only ever sent to PostgreSQL; a request is ready only once a
 * connection with the issued credentials succeeds.
 */
export class SandboxDatabaseProvider implements DatabaseProvider {
  private readonly admin: ClientConfig;
  private readonly host: string;
  private readonly port: number;
  private readonly limit: ConcurrencyLimit;
  /** Resize, credential rotation, snapshot and restore (see SandboxOperations). */
  readonly operations: SandboxOperations;

  constructor(options: { settings: SandboxSettings }) {
    const url = new URL(options.settings.connection);
    this.admin = { connectionString: options.settings.connection };
    this.host = options.settings.host ?? decodeURIComponent(url.hostname);
    this.port = options.settings.port ?? Number(url.port || 5432);
    this.limit = new ConcurrencyLimit(options.settings.maxConcurrency ?? 4);
    this.operations = new SandboxOperations({
      admin: { connectionString: options.settings.connection },
      host: this.host,
      port: this.port,
      limit: this.limit,
      snapshotDirectory: options.settings.snapshotDirectory,
    });
  }

  async provision(
    request: DatabaseRequest,
    ctx: ProviderContext,
  ): Promise<ProvisioningStatus> {
    return this.limit.run(() => this.provisionNow(request, ctx));
  }

  private async provisionNow(
    request: DatabaseRequest,
    ctx: ProviderContext,
  ): Promise<ProvisioningStatus> {
    let identifier: string;
    try {
      identifier = sandboxIdentifier(request);
    } catch (error) {
      return {
        state: 'failed',
        retryable: false,
        message: (error as Error).message,
      };
    }
    try {
      const password = await ctx.secrets.getOrCreate(
        request.id,
        generatePassword,
      );
      await this.withAdmin(async client => {
        await this.ensureRole(client, identifier, password);
        await ensureSandboxDatabase(client, identifier);
      });
      ctx.logger.info(
        `Sandbox database ${identifier} exists; verifying its credentials`,
      );
      return await this.verify(request, identifier, password);
    } catch (error) {
      return {
        state: 'failed',
        retryable: isRetryable(error),
        message: `Sandbox provisioning of ${identifier} failed: ${describe(
          error,
        )}`,
      };
    }
  }

  async status(
    request: DatabaseRequest,
    ctx: ProviderContext,
  ): Promise<ProvisioningStatus> {
    return sandboxStatus(
      {
        loginOf: sandboxIdentifier,
        verify: (r, identifier, password) =>
          this.verify(r, identifier, password),
        isRetryable,
        describe,
      },
      request,
      ctx,
    );
  }

  async deprovision(
    request: DatabaseRequest,
    ctx: ProviderContext,
  ): Promise<void> {
    return this.limit.run(() => this.deprovisionNow(request, ctx));
  }

  private async deprovisionNow(
    request: DatabaseRequest,
    ctx: ProviderContext,
  ): Promise<void> {
    const identifier = sandboxIdentifier(request);
    const quoted = quoteIdentifier(identifier);
    await this.withAdmin(async client => {
      // FORCE ends the owner's open sessions, which would otherwise block the drop (PostgreSQL 13+).
      await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
      await client.query(
        `DROP ROLE IF EXISTS ${quoteIdentifier(rotationLogin(identifier))}`,
      );
      await client.query(`DROP ROLE IF EXISTS ${quoted}`);
    });
    ctx.logger.info(`Sandbox database and role ${identifier} dropped`);
  }

  /** Connection facts for a request's database; used by the credentials endpoint. */
  connectionFor(request: DatabaseRequest) {
    const identifier = sandboxIdentifier(request);
    return {
      host: this.host,
      port: this.port,
      database: identifier,
      username: identifier,
    };
  }

  private async verify(
    request: DatabaseRequest,
    identifier: string,
    password: string,
  ): Promise<ProvisioningStatus> {
    const client = new Client({
      host: this.host,
      port: this.port,
      database: identifier,
      user: identifier,
      password,
      connectionTimeoutMillis: 10_000,
    });
    await client.connect();
    try {
      const result = await client.query(
        'SELECT current_user AS role, current_database() AS db',
      );
      const row = result.rows[0];
      if (row.role !== identifier || row.db !== identifier) {
        return {
          state: 'failed',
          retryable: false,
          message: `Connected as ${row.role} to ${row.db}, expected ${identifier}`,
        };
      }
    } finally {
      await client.end();
    }
    return {
      state: 'ready',
      outputs: {
        host: this.host,
        port: this.port,
        database: identifier,
        username: identifier,
        credentialsRef: `paved-secret:${request.id}`,
        // Where a deployment of this database's service reads it from (the sandbox writes no
        // Kubernetes Secret itself; see the README's "A service with its database").
        connectionSecret: databaseConnectionSecretName(request),
      },
      message: 'Connected with the issued credentials',
    };
  }

  private async ensureRole(
    client: Client,
    identifier: string,
    password: string,
  ) {
    if (!ISSUED_PASSWORD_PATTERN.test(password)) {
      throw new InvalidIdentifierError(
        'stored password has an unexpected format',
      );
    }
    const quoted = quoteIdentifier(identifier);
    // DDL takes no bind parameters; the password is base64url (checked above) and escaped.
    const literal = client.escapeLiteral(password);
    const exists = await client.query(
      'SELECT 1 FROM pg_roles WHERE rolname = $1',
      [identifier],
    );
    if (exists.rowCount === 0) {
      try {
        await client.query(
          `CREATE ROLE ${quoted} WITH LOGIN PASSWORD ${literal}`,
        );
        return;
      } catch (error) {
        // 42710 duplicate_object: a concurrent attempt created it; fall through to set the password.
        if ((error as { code?: string }).code !== '42710') throw error;
      }
    }
    await client.query(`ALTER ROLE ${quoted} WITH LOGIN PASSWORD ${literal}`);
  }

  private async withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    return withAdminClient(this.admin, fn);
  }
}
