import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { formatViolation, violationsError } from '@paved/backend-platform';
import {
  repositoryCloneUrl,
  repositoryPageUrl,
} from '@paved/plugin-githost-common';
import { LocalGitHost } from '@paved/plugin-githost-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import { BareRepository } from '../git/BareRepository';
import { RepositoryOwners } from './RepositoryOwners';

/** Most bytes of a file sent to a browser. */
export const BLOB_LIMIT_BYTES = 1024 * 1024;

const ENTRY_TYPES: Record<
  string,
  'file' | 'directory' | 'symlink' | 'submodule'
> = {
  '100644': 'file',
  '100755': 'file',
  '040000': 'directory',
  '120000': 'symlink',
  '160000': 'submodule',
};

/** Sort key that lists directories before everything else. */
function directoriesFirst(type: string): number {
  return type === 'directory' ? 0 : 1;
}

/**
 * A path inside a repository as people write it (`docs/index.md`), or a violation: no leading
 * slash, no `.`/`..` segments, no backslashes or NUL, so a path can only name something in the
 * commit's own tree.
 */
function checkFilePath(filePath: string): string {
  const trimmed = filePath.replace(/\/+$/, '');
  const segments = trimmed.split('/');
  if (
    filePath.startsWith('/') ||
    /[\\\0]/.test(filePath) ||
    (trimmed !== '' &&
      segments.some(
        segment => segment === '' || segment === '.' || segment === '..',
      ))
  ) {
    throw violationsError([
      {
        field: 'path',
        problem: `'${filePath}' must be a relative path inside the repository, without '.', '..', '//', backslashes or a leading '/'`,
        rule: 'repository-path',
      },
    ]);
  }
  return trimmed;
}

/** Reads repositories of the local git host for the repository page: branches, trees, files. */
export class RepositoryBrowser {
  constructor(
    private readonly deps: {
      gitHost: LocalGitHost;
      owners: RepositoryOwners;
      backendBaseUrl: string;
      appBaseUrl: string;
    },
  ) {}

  private async description(name: string): Promise<string> {
    const text = await fs
      .readFile(
        path.join(this.deps.gitHost.repositoryPath(name), 'description'),
        'utf8',
      )
      .catch(() => '');
    // git init's placeholder is not a description.
    return text.startsWith('Unnamed repository') ? '' : text.trim();
  }

  private summary(name: string, description: string) {
    return {
      name,
      description,
      cloneUrl: repositoryCloneUrl(this.deps.backendBaseUrl, name),
      url: repositoryPageUrl(this.deps.appBaseUrl, name),
    };
  }

  async list() {
    const names = await this.deps.gitHost.list();
    return Promise.all(
      names.map(async name => this.summary(name, await this.description(name))),
    );
  }

  async get(name: string, credentials: BackstageCredentials) {
    const repo = await BareRepository.open(this.deps.gitHost, name);
    const heads = await repo.text([
      'for-each-ref',
      '--sort=-committerdate',
      '--format=%(refname:lstrip=2)%00%(objectname)%00%(committerdate:iso-strict)%00%(contents:subject)',
      'refs/heads/',
    ]);
    const branches = heads
      .split('\n')
      .filter(Boolean)
      .map(line => {
        const [branch, commit, committedAt, subject] = line.split('\0');
        return {
          name: branch,
          commit,
          committedAt: new Date(committedAt).toISOString(),
          subject,
        };
      });
    const [entityRefs, access] = await Promise.all([
      this.deps.owners.entityRefsOf(name, credentials),
      this.deps.owners.writeAccess(
        name,
        credentials,
        `push to repository '${name}'`,
      ),
    ]);
    return {
      ...this.summary(name, await this.description(name)),
      defaultBranch: await repo.defaultBranch(),
      branches,
      entityRefs,
      viewer: access.allowed
        ? { mayWrite: true }
        : { mayWrite: false, reason: access.reason },
    };
  }

  /** The commit a ref names (the default branch when absent). */
  private async commitOf(repo: BareRepository, ref: string | undefined) {
    const name = ref ?? (await repo.defaultBranch());
    try {
      return {
        ref: name,
        commit: await this.deps.gitHost.resolveCommit(repo.name, name),
      };
    } catch (error) {
      if (error instanceof InputError) {
        throw violationsError([
          { field: 'ref', problem: error.message, rule: 'git-ref' },
        ]);
      }
      throw error;
    }
  }

  /** The type of the object at a path of a commit, or NotFoundError. */
  private async objectAt(
    repo: BareRepository,
    commit: string,
    filePath: string,
    ref: string,
  ): Promise<{ sha: string; type: string }> {
    try {
      const sha = await repo.text([
        'rev-parse',
        '--verify',
        '--quiet',
        `${commit}:${filePath}`,
      ]);
      const type = await repo.text(['cat-file', '-t', sha]);
      return { sha, type };
    } catch {
      throw new NotFoundError(
        `'${filePath}' does not exist at '${ref}' of '${repo.name}'`,
      );
    }
  }

  async tree(name: string, options: { ref?: string; path?: string }) {
    const repo = await BareRepository.open(this.deps.gitHost, name);
    const filePath = checkFilePath(options.path ?? '');
    const { ref, commit } = await this.commitOf(repo, options.ref);
    if (filePath) {
      const { type } = await this.objectAt(repo, commit, filePath, ref);
      if (type !== 'tree') {
        throw new InputError(
          formatViolation({
            field: 'path',
            problem: `'${filePath}' is a file, not a directory`,
            rule: 'directory',
          }),
        );
      }
    }
    const listing = await repo.git([
      'ls-tree',
      '-z',
      '--long',
      filePath ? `${commit}:${filePath}` : commit,
    ]);
    const entries = listing.stdout
      .toString('utf8')
      .split('\0')
      .filter(Boolean)
      .map(line => {
        // `<mode> <type> <sha> <size>\t<name>`
        const [meta, entryName] = line.split('\t');
        const [mode, , , size] = meta.split(/\s+/);
        const type = ENTRY_TYPES[mode] ?? 'file';
        return {
          name: entryName,
          path: filePath ? `${filePath}/${entryName}` : entryName,
          type,
          ...(type === 'file' && { size: Number(size) }),
        };
      })
      .sort(
        (a, b) =>
          directoriesFirst(a.type) - directoriesFirst(b.type) ||
          a.name.localeCompare(b.name),
      );
    return { ref, commit, path: filePath, entries };
  }

  async blob(name: string, options: { ref?: string; path: string }) {
    const repo = await BareRepository.open(this.deps.gitHost, name);
    const filePath = checkFilePath(options.path);
    if (!filePath) {
      throw violationsError([
        { field: 'path', problem: 'must name a file', rule: 'required' },
      ]);
    }
    const { ref, commit } = await this.commitOf(repo, options.ref);
    const { sha, type } = await this.objectAt(repo, commit, filePath, ref);
    if (type !== 'blob') {
      throw new InputError(
        formatViolation({
          field: 'path',
          problem: `'${filePath}' is a directory, not a file`,
          rule: 'file',
        }),
      );
    }
    const size = Number(await repo.text(['cat-file', '-s', sha]));
    const { stdout, truncated } = await repo.git(['cat-file', 'blob', sha], {
      maxBuffer: BLOB_LIMIT_BYTES,
      truncate: true,
    });
    // git's own test for binary content: a NUL byte in the first 8000 bytes.
    const binary = stdout.subarray(0, 8000).includes(0);
    return {
      ref,
      commit,
      path: filePath,
      size,
      binary,
      truncated: Boolean(truncated),
      ...(!binary && { content: stdout.toString('utf8') }),
    };
  }
}
