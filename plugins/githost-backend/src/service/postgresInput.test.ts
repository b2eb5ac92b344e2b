import {
  TestDatabases,
  createMockDirectory,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { sam, startGitHostBackend } from '../__testUtils__/gitHostBackend';
import { createRepository } from '../__testUtils__/repositories';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

// Input that SQLite takes and PostgreSQL refuses in a statement (a 500 there before).
describe.each(databases.eachSupportedId())(
  'input PostgreSQL refuses, on %p',
  databaseId => {
    const dir = createMockDirectory();
    let backend: Awaited<ReturnType<typeof startGitHostBackend>>;
    const base = '/api/githost/repositories/orders-api/merge-requests';

    beforeEach(async () => {
      dir.clear();
      backend = await startGitHostBackend({
        gitDirectory: dir.resolve('git'),
        database: await databases.init(databaseId),
      });
      await createRepository(backend.gitHost, 'orders-api', {
        'catalog-info.yaml': 'kind: Component\n',
      });
    });

    afterEach(() => backend?.stop());

    // Found by `make fuzz` on PostgreSQL: a ten-digit id passed the spec's pattern and reached
    // the integer column, where PostgreSQL refuses a value beyond 2^31 - 1.
    it.each([
      ['GET', ''],
      ['POST', '/merge'],
      ['POST', '/close'],
    ])(
      'answers %s %s with an id beyond the column 400, naming the id',
      async (method, action) => {
        const res = await request(backend.server)
          [method === 'GET' ? 'get' : 'post'](`${base}/9999999999${action}`)
          .set('authorization', sam);
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
        expect(res.body.error.message).toMatch(
          /^id: must match pattern .* \(rule: pattern\)$/,
        );
      },
    );

    it('refuses a NUL character in a merge request with 400, naming the field', async () => {
      const res = await request(backend.server)
        .post(base)
        .set('authorization', sam)
        .send({ sourceBranch: 'main', title: 'Fix\u0000' });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        'title: must not contain the NUL character (U+0000) (rule: no-nul-character)',
      );
    });

    it('answers the largest id the pattern allows 404 when there is none', async () => {
      const res = await request(backend.server)
        .get(`${base}/999999999`)
        .set('authorization', sam);
      expect(res.status).toBe(404);
      expect(res.body.error.name).toBe('NotFoundError');
    });
  },
);
