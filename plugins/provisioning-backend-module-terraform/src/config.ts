import path from 'node:path';
import type { Config } from '@backstage/config';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { PlatformSettings } from '@paved/backend-platform';
import { ENGINE_DEFINITIONS } from '@paved/plugin-provisioning-common';
import {
  readGitRepositoryConfig,
  type GitRepositoryConfig,
} from '@paved/plugin-provisioning-node';

/** Configuration of the terraform provider, under `provisioning.providers.terraform`. */
export interface TerraformProviderConfig {
  /** The module's folder, read for its variables (defaults to infrastructure/terraform/modules/postgresql). */
  moduleDirectory: string;
  /** `source` of the rendered module call, as seen from the file in the infrastructure repository. */
  moduleSource: string;
  /** The infrastructure repository; the team roots are `<directory>/<team>/<environment>/<name>.tf`. */
  repository: GitRepositoryConfig;
  /** Starts runs in a Terraform Cloud / Enterprise workspace after each commit. */
  terraformCloud?: {
    baseUrl: string;
    /** @visibility secret */
    token: string;
    workspaceId: string;
    autoApply: boolean;
  };
  defaultVersion: string;
  /** The Redis module, for Redis requests: its folder, `source` and default version. */
  redis: {
    moduleDirectory: string;
    moduleSource: string;
    defaultVersion: string;
  };
}

const DEFAULT_REPOSITORY = 'infrastructure.git';

/** The repository's top-level infrastructure/ folder, found from this package in the monorepo. */
function defaultInfrastructureDirectory(): string {
  return resolvePackagePath(
    '@paved/plugin-provisioning-backend-module-terraform',
    '../../infrastructure',
  );
}

/**
 * Reads `provisioning.providers.terraform`; the default infrastructure repository lives in the
 * platform's git host directory (`paved.gitHost.directory`, from `platformSettingsServiceRef`).
 */
export function readTerraformProviderConfig(
  rootConfig: Config,
  platform: Pick<PlatformSettings, 'gitHostDirectory'>,
): TerraformProviderConfig {
  const config = rootConfig.getOptionalConfig(
    'provisioning.providers.terraform',
  );
  const { gitHostDirectory } = platform;
  const tfc = config?.getOptionalConfig('terraformCloud');
  return {
    moduleDirectory:
      config?.getOptionalString('moduleDirectory') ??
      path.join(
        defaultInfrastructureDirectory(),
        'terraform',
        'modules',
        'postgresql',
      ),
    // Files live three folders deep (<directory>/<team>/<environment>/), the module at modules/postgresql.
    moduleSource:
      config?.getOptionalString('moduleSource') ??
      '../../../modules/postgresql',
    repository: readGitRepositoryConfig(
      config?.getOptionalConfig('repository'),
      {
        urlKey: 'url',
        defaultUrl: path.resolve(gitHostDirectory, DEFAULT_REPOSITORY),
      },
    ),
    terraformCloud: tfc
      ? {
          baseUrl: (
            tfc.getOptionalString('baseUrl') ?? 'https://app.terraform.io'
          ).replace(/\/+$/, ''),
          token: tfc.getString('token'),
          workspaceId: tfc.getString('workspaceId'),
          autoApply: tfc.getOptionalBoolean('autoApply') ?? false,
        }
      : undefined,
    defaultVersion: config?.getOptionalString('defaultVersion') ?? '16',
    redis: {
      moduleDirectory:
        config?.getOptionalString('redis.moduleDirectory') ??
        path.join(
          defaultInfrastructureDirectory(),
          'terraform',
          'modules',
          'redis',
        ),
      moduleSource:
        config?.getOptionalString('redis.moduleSource') ??
        '../../../modules/redis',
      defaultVersion:
        config?.getOptionalString('redis.defaultVersion') ??
        ENGINE_DEFINITIONS.redis.versions.default,
    },
  };
}
