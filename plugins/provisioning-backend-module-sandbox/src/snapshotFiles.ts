import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import type { DatabaseRequest } from '@paved/plugin-provisioning-common';
import type { SnapshotRecord } from '@paved/plugin-provisioning-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  InvalidIdentifierError,
  UUID_PATTERN,
  sandboxIdentifier,
} from './identifiers';

/**
 * The sandbox's snapshot files: `<snapshotDirectory>/<request id>/<snapshot id><suffix>`. Both ids
 * are checked UUIDs, so no path can be smuggled in; the request's folder is the backend's alone
 * (0700) and so is each file (0600).
 */
export class SandboxSnapshotFiles {
  constructor(
    private readonly directory: string,
    /** What the engine's files end with: `.dump` (pg_dump), `.redis.jsonl`. */
    private readonly suffix: string,
  ) {}

  /** Where a snapshot of the request is kept, as the snapshot's location records it. */
  locationOf(
    request: Pick<DatabaseRequest, 'id' | 'name'>,
    snapshotId: string,
  ): string {
    sandboxIdentifier(request); // validates the request id
    if (!UUID_PATTERN.test(snapshotId)) {
      throw new InvalidIdentifierError(
        `snapshot id "${snapshotId.slice(0, 80)}" is not a UUID`,
      );
    }
    return `${request.id}/${snapshotId}${this.suffix}`;
  }

  /** The file of a snapshot; throws unless it is one of this request's. */
  fileOf(
    request: Pick<DatabaseRequest, 'id' | 'name'>,
    snapshot: SnapshotRecord & { id: string },
  ): string {
    if (snapshot.location !== this.locationOf(request, snapshot.id)) {
      throw new InvalidIdentifierError(
        `snapshot ${snapshot.id} is not one of request ${request.id}`,
      );
    }
    return resolveSafeChildPath(this.directory, snapshot.location);
  }

  /**
   * Writes a snapshot once: `fill` writes the partial file, which becomes the snapshot only when
   * complete. A repeated step finds the snapshot written before and keeps that point in time
   * (`written: false`, `fill` not called).
   */
  async write(
    request: Pick<DatabaseRequest, 'id' | 'name'>,
    snapshotId: string,
    fill: (partialFile: string) => Promise<void>,
  ): Promise<{ record: SnapshotRecord; written: boolean }> {
    const location = this.locationOf(request, snapshotId);
    const file = resolveSafeChildPath(this.directory, location);
    const existing = await fs.stat(file).catch(() => undefined);
    if (existing) {
      return { record: { location, sizeBytes: existing.size }, written: false };
    }
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const partial = `${file}.partial`;
    await fill(partial);
    await fs.chmod(partial, 0o600);
    await fs.rename(partial, file);
    const { size } = await fs.stat(file);
    return { record: { location, sizeBytes: size }, written: true };
  }

  /** Removes a snapshot of the request (gone already is fine), and its folder with the last one. */
  async delete(
    request: Pick<DatabaseRequest, 'id' | 'name'>,
    snapshot: SnapshotRecord & { id: string },
  ): Promise<void> {
    const file = this.fileOf(request, snapshot);
    await fs.rm(file, { force: true });
    await fs.rmdir(path.dirname(file)).catch(() => undefined);
  }
}
