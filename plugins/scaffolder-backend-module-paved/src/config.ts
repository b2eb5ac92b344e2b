import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readPlatformSettings } from '@paved/backend-platform';

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
  const { gitHostDirectory } = readPlatformSettings(config, cwd);

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
