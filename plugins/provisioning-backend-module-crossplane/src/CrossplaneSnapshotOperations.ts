import type { DatabaseRequest } from '@paved/plugin-provisioning-common';
import {
  unifiedFileDiff,
  type DatabaseOperationsProvider,
  type ProviderContext,
  type SnapshotRecord,
} from '@paved/plugin-provisioning-node';
import type { CrossplaneDatabaseProvider } from './CrossplaneDatabaseProvider';
import {
  PostgreSQLInstanceManifest,
  rdsSnapshotIdentifier,
  renderPostgreSQLSnapshot,
  toYaml,
} from './manifest';
import type { XrdSchemaValidator } from './XrdSchemaValidator';

const GIB = 1024 ** 3;

type Snapshot = SnapshotRecord & { id: string };

/**
 * Snapshot and restore through Crossplane, delivered like the instance (a GitOps commit, or
 * server-side apply):
 * - snapshot: a PostgreSQLSnapshot XR (infrastructure/crossplane/snapshot) next to the instance,
 *   validated against its XRD; its Composition composes the RDS snapshot;
 * - restore: the instance re-rendered with `spec.restoreFromSnapshot`, validated against the
 *   instance's XRD; approvers see the exact diff first;
 * - removing an expired snapshot removes its XR (and so the RDS snapshot).
 * Only a snapshot whose XR was delivered can be restored.
 */
export class CrossplaneSnapshotOperations {
  constructor(
    private readonly provider: CrossplaneDatabaseProvider,
    private readonly validator: XrdSchemaValidator,
  ) {}

  operations(): DatabaseOperationsProvider {
    return {
      snapshot: (request, id, ctx) => this.snapshot(request, id, ctx),
      planRestore: (request, snapshot) => this.planRestore(request, snapshot),
      restore: (request, snapshot, ctx) => this.restore(request, snapshot, ctx),
      deleteSnapshot: (request, snapshot, ctx) =>
        this.deleteSnapshot(request, snapshot, ctx),
    };
  }

  /** The request's PostgreSQLSnapshot for a snapshot id, validated against the snapshot XRD. */
  render(
    request: DatabaseRequest,
    snapshotId: string,
  ): PostgreSQLInstanceManifest {
    const manifest = renderPostgreSQLSnapshot(
      request,
      snapshotId,
      this.provider.config,
    );
    const violations = this.validator.validate(manifest);
    if (violations.length > 0) {
      throw new Error(
        `The rendered ${
          manifest.kind
        } does not match the XRD schema: ${violations.join('; ')}`,
      );
    }
    return manifest;
  }

  async snapshot(
    request: DatabaseRequest,
    snapshotId: string,
    ctx: ProviderContext,
  ): Promise<SnapshotRecord> {
    const manifest = this.render(request, snapshotId);
    const where = await this.deliver(
      manifest,
      toYaml(manifest, request),
      `provisioning: snapshot ${manifest.spec.snapshotIdentifier} of ${manifest.spec.instanceName} for request ${request.id}`,
    );
    ctx.logger.info(
      `PostgreSQLSnapshot ${manifest.metadata.namespace}/${manifest.metadata.name} ${where}`,
    );
    return {
      location: this.locationOf(request, snapshotId),
      // RDS reports a snapshot's size as the allocated storage of the instance it copies.
      sizeBytes: request.storageGB * GIB,
      message: `PostgreSQLSnapshot ${manifest.metadata.name} ${where}; Crossplane takes the RDS snapshot once it is synced`,
    };
  }

  async planRestore(
    request: DatabaseRequest,
    snapshot: Snapshot,
  ): Promise<{ diff: string }> {
    const identifier = this.identifierOf(request, snapshot);
    const { text, restoredFrom } = await this.provider.delivered(request);
    const before =
      text ?? toYaml(this.provider.render(request, restoredFrom), request);
    const after = this.provider.render(request, identifier);
    return {
      diff: unifiedFileDiff(
        this.provider.manifestPath(after),
        before,
        toYaml(after, request),
      ),
    };
  }

