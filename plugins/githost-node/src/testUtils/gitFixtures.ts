import fs from 'node:fs/promises';
import path from 'node:path';
import { gitText } from '../git/runGit';

/** Writes a small service-like tree, including an executable file and a nested directory. */
export async function writeSampleWorkspace(directory: string): Promise<void> {
  await fs.mkdir(path.join(directory, 'docs'), { recursive: true });
  await fs.writeFile(
    path.join(directory, 'catalog-info.yaml'),
    'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: sample\n',
  );
  await fs.writeFile(path.join(directory, 'docs', 'index.md'), '# Sample\n');
  await fs.writeFile(path.join(directory, 'run.sh'), '#!/bin/sh\necho hi\n', {
    mode: 0o755,
  });
  await fs.writeFile(path.join(directory, '.gitignore'), 'node_modules/\n');
  await fs.mkdir(path.join(directory, 'node_modules', 'dep'), {
    recursive: true,
  });
  await fs.writeFile(
    path.join(directory, 'node_modules', 'dep', 'index.js'),
    '',
  );
}

/** Clones a repository and returns its log as `author name <email>|subject` lines. */
export async function cloneAndLog(
  remoteUrl: string,
  into: string,
): Promise<{ log: string[]; files: string[] }> {
  await gitText(['clone', '--quiet', remoteUrl, into]);
  const log = (
    await gitText(['log', '--format=%an <%ae>|%cn|%s'], { cwd: into })
  ).split('\n');
  const files = (await gitText(['ls-files'], { cwd: into })).split('\n').sort();
  return { log, files };
}
