import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  REPOSITORY_NAME_PATTERN,
  isBranchName,
} from '@paved/plugin-githost-common';
import { gitText, runGit } from '../git/runGit';

// The pattern's home is the common package (the frontend checks names too); re-exported here for
// the backend packages that already import it from this one.
export { REPOSITORY_NAME_PATTERN };

/** The branch every published repository starts with. */
export const DEFAULT_BRANCH = 'main';

/** Who a commit is attributed to. */
export type GitIdentity = { name: string; email: string };

/** What a publish produced; stored as the publish step's checkpoint. */
export type PublishedRepository = {
  name: string;
  commitSha: string;
  remoteUrl: string;
};

/** Git config key that records which scaffolder task created a repository (for retries). */
const TASK_CONFIG_KEY = 'paved.createdByTask';

export function assertRepositoryName(name: string, field = 'name'): void {
  if (!REPOSITORY_NAME_PATTERN.test(name)) {
    throw new InputError(
      `${field} '${name}' is not a valid repository name: it must match ${REPOSITORY_NAME_PATTERN.source}`,
    );
  }
}

/**
 * Paved's local git host: one bare repository per service in a directory on disk. Used where no
 * GitHub/GitLab is reachable; `remoteUrl`s are file:// URLs that `git clone` accepts.
 */
export class LocalGitHost {
  constructor(private readonly directory: string) {}

  get root(): string {
    return this.directory;
  }

  /** Absolute path of a repository; the name is validated so it can never leave the directory. */
  repositoryPath(name: string): string {
    assertRepositoryName(name);
    return path.join(this.directory, `${name}.git`);
  }

  remoteUrl(name: string): string {
    return pathToFileURL(this.repositoryPath(name)).toString();
  }

  async exists(name: string): Promise<boolean> {
    try {
      const stat = await fs.stat(this.repositoryPath(name));
      return stat.isDirectory();
    } catch {
      return false;
    }
  }

  async list(): Promise<string[]> {
    const entries = await fs.readdir(this.directory).catch(() => []);
    return entries
      .filter(entry => entry.endsWith('.git'))
      .map(entry => entry.slice(0, -'.git'.length))
      .filter(name => REPOSITORY_NAME_PATTERN.test(name))
      .sort();
  }

