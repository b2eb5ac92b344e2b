import type { Config } from '@backstage/config';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  ENGINE_DEFINITIONS,
  type DatabaseRequest,
  type DatabaseType,
} from '@paved/plugin-provisioning-common';
import type { PlatformSettings } from '@paved/backend-platform';
import {
  GitRepository,
  operationStatusFromInstance,
  unifiedFileDiff,
  type DatabaseOperationsProvider,
  type DatabaseProvider,
  type OperationStatus,
  type ProviderContext,
  type ProvisioningStatus,
  type ResizeChange,
} from '@paved/plugin-provisioning-node';
import { TerraformProviderConfig, readTerraformProviderConfig } from './config';
import {
  CommittedSnapshots,
  ModuleVariable,
  moduleBlockName,
  readCommittedSnapshots,
  readModuleVariables,
  renderModuleCall,
  validateModuleCall,
} from './moduleCall';
import { TerraformSnapshotOperations } from './TerraformSnapshotOperations';
import {
  TerraformCloudClient,
  TerraformRun,
  runOutcome,
} from './TerraformCloudClient';

/** The module an engine's requests are rendered against. */
export interface TerraformEngineModule {
  /** `source` of the rendered module call. */
  moduleSource: string;
  defaultVersion: string;
}

export interface TerraformDatabaseProviderOptions {
  config: TerraformProviderConfig;
  /** The variables of the engine's module. */
  variables: Map<string, ModuleVariable>;
  /** The engine's module (default: the PostgreSQL module of `config`). */
  module?: TerraformEngineModule;
  repository: GitRepository;
  terraformCloud?: TerraformCloudClient;
}

/**
 * Provisions one engine (PostgreSQL or Redis) through the platform's Terraform module for it: renders a module call for the
 * request, checks it against the module's variables, and commits it to the infrastructure
 * repository where the team's usual plan and apply (Atlantis, or a Terraform Cloud workspace)
 * takes over. With Terraform Cloud configured the provider starts the run itself and follows it
 * to the applied state and its outputs; without it, only a person applying the plan can make the
 * database exist, so the request stays pending and says so.
 */
export class TerraformDatabaseProvider implements DatabaseProvider {
  /**
   * One provider per engine (PostgreSQL and Redis modules), sharing the infrastructure
   * repository and the Terraform Cloud workspace.
   */
  static async enginesFromConfig(
    rootConfig: Config,
    platform: Pick<PlatformSettings, 'gitHostDirectory'>,
  ): Promise<Record<DatabaseType, TerraformDatabaseProvider>> {
    const config = readTerraformProviderConfig(rootConfig, platform);
    const repository = new GitRepository(config.repository);
    const terraformCloud = config.terraformCloud
      ? new TerraformCloudClient(config.terraformCloud)
      : undefined;
    return {
      postgresql: new TerraformDatabaseProvider({
        config,
        variables: await readModuleVariables(config.moduleDirectory),
        repository,
        terraformCloud,
      }),
      redis: new TerraformDatabaseProvider({
        config,
        variables: await readModuleVariables(config.redis.moduleDirectory),
        module: config.redis,
        repository,
        terraformCloud,
      }),
    };
  }

  /** The PostgreSQL provider of {@link TerraformDatabaseProvider.enginesFromConfig}. */
  static async fromConfig(
    rootConfig: Config,
    platform: Pick<PlatformSettings, 'gitHostDirectory'>,
  ): Promise<TerraformDatabaseProvider> {
    return (
      await TerraformDatabaseProvider.enginesFromConfig(rootConfig, platform)
    ).postgresql;
  }

  /**
   * Resize: the module call re-rendered with the new size and storage and checked against the
   * module's variables like the first one; approvers see the exact diff of the `.tf` file.
   * Snapshot and restore where the engine's module declares `snapshots` and
   * `restore_from_snapshot` (see {@link TerraformSnapshotOperations}).
   */
  readonly operations: DatabaseOperationsProvider;

  constructor(private readonly options: TerraformDatabaseProviderOptions) {
    const resize: DatabaseOperationsProvider = {
      planResize: (request, change) => this.planResize(request, change),
      resize: (request, change, ctx) => this.resize(request, change, ctx),
    };
    const source = (options.module ?? options.config).moduleSource;
    const noSnapshots = `the module ${source} declares no "snapshots" and "restore_from_snapshot" variables to render them with`;
    this.operations =
      options.variables.has('snapshots') &&
      options.variables.has('restore_from_snapshot')
        ? { ...resize, ...new TerraformSnapshotOperations(this).operations() }
        : {
            ...resize,
            unsupported: { snapshot: noSnapshots, restore: noSnapshots },
          };
  }

  get repository(): GitRepository {
    return this.options.repository;
  }

