import type {
  DatabaseRequest,
  DatabaseSize,
} from '@paved/plugin-provisioning-common';
import type {
  DatabaseOperationsProvider,
  OperationStatus,
  ProviderContext,
  ResizeChange,
  SnapshotRecord,
} from '@paved/plugin-provisioning-node';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { promisify } from 'node:util';
import { Client, ClientConfig } from 'pg';
import {
  adminEnvironment,
  ConcurrencyLimit,
  ensureSandboxDatabase,
  withAdminClient,
} from './admin';
import {
  InvalidIdentifierError,
  quoteIdentifier,
  sandboxIdentifier,
} from './identifiers';
import { ISSUED_PASSWORD_PATTERN } from './passwords';
import { SandboxSnapshotFiles } from './snapshotFiles';

const run = promisify(execFile);

/**
 * What a size means on the sandbox: the most concurrent connections to the database. Storage is
 * recorded by Paved but not enforced (PostgreSQL has no per-database storage limit).
 */
export const SANDBOX_CONNECTION_LIMITS: Record<DatabaseSize, number> = {
  small: 20,
  medium: 50,
  large: 100,
};

/**
 * The login that alternates with the sandbox's own role on each credential rotation. It is a
 * member of that role and starts every session as it (`ALTER ROLE … SET role`), so what it
 * creates belongs to the database's owner whichever login made it.
 */
export function rotationLogin(identifier: string): string {
  return `${identifier}_alt`;
}

/**
 * Operations on sandbox databases, on the same admin connection as provisioning:
 * - rotate credentials: issues the new password on the login that is not in use (the role itself
 *   or its `_alt` login), so the old login keeps working until it is revoked (`NOLOGIN`, no
 *   password, its sessions ended) when the grace period is over;
 * - snapshot: `pg_dump --format=custom` into `<snapshotDirectory>/<request id>/<snapshot id>.dump`;
 * - restore: drops and re-creates the database (its sessions are ended), then `pg_restore` as the
 *   database's role, so the content is exactly the snapshot's;
 * - resize: the database's connection limit follows the size.
 */
export class SandboxOperations implements DatabaseOperationsProvider {
  private readonly snapshots: SandboxSnapshotFiles;

  constructor(
    private readonly options: {
      admin: ClientConfig & { connectionString: string };
      host: string;
      port: number;
      limit: ConcurrencyLimit;
      snapshotDirectory: string;
    },
  ) {
    this.snapshots = new SandboxSnapshotFiles(
      options.snapshotDirectory,
      '.dump',
    );
  }

  async resize(
    request: DatabaseRequest,
    change: ResizeChange,
  ): Promise<OperationStatus> {
    const identifier = sandboxIdentifier(request);
    const limit = SANDBOX_CONNECTION_LIMITS[change.size];
    await this.withAdmin(client =>
      client.query(
        `ALTER DATABASE ${quoteIdentifier(
          identifier,
        )} CONNECTION LIMIT ${Number(limit)}`,
      ),
    );
    return {
      state: 'done',
      message: `connection limit ${limit}; storage is not enforced on the sandbox`,
    };
  }

  async rotateCredentials(
    request: DatabaseRequest,
    password: string,
    ctx: ProviderContext,
  ): Promise<{ username: string }> {
    if (!ISSUED_PASSWORD_PATTERN.test(password)) {
      throw new InvalidIdentifierError('password has an unexpected format');
    }
    const identifier = sandboxIdentifier(request);
    const alternate = rotationLogin(identifier);
    const current = request.outputs?.username ?? identifier;
    const target = current === identifier ? alternate : identifier;
    await this.withAdmin(async client => {
      const literal = client.escapeLiteral(password);
      const role = quoteIdentifier(identifier);
      const login = quoteIdentifier(target);
      if (target === alternate) {
        const exists = await client.query(
          'SELECT 1 FROM pg_roles WHERE rolname = $1',
          [alternate],
        );
        if (exists.rowCount === 0) {
          try {
            await client.query(
              `CREATE ROLE ${login} WITH LOGIN PASSWORD ${literal} IN ROLE ${role}`,
            );
          } catch (error) {
            // 42710 duplicate_object: a concurrent attempt created it; the ALTER below sets it.
            if ((error as { code?: string }).code !== '42710') throw error;
          }
        }
        await client.query(`GRANT ${role} TO ${login}`);
        await client.query(`ALTER ROLE ${login} SET role = ${role}`);
      }
      await client.query(`ALTER ROLE ${login} WITH LOGIN PASSWORD ${literal}`);
    });
    await this.verifyLogin(identifier, target, password);
    ctx.logger.info(
      `Sandbox ${identifier}: new credentials issued on login ${target}, ${current} still works`,
    );
    return { username: target };
  }

