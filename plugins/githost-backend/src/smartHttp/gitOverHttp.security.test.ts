/*
 * Attack: read or change a team's repository over Git smart HTTP without the right to. Every
 * request needs a Backstage token; anyone signed in may clone; only owners of the repository's
 * components and the platform team may push. Driven with the real git client against the real
 * backend, as a developer's terminal would.
 */
import { createMockDirectory } from '@backstage/backend-test-utils';
import { GitCommandError, gitText } from '@paved/plugin-githost-node';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  goldenPathsPlugin,
  sam,
  startGitHostBackend,
} from '../__testUtils__/gitHostBackend';
import { createRepository } from '../__testUtils__/repositories';

jest.setTimeout(120_000);

const identity = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

describe('git over HTTP', () => {
  const dir = createMockDirectory();
  let backend: Awaited<ReturnType<typeof startGitHostBackend>>;
  let baseUrl = '';

  beforeAll(async () => {
    dir.clear();
    backend = await startGitHostBackend({ gitDirectory: dir.resolve('git') });
    const { port } = backend.server.address() as AddressInfo;
    baseUrl = `http://localhost:${port}/api/githost`;
    await createRepository(backend.gitHost, 'orders-api', {
      'README.md': '# orders-api\n\nTakes orders.\n',
      'src/index.ts': 'export const port = 8080;\n',
    });
  });

  afterAll(() => backend?.stop());

  const mainOfHost = () =>
    gitText([
      `--git-dir=${backend.gitHost.repositoryPath('orders-api')}`,
      'rev-parse',
      'main',
    ]);

  /** Runs the git client; `authorization` is sent the way the README tells people to. */
  const git = (
    authorization: string | undefined,
    args: string[],
    cwd?: string,
  ) =>
    gitText(
      [
        ...(authorization
          ? ['-c', `http.extraHeader=Authorization: ${authorization}`]
          : []),
        ...args,
      ],
      { cwd, env: identity },
    );

  const failure = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      e => e,
    );
    expect(error).toBeInstanceOf(GitCommandError);
    return (error as GitCommandError).stderr;
  };

  it('clones with a token: the files and the history of the repository', async () => {
    const clone = dir.resolve('clone-with-token');
    await git(sam, ['clone', '--quiet', `${baseUrl}/orders-api.git`, clone]);
    await expect(
      fs.readFile(path.join(clone, 'README.md'), 'utf8'),
    ).resolves.toBe('# orders-api\n\nTakes orders.\n');
    await expect(git(undefined, ['log', '--format=%s'], clone)).resolves.toBe(
      'Initial commit',
    );
    // A plugin's service token reads too (TechDocs, scorecards).
    const byPlugin = dir.resolve('clone-by-plugin');
    await git(goldenPathsPlugin, [
      'clone',
      '--quiet',
      `${baseUrl}/orders-api.git`,
      byPlugin,
    ]);
    await expect(
      fs.readFile(path.join(byPlugin, 'src/index.ts'), 'utf8'),
    ).resolves.toContain('8080');
  });

  it('fetches after local work (protocol v2, a long negotiation)', async () => {
    const clone = dir.resolve('clone-fetch');
    await git(sam, ['clone', '--quiet', `${baseUrl}/orders-api.git`, clone]);
    for (let i = 0; i < 40; i++) {
      await git(
        undefined,
        ['commit', '--quiet', '--allow-empty', '-m', `local ${i}`],
        clone,
      );
    }
    await git(sam, ['fetch', '--quiet', 'origin', 'refs/heads/main'], clone);
    await expect(
      git(undefined, ['rev-parse', 'FETCH_HEAD'], clone),
    ).resolves.toBe(await mainOfHost());
  });

  it('reads a gzip-compressed request body, as git sends large ones', async () => {
    // Protocol v2 `ls-refs`: pkt-lines `command=ls-refs`, delimiter, flush.
    const body = gzipSync(Buffer.from('0014command=ls-refs\n00010000'));
    const response = await fetch(`${baseUrl}/orders-api.git/git-upload-pack`, {
      method: 'POST',
      headers: {
        authorization: sam,
        'content-type': 'application/x-git-upload-pack-request',
        'content-encoding': 'gzip',
        'git-protocol': 'version=2',
      },
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(
      `${await mainOfHost()} refs/heads/main`,
    );
  });

  it('refuses a clone without a token', async () => {
    const stderr = await failure(
      git(undefined, [
        'clone',
        '--quiet',
        `${baseUrl}/orders-api.git`,
        dir.resolve('clone-anonymous'),
      ]),
    );
    // git asks for credentials after a 401; prompts are off, so it gives up.
    expect(stderr).toMatch(/could not read Username|Authentication failed|401/);
    await expect(fs.stat(dir.resolve('clone-anonymous'))).rejects.toThrow();
  });

  it('refuses a clone with a forged token', async () => {
    const stderr = await failure(
      git('Bearer not-a-backstage-token', [
        'clone',
        '--quiet',
        `${baseUrl}/orders-api.git`,
        dir.resolve('clone-forged'),
      ]),
    );
    expect(stderr).toMatch(/could not read Username|Authentication failed|401/);
  });

  it('refuses a push by a plugin: plugins propose changes through merge requests', async () => {
    const response = await fetch(
      `${baseUrl}/orders-api.git/info/refs?service=git-receive-pack`,
      { headers: { authorization: goldenPathsPlugin } },
    );
    expect(response.status).toBe(403);
    expect(await response.text()).toBe(
      "repository: plugin:golden-paths may not push to repository 'orders-api': only people may push; plugins propose changes through merge requests (rule: owner-membership)\n",
    );
  });

  it('serves only the smart protocol, only for repositories of the host', async () => {
    const get = (url: string) =>
      fetch(`${baseUrl}${url}`, { headers: { authorization: sam } });
    // The dumb protocol would read files of the bare repository directly.
    expect((await get('/orders-api.git/info/refs')).status).toBe(403);
    expect((await get('/orders-api.git/HEAD')).status).toBe(404);
    expect((await get('/orders-api.git/config')).status).toBe(404);
    expect(
      (await get('/orders-api.git/info/refs?service=git-upload-archive'))
        .status,
    ).toBe(403);
    expect(
      (await get('/missing.git/info/refs?service=git-upload-pack')).status,
    ).toBe(404);
    expect(
      (await get('/..%2Fgit.git/info/refs?service=git-upload-pack')).status,
    ).toBe(404);
    const smart = await get(
      '/orders-api.git/info/refs?service=git-upload-pack',
    );
    expect(smart.status).toBe(200);
    expect(smart.headers.get('content-type')).toBe(
      'application/x-git-upload-pack-advertisement',
    );
  });
});
