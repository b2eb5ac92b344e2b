import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  GitCommandError,
  gitText,
  redactCredentials,
  runGit,
} from '@paved/plugin-githost-node';

/** A file to write into the repository; `content: null` removes it. */
export interface RepositoryFileChange {
  /** Path inside the repository, relative, forward slashes, no `..`. */
  path: string;
  content: string | null;
}

export interface RepositoryCommitResult {
  /** The commit that holds the files: a new one, or the tip when nothing changed. */
  commit: string;
  /** False when the repository already held exactly this content (a retry). */
  changed: boolean;
}

export interface GitRepositoryOptions {
  /** A local path to a (bare) repository, a `file://` URL, or any URL the `git` CLI can push to. */
  url: string;
  branch: string;
  authorName: string;
  authorEmail: string;
  /** Create a local bare repository at `url` when it does not exist (the local git host). */
  createIfMissing?: boolean;
}

/** Someone else pushed first; worth another attempt on top of their commit. */
class PushRejectedError extends Error {}

const PUSH_ATTEMPTS = 8;
const SAFE_PATH = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/**
 * Writes files to a branch of a git repository with the `git` CLI: GitOps for the Crossplane
 * provider, the infrastructure repository for the Terraform provider.
 *
 * Each call works in a fresh temporary clone, so several backend replicas can write at once: a
 * rejected push (someone else pushed first) is retried on top of the new tip. Writing content the
 * branch already holds makes no commit, which is what makes a retried provisioning step safe.
 */
export class GitRepository {
  private readonly options: GitRepositoryOptions;

  constructor(options: GitRepositoryOptions) {
    // git runs inside temporary directories, so a relative local path must be made absolute first.
    this.options = {
      ...options,
      url: localRepositoryPath(options.url) ?? options.url,
    };
    if (!options.branch || !/^[A-Za-z0-9._/-]+$/.test(options.branch)) {
      throw new Error(`Invalid git branch name "${options.branch}"`);
    }
  }

  /**
   * The repository in messages (request histories, logs, errors): a URL without credentials, or a
   * local repository by its name alone, without the folders it lives in.
   */
  get location(): string {
    return localRepositoryPath(this.options.url)
      ? path.basename(this.options.url)
      : redactCredentials(this.options.url);
  }

  async commitFiles(
    changes: RepositoryFileChange[],
    message: string,
  ): Promise<RepositoryCommitResult> {
    for (const change of changes) {
      assertSafeRepositoryPath(change.path);
    }
    await this.ensureRepositoryExists();

    let lastError: unknown;
    for (let attempt = 1; attempt <= PUSH_ATTEMPTS; attempt++) {
      try {
        return await inTemporaryDirectory(workDir =>
          this.commitOnce(workDir, changes, message),
        );
      } catch (error) {
        lastError = error;
        if (!(error instanceof PushRejectedError)) {
          throw error;
        }
      }
      // Jittered backoff, so writers that collided do not collide again in lockstep.
      await new Promise(resolve =>
        setTimeout(resolve, Math.random() * 100 * 2 ** Math.min(attempt, 5)),
      );
    }
    throw new Error(
      `Could not push to ${this.location} after ${PUSH_ATTEMPTS} attempts: ${lastError}`,
    );
  }

  /** Reads a file from the branch tip, or undefined when the branch or the file does not exist. */
  async readFile(filePath: string): Promise<string | undefined> {
    assertSafeRepositoryPath(filePath);
    return this.withFetchedBranch({}, async workDir => {
      try {
        // Not trimmed: a file's content is returned as it is.
        const { stdout } = await runGit(['show', `FETCH_HEAD:${filePath}`], {
          cwd: workDir,
        });
        return stdout.toString('utf8');
      } catch {
        return undefined;
      }
    });
  }

  /** The newest commit that wrote `filePath`, or undefined when the branch tip does not hold it. */
  async lastCommitFor(filePath: string): Promise<string | undefined> {
    assertSafeRepositoryPath(filePath);
    return this.withFetchedBranch({ fullHistory: true }, async workDir => {
      const present = await this.git(workDir, [
        'cat-file',
        '-e',
        `FETCH_HEAD:${filePath}`,
      ])
        .then(() => true)
        .catch(() => false);
      return present ? this.newestCommitTouching(workDir, filePath) : undefined;
    });
  }

  /**
   * The newest commit that touched `filePath` on the branch, whether it wrote or removed it;
   * undefined when no commit ever did (told apart from a removed file by drift checks).
   */
  async lastCommitTouching(filePath: string): Promise<string | undefined> {
    assertSafeRepositoryPath(filePath);
    return this.withFetchedBranch({ fullHistory: true }, workDir =>
      this.newestCommitTouching(workDir, filePath),
    );
  }