  async planResize(
    request: DatabaseRequest,
    change: ResizeChange,
  ): Promise<{ diff: string }> {
    const filePath = this.filePath(request);
    const committed = await this.repository.readFile(filePath);
    const after = await this.render(
      { ...request, ...change },
      await readCommittedSnapshots(filePath, committed),
    );
    const before = committed ?? (await this.render(request));
    return { diff: unifiedFileDiff(filePath, before, after) };
  }

  /** The request's committed file and the snapshots its module call carries. */
  async readCommitted(
    request: DatabaseRequest,
  ): Promise<{ hcl?: string; snapshots: CommittedSnapshots }> {
    const filePath = this.filePath(request);
    const hcl = await this.repository.readFile(filePath);
    return { hcl, snapshots: await readCommittedSnapshots(filePath, hcl) };
  }

  /**
   * Commits the request's file and, with Terraform Cloud, starts (or finds) the run for it;
   * returns the commit and the run, if any.
   */
  async commitAndRun(
    request: DatabaseRequest,
    content: string,
    action: RunAction,
    message: string,
  ): Promise<{ commit: string; run?: TerraformRun }> {
    const result = await this.repository.commitFiles(
      [{ path: this.filePath(request), content }],
      message,
    );
    if (!this.options.terraformCloud) return { commit: result.commit };
    return {
      commit: result.commit,
      run: await this.ensureRun(runMessage(action, request, result.commit)),
    };
  }

  async resize(
    request: DatabaseRequest,
    change: ResizeChange,
    ctx: ProviderContext,
  ): Promise<OperationStatus> {
    const resized = { ...request, ...change };
    let hcl: string;
    try {
      hcl = await this.render(
        resized,
        (
          await this.readCommitted(request)
        ).snapshots,
      );
    } catch (error) {
      return {
        state: 'failed',
        retryable: false,
        message: (error as Error).message,
      };
    }
    const filePath = this.filePath(request);
    try {
      const result = await this.options.repository.commitFiles(
        [{ path: filePath, content: hcl }],
        `provisioning: resize ${ENGINE_DEFINITIONS[request.type].title} ${
          request.name
        } (${request.environment}) to ${change.size}, ${
          change.storageGB
        } GB, request ${request.id}`,
      );
      ctx.logger.info(
        `Committed the resize of ${filePath} at ${result.commit}`,
      );
      if (!this.options.terraformCloud) {
        return {
          state: 'done',
          message: `committed ${filePath} at ${result.commit}; the team's terraform plan and apply takes it from there`,
        };
      }
      const run = await this.ensureRun(
        runMessage('resize', request, result.commit),
      );
      return operationStatusFromInstance(
        await this.statusFromRun(run, resized),
      );
    } catch (error) {
      return {
        state: 'failed',
        retryable: true,
        message: `Could not hand the resize of ${filePath} to Terraform: ${
          (error as Error).message
        }`,
      };
    }
  }

  /** `<directory>/<team>/<environment>/<name>.tf`: one root module per team and environment. */
  filePath(request: DatabaseRequest): string {
    const { namespace, name } = parseEntityRef(
      request.owner.toLocaleLowerCase('en-US'),
    );
    const team = namespace === 'default' ? name : `${namespace}-${name}`;
    return [
      this.options.config.repository.directory,
      team,
      request.environment,
      `${request.name}.tf`,
    ]
      .filter(Boolean)
      .join('/');
  }

  /** The request's file, parsed and checked against the module's variables; throws when invalid. */
  async render(
    request: DatabaseRequest,
    committed?: CommittedSnapshots,
  ): Promise<string> {
    const hcl = renderModuleCall(
      request,
      this.options.module ?? this.options.config,
      committed,
    );
    const problems = await validateModuleCall(
      this.filePath(request),
      hcl,
      this.options.variables,
    );
    if (problems.length > 0) {
      throw new Error(
        `The rendered Terraform does not fit the module: ${problems.join(
          '; ',
        )}`,
      );
    }
    return hcl;
  }

  async provision(
    request: DatabaseRequest,
    ctx: ProviderContext,
  ): Promise<ProvisioningStatus> {
    let hcl: string;
    try {
      hcl = await this.render(request);
    } catch (error) {
      return {
        state: 'failed',
        retryable: false,
        message: (error as Error).message,
      };
    }
    const filePath = this.filePath(request);
    try {
      const result = await this.options.repository.commitFiles(
        [{ path: filePath, content: hcl }],
        `provisioning: ${ENGINE_DEFINITIONS[request.type].title} ${
          request.name
        } (${request.environment}) for ${request.owner}, request ${request.id}`,
      );
      ctx.logger.info(
        `${
          result.changed ? 'Committed' : 'Already committed'
        } ${filePath} for request ${request.id} at ${result.commit}`,
      );
      if (!this.options.terraformCloud) {
        return waitingForApply(filePath, result.commit);
      }
      const run = await this.ensureRun(
        runMessage('provision', request, result.commit),
      );
      ctx.logger.info(
        `Terraform Cloud run ${run.id} (${run.status}) for request ${request.id}`,
      );
      return await this.statusFromRun(run, request);
    } catch (error) {
      return {
        state: 'failed',
        retryable: true,
        message: `Could not hand ${filePath} to Terraform: ${
          (error as Error).message
        }`,
      };
    }
  }

