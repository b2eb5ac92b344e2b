import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GitRepository, assertSafeRepositoryPath } from './GitRepository';

jest.setTimeout(60_000);

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

describe('GitRepository', () => {
  let root: string;
  let bare: string;

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'paved-git-test-'));
    bare = path.join(root, 'host', 'infrastructure-gitops.git');
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  function repository(
    overrides: Partial<ConstructorParameters<typeof GitRepository>[0]> = {},
  ) {
    return new GitRepository({
      url: bare,
      branch: 'main',
      authorName: 'Paved',
      authorEmail: 'paved@example.com',
      createIfMissing: true,
      ...overrides,
    });
  }

  it('creates the bare repository on the local git host and commits a file', async () => {
    const result = await repository().commitFiles(
      [
        {
          path: 'databases/payments/orders.yaml',
          content: 'kind: PostgreSQLInstance\n',
        },
      ],
      'add orders',
    );
    expect(result.changed).toBe(true);
    expect(result.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(git(bare, 'rev-parse', 'refs/heads/main')).toBe(result.commit);
    expect(git(bare, 'show', 'main:databases/payments/orders.yaml')).toBe(
      'kind: PostgreSQLInstance',
    );
    expect(git(bare, 'log', '-1', '--format=%an <%ae> %s', 'main')).toBe(
      'Paved <paved@example.com> add orders',
    );
  });

  it('names a local repository in messages without the folders it lives in', () => {
    expect(repository().location).toBe('infrastructure-gitops.git');
    expect(
      repository({ url: 'https://deploy:token@git.example.com/infra.git' })
        .location,
    ).toBe('https://***@git.example.com/infra.git');
  });

  it('makes no new commit when the content is already there (a retry)', async () => {
    const repo = repository();
    const change = [{ path: 'a/b.yaml', content: 'x: 1\n' }];
    const first = await repo.commitFiles(change, 'one');
    const second = await repo.commitFiles(change, 'one again');
    expect(second).toEqual({ commit: first.commit, changed: false });
    expect(git(bare, 'rev-list', '--count', 'main')).toBe('1');

    const third = await repo.commitFiles(
      [{ path: 'a/b.yaml', content: 'x: 2\n' }],
      'two',
    );
    expect(third.changed).toBe(true);
    expect(git(bare, 'rev-list', '--count', 'main')).toBe('2');
    expect(await repo.lastCommitFor('a/b.yaml')).toBe(third.commit);
    expect(await repo.readFile('a/b.yaml')).toBe('x: 2\n');
  });

  it('removes files, removing an absent file changes nothing, and a removed file is told from one never written', async () => {
    const repo = repository();
    // Before the branch exists, nothing is there to read.
    expect(await repo.readFile('gone.yaml')).toBeUndefined();
    expect(await repo.lastCommitTouching('gone.yaml')).toBeUndefined();
    const added = await repo.commitFiles(
      [
        { path: 'keep.yaml', content: 'k: 1\n' },
        { path: 'gone.yaml', content: 'g: 1\n' },
      ],
      'add',
    );
    const removed = await repo.commitFiles(
      [{ path: 'gone.yaml', content: null }],
      'remove',
    );
    expect(removed.changed).toBe(true);
    expect(git(bare, 'ls-tree', '--name-only', 'main')).toBe('keep.yaml');
    const again = await repo.commitFiles(
      [{ path: 'gone.yaml', content: null }],
      'remove',
    );
    expect(again).toEqual({ commit: removed.commit, changed: false });
    expect(await repo.readFile('gone.yaml')).toBeUndefined();

    expect(await repo.lastCommitFor('keep.yaml')).toBe(added.commit);
    expect(await repo.lastCommitTouching('keep.yaml')).toBe(added.commit);
    expect(await repo.lastCommitFor('gone.yaml')).toBeUndefined();
    expect(await repo.lastCommitTouching('gone.yaml')).toBe(removed.commit);
    expect(await repo.lastCommitFor('never.yaml')).toBeUndefined();
    expect(await repo.lastCommitTouching('never.yaml')).toBeUndefined();
  });

  it('keeps every write when several writers push at once', async () => {
    await repository().commitFiles(
      [{ path: 'seed.yaml', content: 's\n' }],
      'seed',
    );
    const writers = Array.from({ length: 5 }, (_, i) =>
      repository().commitFiles(
        [{ path: `teams/t${i}.yaml`, content: `${i}\n` }],
        `t${i}`,
      ),
    );
    const results = await Promise.all(writers);
    expect(results.every(r => r.changed)).toBe(true);
    const files = git(bare, 'ls-tree', '-r', '--name-only', 'main').split('\n');
    expect(files).toEqual(
      expect.arrayContaining([
        'seed.yaml',
        ...results.map((_, i) => `teams/t${i}.yaml`),
      ]),
    );
    expect(git(bare, 'rev-list', '--count', 'main')).toBe('6');
  });

  it('creates a missing repository once when readers and writers arrive together', async () => {
    // A drift check reads while the first provisioning step writes: neither may see a half-made
    // repository (this failed with "not a git repository" before the repository was made aside).
    const results = await Promise.all([
      ...Array.from({ length: 4 }, () => repository().readFile('a.yaml')),
      ...Array.from({ length: 3 }, (_, i) =>
        repository().commitFiles(
          [{ path: `w${i}.yaml`, content: `${i}\n` }],
          `w${i}`,
        ),
      ),
    ]);
    expect(results.slice(4)).toEqual(
      Array.from({ length: 3 }, () =>
        expect.objectContaining({ changed: true }),
      ),
    );
    expect(git(bare, 'ls-tree', '--name-only', 'main').split('\n')).toEqual([
      'w0.yaml',
      'w1.yaml',
      'w2.yaml',
    ]);
    // No staging folder is left beside it.
    expect(await fs.readdir(path.dirname(bare))).toEqual([
      'infrastructure-gitops.git',
    ]);
  });

  it('does not create a configured repository that is missing', async () => {
    await expect(
      repository({ createIfMissing: false }).commitFiles(
        [{ path: 'a.yaml', content: '' }],
        'a',
      ),
    ).rejects.toThrow(/git ls-remote failed/);
  });

  it.each([
    '../escape.yaml',
    '/etc/passwd',
    'a/../../b',
    'a//b',
    'spaces in name',
    'a/./b',
    '',
  ])('refuses the unsafe path %j', unsafe => {
    expect(() => assertSafeRepositoryPath(unsafe)).toThrow(
      /Unsafe repository path/,
    );
  });
});
