import type { DatabaseRequest } from '@paved/plugin-provisioning-common';
import type {
  DatabaseOperationsProvider,
  OperationStatus,
  ProviderContext,
  ResizeChange,
  SnapshotRecord,
} from '@paved/plugin-provisioning-node';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type Redis from 'ioredis';
import { InvalidIdentifierError } from './identifiers';
import { ISSUED_PASSWORD_PATTERN } from './passwords';
import { SandboxSnapshotFiles } from './snapshotFiles';

/** Keys scanned, dumped or restored per round trip. */
const BATCH = 500;
const GIB = 1024 ** 3;

/** One line of a snapshot file: a key, its DUMP payload and its remaining time to live. */
interface SnapshotLine {
  /** base64 of the key's bytes. */
  k: string;
  /** base64 of the DUMP payload. */
  v: string;
  /** Milliseconds left to live when dumped; 0 for none. */
  ttl: number;
}

/** What the operations need of the sandbox Redis provider. */
export interface SandboxRedisAdmin {
  userOf(request: Pick<DatabaseRequest, 'id' | 'name'>): {
    username: string;
    keyPrefix: string;
  };
  withAdmin<T>(fn: (admin: Redis) => Promise<T>): Promise<T>;
  /** Authenticates as the user with the password; throws unless the connection is that user. */
  verifyLogin(username: string, password: string): Promise<void>;
}

/**
 * Operations on sandbox Redis users, on the provider's admin connection:
 * - rotate credentials: the user gets a second password (`ACL SETUSER u >new`; Redis ACL keeps
 *   several per user), so clients on the old one keep working through the grace period; the
 *   revocation then leaves only the current one (`resetpass >current`, one atomic command: it
 *   also drops a password an interrupted attempt added, which `<old` would leave behind, and
 *   needs no old password, which Paved no longer holds);
 * - snapshot: every key under the user's prefix (SCAN), as DUMP payload and PTTL, into
 *   `<snapshotDirectory>/<request id>/<snapshot id>.redis.jsonl`. Not a point in time across keys:
 *   Redis has no snapshot of a key range, so writes during the scan may or may not be in it;
 * - restore: removes the prefix's keys, then RESTORE … REPLACE of each key of the file (the
 *   processor has taken the safety snapshot before);
 * - resize: Redis ACL has no per-user memory or key limit, so the size class is recorded, and
 *   refused only when the prefix already holds more than the new memory.
 */
export class SandboxRedisOperations implements DatabaseOperationsProvider {
  private readonly snapshots: SandboxSnapshotFiles;

  constructor(
    private readonly redis: SandboxRedisAdmin,
    snapshotDirectory: string,
  ) {
    this.snapshots = new SandboxSnapshotFiles(
      snapshotDirectory,
      '.redis.jsonl',
    );
  }

