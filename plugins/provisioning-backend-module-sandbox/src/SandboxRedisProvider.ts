import {
  databaseConnectionSecretName,
  type DatabaseRequest,
} from '@paved/plugin-provisioning-common';
import type {
  DatabaseProvider,
  ProviderContext,
  ProvisioningStatus,
} from '@paved/plugin-provisioning-node';
import Redis, { type RedisOptions } from 'ioredis';
import { ConcurrencyLimit } from './admin';
import { InvalidIdentifierError, sandboxIdentifier } from './identifiers';
import { saveAcl, SandboxRedisOperations } from './SandboxRedisOperations';
import { generatePassword, ISSUED_PASSWORD_PATTERN } from './passwords';
import { sandboxStatus } from './sandboxStatus';
import type { SandboxRedisSettings } from './settings';

/** Keys scanned and unlinked per round trip when a user's keys are removed. */
const SCAN_BATCH = 500;

/**
 * What a sandbox Redis user may do, after `reset` (no password, no keys, no channels, no
 * commands): every command except
 * - `@dangerous` ones (FLUSHALL, FLUSHDB, KEYS, CONFIG, DEBUG, SHUTDOWN, MONITOR, ACL SETUSER…),
 *   which reach past a tenant's keys;
 * - `SELECT`, `MOVE`: other logical databases, where deprovisioning would not look for keys;
 * - `SCAN`, `RANDOMKEY`, `PUBSUB`: they list other tenants' key and channel names, which key
 *   patterns do not filter;
 * - `FUNCTION`: libraries are global to the server.
 * Keys and Pub/Sub channels are limited to the user's prefix.
 */
export function redisUserRules(prefix: string): string[] {
  return [
    `~${prefix}*`,
    `&${prefix}*`,
    '+@all',
    '-@dangerous',
    '-select',
    '-move',
    '-scan',
    '-randomkey',
    '-pubsub',
    '-function',
  ];
}

/** The key prefix of a request's user: `<identifier>:`. */
export function redisKeyPrefix(identifier: string): string {
  return `${identifier}:`;
}

/** Reply errors of a Redis that is busy or starting, worth retrying; other replies are final. */
const RETRYABLE_REPLY = /^(LOADING|BUSY|TRYAGAIN|CLUSTERDOWN|MASTERDOWN)\b/;

function isRetryable(error: unknown): boolean {
  const e = error as { name?: string; message?: string };
  if (e?.name === 'ReplyError') return RETRYABLE_REPLY.test(e.message ?? '');
  // Connection refused or reset, timeouts, a closed connection: the server may come back.
  return true;
}

function describe(error: unknown): string {
  return (error as Error)?.message ?? String(error);
}

/**
 * Sandbox Redis on a server Paved administers (the local one in development): per request, an
 * ACL user `paved_<name>_<8 hex of the id>` that may only touch keys and channels starting with
 * `<user>:` and runs no dangerous command. The password is generated once, kept encrypted in
 * the plugin's secret store, and sent only in `ACL SETUSER`; a request is ready once the user
 * authenticated with it and wrote and removed a key of its own. Deprovisioning deletes the user
 * (which disconnects its clients) and then every key under its prefix.
 */
export class SandboxRedisProvider implements DatabaseProvider {
  private readonly admin: RedisOptions;
  private readonly host: string;
  private readonly port: number;
  private readonly limit: ConcurrencyLimit;
  /** Resize, credential rotation, snapshot and restore (see SandboxRedisOperations). */
  readonly operations: SandboxRedisOperations;

