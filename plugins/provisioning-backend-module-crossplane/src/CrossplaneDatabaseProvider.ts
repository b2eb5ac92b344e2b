import type { Config } from '@backstage/config';
import path from 'node:path';
import type {
  DatabaseRequest,
  DatabaseType,
} from '@paved/plugin-provisioning-common';
import { parse as parseYaml } from 'yaml';
import type { PlatformSettings } from '@paved/backend-platform';
import {
  GitRepository,
  operationStatusFromInstance,
  unifiedFileDiff,
  type DatabaseOperationsProvider,
  type DatabaseProvider,
  type OperationStatus,
  type ProviderAdmissionViolation,
  type ProviderContext,
  type ProviderDrift,
  type ProviderEngines,
  type ProvisioningStatus,
  type ResizeChange,
} from '@paved/plugin-provisioning-node';
import {
  CompositeResourceCluster,
  KubernetesCompositeResourceCluster,
} from './ClusterClient';
import {
  CrossplaneProviderConfig,
  readCrossplaneProviderConfig,
} from './config';
import { PostgreSQLInstanceManifest, toYaml } from './manifest';
import {
  CROSSPLANE_ENGINES,
  statusFromConditions,
  type CrossplaneEngine,
} from './engines';
import { XrdSchemaValidator } from './XrdSchemaValidator';
import { ManifestPolicies } from './ManifestPolicies';
import { committedManifestDrift, liveObjectDrift } from './drift';
import { CrossplaneSnapshotOperations } from './CrossplaneSnapshotOperations';

/** The rendered manifest breaks the XRD's schema; retrying cannot help. */
class ManifestInvalidError extends Error {}

export interface CrossplaneDatabaseProviderOptions {
  config: CrossplaneProviderConfig;
  validator: XrdSchemaValidator;
  /** Validates rendered PostgreSQLSnapshots; absent when the engine or mode has none. */
  snapshotValidator?: XrdSchemaValidator;
  /** The engine this instance renders (default PostgreSQL). */
  engine?: CrossplaneEngine;
  /** Required for `delivery: gitops`. */
  repository?: GitRepository;
  /** Required for `delivery: apply`; with gitops it is where status is read back. */
  cluster?: CompositeResourceCluster;
  /** The admission policies a manifest must pass before it is committed or applied. */
  policies?: ManifestPolicies;
}

/**
 * Provisions PostgreSQL through Crossplane: renders a PostgreSQLInstance for the request, checks it
 * against the XRD's schema, and hands it to the cluster either through a GitOps repository or by
 * server-side apply. Readiness comes only from the cluster (the XR's Ready condition); without a
 * cluster connection the request stays pending after the commit, since a commit is not a database.
 */
export class CrossplaneDatabaseProvider implements DatabaseProvider {
  /**
   * One provider per engine whose XRD exists for the configured mode, sharing the GitOps
   * repository and cluster connection.
   */
  static async enginesFromConfig(
    rootConfig: Config,
    platform: Pick<PlatformSettings, 'gitHostDirectory'>,
  ): Promise<ProviderEngines> {
    const config = readCrossplaneProviderConfig(rootConfig, platform);
    const repository =
      config.delivery === 'gitops'
        ? new GitRepository(config.gitops)
        : undefined;
    const cluster = config.cluster
      ? new KubernetesCompositeResourceCluster(
          config.cluster,
          config.fieldManager,
        )
      : undefined;
    const policies = await ManifestPolicies.fromDirectory(
      config.policiesDirectory,
    );
    const engines: Partial<Record<DatabaseType, CrossplaneDatabaseProvider>> =
      {};
    for (const type of Object.keys(CROSSPLANE_ENGINES) as DatabaseType[]) {
      const engine: CrossplaneEngine = CROSSPLANE_ENGINES[type];
      const xrdFile = engine.xrdFile[config.mode];
      if (!xrdFile) continue;
      const validator = await XrdSchemaValidator.fromFile(
        path.join(config.definitionsDirectory, xrdFile),
        config.mode,
      );
      const snapshotXrdFile = engine.snapshotXrdFile?.[config.mode];
      engines[type] = new CrossplaneDatabaseProvider({
        config,
        validator,
        snapshotValidator: snapshotXrdFile
          ? await XrdSchemaValidator.fromFile(
              path.join(config.definitionsDirectory, snapshotXrdFile),
              config.mode,
            )
          : undefined,
        engine,
        repository,
        cluster,
        policies,
      });
    }
    return engines;
  }

