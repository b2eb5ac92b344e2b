import { Entity } from '@backstage/catalog-model';
import { LocalGitHost, gitText } from '@paved/plugin-githost-node';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const BACKEND_BASE_URL = 'http://localhost:7007';
export const APP_BASE_URL = 'http://localhost:3000';

const identity = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

async function writeFiles(directory: string, files: Record<string, string>) {
  for (const [file, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(directory, file)), {
      recursive: true,
    });
    await fs.writeFile(path.join(directory, file), content);
  }
}

/** Publishes a new repository on the host with the files as its first commit on main. */
export async function createRepository(
  gitHost: LocalGitHost,
  name: string,
  files: Record<string, string>,
): Promise<string> {
  const workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'githost-ws-'));
  try {
    await writeFiles(workspace, files);
    const { commitSha } = await gitHost.publish({
      name,
      sourceDirectory: workspace,
      author: { name: 'Sam Rivera', email: 'sam.rivera@example.com' },
      committer: { name: 'Paved', email: 'paved@example.com' },
      message: 'Initial commit',
      taskId: `task-${name}`,
      description: `The ${name} service`,
    });
    return commitSha;
  } finally {
    await fs.rm(workspace, { recursive: true, force: true });
  }
}

/**
 * Commits files on a branch (created from `from` when new) and pushes it to the host over
 * file://, as a developer's clone would. Returns the new commit.
 */
export async function pushCommit(
  gitHost: LocalGitHost,
  name: string,
  options: {
    branch: string;
    from?: string;
    files: Record<string, string>;
    message?: string;
  },
): Promise<string> {
  const clone = await fs.mkdtemp(path.join(os.tmpdir(), 'githost-clone-'));
  try {
    await gitText(['clone', '--quiet', gitHost.remoteUrl(name), clone]);
    const run = (args: string[]) =>
      gitText(args, { cwd: clone, env: identity });
    const exists = await run([
      'ls-remote',
      '--heads',
      'origin',
      options.branch,
    ]);
    if (exists) {
      await run(['checkout', '--quiet', options.branch]);
    } else {
      await run([
        'checkout',
        '--quiet',
        '-b',
        options.branch,
        `origin/${options.from ?? 'main'}`,
      ]);
    }
    await writeFiles(clone, options.files);
    await run(['add', '--all']);
    await run([
      'commit',
      '--quiet',
      '-m',
      options.message ?? `Change ${options.branch}`,
    ]);
    await run([
      'push',
      '--quiet',
      'origin',
      `HEAD:refs/heads/${options.branch}`,
    ]);
    return await run(['rev-parse', 'HEAD']);
  } finally {
    await fs.rm(clone, { recursive: true, force: true });
  }
}

/** A user entity as the catalog serves it (relations derived). */
export function user(name: string, groups: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name },
    spec: {
      profile: {
        displayName: name.replace('.', ' '),
        email: `${name}@example.com`,
      },
      memberOf: groups,
    },
    relations: groups.map(group => ({
      type: 'memberOf',
      targetRef: `group:default/${group}`,
    })),
  };
}

/** A component as the catalog serves it after reading it from a repository of the host. */
export function component(
  name: string,
  options: { owner: string; repository?: string; sourceLocationOnly?: boolean },
): Entity {
  const repository = options.repository ?? name;
  const contents = `${BACKEND_BASE_URL}/api/githost/${repository}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: options.sourceLocationOnly
        ? {
            // Claims the repository but was read from somewhere else.
            'backstage.io/managed-by-location': `url:https://example.com/${name}/catalog-info.yaml`,
            'backstage.io/source-location': `url:${contents}/tree/main/`,
          }
        : {
            'backstage.io/managed-by-location': `url:${contents}/blob/main/catalog-info.yaml`,
            'backstage.io/source-location': `url:${contents}/tree/main/`,
          },
    },
    spec: { type: 'service', lifecycle: 'production', owner: options.owner },
    relations: [
      { type: 'ownedBy', targetRef: `group:default/${options.owner}` },
    ],
  };
}

/** The example organisation of the tests. */
export const entities: Entity[] = [
  user('sam.rivera', ['payments']),
  user('lee.chen', ['ledger']),
  user('priya.natarajan', ['platform']),
  component('orders-api', { owner: 'payments' }),
  component('ledger-service', { owner: 'ledger' }),
  // Registered elsewhere, pointing its source-location at ledger's repository.
  component('ledger-claim', {
    owner: 'payments',
    repository: 'ledger-service',
    sourceLocationOnly: true,
  }),
];
