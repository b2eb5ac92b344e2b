import type { DatabaseRequest } from '@paved/plugin-provisioning-common';
import {
  unifiedFileDiff,
  type DatabaseOperationsProvider,
  type ProviderContext,
  type SnapshotRecord,
} from '@paved/plugin-provisioning-node';
import type { CommittedSnapshots } from './moduleCall';
import type { TerraformDatabaseProvider } from './TerraformDatabaseProvider';

const SNAPSHOT_ID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const GIB = 1024 ** 3;

/** The RDS snapshot identifier of a Paved snapshot: a letter first, single hyphens. */
export function rdsSnapshotIdentifier(snapshotId: string): string {
  if (!SNAPSHOT_ID.test(snapshotId)) {
    throw new Error(`snapshot id "${snapshotId.slice(0, 80)}" is not a UUID`);
  }
  return `paved-${snapshotId}`;
}

/** `terraform:<file>#<RDS snapshot identifier>`: where the snapshot is declared. */
function locationOf(filePath: string, snapshotId: string): string {
  return `terraform:${filePath}#${rdsSnapshotIdentifier(snapshotId)}`;
}

/**
 * Snapshot and restore through the request's module call, so they go through the same review,
 * plan and apply as the database itself:
 * - snapshot: the RDS snapshot identifier is added to the call's `snapshots` (the module declares
 *   an `aws_db_snapshot` for each);
 * - restore: `restore_from_snapshot` names it (the module passes it to `snapshot_identifier`,
 *   which makes Terraform replace the instance with one restored from the snapshot); approvers
 *   see the exact diff first;
 * - removing an expired snapshot drops it from `snapshots`, so the next apply deletes it.
 * Every rendering is checked against the module's variables like the instance's. What is listed
 * is what was committed: a restore refuses a snapshot the committed file does not declare.
 */
export class TerraformSnapshotOperations {
  constructor(private readonly provider: TerraformDatabaseProvider) {}

  operations(): DatabaseOperationsProvider {
    return {
      snapshot: (request, id, ctx) => this.snapshot(request, id, ctx),
      planRestore: (request, snapshot) => this.planRestore(request, snapshot),
      restore: (request, snapshot, ctx) => this.restore(request, snapshot, ctx),
      deleteSnapshot: (request, snapshot, ctx) =>
        this.deleteSnapshot(request, snapshot, ctx),
    };
  }

  async snapshot(
    request: DatabaseRequest,
    snapshotId: string,
    ctx: ProviderContext,
  ): Promise<SnapshotRecord> {
    const identifier = rdsSnapshotIdentifier(snapshotId);
    const { hcl, snapshots } = await this.provider.readCommitted(request);
    const filePath = this.provider.filePath(request);
    if (hcl === undefined) {
      throw new Error(
        `${filePath} is missing from the infrastructure repository`,
      );
    }
    // A repeated step finds its identifier committed and commits nothing new.
    const next: CommittedSnapshots = snapshots.snapshots.includes(identifier)
      ? snapshots
      : { ...snapshots, snapshots: [...snapshots.snapshots, identifier] };
    const { commit, run } = await this.provider.commitAndRun(
      request,
      await this.provider.render(request, next),
      'snapshot',
      `provisioning: snapshot ${identifier} of ${request.name} (${request.environment}), request ${request.id}`,
    );
    ctx.logger.info(
      `Snapshot ${identifier} declared in ${filePath} at ${commit}${
        run ? `; Terraform Cloud run ${run.id} (${run.status})` : ''
      }`,
    );
    return {
      location: locationOf(filePath, snapshotId),
      // RDS reports a snapshot's size as the allocated storage of the instance it copies.
      sizeBytes: request.storageGB * GIB,
      message: `${identifier} declared in ${filePath} at ${commit}; RDS takes it when ${
        run
          ? `Terraform Cloud run ${run.id} is applied`
          : 'the change is applied'
      }`,
    };
  }

  async planRestore(
    request: DatabaseRequest,
    snapshot: SnapshotRecord & { id: string },
  ): Promise<{ diff: string }> {
    const { hcl, after } = await this.restored(request, snapshot);
    return {
      diff: unifiedFileDiff(this.provider.filePath(request), hcl, after),
    };
  }

  async restore(
    request: DatabaseRequest,
    snapshot: SnapshotRecord & { id: string },
    ctx: ProviderContext,
  ): Promise<{ message: string }> {
    const { identifier, after } = await this.restored(request, snapshot);
    const { commit, run } = await this.provider.commitAndRun(
      request,
      after,
      'restore',
      `provisioning: restore ${request.name} (${request.environment}) from snapshot ${identifier}, request ${request.id}`,
    );
    const message = `Restore from ${identifier} committed at ${commit}; the instance is replaced when ${
      run ? `Terraform Cloud run ${run.id} is applied` : 'the change is applied'
    }`;
    ctx.logger.info(`${request.name}: ${message}`);
    return { message };
  }

  async deleteSnapshot(
    request: DatabaseRequest,
    snapshot: SnapshotRecord & { id: string },
    ctx: ProviderContext,
  ): Promise<void> {
    const identifier = this.identifierOf(request, snapshot);
    const { hcl, snapshots } = await this.provider.readCommitted(request);
    // The database's file is gone (deprovisioned): its snapshots went with it.
    if (hcl === undefined || !snapshots.snapshots.includes(identifier)) return;
    const { commit } = await this.provider.commitAndRun(
      request,
      await this.provider.render(request, {
        ...snapshots,
        snapshots: snapshots.snapshots.filter(s => s !== identifier),
      }),
      'delete-snapshot',
      `provisioning: remove snapshot ${identifier} of ${request.name} (${request.environment}), request ${request.id}`,
    );
    ctx.logger.info(`Snapshot ${identifier} removed at ${commit}`);
  }

  /** The committed file, and the file with the restore, validated; refuses unknown snapshots. */
  private async restored(
    request: DatabaseRequest,
    snapshot: SnapshotRecord & { id: string },
  ): Promise<{ identifier: string; hcl: string; after: string }> {
    const identifier = this.identifierOf(request, snapshot);
    const { hcl, snapshots } = await this.provider.readCommitted(request);
    const filePath = this.provider.filePath(request);
    if (hcl === undefined) {
      throw new Error(
        `${filePath} is missing from the infrastructure repository`,
      );
    }
    if (!snapshots.snapshots.includes(identifier)) {
      throw new Error(
        `Snapshot ${identifier} is not declared in ${filePath}; only committed snapshots can be restored`,
      );
    }
    const after = await this.provider.render(request, {
      ...snapshots,
      restoreFromSnapshot: identifier,
    });
    return { identifier, hcl, after };
  }

  private identifierOf(
    request: DatabaseRequest,
    snapshot: SnapshotRecord & { id: string },
  ): string {
    if (
      snapshot.location !==
      locationOf(this.provider.filePath(request), snapshot.id)
    ) {
      throw new Error(
        `snapshot ${snapshot.id} is not one of request ${request.id}`,
      );
    }
    return rdsSnapshotIdentifier(snapshot.id);
  }
}
