import type { Config } from '@backstage/config';
import type { GitRepositoryOptions } from './GitRepository';

/** A provider's GitOps repository: where it commits, as whom, and into which folder. */
export interface GitRepositoryConfig extends GitRepositoryOptions {
  /** Folder inside the repository for the provider's files. */
  directory: string;
  /** Whether a missing local repository is created (only the default one, on the local git host). */
  createIfMissing: boolean;
}

/**
 * Reads a provider's repository block (the Crossplane provider's `gitops`, the Terraform
 * provider's `repository`): the URL under `urlKey`, then `branch` (default `main`), `directory`
 * (default `databases`), `authorName` and `authorEmail` (default `Paved <paved@example.com>`).
 * Without a URL the repository is `defaultUrl`, on the platform's git host.
 */
export function readGitRepositoryConfig(
  config: Config | undefined,
  options: { urlKey: string; defaultUrl: string },
): GitRepositoryConfig {
  const url = config?.getOptionalString(options.urlKey);
  return {
    url: url ?? options.defaultUrl,
    branch: config?.getOptionalString('branch') ?? 'main',
    directory: config?.getOptionalString('directory') ?? 'databases',
    authorName: config?.getOptionalString('authorName') ?? 'Paved',
    authorEmail:
      config?.getOptionalString('authorEmail') ?? 'paved@example.com',
    // Only the default repository on the local git host is created on demand; a configured
    // remote repository that is missing is a configuration error worth failing on.
    createIfMissing: url === undefined,
  };
}
