import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LocalGitHost, gitText } from '@paved/plugin-githost-node';
import { publishRenderedService } from '../examples/publishRenderedService';
import { createTestRenderer, serviceInputs, templateEntity } from './templates';

export const committer = { name: 'Paved', email: 'paved@example.com' };

/** A TypeScript service generated at 1.0.0 on the local git host. */
export async function createServiceAt100(
  gitHost: LocalGitHost,
  name: string,
  renderer = createTestRenderer(),
) {
  return publishRenderedService({
    renderer,
    gitHost,
    template: templateEntity('typescript-service'),
    version: '1.0.0',
    inputs: serviceInputs(name),
    repository: name,
    committer,
    taskId: `test-${name}`,
  });
}

/** A file of a branch. */
export function readFile(
  gitHost: LocalGitHost,
  repository: string,
  ref: string,
  file: string,
): Promise<string> {
  return gitText([
    `--git-dir=${gitHost.repositoryPath(repository)}`,
    'show',
    `${ref}:${file}`,
  ]);
}

/** A developer's commit on main: the files are replaced by `edit` of their current contents. */
export async function commitEdit(
  gitHost: LocalGitHost,
  repository: string,
  edits: Record<string, (content: string) => string>,
  message = 'Local edit',
): Promise<string> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'paved-edit-'));
  try {
    for (const [file, edit] of Object.entries(edits)) {
      const current = await readFile(gitHost, repository, 'main', file).catch(
        () => '',
      );
      await fs.mkdir(path.dirname(path.join(work, file)), { recursive: true });
      await fs.writeFile(path.join(work, file), `${edit(current)}\n`);
    }
    const { commitSha } = await gitHost.commitFiles({
      name: repository,
      sourceDirectory: work,
      author: { name: 'Sam Rivera', email: 'sam.rivera@example.com' },
      committer,
      message,
      taskId: `edit-${Math.random()}`,
    });
    return commitSha;
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}
