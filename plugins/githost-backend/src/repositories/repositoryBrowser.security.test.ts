/*
 * Attack: read outside a repository through the repository page's routes (the backend's own
 * files, another repository's objects, the bare repository's config) with `..`, absolute paths,
 * encoded separators, NUL bytes, or a ref git would read as an option or a range. Every route
 * needs a token too.
 */
import { createMockDirectory } from '@backstage/backend-test-utils';
import request from 'supertest';
import { sam, startGitHostBackend } from '../__testUtils__/gitHostBackend';
import { createRepository } from '../__testUtils__/repositories';

jest.setTimeout(120_000);

describe('the repository page routes stay inside the repository', () => {
  const dir = createMockDirectory();
  let backend: Awaited<ReturnType<typeof startGitHostBackend>>;
  const base = '/api/githost/repositories/orders-api';

  beforeAll(async () => {
    dir.clear();
    backend = await startGitHostBackend({ gitDirectory: dir.resolve('git') });
    await createRepository(backend.gitHost, 'orders-api', {
      'README.md': '# orders-api\n',
      'src/index.ts': 'export const port = 8080;\n',
    });
    await createRepository(backend.gitHost, 'ledger-service', {
      'secret.txt': 'ledger only\n',
    });
  });

  afterAll(() => backend?.stop());

  const get = (url: string, auth: string | null = sam) => {
    const req = request(backend.server).get(url);
    return auth ? req.set('authorization', auth) : req;
  };

  it('reads a file and a directory of the repository', async () => {
    const blob = await get(
      `${base}/blob?path=${encodeURIComponent('src/index.ts')}`,
    );
    expect(blob.status).toBe(200);
    expect(blob.body.content).toBe('export const port = 8080;\n');
    const tree = await get(`${base}/tree?path=src`);
    expect(tree.status).toBe(200);
    expect(tree.body.entries.map((e: { path: string }) => e.path)).toEqual([
      'src/index.ts',
    ]);
  });

  it('refuses every route without a token', async () => {
    for (const url of [
      '/api/githost/repositories',
      base,
      `${base}/tree`,
      `${base}/blob?path=README.md`,
    ]) {
      expect({ url, status: (await get(url, null)).status }).toEqual({
        url,
        status: 401,
      });
    }
  });

  it.each([
    '../ledger-service.git/config',
    '../../../etc/passwd',
    'src/../../ledger-service.git/HEAD',
    '/etc/passwd',
    '//etc/passwd',
    'src/./index.ts',
    'src//index.ts',
    'src\\..\\..\\etc\\passwd',
    'src/index.ts\0.md',
  ])('refuses path %j with a 400 naming the rule', async path => {
    for (const route of ['blob', 'tree']) {
      const response = await get(
        `${base}/${route}?path=${encodeURIComponent(path)}`,
      );
      expect(response.status).toBe(400);
      // A NUL character is refused by the guard every plugin mounts, before the path rules.
      expect(response.body.error.message).toMatch(
        /^path: .* \(rule: (repository-path|no-nul-character)\)$/,
      );
    }
  });

  it.each([
    '--output=/tmp/x',
    '-h',
    'main..ledger',
    'main:../secret.txt',
    'HEAD@{0}',
    '../ledger-service',
  ])('refuses ref %j (never an option, range or path)', async ref => {
    const response = await get(
      `${base}/blob?path=README.md&ref=${encodeURIComponent(ref)}`,
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^ref: /);
  });

  it('finds nothing of another repository by its commit', async () => {
    const ledgerMain = (
      await get('/api/githost/repositories/ledger-service/tree')
    ).body.commit;
    const response = await get(
      `${base}/blob?path=secret.txt&ref=${ledgerMain}`,
    );
    // Each repository has its own object store: the commit is simply unknown here.
    expect(response.status).toBe(404);
    expect(JSON.stringify(response.body)).not.toContain('ledger only');
  });

  it('refuses repository names that are paths', async () => {
    for (const name of ['..', '..%2Fledger-service', 'ORDERS', 'a.git']) {
      const response = await get(`/api/githost/repositories/${name}/tree`);
      expect([400, 404]).toContain(response.status);
      expect(JSON.stringify(response.body)).not.toContain('ledger only');
    }
  });
});