  private async commitOnce(
    workDir: string,
    changes: RepositoryFileChange[],
    message: string,
  ): Promise<RepositoryCommitResult> {
    const hasBranch = await this.fetchBranch(workDir);
    if (hasBranch) {
      await this.git(workDir, [
        'checkout',
        '-q',
        '-B',
        this.options.branch,
        'FETCH_HEAD',
      ]);
    }

    for (const change of changes) {
      const target = path.join(workDir, ...change.path.split('/'));
      if (change.content === null) {
        await fs.rm(target, { force: true });
      } else {
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.writeFile(target, change.content, 'utf8');
      }
    }
    // The work tree holds only the branch tip and these changes, so staging everything stages
    // exactly them (including removals of files that were never there, which stage nothing).
    await this.git(workDir, ['add', '-A']);

    const unchanged = await this.git(workDir, ['diff', '--cached', '--quiet'])
      .then(() => true)
      .catch(() => false);
    if (unchanged) {
      const commit = hasBranch
        ? await this.git(workDir, ['rev-parse', 'HEAD'])
        : '';
      return { commit, changed: false };
    }

    await this.git(workDir, [
      '-c',
      `user.name=${this.options.authorName}`,
      '-c',
      `user.email=${this.options.authorEmail}`,
      'commit',
      '-q',
      '-m',
      message,
    ]);
    const commit = await this.git(workDir, ['rev-parse', 'HEAD']);
    try {
      await this.git(workDir, [
        'push',
        '-q',
        this.options.url,
        `HEAD:refs/heads/${this.options.branch}`,
      ]);
    } catch (error) {
      if (
        error instanceof GitCommandError &&
        /non-fast-forward|fetch first|rejected|cannot lock ref/i.test(
          error.stderr,
        )
      ) {
        throw new PushRejectedError(error.message);
      }
      throw error;
    }
    return { commit, changed: true };
  }

  /**
   * Runs `read` in a fresh temporary clone whose FETCH_HEAD is the branch tip (with its whole
   * history when `fullHistory`); undefined, without calling `read`, when the branch does not exist.
   */
  private async withFetchedBranch<T>(
    options: { fullHistory?: boolean },
    read: (workDir: string) => Promise<T | undefined>,
  ): Promise<T | undefined> {
    await this.ensureRepositoryExists();
    return inTemporaryDirectory(async workDir =>
      (await this.fetchBranch(workDir, options)) ? read(workDir) : undefined,
    );
  }

  /** The newest commit of FETCH_HEAD that touched `filePath`, or undefined when none did. */
  private async newestCommitTouching(
    workDir: string,
    filePath: string,
  ): Promise<string | undefined> {
    const commit = await this.git(workDir, [
      'log',
      '-1',
      '--format=%H',
      'FETCH_HEAD',
      '--',
      filePath,
    ]);
    return commit || undefined;
  }

  /** Initialises `workDir` and fetches the branch into FETCH_HEAD; false when the branch does not exist yet. */
  private async fetchBranch(
    workDir: string,
    options: { fullHistory?: boolean } = {},
  ): Promise<boolean> {
    await this.git(workDir, ['init', '-q', '-b', this.options.branch]);
    const heads = await this.git(workDir, [
      'ls-remote',
      '--heads',
      this.options.url,
      `refs/heads/${this.options.branch}`,
    ]);
    if (!heads) {
      return false;
    }
    await this.git(workDir, [
      'fetch',
      '-q',
      ...(options.fullHistory ? [] : ['--depth', '1']),
      this.options.url,
      `refs/heads/${this.options.branch}`,
    ]);
    return true;
  }

  /**
   * Creates the local bare repository when it is missing. Another writer (a reader checking drift,
   * another replica) may be doing the same at the same moment, so the repository is initialised
   * in a sibling folder and renamed into place: nobody ever sees a half-made repository, and the
   * loser of the race uses the winner's.
   */
  private async ensureRepositoryExists(): Promise<void> {
    const localPath = localRepositoryPath(this.options.url);
    if (!this.options.createIfMissing || !localPath) {
      return;
    }
    if (await pathExists(localPath)) {
      return;
    }
    await fs.mkdir(path.dirname(localPath), { recursive: true });
    const staging = await fs.mkdtemp(`${localPath}.init-`);
    try {
      await this.git(staging, [
        'init',
        '-q',
        '--bare',
        '-b',
        this.options.branch,
      ]);
      await fs.rename(staging, localPath);
    } catch (error) {
      if (!(await pathExists(localPath))) {
        throw error;
      }
    } finally {
      await fs.rm(staging, { recursive: true, force: true });
    }
  }

  /** git in `cwd` through Paved's one git runner (isolated from the machine's configuration). */
  private git(cwd: string, args: string[]): Promise<string> {
    return gitText(args, { cwd });
  }
}

/** The local filesystem path of a repository location, or undefined for a remote URL. */
export function localRepositoryPath(url: string): string | undefined {
  if (url.startsWith('file://')) {
    return new URL(url).pathname;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || /^[^/]+@[^/]+:/.test(url)) {
    return undefined;
  }
  return path.resolve(url);
}

export function assertSafeRepositoryPath(filePath: string): void {
  if (
    !SAFE_PATH.test(filePath) ||
    filePath.split('/').some(segment => segment === '.' || segment === '..')
  ) {
    throw new Error(`Unsafe repository path "${filePath}"`);
  }
}

/** Runs `fn` in a new temporary directory, removed afterwards whatever `fn` did. */
async function inTemporaryDirectory<T>(
  fn: (directory: string) => Promise<T>,
): Promise<T> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'paved-git-'));
  try {
    return await fn(directory);
  } finally {
    await fs.rm(directory, { recursive: true, force: true });
  }
}

function pathExists(file: string): Promise<boolean> {
  return fs
    .stat(file)
    .then(() => true)
    .catch(() => false);
}
