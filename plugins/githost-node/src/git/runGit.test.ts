import fs from 'node:fs/promises';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { GitCommandError, gitText, redactCredentials, runGit } from './runGit';

jest.setTimeout(30_000);

describe('runGit', () => {
  const dir = createMockDirectory();

  beforeEach(() => dir.clear());

  it('runs git in a directory and returns its output', async () => {
    await runGit(['init', '--quiet', '--initial-branch=main'], {
      cwd: dir.path,
    });
    expect(
      await gitText(['rev-parse', '--show-toplevel'], { cwd: dir.path }),
    ).toBe(await fs.realpath(dir.path));
  });

  it('writes standard input and passes the environment', async () => {
    await runGit(['init', '--quiet', '--bare', dir.resolve('repo.git')]);
    const gitDir = `--git-dir=${dir.resolve('repo.git')}`;
    const blob = await gitText([gitDir, 'hash-object', '-w', '--stdin'], {
      input: 'hello\n',
    });
    expect(
      (await runGit([gitDir, 'cat-file', 'blob', blob])).stdout.toString(),
    ).toBe('hello\n');

    const tree = await gitText([gitDir, 'mktree'], {
      input: `100644 blob ${blob}\thello.txt\n`,
    });
    const commit = await gitText([gitDir, 'commit-tree', tree, '-m', 'x'], {
      env: {
        GIT_AUTHOR_NAME: 'Sam Rivera',
        GIT_AUTHOR_EMAIL: 'sam@example.com',
        GIT_COMMITTER_NAME: 'Paved',
        GIT_COMMITTER_EMAIL: 'paved@example.com',
      },
    });
    expect(
      await gitText([gitDir, 'show', '-s', '--format=%an|%cn', commit]),
    ).toBe('Sam Rivera|Paved');
  });

  it('ignores the global git configuration', async () => {
    await runGit(['init', '--quiet', dir.resolve('repo')]);
    // With GIT_CONFIG_GLOBAL=/dev/null there is no identity unless the caller gives one.
    await expect(
      runGit(['commit', '--allow-empty', '-m', 'x'], {
        cwd: dir.resolve('repo'),
        env: { HOME: dir.path, EMAIL: undefined, GIT_AUTHOR_EMAIL: undefined },
      }),
    ).rejects.toBeInstanceOf(GitCommandError);
  });

  it('fails with git’s own words, the subcommand and the exit code', async () => {
    const error = await runGit(
      ['-c', 'core.quotepath=off', 'rev-parse', '--verify', 'nope'],
      { cwd: dir.path },
    ).catch(e => e);
    expect(error).toBeInstanceOf(GitCommandError);
    expect(error.subcommand).toBe('rev-parse');
    expect(error.exitCode).not.toBe(0);
    expect(error.message).toMatch(/^git rev-parse failed: fatal: /);
    expect(error.stderr).toMatch(
      /not a git repository|Needed a single revision/,
    );
  });

  it('names a repository without the folders it lives in', async () => {
    const missing = dir.resolve('data/git/missing.git');
    const error = await runGit([`--git-dir=${missing}`, 'rev-parse', 'HEAD'], {
      cwd: dir.path,
    }).catch(e => e);
    expect(error).toBeInstanceOf(GitCommandError);
    expect(error.message).toContain('…/missing.git');
    expect(error.message).not.toContain(dir.path);
    // The backend's log keeps where it was.
    expect(error.stderr).toContain(missing);
  });

  it('never puts a credential from a URL into an error', async () => {
    const error = await runGit(
      ['ls-remote', 'https://deploy:s3cret-token@127.0.0.1:9/repo.git'],
      { cwd: dir.path },
    ).catch(e => e);
    expect(error).toBeInstanceOf(GitCommandError);
    expect(error.message).not.toContain('s3cret-token');
    expect(error.stderr).not.toContain('s3cret-token');
    expect(
      redactCredentials('fatal: https://a:b@host/x and ssh://git@host/y'),
    ).toBe('fatal: https://***@host/x and ssh://***@host/y');
  });

  it('passes arguments without a shell', async () => {
    await runGit(['init', '--quiet', dir.resolve('repo')]);
    const hostile = '$(touch pwned); `touch pwned2`';
    await runGit(['commit', '--allow-empty', '-m', hostile], {
      cwd: dir.resolve('repo'),
      env: {
        GIT_AUTHOR_NAME: 'a',
        GIT_AUTHOR_EMAIL: 'a@example.com',
        GIT_COMMITTER_NAME: 'a',
        GIT_COMMITTER_EMAIL: 'a@example.com',
      },
    });
    expect(
      await gitText(['log', '--format=%s'], { cwd: dir.resolve('repo') }),
    ).toBe(hostile);
    await expect(fs.stat(dir.resolve('repo/pwned'))).rejects.toThrow();
  });

  it('stops git when aborted, and when its output is too large', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      runGit(['--version'], { signal: controller.signal }),
    ).rejects.toBeInstanceOf(GitCommandError);
    await expect(runGit(['--help'], { maxBuffer: 10 })).rejects.toThrow(
      /exceeded 10 bytes/,
    );
  });

  it('keeps the beginning of a large output when asked to truncate', async () => {
    const full = await runGit(['--help']);
    const cut = await runGit(['--help'], { maxBuffer: 10, truncate: true });
    expect(cut.truncated).toBe(true);
    expect(cut.stdout).toEqual(full.stdout.subarray(0, 10));
    expect(full.truncated).toBeUndefined();
    const roomy = await runGit(['--help'], {
      maxBuffer: full.stdout.length,
      truncate: true,
    });
    expect(roomy.truncated).toBeUndefined();
    expect(roomy.stdout).toEqual(full.stdout);
  });
});
