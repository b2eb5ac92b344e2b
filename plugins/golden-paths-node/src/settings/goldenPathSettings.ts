import { Config } from '@backstage/config';

/** Where golden paths publish: Paved's local git host, or a configured GitHub/GitLab integration. */
export type PublishTarget = 'local' | 'github' | 'gitlab';

export const PUBLISH_TARGETS: readonly PublishTarget[] = [
  'local',
  'github',
  'gitlab',
];

/** Settings for a remote publish target. */
export interface RemotePublishSettings {
  /** Host of the integration, e.g. `github.com`. */
  host: string;
  /** Organisation (GitHub) or group (GitLab) that owns the new repositories. */
  owner: string;
}

/**
 * How golden paths publish and commit, from `paved.publish` and `scaffolder.defaultAuthor`. The
 * local git host's directory is not here: it is a platform setting (`localGitHostServiceRef`).
 */
export interface GoldenPathSettings {
  publishTarget: PublishTarget;
  github?: RemotePublishSettings;
  gitlab?: RemotePublishSettings;
  /** Base URL of the backend, without trailing slash; the local git host's contents URLs live under it. */
  backendBaseUrl: string;
  /** Committer of every commit Paved makes (the author is the requesting user). */
  committer: { name: string; email: string };
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

/** Reads the golden paths' settings; a wrong publish target stops the backend at start-up. */
export function readGoldenPathSettings(config: Config): GoldenPathSettings {
  const target = config.getOptionalString('paved.publish.target') ?? 'local';
  if (!PUBLISH_TARGETS.includes(target as PublishTarget)) {
    throw new Error(
      `paved.publish.target must be one of ${PUBLISH_TARGETS.join(
        ', ',
      )}, got '${target}'`,
    );
  }
  const github = readRemote(config, 'github', 'github.com');
  const gitlab = readRemote(config, 'gitlab', 'gitlab.com');
  if (target === 'github' && !github) {
    throw new Error(
      'paved.publish.github.owner is required when paved.publish.target is github',
    );
  }
  if (target === 'gitlab' && !gitlab) {
    throw new Error(
      'paved.publish.gitlab.owner is required when paved.publish.target is gitlab',
    );
  }

  return {
    publishTarget: target as PublishTarget,
    github,
    gitlab,
    backendBaseUrl: config.getString('backend.baseUrl').replace(/\/+$/, ''),
    committer: {
      name:
        config.getOptionalString('scaffolder.defaultAuthor.name') ?? 'Paved',
      email:
        config.getOptionalString('scaffolder.defaultAuthor.email') ??
        'paved@example.com',
    },
  };
}
