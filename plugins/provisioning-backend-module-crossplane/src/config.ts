import path from 'node:path';
import type { Config } from '@backstage/config';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { PlatformSettings } from '@paved/backend-platform';
import {
  readGitRepositoryConfig,
  type GitRepositoryConfig,
} from '@paved/plugin-provisioning-node';

/**
 * Configuration of the crossplane provider, under `provisioning.providers.crossplane`.
 * Its config schema is in the backend's config.d.ts (`provisioning.providers.crossplane`).
 */
export interface CrossplaneProviderConfig {
  /**
   * `composite` renders the Crossplane v2 namespaced PostgreSQLInstance (default); `claim` renders
   * the legacy v1 PostgreSQLInstanceClaim (infrastructure/crossplane/legacy/).
   */
  mode: 'composite' | 'claim';
  /** `gitops` commits the manifest to a git repository; `apply` uses server-side apply on `cluster`. */
  delivery: 'gitops' | 'apply';
  /** Folder holding xrd.yaml (and legacy/xrd.yaml); the manifests are validated against it. */
  definitionsDirectory: string;
  /**
   * Folder of Kubernetes ValidatingAdmissionPolicy files every rendered manifest must pass before
   * it is committed or applied (default: the repository's `policies/`).
   */
  policiesDirectory: string;
  /** Kubernetes namespace of a team: `overrides[ownerRef]`, else `prefix` + the group's name. */
  namespaces: { prefix: string; overrides: Record<string, string> };
  /**
   * The GitOps repository (`gitops.repository` is its URL); manifests go to
   * `<directory>/<namespace>/<name>.yaml`.
   */
  gitops: GitRepositoryConfig;
  cluster?: {
    /** API server URL, or `in-cluster` to use the pod's service account. */
    url: string;
    /** Bearer token of a service account allowed to apply and read PostgreSQLInstances. */
    token?: string;
    /** Base64 PEM of the API server's CA. */
    caData?: string;
    skipTLSVerify: boolean;
  };
  /** Field manager name used for server-side apply, so Paved owns exactly the fields it sets. */
  fieldManager: string;
  /** PostgreSQL major version when a request names none. */
  defaultVersion: string;
}

const DEFAULT_GITOPS_REPOSITORY = 'infrastructure-gitops.git';

/** The repository's top-level infrastructure/ folder, found from this package in the monorepo. */
export function defaultInfrastructureDirectory(): string {
  return resolvePackagePath(
    '@paved/plugin-provisioning-backend-module-crossplane',
    '../../infrastructure',
  );
}

/** The repository's top-level policies/ folder (the same files scorecards evaluates). */
export function defaultPoliciesDirectory(): string {
  return resolvePackagePath(
    '@paved/plugin-provisioning-backend-module-crossplane',
    '../../policies',
  );
}

/**
 * Reads `provisioning.providers.crossplane`; the default GitOps repository lives in the platform's
 * git host directory (`paved.gitHost.directory`, from `platformSettingsServiceRef`).
 */
export function readCrossplaneProviderConfig(
  rootConfig: Config,
  platform: Pick<PlatformSettings, 'gitHostDirectory'>,
): CrossplaneProviderConfig {
  const config =
    rootConfig.getOptionalConfig('provisioning.providers.crossplane') ??
    undefined;
  const { gitHostDirectory } = platform;

  const clusterConfig = config?.getOptionalConfig('cluster');
  const cluster = clusterConfig
    ? {
        url: clusterConfig.getString('url'),
        token: clusterConfig.getOptionalString('token'),
        caData: clusterConfig.getOptionalString('caData'),
        skipTLSVerify:
          clusterConfig.getOptionalBoolean('skipTLSVerify') ?? false,
      }
    : undefined;

  const mode = config?.getOptionalString('mode') ?? 'composite';
  if (mode !== 'composite' && mode !== 'claim') {
    throw new Error(
      `provisioning.providers.crossplane.mode must be "composite" or "claim", got "${mode}"`,
    );
  }
  const delivery =
    config?.getOptionalString('delivery') ?? (cluster ? 'apply' : 'gitops');
  if (delivery !== 'gitops' && delivery !== 'apply') {
    throw new Error(
      `provisioning.providers.crossplane.delivery must be "gitops" or "apply", got "${delivery}"`,
    );
  }
  if (delivery === 'apply' && !cluster) {
    throw new Error(
      'provisioning.providers.crossplane.delivery "apply" needs provisioning.providers.crossplane.cluster',
    );
  }

  const overrides: Record<string, string> = {};
  const overridesConfig = config?.getOptionalConfig('namespaces.overrides');
  for (const key of overridesConfig?.keys() ?? []) {
    overrides[key.toLocaleLowerCase('en-US')] = overridesConfig!.getString(key);
  }

  return {
    mode,
    delivery,
    definitionsDirectory:
      config?.getOptionalString('definitionsDirectory') ??
      path.join(defaultInfrastructureDirectory(), 'crossplane'),
    policiesDirectory:
      config?.getOptionalString('policiesDirectory') ??
      defaultPoliciesDirectory(),
    namespaces: {
      prefix: config?.getOptionalString('namespaces.prefix') ?? '',
      overrides,
    },
    gitops: readGitRepositoryConfig(config?.getOptionalConfig('gitops'), {
      urlKey: 'repository',
      defaultUrl: path.resolve(gitHostDirectory, DEFAULT_GITOPS_REPOSITORY),
    }),
    cluster,
    fieldManager:
      config?.getOptionalString('fieldManager') ?? 'paved-provisioning',
    defaultVersion: config?.getOptionalString('defaultVersion') ?? '16',
  };
}