  /** The PostgreSQL provider of {@link CrossplaneDatabaseProvider.enginesFromConfig}. */
  static async fromConfig(
    rootConfig: Config,
    platform: Pick<PlatformSettings, 'gitHostDirectory'>,
  ): Promise<CrossplaneDatabaseProvider> {
    const engines = await CrossplaneDatabaseProvider.enginesFromConfig(
      rootConfig,
      platform,
    );
    return engines.postgresql as CrossplaneDatabaseProvider;
  }

  readonly operations: DatabaseOperationsProvider;

  constructor(private readonly options: CrossplaneDatabaseProviderOptions) {
    if (options.config.delivery === 'gitops' && !options.repository) {
      throw new Error(
        'The crossplane provider needs a GitOps repository for delivery "gitops"',
      );
    }
    if (options.config.delivery === 'apply' && !options.cluster) {
      throw new Error(
        'The crossplane provider needs a cluster for delivery "apply"',
      );
    }
    // Resize: the manifest re-rendered with the new size and storage, validated against the
    // XRD like the instance; approvers see the exact diff of the file that will be committed.
    const resize: DatabaseOperationsProvider = {
      planResize: (request, change) => this.planResize(request, change),
      resize: (request, change, ctx) => this.resize(request, change, ctx),
    };
    const noSnapshots = `the crossplane provider has no snapshot XRD for this engine in mode "${options.config.mode}"`;
    this.operations = options.snapshotValidator
      ? {
          ...resize,
          ...new CrossplaneSnapshotOperations(
            this,
            options.snapshotValidator,
          ).operations(),
        }
      : {
          ...resize,
          unsupported: { snapshot: noSnapshots, restore: noSnapshots },
        };
  }

  get config(): CrossplaneProviderConfig {
    return this.options.config;
  }

  get repository(): GitRepository | undefined {
    return this.options.repository;
  }

  get cluster(): CompositeResourceCluster | undefined {
    return this.options.cluster;
  }

  /**
   * The manifest for a request, validated; throws with every schema violation listed.
   * `restoreFromSnapshot` is what a restore committed, carried over by later renderings.
   */
  render(
    request: DatabaseRequest,
    restoreFromSnapshot?: string,
  ): PostgreSQLInstanceManifest {
    const manifest = (
      this.options.engine ?? CROSSPLANE_ENGINES.postgresql
    ).render(request, this.options.config);
    if (restoreFromSnapshot) {
      manifest.spec.restoreFromSnapshot = restoreFromSnapshot;
    }
    const violations = this.options.validator.validate(manifest);
    if (violations.length > 0) {
      throw new ManifestInvalidError(
        `The rendered ${
          manifest.kind
        } does not match the XRD schema: ${violations.join('; ')}`,
      );
    }
    return manifest;
  }

  /**
   * The manifest about to be committed or applied: rendered, validated against the XRD, and
   * admitted by the platform's policies (throws a ManifestPolicyError naming each violation).
   */
  renderAdmitted(
    request: DatabaseRequest,
    operation: 'CREATE' | 'UPDATE',
    restoreFromSnapshot?: string,
  ): PostgreSQLInstanceManifest {
    const manifest = this.render(request, restoreFromSnapshot);
    this.options.policies?.admit(manifest, operation);
    return manifest;
  }

  /** The instance's manifest as delivered (the GitOps file, or the cluster's object). */
  async delivered(request: DatabaseRequest): Promise<{
    text?: string;
    /** The snapshot a restore delivered to the instance, if any. */
    restoredFrom?: string;
  }> {
    const rendered = this.render(request);
    let text: string | undefined;
    let manifest: PostgreSQLInstanceManifest | undefined;
    if (this.options.config.delivery === 'gitops') {
      text = await this.options.repository!.readFile(
        this.manifestPath(rendered),
      );
      manifest = text ? parseYaml(text) : undefined;
    } else {
      manifest = await this.options.cluster!.read(rendered);
    }
    const value = manifest?.spec?.restoreFromSnapshot;
    return {
      text,
      restoredFrom: typeof value === 'string' ? value : undefined,
    };
  }