  async restore(
    request: DatabaseRequest,
    snapshot: Snapshot,
    ctx: ProviderContext,
  ): Promise<{ message: string }> {
    const identifier = this.identifierOf(request, snapshot);
    const snapshotManifest = this.render(request, snapshot.id);
    if (!(await this.isDelivered(snapshotManifest))) {
      throw new Error(
        `PostgreSQLSnapshot ${snapshotManifest.metadata.namespace}/${snapshotManifest.metadata.name} was not delivered; only delivered snapshots can be restored`,
      );
    }
    const manifest = this.provider.render(request, identifier);
    const where = await this.deliver(
      manifest,
      toYaml(manifest, request),
      `provisioning: restore ${manifest.kind} ${manifest.metadata.namespace}/${manifest.metadata.name} from ${identifier} for request ${request.id}`,
    );
    const message = `restoreFromSnapshot ${identifier} on ${manifest.metadata.name} ${where}; RDS applies it only to an instance it creates, so the content changes once the managed Instance is replaced`;
    ctx.logger.info(message);
    return { message };
  }

  async deleteSnapshot(
    request: DatabaseRequest,
    snapshot: Snapshot,
    ctx: ProviderContext,
  ): Promise<void> {
    this.identifierOf(request, snapshot);
    const manifest = this.render(request, snapshot.id);
    const where = await this.deliver(
      manifest,
      null,
      `provisioning: remove snapshot ${manifest.spec.snapshotIdentifier} for request ${request.id}`,
    );
    ctx.logger.info(
      `PostgreSQLSnapshot ${manifest.metadata.namespace}/${manifest.metadata.name} removed: ${where}`,
    );
  }

  /** `<namespace>/snapshots/<name>.yaml` next to the instances of the namespace. */
  snapshotPath(manifest: PostgreSQLInstanceManifest): string {
    return [
      this.provider.config.gitops.directory,
      manifest.metadata.namespace,
      'snapshots',
      `${manifest.metadata.name}.yaml`,
    ]
      .filter(Boolean)
      .join('/');
  }

  /** Commits (or applies) the manifest, or removes it when `content` is null; says where. */
  private async deliver(
    manifest: PostgreSQLInstanceManifest,
    content: string | null,
    message: string,
  ): Promise<string> {
    const { repository, cluster, config } = this.provider;
    if (config.delivery === 'apply') {
      await (content === null
        ? cluster!.delete(manifest)
        : cluster!.apply(manifest));
      return content === null ? 'deleted in the cluster' : 'applied';
    }
    const path =
      manifest.kind === 'PostgreSQLSnapshot'
        ? this.snapshotPath(manifest)
        : this.provider.manifestPath(manifest);
    const result = await repository!.commitFiles([{ path, content }], message);
    return `${result.changed ? 'committed' : 'already'} at ${result.commit}`;
  }

  private async isDelivered(manifest: PostgreSQLInstanceManifest) {
    const { repository, cluster, config } = this.provider;
    if (config.delivery === 'apply') {
      return Boolean(await cluster!.read(manifest));
    }
    return (
      (await repository!.readFile(this.snapshotPath(manifest))) !== undefined
    );
  }

  /** `crossplane:<namespace>/<PostgreSQLSnapshot name>`. */
  private locationOf(request: DatabaseRequest, snapshotId: string): string {
    const manifest = renderPostgreSQLSnapshot(
      request,
      snapshotId,
      this.provider.config,
    );
    return `crossplane:${manifest.metadata.namespace}/${manifest.metadata.name}`;
  }

  private identifierOf(request: DatabaseRequest, snapshot: Snapshot): string {
    if (snapshot.location !== this.locationOf(request, snapshot.id)) {
      throw new Error(
        `snapshot ${snapshot.id} is not one of request ${request.id}`,
      );
    }
    return rdsSnapshotIdentifier(snapshot.id);
  }
}
