import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import {
  LocalGitHost,
  gitText,
  isGitHostUrl,
  parseGitHostUrl,
} from '@paved/plugin-githost-node';
import { RepositoryTarget } from '../changeRequests/ChangeRequestService';

const GITHUB_SLUG = 'github.com/project-slug';
const GITLAB_SLUG = 'gitlab.com/project-slug';

function locationUrl(entity: Entity, annotation: string): URL | undefined {
  const location = entity.metadata.annotations?.[annotation];
  if (!location) return undefined;
  try {
    const { type, target } = parseLocationRef(location);
    return type === 'url' ? new URL(target) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The repository a component lives in: on the local git host when the catalog read it from
 * there (`backstage.io/managed-by-location`, which the catalog sets, so nobody can point Paved at
 * another team's repository), else GitHub or GitLab from their project-slug annotation.
 */
export function repositoryTargetOf(
  entity: Entity,
  backendBaseUrl: string,
): RepositoryTarget | undefined {
  const managedBy = locationUrl(entity, ANNOTATION_LOCATION);
  if (managedBy && isGitHostUrl(managedBy, backendBaseUrl)) {
    return {
      kind: 'local',
      repository: parseGitHostUrl(managedBy.toString()).repository,
    };
  }
  const annotations = entity.metadata.annotations ?? {};
  const host = (locationUrl(entity, ANNOTATION_SOURCE_LOCATION) ?? managedBy)
    ?.host;
  const github = annotations[GITHUB_SLUG]?.split('/');
  if (github?.length === 2 && github.every(Boolean)) {
    return {
      kind: 'github',
      host: host && host.includes('github') ? host : 'github.com',
      owner: github[0],
      repo: github[1],
    };
  }
  const gitlab = annotations[GITLAB_SLUG];
  if (gitlab && /^[\w.-]+(\/[\w.-]+)+$/.test(gitlab)) {
    return {
      kind: 'gitlab',
      host: host && host.includes('gitlab') ? host : 'gitlab.com',
      project: gitlab,
    };
  }
  return undefined;
}

/** A repository's git directory to prepare an upgrade in, and how to publish its branches. */
export interface RepositoryCheckout {
  gitDir: string;
  /** Makes the branches visible where the change request is opened; `force` may rewrite one. */
  publish(branches: Array<{ name: string; force: boolean }>): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * Opens repositories for upgrades: the local git host's bare repositories in place (its branches
 * are the published ones), GitHub/GitLab repositories as a temporary bare clone pushed back with
 * the integration's token in an `http.extraHeader` (never in a URL or a log).
 */
export class RepositoryCheckouts {
  private readonly github;

  constructor(
    private readonly deps: {
      gitHost: LocalGitHost;
      integrations: ScmIntegrations;
    },
  ) {
    this.github = DefaultGithubCredentialsProvider.fromIntegrations(
      deps.integrations,
    );
  }

  async open(target: RepositoryTarget): Promise<RepositoryCheckout> {
    if (target.kind === 'local') {
      return {
        gitDir: this.deps.gitHost.repositoryPath(target.repository),
        publish: async () => {},
        dispose: async () => {},
      };
    }
    if (target.kind === 'github') {
      const url = `https://${target.host}/${target.owner}/${target.repo}.git`;
      const { token } = await this.github.getCredentials({ url });
      return cloneRemote(url, basicAuth('x-access-token', token));
    }
    const token = this.deps.integrations.gitlab.byHost(target.host)?.config
      .token;
    return cloneRemote(
      `https://${target.host}/${target.project}.git`,
      basicAuth('oauth2', token),
    );
  }
}

function basicAuth(user: string, token: string | undefined) {
  return token
    ? `Authorization: Basic ${Buffer.from(`${user}:${token}`).toString(
        'base64',
      )}`
    : undefined;
}

/** A temporary bare clone of `url`; `publish` pushes branches back to it. */
export async function cloneRemote(
  url: string,
  authorizationHeader?: string,
): Promise<RepositoryCheckout> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'paved-clone-'));
  const gitDir = path.join(work, 'repo.git');
  const auth = authorizationHeader
    ? ['-c', `http.extraHeader=${authorizationHeader}`]
    : [];
  try {
    await gitText([
      ...auth,
      'clone',
      '--quiet',
      '--bare',
      '--no-tags',
      url,
      gitDir,
    ]);
  } catch (error) {
    await fs.rm(work, { recursive: true, force: true });
    throw error;
  }
  return {
    gitDir,
    publish: async branches => {
      await gitText([
        ...auth,
        `--git-dir=${gitDir}`,
        'push',
        '--quiet',
        url,
        ...branches.map(
          ({ name, force }) =>
            `${force ? '+' : ''}refs/heads/${name}:refs/heads/${name}`,
        ),
      ]);
    },
    dispose: () => fs.rm(work, { recursive: true, force: true }),
  };
}