  async status(request: DatabaseRequest): Promise<ProvisioningStatus> {
    const filePath = this.filePath(request);
    try {
      const commit = await this.options.repository.lastCommitFor(filePath);
      if (!commit) {
        return {
          state: 'failed',
          retryable: true,
          message: `${filePath} is missing from the infrastructure repository`,
        };
      }
      if (!this.options.terraformCloud) {
        return waitingForApply(filePath, commit);
      }
      const run = await this.options.terraformCloud.findRun(
        runMessage('provision', request, commit),
      );
      if (!run) {
        return {
          state: 'failed',
          retryable: true,
          message: `No Terraform Cloud run found for ${filePath} at ${commit}`,
        };
      }
      return await this.statusFromRun(run, request);
    } catch (error) {
      return {
        state: 'failed',
        retryable: true,
        message: `Could not read the Terraform state of ${filePath}: ${
          (error as Error).message
        }`,
      };
    }
  }

  async deprovision(
    request: DatabaseRequest,
    ctx: ProviderContext,
  ): Promise<void> {
    const filePath = this.filePath(request);
    // Removing the module call is how Terraform destroys: the next apply of the team's root
    // module deletes the instance.
    const result = await this.options.repository.commitFiles(
      [{ path: filePath, content: null }],
      `provisioning: remove ${ENGINE_DEFINITIONS[request.type].title} ${
        request.name
      } (${request.environment}) for ${request.owner}, request ${request.id}`,
    );
    ctx.logger.info(
      `${
        result.changed ? 'Removed' : 'Already removed'
      } ${filePath} for request ${request.id} (${
        result.commit || 'empty repository'
      })`,
    );
    if (this.options.terraformCloud && result.commit) {
      const run = await this.ensureRun(
        runMessage('deprovision', request, result.commit),
      );
      ctx.logger.info(
        `Terraform Cloud run ${run.id} (${run.status}) removes request ${request.id}`,
      );
    }
  }

  /** A run for this message: the existing one after a retry, unless it failed, else a new one. */
  private async ensureRun(message: string): Promise<TerraformRun> {
    const client = this.options.terraformCloud!;
    const existing = await client.findRun(message);
    if (existing && runOutcome(existing) !== 'failed') {
      return existing;
    }
    return client.createRun(
      message,
      this.options.config.terraformCloud!.autoApply,
    );
  }

  private async statusFromRun(
    run: TerraformRun,
    request: DatabaseRequest,
  ): Promise<ProvisioningStatus> {
    const outcome = runOutcome(run);
    if (outcome === 'failed') {
      return {
        state: 'failed',
        retryable: true,
        message: `Terraform Cloud run ${run.id} ended ${run.status}`,
      };
    }
    if (outcome === 'in-progress') {
      return {
        state: 'pending',
        message:
          run.status === 'planned'
            ? `Terraform Cloud run ${run.id} is planned and waits for someone to confirm the apply`
            : `Terraform Cloud run ${run.id} is ${run.status}`,
      };
    }
    const outputs = (await this.options.terraformCloud!.currentOutputs())[
      moduleBlockName(request)
    ] as Record<string, unknown> | undefined;
    if (!outputs?.host || !outputs?.username) {
      return {
        state: 'pending',
        message: `Terraform Cloud run ${run.id} is ${run.status} but the workspace has no outputs for ${request.name} yet`,
      };
    }
    return {
      state: 'ready',
      message: `Terraform Cloud run ${run.id} is ${run.status}`,
      outputs: {
        host: String(outputs.host),
        port: Number(
          outputs.port ?? ENGINE_DEFINITIONS[request.type].defaultPort,
        ),
        database: String(outputs.database ?? request.name),
        username: String(outputs.username),
        credentialsRef: `aws-secretsmanager:${String(
          outputs.credentials_secret_arn ?? '',
        )}`,
        terraformRun: run.id,
      },
    };
  }
}

type RunAction =
  | 'provision'
  | 'deprovision'
  | 'resize'
  | 'snapshot'
  | 'restore'
  | 'delete-snapshot';

/** The run message doubles as the key that finds the run again after a restart. */
function runMessage(
  action: RunAction,
  request: DatabaseRequest,
  commit: string,
): string {
  return `Paved ${action} request ${request.id} at ${commit.slice(0, 12)}`;
}

function waitingForApply(filePath: string, commit: string): ProvisioningStatus {
  return {
    state: 'pending',
    message: `committed ${filePath} to the infrastructure repository at ${commit}; waiting for the team's terraform plan and apply`,
  };
}