  async revokeCredentials(
    request: DatabaseRequest,
    username: string,
    ctx: ProviderContext,
  ): Promise<void> {
    const identifier = sandboxIdentifier(request);
    if (username !== identifier && username !== rotationLogin(identifier)) {
      throw new InvalidIdentifierError(
        `login "${username.slice(0, 80)}" is not one of request ${request.id}`,
      );
    }
    await this.withAdmin(async client => {
      const exists = await client.query(
        'SELECT 1 FROM pg_roles WHERE rolname = $1',
        [username],
      );
      if (exists.rowCount === 0) return;
      await client.query(
        `ALTER ROLE ${quoteIdentifier(username)} WITH NOLOGIN PASSWORD NULL`,
      );
      // Revoked means revoked: sessions opened with the old login end too.
      await client.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1',
        [username],
      );
    });
    ctx.logger.info(`Sandbox ${identifier}: login ${username} revoked`);
  }

  async snapshot(
    request: DatabaseRequest,
    snapshotId: string,
    ctx: ProviderContext,
  ): Promise<SnapshotRecord> {
    const identifier = sandboxIdentifier(request);
    const { record, written } = await this.snapshots.write(
      request,
      snapshotId,
      async partial => {
        await this.options.limit.run(() =>
          run(
            'pg_dump',
            ['--format=custom', '--no-owner', '--no-acl', `--file=${partial}`],
            { env: this.childEnvironment(identifier), timeout: 30 * 60_000 },
          ),
        );
      },
    );
    if (written) {
      ctx.logger.info(`Sandbox ${identifier}: snapshot ${snapshotId} written`);
    }
    return record;
  }

  async restore(
    request: DatabaseRequest,
    snapshot: SnapshotRecord & { id: string },
    ctx: ProviderContext,
  ): Promise<void> {
    const identifier = sandboxIdentifier(request);
    const file = this.snapshots.fileOf(request, snapshot);
    await fs.access(file);
    await this.withAdmin(async client => {
      // FORCE ends open sessions (PostgreSQL 13+); the database then holds exactly the snapshot.
      await client.query(
        `DROP DATABASE IF EXISTS ${quoteIdentifier(identifier)} WITH (FORCE)`,
      );
      await ensureSandboxDatabase(client, identifier);
      const limit = SANDBOX_CONNECTION_LIMITS[request.size];
      await client.query(
        `ALTER DATABASE ${quoteIdentifier(
          identifier,
        )} CONNECTION LIMIT ${Number(limit)}`,
      );
    });
    await this.options.limit.run(() =>
      run(
        'pg_restore',
        [
          '--no-owner',
          '--no-acl',
          '--exit-on-error',
          `--role=${identifier}`,
          `--dbname=${identifier}`,
          file,
        ],
        { env: this.childEnvironment(identifier), timeout: 30 * 60_000 },
      ),
    );
    ctx.logger.info(`Sandbox ${identifier}: restored snapshot ${snapshot.id}`);
  }

  async deleteSnapshot(
    request: DatabaseRequest,
    snapshot: SnapshotRecord & { id: string },
  ): Promise<void> {
    await this.snapshots.delete(request, snapshot);
  }

  private childEnvironment(database: string): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      ...adminEnvironment(this.options.admin.connectionString, database),
    };
  }

  private async verifyLogin(
    identifier: string,
    username: string,
    password: string,
  ): Promise<void> {
    const client = new Client({
      host: this.options.host,
      port: this.options.port,
      database: identifier,
      user: username,
      password,
      connectionTimeoutMillis: 10_000,
    });
    await client.connect();
    try {
      const { rows } = await client.query(
        'SELECT session_user AS login, current_user AS role',
      );
      if (rows[0].login !== username || rows[0].role !== identifier) {
        throw new Error(
          `Logged in as ${rows[0].login} acting as ${rows[0].role}, expected ${username} acting as ${identifier}`,
        );
      }
    } finally {
      await client.end();
    }
  }

  private withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    return this.options.limit.run(() =>
      withAdminClient(this.options.admin, fn),
    );
  }
}
