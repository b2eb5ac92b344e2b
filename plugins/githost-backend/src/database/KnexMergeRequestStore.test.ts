import { TestDatabases } from '@backstage/backend-test-utils';
import { KnexMergeRequestStore } from './KnexMergeRequestStore';
import { NewMergeRequestRecord } from './MergeRequestStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const proposal = (
  overrides: Partial<NewMergeRequestRecord> = {},
): NewMergeRequestRecord => ({
  repository: 'orders-api',
  sourceBranch: 'paved/upgrade-1.1.0',
  targetBranch: 'main',
  title: 'Upgrade to 1.1.0',
  description: 'Renders **1.1.0** of the template.',
  author: 'plugin:golden-paths',
  conflicted: false,
  sourceCommit: 'a'.repeat(40),
  ...overrides,
});

describe.each(databases.eachSupportedId())(
  'KnexMergeRequestStore on %p',
  databaseId => {
    let store: KnexMergeRequestStore;
    let now: Date;

    beforeEach(async () => {
      const knex = await databases.init(databaseId);
      now = new Date('2026-12-10T09:00:00Z');
      store = await KnexMergeRequestStore.create(
        { getClient: async () => knex, migrations: { skip: false } },
        () => now,
      );
    });

    it('numbers merge requests per repository and reads them back exactly', async () => {
      const first = await store.open(proposal());
      const second = await store.open(
        proposal({ sourceBranch: 'fix/readme', conflicted: true }),
      );
      const elsewhere = await store.open(
        proposal({ repository: 'ledger-service' }),
      );
      expect([first, second, elsewhere].map(r => r.created)).toEqual([
        true,
        true,
        true,
      ]);
      expect(first.mergeRequest.id).toBe(1);
      expect(second.mergeRequest.id).toBe(2);
      expect(elsewhere.mergeRequest.id).toBe(1);
      expect(await store.get('orders-api', 2)).toEqual({
        repository: 'orders-api',
        id: 2,
        sourceBranch: 'fix/readme',
        targetBranch: 'main',
        title: 'Upgrade to 1.1.0',
        description: 'Renders **1.1.0** of the template.',
        author: 'plugin:golden-paths',
        state: 'open',
        conflicted: true,
        sourceCommit: 'a'.repeat(40),
        mergeCommit: undefined,
        mergedBy: undefined,
        closedBy: undefined,
        createdAt: now,
        updatedAt: now,
      });
      expect(await store.get('orders-api', 3)).toBeUndefined();
      expect((await store.list('orders-api')).map(m => m.id)).toEqual([2, 1]);
    });

    it('returns the open merge request of a source branch instead of opening a second', async () => {
      const first = await store.open(proposal());
      const again = await store.open(proposal({ title: 'Another title' }));
      expect(again).toEqual({
        mergeRequest: first.mergeRequest,
        created: false,
      });
      expect(await store.list('orders-api')).toHaveLength(1);
    });

    it('opens exactly one when the same proposal arrives many times at once', async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, () => store.open(proposal())),
      );
      expect(results.filter(r => r.created)).toHaveLength(1);
      expect(new Set(results.map(r => r.mergeRequest.id))).toEqual(
        new Set([1]),
      );
      expect(await store.list('orders-api')).toHaveLength(1);
    });

    it('gives distinct numbers to different branches opened at once', async () => {
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          store.open(proposal({ sourceBranch: `topic-${i}` })),
        ),
      );
      expect(results.map(r => r.mergeRequest.id).sort()).toEqual([
        1, 2, 3, 4, 5, 6,
      ]);
    });

    it('finishes a merge request once: merged or closed are final', async () => {
      await store.open(proposal());
      now = new Date('2026-12-10T10:00:00Z');
      const merged = await store.finish('orders-api', 1, {
        state: 'merged',
        mergeCommit: 'b'.repeat(40),
        by: 'user:default/sam.rivera',
      });
      expect(merged).toMatchObject({
        state: 'merged',
        mergeCommit: 'b'.repeat(40),
        mergedBy: 'user:default/sam.rivera',
        updatedAt: now,
      });
      expect(
        await store.finish('orders-api', 1, { state: 'closed', by: 'x' }),
      ).toBeUndefined();
      expect((await store.get('orders-api', 1))?.state).toBe('merged');
      expect(await store.list('orders-api', { state: 'open' })).toEqual([]);
      expect(await store.list('orders-api', { state: 'merged' })).toHaveLength(
        1,
      );
    });

    it('lets the same branch be proposed again once the earlier one is finished', async () => {
      await store.open(proposal());
      await store.finish('orders-api', 1, {
        state: 'closed',
        by: 'user:default/sam.rivera',
      });
      const reopened = await store.open(proposal());
      expect(reopened.created).toBe(true);
      expect(reopened.mergeRequest.id).toBe(2);
      expect((await store.get('orders-api', 1))?.closedBy).toBe(
        'user:default/sam.rivera',
      );
    });
  },
);
