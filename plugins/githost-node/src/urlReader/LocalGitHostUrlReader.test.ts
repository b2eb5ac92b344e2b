import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { LocalGitHost } from '../host/LocalGitHost';
import { writeSampleWorkspace } from '../testUtils/gitFixtures';
import { LocalGitHostUrlReader } from './LocalGitHostUrlReader';

jest.setTimeout(60_000);

describe('LocalGitHostUrlReader', () => {
  const dir = createMockDirectory();
  const base = 'http://localhost:7007/api/githost/payments-api/blob/main';
  let commitSha: string;

  const reader = () =>
    UrlReaders.create({
      logger: mockServices.logger.mock(),
      config: mockServices.rootConfig({
        data: {
          backend: { baseUrl: 'http://localhost:7007' },
        },
      }),
      factories: [
        LocalGitHostUrlReader.factory(new LocalGitHost(dir.resolve('git'))),
      ],
    });

  beforeAll(async () => {
    dir.clear();
    await writeSampleWorkspace(dir.resolve('workspace'));
    const published = await new LocalGitHost(dir.resolve('git')).publish({
      name: 'payments-api',
      sourceDirectory: dir.resolve('workspace'),
      author: { name: 'Sam Rivera', email: 'sam@example.com' },
      committer: { name: 'Paved', email: 'paved@example.com' },
      message: 'Initial commit',
      taskId: 'task-1',
    });
    commitSha = published.commitSha;
  });

  it('reads a file, with its blob sha as etag', async () => {
    const response = await reader().readUrl(`${base}/docs/index.md`);
    expect((await response.buffer()).toString()).toBe('# Sample\n');
    expect(response.etag).toMatch(/^[0-9a-f]{40}$/);
    await expect(
      reader().readUrl(`${base}/docs/index.md`, { etag: response.etag }),
    ).rejects.toMatchObject({ name: 'NotModifiedError' });
  });

  it('reads a tree, as TechDocs does for dir:.', async () => {
    const tree = await reader().readTree(`${base}/`);
    expect(tree.etag).toBe(commitSha);
    const files = await tree.files();
    expect(files.map(f => f.path).sort()).toEqual([
      '.gitignore',
      'catalog-info.yaml',
      'docs/index.md',
      'run.sh',
    ]);
    const docs = files.find(f => f.path === 'docs/index.md')!;
    expect((await docs.content()).toString()).toBe('# Sample\n');

    const sub = await reader().readTree(`${base}/docs`);
    expect((await sub.files()).map(f => f.path)).toEqual(['index.md']);
    await expect(
      reader().readTree(`${base}/`, { etag: commitSha }),
    ).rejects.toMatchObject({
      name: 'NotModifiedError',
    });
  });

  it('searches with globs', async () => {
    const result = await reader().search(`${base}/**/*.md`);
    expect(result.files.map(f => f.url)).toEqual([`${base}/docs/index.md`]);
    expect((await result.files[0].content()).toString()).toBe('# Sample\n');
    const exact = await reader().search(`${base}/catalog-info.yaml`);
    expect(exact.files).toHaveLength(1);
  });

  it('answers 404s and refuses traversal', async () => {
    await expect(reader().readUrl(`${base}/missing.md`)).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    await expect(
      reader().readUrl('http://localhost:7007/api/githost/nope/blob/main/a'),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(reader().readUrl(`${base}/docs`)).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    await expect(
      reader().readUrl(`${base}/%2e%2e/%2e%2e/etc/passwd`),
    ).rejects.toMatchObject({ name: 'InputError' });
    await expect(
      reader().readUrl(
        'http://localhost:7007/api/githost/payments-api/blob/main/../../../etc/passwd',
      ),
    ).rejects.toMatchObject({ name: 'InputError' });
  });
});