  /** The diff of the GitOps file (or, with `apply`, of the manifest) a resize will change. */
  async planResize(
    request: DatabaseRequest,
    change: ResizeChange,
  ): Promise<{ diff: string }> {
    const resized = { ...request, ...change };
    const { text, restoredFrom } = await this.delivered(request);
    // Approvers never see a change Paved would refuse to commit: a 400 naming the policy instead.
    const manifest = this.renderAdmitted(resized, 'UPDATE', restoredFrom);
    const file = this.manifestPath(manifest);
    const before = text ?? toYaml(this.render(request, restoredFrom), request);
    return { diff: unifiedFileDiff(file, before, toYaml(manifest, resized)) };
  }

  async resize(
    request: DatabaseRequest,
    change: ResizeChange,
    ctx: ProviderContext,
  ): Promise<OperationStatus> {
    const resized = { ...request, ...change };
    const rendered = this.tryRender(
      resized,
      'UPDATE',
      (await this.delivered(request)).restoredFrom,
    );
    if ('state' in rendered) {
      return rendered as OperationStatus;
    }
    const target = `${rendered.kind} ${rendered.metadata.namespace}/${rendered.metadata.name}`;
    try {
      if (this.options.config.delivery === 'apply') {
        await this.options.cluster!.apply(rendered);
      } else {
        const result = await this.options.repository!.commitFiles(
          [
            {
              path: this.manifestPath(rendered),
              content: toYaml(rendered, resized),
            },
          ],
          `provisioning: resize ${target} to ${change.size}, ${change.storageGB} GB for request ${request.id}`,
        );
        ctx.logger.info(
          `Committed the resize of ${target} at ${result.commit}`,
        );
        if (!this.options.cluster) {
          // Without a cluster connection nothing more can be observed than the commit.
          return {
            state: 'done',
            message: `committed to the GitOps repository at ${result.commit}; the cluster applies it on its next sync`,
          };
        }
      }
      // Done once the cluster holds the new spec and is Ready with it, not on the old Ready.
      const live = await this.options.cluster!.read(rendered);
      if (
        live?.spec?.size !== change.size ||
        live?.spec?.storageGB !== change.storageGB
      ) {
        return {
          state: 'pending',
          message: `Waiting for ${target} to carry ${change.size}, ${change.storageGB} GB`,
        };
      }
      return operationStatusFromInstance(statusFromConditions(live, rendered));
    } catch (error) {
      return {
        state: 'failed',
        retryable: true,
        message: `Could not hand the resize of ${target} to Crossplane: ${
          (error as Error).message
        }`,
      };
    }
  }

  /** Where the manifest lives in the GitOps repository. */
  manifestPath(manifest: PostgreSQLInstanceManifest): string {
    return [
      this.options.config.gitops.directory,
      manifest.metadata.namespace,
      `${manifest.metadata.name}.yaml`,
    ]
      .filter(Boolean)
      .join('/');
  }

  async provision(
    request: DatabaseRequest,
    ctx: ProviderContext,
  ): Promise<ProvisioningStatus> {
    const rendered = this.tryRender(request, 'CREATE');
    if ('state' in rendered) {
      return rendered;
    }
    const manifest = rendered;
    const { repository, cluster } = this.options;
    const target = `${manifest.kind} ${manifest.metadata.namespace}/${manifest.metadata.name}`;

    try {
      if (this.options.config.delivery === 'apply') {
        await cluster!.apply(manifest);
        ctx.logger.info(`Applied ${target} for request ${request.id}`);
        return await this.readBack(manifest);
      }

      const result = await repository!.commitFiles(
        [
          {
            path: this.manifestPath(manifest),
            content: toYaml(manifest, request),
          },
        ],
        `provisioning: ${target} for request ${request.id}`,
      );
      ctx.logger.info(
        result.changed
          ? `Committed ${target} for request ${request.id} to ${
              repository!.location
            } at ${result.commit}`
          : `${target} for request ${request.id} already at ${
              result.commit
            } in ${repository!.location}`,
      );
      if (cluster) {
        return await this.readBack(manifest);
      }
      return waitingForReconcile(result.commit);
    } catch (error) {
      return {
        state: 'failed',
        retryable: true,
        message: `Could not hand ${target} to Crossplane: ${
          (error as Error).message
        }`,
      };
    }
  }