  constructor(options: {
    settings: SandboxRedisSettings;
    maxConcurrency?: number;
    /** Where snapshots are written (`provisioning.providers.sandbox.snapshotDirectory`). */
    snapshotDirectory: string;
  }) {
    const url = new URL(options.settings.connection);
    if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
      throw new Error(
        `provisioning.providers.sandbox.redis.connection must be a redis:// or rediss:// URL, got ${url.protocol}`,
      );
    }
    this.admin = {
      host: decodeURIComponent(url.hostname),
      port: Number(url.port || 6379),
      username: url.username ? decodeURIComponent(url.username) : undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      tls: url.protocol === 'rediss:' ? {} : undefined,
    };
    this.host = options.settings.host ?? this.admin.host!;
    this.port = options.settings.port ?? this.admin.port!;
    this.limit = new ConcurrencyLimit(options.maxConcurrency ?? 4);
    this.operations = new SandboxRedisOperations(
      {
        userOf: request => SandboxRedisProvider.userOf(request),
        withAdmin: fn => this.limit.run(() => this.withAdmin(fn)),
        verifyLogin: (username, password) =>
          this.verifyLogin(username, password),
      },
      options.snapshotDirectory,
    );
  }

  /** The ACL user and key prefix of a request. */
  static userOf(request: Pick<DatabaseRequest, 'id' | 'name'>) {
    const username = sandboxIdentifier(request);
    return { username, keyPrefix: redisKeyPrefix(username) };
  }

  async provision(
    request: DatabaseRequest,
    ctx: ProviderContext,
  ): Promise<ProvisioningStatus> {
    let user: { username: string; keyPrefix: string };
    try {
      user = SandboxRedisProvider.userOf(request);
    } catch (error) {
      return { state: 'failed', retryable: false, message: describe(error) };
    }
    try {
      const password = await ctx.secrets.getOrCreate(
        request.id,
        generatePassword,
      );
      if (!ISSUED_PASSWORD_PATTERN.test(password)) {
        throw new InvalidIdentifierError(
          'stored password has an unexpected format',
        );
      }
      await this.limit.run(() =>
        this.withAdmin(async admin => {
          // `reset` first, so a retry or a changed rule set leaves exactly these rules.
          await admin.call(
            'ACL',
            'SETUSER',
            user.username,
            'reset',
            'on',
            `>${password}`,
            ...redisUserRules(user.keyPrefix),
          );
          await saveAcl(admin);
        }),
      );
      ctx.logger.info(
        `Sandbox Redis user ${user.username} exists; verifying its credentials`,
      );
      return await this.verify(request, user, password);
    } catch (error) {
      return {
        state: 'failed',
        retryable: isRetryable(error),
        message: `Sandbox Redis provisioning of ${
          user.username
        } failed: ${describe(error)}`,
      };
    }
  }

  async status(
    request: DatabaseRequest,
    ctx: ProviderContext,
  ): Promise<ProvisioningStatus> {
    return sandboxStatus(
      {
        loginOf: SandboxRedisProvider.userOf,
        verify: (r, user, password) => this.verify(r, user, password),
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
    const user = SandboxRedisProvider.userOf(request);
    const removed = await this.limit.run(() =>
      this.withAdmin(async admin => {
        // The user goes first (ACL DELUSER also closes its connections), so nothing writes
        // under the prefix while its keys are removed.
        await admin.call('ACL', 'DELUSER', user.username);
        await saveAcl(admin);
        let cursor = '0';
        let count = 0;
        do {
          const [next, keys] = (await admin.call(
            'SCAN',
            cursor,
            'MATCH',
            `${user.keyPrefix}*`,
            'COUNT',
            String(SCAN_BATCH),
          )) as [string, string[]];
          if (keys.length) {
            count += Number(await admin.call('UNLINK', ...keys));
          }
          cursor = next;
        } while (cursor !== '0');
        return count;
      }),
    );
    ctx.logger.info(
      `Sandbox Redis user ${user.username} deleted with ${removed} keys`,
    );
  }

  private async verify(
    request: DatabaseRequest,
    user: { username: string; keyPrefix: string },
    password: string,
  ): Promise<ProvisioningStatus> {
    const client = this.connect({
      ...this.admin,
      host: this.host,
      port: this.port,
      username: user.username,
      password,
    });
    try {
      await client.connect();
      // A failed AUTH leaves the connection as `default`; only WHOAMI tells whose it is.
      const whoami = await client.call('ACL', 'WHOAMI');
      if (whoami !== user.username) {
        return {
          state: 'failed',
          retryable: false,
          message: `The issued credentials of ${user.username} did not authenticate (connection is ${whoami})`,
        };
      }
      const probe = `${user.keyPrefix}paved:probe`;
      await client.set(probe, request.id, 'PX', 10_000);
      await client.del(probe);
    } finally {
      client.disconnect();
    }
    return {
      state: 'ready',
      outputs: {
        host: this.host,
        port: this.port,
        database: '0',
        username: user.username,
        keyPrefix: user.keyPrefix,
        credentialsRef: `paved-secret:${request.id}`,
        connectionSecret: databaseConnectionSecretName(request),
      },
      message: 'Authenticated with the issued credentials and wrote a key',
    };
  }

  /** Authenticates as the user; throws unless the connection is that user's. */
  private async verifyLogin(username: string, password: string) {
    const client = this.connect({
      ...this.admin,
      host: this.host,
      port: this.port,
      username,
      password,
    });
    try {
      await client.connect();
      // A failed AUTH leaves the connection as `default`; only WHOAMI tells whose it is.
      const whoami = await client.call('ACL', 'WHOAMI');
      if (whoami !== username) {
        throw new Error(
          `The issued password of ${username} did not authenticate (connection is ${whoami})`,
        );
      }
    } finally {
      client.disconnect();
    }
  }

  private connect(options: RedisOptions): Redis {
    const client = new Redis({
      ...options,
      lazyConnect: true,
      connectTimeout: 10_000,
      // Fail fast: the processing loop retries with backoff, not the client.
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
      // The ready check runs INFO, a @dangerous command sandbox users may not run.
      enableReadyCheck: false,
      disableClientInfo: true,
    });
    // Errors surface through the awaited commands; this only keeps them off the event emitter.
    client.on('error', () => undefined);
    return client;
  }

  private async withAdmin<T>(fn: (admin: Redis) => Promise<T>): Promise<T> {
    const admin = this.connect(this.admin);
    try {
      await admin.connect();
      return await fn(admin);
    } finally {
      admin.disconnect();
    }
  }
}
