import { NotFoundError } from '@backstage/errors';
import {
  GitCommandError,
  GitIdentity,
  LocalGitHost,
  gitText,
  runGit,
} from '@paved/plugin-githost-node';

/** What a diff shows: the files with their line counts, and the unified diff (size-limited). */
export interface RepositoryDiff {
  base: string;
  head: string;
  files: Array<{
    path: string;
    additions: number;
    deletions: number;
    binary: boolean;
  }>;
  text: string;
  truncated: boolean;
}

/** The result of merging two commits without a work tree (`git merge-tree --write-tree`). */
export type TreeMerge =
  | { clean: true; tree: string }
  | { clean: false; conflictedFiles: string[] };

/** Most bytes of a diff sent to a browser. */
export const DIFF_LIMIT_BYTES = 1024 * 1024;

/** A line git writes for an unresolved conflict (`<<<<<<< ours`, `>>>>>>> theirs`). */
const CONFLICT_MARKER = /^\+(<{7}|>{7})(?: |$)/;

/**
 * One bare repository of the local git host, with the git plumbing merge requests and the
 * repository page need. Everything runs on the bare repository itself: merges are computed by
 * `git merge-tree` and committed with `commit-tree` + a compare-and-swap `update-ref`, so no work
 * tree is ever checked out and a concurrent push is never overwritten.
 */
export class BareRepository {
  private readonly gitDir: string;

  constructor(gitHost: LocalGitHost, readonly name: string) {
    this.gitDir = `--git-dir=${gitHost.repositoryPath(name)}`;
  }

  /** Opens a repository of the host, or throws NotFoundError. */
  static async open(
    gitHost: LocalGitHost,
    name: string,
  ): Promise<BareRepository> {
    if (!(await gitHost.exists(name))) {
      throw new NotFoundError(
        `Repository '${name}' does not exist on the local git host`,
      );
    }
    return new BareRepository(gitHost, name);
  }

  git(args: string[], options?: Parameters<typeof runGit>[1]) {
    return runGit([this.gitDir, ...args], options);
  }

  text(args: string[], options?: Parameters<typeof runGit>[1]) {
    return gitText([this.gitDir, ...args], options);
  }

  /** The commit a branch points at, or undefined when there is no such branch. */
  async branchHead(branch: string): Promise<string | undefined> {
    try {
      return await this.text([
        'rev-parse',
        '--verify',
        '--quiet',
        '--end-of-options',
        `refs/heads/${branch}^{commit}`,
      ]);
    } catch {
      return undefined;
    }
  }

  /** The branch HEAD points at (git's symbolic ref), e.g. `main`. */
  async defaultBranch(): Promise<string> {
    const ref = await this.text(['symbolic-ref', '--quiet', 'HEAD']).catch(
      () => '',
    );
    return ref.replace(/^refs\/heads\//, '');
  }

  /** True if the commit object exists in the repository. */
  async hasCommit(sha: string): Promise<boolean> {
    return this.text(['cat-file', '-e', `${sha}^{commit}`]).then(
      () => true,
      () => false,
    );
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    try {
      await this.git(['merge-base', '--is-ancestor', ancestor, descendant]);
      return true;
    } catch (error) {
      if (error instanceof GitCommandError && error.exitCode === 1) {
        return false;
      }
      throw error;
    }
  }

  /**
   * The diff a merge of `head` into `target` would bring: `git diff target...head`, i.e. from
   * their merge base. The text stops at {@link DIFF_LIMIT_BYTES}; the file list is always whole.
   */
  async diff(target: string, head: string): Promise<RepositoryDiff> {
    const base = await this.text(['merge-base', target, head]);
    const range = [base, head];
    const numstat = await this.git([
      'diff',
      '--numstat',
      '-z',
      '--no-renames',
      ...range,
    ]);
    const files = numstat.stdout
      .toString('utf8')
      .split('\0')
      .filter(Boolean)
      .map(line => {
        const [additions, deletions, ...path] = line.split('\t');
        const binary = additions === '-';
        return {
          path: path.join('\t'),
          additions: binary ? 0 : Number(additions),
          deletions: binary ? 0 : Number(deletions),
          binary,
        };
      });
    const text = await this.git(
      ['diff', '--no-color', '--no-ext-diff', '--no-renames', ...range],
      { maxBuffer: DIFF_LIMIT_BYTES, truncate: true },
    );
    return {
      base,
      head,
      files,
      text: text.stdout.toString('utf8'),
      truncated: Boolean(text.truncated),
    };
  }

  /** Files in which `head` adds conflict markers relative to its merge base with `target`. */
  async filesWithConflictMarkers(
    target: string,
    head: string,
  ): Promise<string[]> {
    const base = await this.text(['merge-base', target, head]);
    const { stdout } = await this.git([
      'diff',
      '-U0',
      '--no-color',
      '--no-ext-diff',
      '--no-renames',
      base,
      head,
    ]);
    const files = new Set<string>();
    let current = '';
    for (const line of stdout.toString('utf8').split('\n')) {
      if (line.startsWith('+++ ')) {
        current = line.replace(/^\+\+\+ (b\/)?/, '');
      } else if (CONFLICT_MARKER.test(line)) {
        files.add(current);
      }
    }
    return [...files].sort();
  }

  /** Merges two commits in memory; nothing is written but objects. */
  async mergeTrees(target: string, source: string): Promise<TreeMerge> {
    try {
      const tree = await this.text([
        'merge-tree',
        '--write-tree',
        '--name-only',
        '--no-messages',
        target,
        source,
      ]);
      return { clean: true, tree };
    } catch (error) {
      // Exit code 1 means "conflicts"; the output lists the tree, then the conflicted files.
      if (error instanceof GitCommandError && error.exitCode === 1) {
        const [, ...conflictedFiles] = error.stdout
          .toString('utf8')
          .split('\n')
          .filter(Boolean);
        return { clean: false, conflictedFiles };
      }
      throw error;
    }
  }

  /**
   * Commits a merge of `source` into branch `targetBranch` (which must still be at `target`), a
   * real two-parent merge commit, and moves the branch with a compare-and-swap. Returns undefined
   * when the branch moved meanwhile.
   */
  async commitMerge(options: {
    targetBranch: string;
    target: string;
    source: string;
    tree: string;
    message: string;
    author: GitIdentity;
    committer: GitIdentity;
  }): Promise<string | undefined> {
    const { author, committer } = options;
    const commit = await this.text(
      [
        'commit-tree',
        options.tree,
        '-p',
        options.target,
        '-p',
        options.source,
        '-m',
        options.message,
      ],
      {
        env: {
          GIT_AUTHOR_NAME: author.name,
          GIT_AUTHOR_EMAIL: author.email,
          GIT_COMMITTER_NAME: committer.name,
          GIT_COMMITTER_EMAIL: committer.email,
        },
      },
    );
    try {
      await this.git([
        'update-ref',
        '-m',
        `merge ${options.source}`,
        `refs/heads/${options.targetBranch}`,
        commit,
        options.target,
      ]);
    } catch (error) {
      if (error instanceof GitCommandError) {
        return undefined;
      }
      throw error;
    }
    return commit;
  }
}