  /** Resolves a ref (branch, tag or sha) to a commit sha, or throws NotFoundError. */
  async resolveCommit(name: string, ref: string): Promise<string> {
    if (!(await this.exists(name))) {
      throw new NotFoundError(
        `Repository '${name}' does not exist on the local git host`,
      );
    }
    if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(ref) || ref.includes('..')) {
      throw new InputError(`ref '${ref}' is not a valid git ref`);
    }
    try {
      return await gitText([
        `--git-dir=${this.repositoryPath(name)}`,
        'rev-parse',
        '--verify',
        '--end-of-options',
        `${ref}^{commit}`,
      ]);
    } catch {
      throw new NotFoundError(
        `Ref '${ref}' does not exist in repository '${name}'`,
      );
    }
  }

  /**
   * Publishes a directory as the first commit of a new bare repository.
   *
   * The repository is built under a temporary name and renamed into place only when complete, so
   * a failed run leaves nothing behind. A repository that already exists is accepted only if the
   * same task created it (a retried or recovered task), in which case its commit is returned
   * unchanged; anyone else gets a ConflictError.
   */
  async publish(options: {
    name: string;
    sourceDirectory: string;
    author: GitIdentity;
    committer: GitIdentity;
    message: string;
    taskId: string;
    description?: string;
  }): Promise<PublishedRepository> {
    const { name, sourceDirectory, author, committer, message, taskId } =
      options;
    const finalPath = this.repositoryPath(name);

    const existing = await this.publishedByTask(name, taskId);
    if (existing) {
      return existing;
    }
    if (await this.exists(name)) {
      throw new ConflictError(
        `name: repository '${name}' already exists on the local git host`,
      );
    }

    await fs.mkdir(this.directory, { recursive: true });
    const stagingPath = path.join(
      this.directory,
      `.staging-${name}-${crypto.randomBytes(6).toString('hex')}.git`,
    );
    const indexDirectory = await fs.mkdtemp(
      path.join(os.tmpdir(), 'paved-index-'),
    );
    try {
      await runGit([
        'init',
        '--quiet',
        '--bare',
        `--initial-branch=${DEFAULT_BRANCH}`,
        stagingPath,
      ]);
      const gitDir = `--git-dir=${stagingPath}`;
      await runGit([gitDir, 'config', TASK_CONFIG_KEY, taskId]);
      if (options.description) {
        await fs.writeFile(
          path.join(stagingPath, 'description'),
          `${options.description.replace(/\s+/g, ' ').trim()}\n`,
        );
      }

      // A private index lets us commit the workspace without a work tree of the bare repository.
      const env = {
        GIT_INDEX_FILE: path.join(indexDirectory, 'index'),
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_COMMITTER_NAME: committer.name,
        GIT_COMMITTER_EMAIL: committer.email,
      };
      await runGit(
        [gitDir, `--work-tree=${sourceDirectory}`, 'add', '--all', '.'],
        {
          cwd: sourceDirectory,
          env,
        },
      );
      const tree = await gitText([gitDir, 'write-tree'], { env });
      const commitSha = await gitText(
        [gitDir, 'commit-tree', tree, '-m', message],
        { env },
      );
      await runGit([
        gitDir,
        'update-ref',
        `refs/heads/${DEFAULT_BRANCH}`,
        commitSha,
      ]);

      try {
        // rename() refuses to replace a non-empty directory, so a concurrent publish of the same
        // name loses here instead of overwriting the winner.
        await fs.rename(stagingPath, finalPath);
      } catch (error) {
        const winner = await this.publishedByTask(name, taskId);
        if (winner) {
          return winner;
        }
        throw new ConflictError(
          `name: repository '${name}' already exists on the local git host`,
          error,
        );
      }
      return { name, commitSha, remoteUrl: this.remoteUrl(name) };
    } finally {
      await fs.rm(stagingPath, { recursive: true, force: true });
      await fs.rm(indexDirectory, { recursive: true, force: true });
    }
  }

  /**
   * Adds or replaces the files of a directory on top of a branch, as one commit; files the
   * directory does not contain are left alone. The branch moves with a compare-and-swap, so a
   * concurrent push is never overwritten. A commit this task already made (recognised by its
   * `Paved-Task` trailer) is returned instead of committing twice.
   */
  async commitFiles(options: {
    name: string;
    sourceDirectory: string;
    author: GitIdentity;
    committer: GitIdentity;
    message: string;
    taskId: string;
    branch?: string;
  }): Promise<{ commitSha: string; created: boolean }> {
    const { name, sourceDirectory, author, committer, taskId } = options;
    const branch = options.branch ?? DEFAULT_BRANCH;
    const parent = await this.resolveCommit(name, branch);
    const gitDir = `--git-dir=${this.repositoryPath(name)}`;
    const trailer = `Paved-Task: ${taskId}`;

    const recentMessages = await gitText([
      gitDir,
      'log',
      '-n',
      '20',
      '--format=%H%x00%B%x01',
      parent,
    ]);
    for (const entry of recentMessages.split('\x01')) {
      const [sha, body] = entry.trim().split('\0');
      if (sha && body?.includes(trailer)) {
        return { commitSha: sha, created: false };
      }
    }

    const indexDirectory = await fs.mkdtemp(
      path.join(os.tmpdir(), 'paved-index-'),
    );
    try {
      const env = {
        GIT_INDEX_FILE: path.join(indexDirectory, 'index'),
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_COMMITTER_NAME: committer.name,
        GIT_COMMITTER_EMAIL: committer.email,
      };
      await runGit([gitDir, 'read-tree', parent], { env });
      // --ignore-removal: the directory holds only the files to add, not the whole repository.
      await runGit(
        [
          gitDir,
          `--work-tree=${sourceDirectory}`,
          'add',
          '--ignore-removal',
          '.',
        ],
        { cwd: sourceDirectory, env },
      );
      const tree = await gitText([gitDir, 'write-tree'], { env });
      const parentTree = await gitText([
        gitDir,
        'rev-parse',
        `${parent}^{tree}`,
      ]);
      if (tree === parentTree) {
        return { commitSha: parent, created: false };
      }
      const message = `${options.message.trim()}\n\n${trailer}\n`;
      const commitSha = await gitText(
        [gitDir, 'commit-tree', tree, '-p', parent, '-m', message],
        { env },
      );
      try {
        await runGit([
          gitDir,
          'update-ref',
          `refs/heads/${branch}`,
          commitSha,
          parent,
        ]);
      } catch (error) {
        throw new ConflictError(
          `Branch '${branch}' of '${name}' moved while committing; run the task again`,
          error,
        );
      }
      return { commitSha, created: true };
    } finally {
      await fs.rm(indexDirectory, { recursive: true, force: true });
    }
  }

  /**
   * Creates a branch at a commit if the repository has no branch of that name yet; an existing
   * branch is left where it is (idempotent under retry). Returns the branch's head.
   */
  async ensureBranch(
    name: string,
    branch: string,
    commitSha: string,
  ): Promise<string> {
    if (!isBranchName(branch)) {
      throw new InputError(`branch '${branch}' is not a valid branch name`);
    }
    const gitDir = `--git-dir=${this.repositoryPath(name)}`;
    try {
      // An empty old value makes update-ref refuse to overwrite a branch that exists.
      await runGit([
        gitDir,
        'update-ref',
        `refs/heads/${branch}`,
        commitSha,
        '',
      ]);
      return commitSha;
    } catch (error) {
      const head = await gitText([
        gitDir,
        'rev-parse',
        '--verify',
        '--quiet',
        `refs/heads/${branch}`,
      ]).catch(() => '');
      if (head) return head;
      throw error;
    }
  }

  /** Deletes a repository (used by tests and by operators cleaning up). */
  async remove(name: string): Promise<void> {
    await fs.rm(this.repositoryPath(name), { recursive: true, force: true });
  }

  /** The repository if this task published it (a retry finds its own earlier work). */
  async publishedByTask(
    name: string,
    taskId: string,
  ): Promise<PublishedRepository | undefined> {
    if (!(await this.exists(name))) {
      return undefined;
    }
    const gitDir = `--git-dir=${this.repositoryPath(name)}`;
    const creator = await gitText([
      gitDir,
      'config',
      '--get',
      TASK_CONFIG_KEY,
    ]).catch(() => '');
    if (creator !== taskId) {
      return undefined;
    }
    const commitSha = await gitText([
      gitDir,
      'rev-parse',
      '--verify',
      `refs/heads/${DEFAULT_BRANCH}`,
    ]);
    return { name, commitSha, remoteUrl: this.remoteUrl(name) };
  }
}