  async status(request: DatabaseRequest): Promise<ProvisioningStatus> {
    const rendered = this.tryRender(request);
    if ('state' in rendered) {
      return rendered;
    }
    const manifest = rendered;
    try {
      if (this.options.cluster) {
        return await this.readBack(manifest);
      }
      const commit = await this.options.repository!.lastCommitFor(
        this.manifestPath(manifest),
      );
      if (!commit) {
        return {
          state: 'failed',
          retryable: true,
          message: `${this.manifestPath(
            manifest,
          )} is missing from the GitOps repository`,
        };
      }
      return waitingForReconcile(commit);
    } catch (error) {
      return {
        state: 'failed',
        retryable: true,
        message: `Could not read the state of ${manifest.kind} ${
          manifest.metadata.namespace
        }/${manifest.metadata.name}: ${(error as Error).message}`,
      };
    }
  }

  /** A new request: the manifest it would render must fit the XRD and pass the policies. */
  async admit(request: DatabaseRequest): Promise<ProviderAdmissionViolation[]> {
    let manifest: PostgreSQLInstanceManifest;
    try {
      manifest = this.render(request);
    } catch (error) {
      return [
        {
          field: '',
          problem: (error as Error).message,
          rule: 'crossplane-xrd',
        },
      ];
    }
    return this.options.policies?.violations(manifest, 'CREATE') ?? [];
  }

  /** What was delivered (the committed file, or the cluster object with `apply`) against the approved request. */
  async drift(request: DatabaseRequest): Promise<ProviderDrift> {
    const rendered = this.tryRender(request);
    if ('state' in rendered) {
      return { state: 'unknown', detail: rendered.message ?? 'cannot render' };
    }
    try {
      return this.options.config.delivery === 'gitops'
        ? await committedManifestDrift({
            repository: this.options.repository!,
            file: this.manifestPath(rendered),
            approved: rendered,
            approvedText: toYaml(rendered, request),
          })
        : await liveObjectDrift({
            cluster: this.options.cluster!,
            approved: rendered,
          });
    } catch (error) {
      return {
        state: 'unknown',
        detail: `Could not read what was delivered for ${rendered.kind} ${
          rendered.metadata.namespace
        }/${rendered.metadata.name}: ${(error as Error).message}`,
      };
    }
  }

  async deprovision(
    request: DatabaseRequest,
    ctx: ProviderContext,
  ): Promise<void> {
    const manifest = this.render(request);
    const target = `${manifest.kind} ${manifest.metadata.namespace}/${manifest.metadata.name}`;
    if (this.options.config.delivery === 'apply') {
      await this.options.cluster!.delete(manifest);
      ctx.logger.info(`Deleted ${target} for request ${request.id}`);
      return;
    }
    // Removing the file is the GitOps way to delete: the sync tool prunes the object and Crossplane
    // deletes the cloud database with it.
    const result = await this.options.repository!.commitFiles(
      [{ path: this.manifestPath(manifest), content: null }],
      `provisioning: remove ${target} for request ${request.id}`,
    );
    ctx.logger.info(
      result.changed
        ? `Removed ${target} from ${this.options.repository!.location} at ${
            result.commit
          }`
        : `${target} was already absent from ${
            this.options.repository!.location
          }`,
    );
  }

  /** The manifest, or a final failure; with `operation`, the policies must admit it too. */
  private tryRender(
    request: DatabaseRequest,
    operation?: 'CREATE' | 'UPDATE',
    restoreFromSnapshot?: string,
  ): PostgreSQLInstanceManifest | ProvisioningStatus {
    try {
      return operation
        ? this.renderAdmitted(request, operation, restoreFromSnapshot)
        : this.render(request, restoreFromSnapshot);
    } catch (error) {
      // A request the XRD or a policy rejects will be rejected on every retry too.
      return {
        state: 'failed',
        retryable: false,
        message: (error as Error).message,
      };
    }
  }

  private async readBack(
    manifest: PostgreSQLInstanceManifest,
  ): Promise<ProvisioningStatus> {
    const live = await this.options.cluster!.read(manifest);
    const target = `${manifest.kind} ${manifest.metadata.namespace}/${manifest.metadata.name}`;
    if (!live) {
      return this.options.config.delivery === 'gitops'
        ? {
            state: 'pending',
            message: `Waiting for the GitOps sync to create ${target}`,
          }
        : {
            state: 'failed',
            retryable: true,
            message: `${target} does not exist in the cluster`,
          };
    }
    return statusFromConditions(
      live,
      manifest,
      this.options.engine ?? CROSSPLANE_ENGINES.postgresql,
    );
  }
}

function waitingForReconcile(commit: string): ProvisioningStatus {
  return {
    state: 'pending',
    message: `committed to GitOps repo ${commit}; waiting for the cluster to reconcile`,
  };
}
