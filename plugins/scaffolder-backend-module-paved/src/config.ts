import fs from 'node:fs';
import path from 'node:path';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** Where golden paths publish: Paved's local git host, or a configured GitHub/GitLab integration. */
export type PublishTarget = 'local' | 'github' | 'gitlab';

/** Settings for a remote publish target. */
export type RemotePublishSettings = {
  /** Host of the integration, e.g. `github.com`. */
  host: string;
  /** Organisation (GitHub) or group (GitLab) that owns the new repositories. */
  owner: string;
};

/** Paved's scaffolder settings, read from the top-level `paved:` config block. */
export type PavedScaffolderConfig = {
  /** Absolute directory holding the local git host's bare repositories. */
  gitHostDirectory: string;
  /** Base URL of the backend; the local git host's contents URLs live under it. */
  backendBaseUrl: string;
  publishTarget: PublishTarget;
  github?: RemotePublishSettings;
  gitlab?: RemotePublishSettings;
  /** Committer of every published commit (the author is the requesting user). */
  committer: { name: string; email: string };
};

const PUBLISH_TARGETS: PublishTarget[] = ['local', 'github', 'gitlab'];

/**
 * The repository root is the nearest ancestor with a workspaces package.json; the backend runs
 * from packages/backend in development, but tests and scripts run from elsewhere.
 */
export function findRepoRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        if (JSON.parse(fs.readFileSync(manifest, 'utf8')).workspaces) {
          return dir;
        }
      } catch {
        // An unreadable manifest is not a repository root; keep walking up.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return path.resolve(start);
    }
    dir = parent;
  }
}

function readRemote(
  config: Config,
  key: 'github' | 'gitlab',
  defaultHost: string,
): RemotePublishSettings | undefined {
  const block = config.getOptionalConfig(`paved.publish.${key}`);
  if (!block) {
    return undefined;
  }
  return {
    host: block.getOptionalString('host') ?? defaultHost,
    owner: block.getString('owner'),
  };
}

export function readPavedScaffolderConfig(
  config: Config,
  cwd: string = process.cwd(),
): PavedScaffolderConfig {
  const configured = config.getOptionalString('paved.gitHost.directory');
  // Relative paths are relative to the backend's working directory, like every other path in
  // app-config.yaml; without configuration the git host lives in the repository's .data/git.
  const gitHostDirectory = configured
    ? path.resolve(cwd, configured)
    : path.join(findRepoRoot(cwd), '.data', 'git');

  const target = config.getOptionalString('paved.publish.target') ?? 'local';
  if (!PUBLISH_TARGETS.includes(target as PublishTarget)) {
    throw new InputError(
      `paved.publish.target must be one of ${PUBLISH_TARGETS.join(
        ', ',
      )}, got '${target}'`,
    );
  }
  const github = readRemote(config, 'github', 'github.com');
  const gitlab = readRemote(config, 'gitlab', 'gitlab.com');
  if (target === 'github' && !github) {
    throw new InputError(
      'paved.publish.github.owner is required when paved.publish.target is github',
    );
  }
  if (target === 'gitlab' && !gitlab) {
    throw new InputError(
      'paved.publish.gitlab.owner is required when paved.publish.target is gitlab',
    );
  }

  return {
    gitHostDirectory,
    backendBaseUrl: config.getString('backend.baseUrl').replace(/\/+$/, ''),
    publishTarget: target as PublishTarget,
    github,
    gitlab,
    committer: {
      name:
        config.getOptionalString('scaffolder.defaultAuthor.name') ?? 'Paved',
      email:
        config.getOptionalString('scaffolder.defaultAuthor.email') ??
        'paved@example.com',
    },
  };
}
