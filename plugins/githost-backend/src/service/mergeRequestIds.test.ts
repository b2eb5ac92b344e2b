import {
  TestDatabases,
  createMockDirectory,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { sam, startGitHostBackend } from '../__testUtils__/gitHostBackend';
import { createRepository } from '../__testUtils__/repositories';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

// Found by `make fuzz` on PostgreSQL: a ten-digit id passed the spec's pattern and reached the
// integer column, where PostgreSQL refuses a value beyond 2^31 - 1 (a 500).
describe.each(databases.eachSupportedId())(
  'merge request ids on %p',
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

    it('answers the largest id the pattern allows 404 when there is none', async () => {
      const res = await request(backend.server)
        .get(`${base}/999999999`)
        .set('authorization', sam);
      expect(res.status).toBe(404);
      expect(res.body.error.name).toBe('NotFoundError');
    });
  },
);