  async resize(
    request: DatabaseRequest,
    change: ResizeChange,
  ): Promise<OperationStatus> {
    const { keyPrefix } = this.redis.userOf(request);
    const used = await this.redis.withAdmin(async admin => {
      let bytes = 0;
      for await (const keys of scanPrefix(admin, keyPrefix)) {
        const pipeline = admin.pipeline();
        for (const key of keys) pipeline.call('MEMORY', 'USAGE', key);
        for (const [, value] of (await pipeline.exec()) ?? []) {
          bytes += Number(value ?? 0);
        }
      }
      return bytes;
    });
    const limit = change.storageGB * GIB;
    if (used > limit) {
      return {
        state: 'failed',
        retryable: false,
        message: `The cache already holds ${used} bytes, more than the ${change.storageGB} GB asked for; remove keys first`,
      };
    }
    return {
      state: 'done',
      message: `recorded (${used} bytes in use); the sandbox Redis is shared and Redis ACL has no per-user memory or key limit, so it is not enforced there`,
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
    const { username } = this.redis.userOf(request);
    await this.redis.withAdmin(async admin => {
      // Adds a password; the ones the user has keep working.
      await admin.call('ACL', 'SETUSER', username, `>${password}`);
      await saveAcl(admin);
    });
    await this.redis.verifyLogin(username, password);
    ctx.logger.info(
      `Sandbox Redis ${username}: new password issued, the previous one still works`,
    );
    return { username };
  }

  async revokeCredentials(
    request: DatabaseRequest,
    username: string,
    ctx: ProviderContext,
  ): Promise<void> {
    const user = this.redis.userOf(request);
    if (username !== user.username) {
      throw new InvalidIdentifierError(
        `login "${username.slice(0, 80)}" is not one of request ${request.id}`,
      );
    }
    const current = await ctx.secrets.get(request.id);
    if (!current || !ISSUED_PASSWORD_PATTERN.test(current)) {
      throw new Error(`No current password of request ${request.id} to keep`);
    }
    await this.redis.withAdmin(async admin => {
      await admin.call('ACL', 'SETUSER', username, 'resetpass', `>${current}`);
      await saveAcl(admin);
      // Revoked means revoked: connections authenticated with an old password are closed too.
      // Redis does not tell which password a connection used, so all of the user's close;
      // clients on the current password reconnect with it.
      await admin.call('CLIENT', 'KILL', 'USER', username).catch(() => 0);
    });
    ctx.logger.info(`Sandbox Redis ${username}: previous password revoked`);
  }

  async snapshot(
    request: DatabaseRequest,
    snapshotId: string,
    ctx: ProviderContext,
  ): Promise<SnapshotRecord> {
    const { keyPrefix, username } = this.redis.userOf(request);
    let count = 0;
    const { record, written } = await this.snapshots.write(
      request,
      snapshotId,
      async partial => {
        const out = await fs.open(partial, 'w', 0o600);
        try {
          await this.redis.withAdmin(async admin => {
            for await (const keys of scanPrefix(admin, keyPrefix)) {
              const pipeline = admin.pipeline();
              for (const key of keys) {
                pipeline.dumpBuffer(key);
                pipeline.pttl(key);
              }
              const replies = (await pipeline.exec()) ?? [];
              const lines: string[] = [];
              keys.forEach((key, i) => {
                const payload = replies[2 * i]?.[1] as Buffer | null;
                const ttl = Number(replies[2 * i + 1]?.[1]);
                // Gone between SCAN and DUMP (deleted or expired): not part of the snapshot.
                if (!payload || ttl === -2) return;
                const line: SnapshotLine = {
                  k: key.toString('base64'),
                  v: payload.toString('base64'),
                  ttl: ttl > 0 ? ttl : 0,
                };
                lines.push(JSON.stringify(line));
              });
              if (lines.length) await out.write(`${lines.join('\n')}\n`);
              count += lines.length;
            }
          });
        } finally {
          await out.close();
        }
      },
    );
    if (written) {
      ctx.logger.info(
        `Sandbox Redis ${username}: snapshot ${snapshotId} written with ${count} keys`,
      );
    }
    return record;
  }

  async restore(
    request: DatabaseRequest,
    snapshot: SnapshotRecord & { id: string },
    ctx: ProviderContext,
  ): Promise<void> {
    const { keyPrefix, username } = this.redis.userOf(request);
    const file = this.snapshots.fileOf(request, snapshot);
    await fs.access(file);
    const prefix = Buffer.from(keyPrefix);
    // Read through once before anything is removed: a damaged file, or one naming keys outside
    // the prefix, leaves the cache as it is.
    for await (const line of readSnapshot(file)) {
      if (!line.key.subarray(0, prefix.length).equals(prefix)) {
        throw new InvalidIdentifierError(
          `snapshot ${snapshot.id} holds a key outside ${keyPrefix}`,
        );
      }
    }
    const restored = await this.redis.withAdmin(async admin => {
      // Keys written after the snapshot go too: the content is exactly the snapshot's.
      for await (const keys of scanPrefix(admin, keyPrefix)) {
        await admin.unlink(...keys);
      }
      let count = 0;
      let pipeline = admin.pipeline();
      for await (const line of readSnapshot(file)) {
        if (!line.key.subarray(0, prefix.length).equals(prefix)) {
          throw new InvalidIdentifierError(
            `snapshot ${snapshot.id} changed while it was restored`,
          );
        }
        pipeline.restore(line.key, line.ttl, line.payload, 'REPLACE');
        if (++count % BATCH === 0) {
          await execOrThrow(pipeline);
          pipeline = admin.pipeline();
        }
      }
      await execOrThrow(pipeline);
      return count;
    });
    ctx.logger.info(
      `Sandbox Redis ${username}: restored ${restored} keys of snapshot ${snapshot.id}`,
    );
  }

  async deleteSnapshot(
    request: DatabaseRequest,
    snapshot: SnapshotRecord & { id: string },
  ): Promise<void> {
    await this.snapshots.delete(request, snapshot);
  }
}

/** The entries of a snapshot file, one per line; throws on a line that is not one. */
async function* readSnapshot(
  file: string,
): AsyncGenerator<{ key: Buffer; payload: Buffer; ttl: number }> {
  const lines = createInterface({ input: createReadStream(file) });
  for await (const text of lines) {
    if (!text) continue;
    const line = JSON.parse(text) as SnapshotLine;
    if (
      typeof line.k !== 'string' ||
      typeof line.v !== 'string' ||
      !Number.isInteger(line.ttl) ||
      line.ttl < 0
    ) {
      throw new Error(`${path.basename(file)} has a malformed line`);
    }
    yield {
      key: Buffer.from(line.k, 'base64'),
      payload: Buffer.from(line.v, 'base64'),
      ttl: line.ttl,
    };
  }
}

/** The keys under a prefix, a batch per SCAN round trip, as raw bytes. */
async function* scanPrefix(
  admin: Redis,
  keyPrefix: string,
): AsyncGenerator<Buffer[]> {
  let cursor = '0';
  do {
    const [next, keys] = await admin.scanBuffer(
      cursor,
      'MATCH',
      `${keyPrefix}*`,
      'COUNT',
      BATCH,
    );
    if (keys.length) yield keys;
    cursor = next.toString();
  } while (cursor !== '0');
}

async function execOrThrow(pipeline: ReturnType<Redis['pipeline']>) {
  for (const [error] of (await pipeline.exec()) ?? []) {
    if (error) throw error;
  }
}

/** Persists users when the server keeps them in an ACL file; without one they live in memory. */
export async function saveAcl(admin: Redis) {
  try {
    await admin.call('ACL', 'SAVE');
  } catch (error) {
    if (!/not configured to use an ACL file/i.test((error as Error).message)) {
      throw error;
    }
  }
}
