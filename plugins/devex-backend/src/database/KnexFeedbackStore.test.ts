import { TestDatabases } from '@backstage/backend-test-utils';
import { createTestStores } from '../__testUtils__/testStores';
import { PortalFeedback } from './FeedbackStore';

jest.setTimeout(60_000);

const ids = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? (['POSTGRES_15', 'SQLITE_3'] as const)
  : (['SQLITE_3'] as const);
const databases = TestDatabases.create({ ids: [...ids] });

const T0 = Date.parse('2026-12-07T10:00:00Z');
const minute = (n: number) => T0 + n * 60_000;
const HOUR = { windowMs: 3_600_000, maxPerWindow: 3 };
const LOOSE = { windowMs: 3_600_000, maxPerWindow: 100 };

const feedback = (
  userRef: string,
  rating: number,
  category: PortalFeedback['category'],
  page: string,
  at: number,
  comment: string | null = null,
): PortalFeedback => ({
  userRef,
  rating,
  category,
  page,
  comment,
  lastAction: null,
  submittedAt: at,
});

describe.each(ids)('KnexFeedbackStore on %s', databaseId => {
  async function createStore() {
    const { feedback: store } = await createTestStores(
      await databases.init(databaseId),
    );
    return store;
  }

  it('groups ratings by page and by category (hand-computed)', async () => {
    const store = await createStore();
    const sent = [
      feedback('user:default/a', 5, 'praise', '/catalog', minute(0)),
      feedback('user:default/b', 1, 'bug', '/catalog', minute(1), 'Broken'),
      feedback('user:default/c', 4, 'praise', '/catalog', minute(2)),
      feedback('user:default/a', 2, 'slow', '/create', minute(3)),
      feedback('user:default/b', 3, 'bug', '/create', minute(4)),
      // Outside the window.
      feedback('user:default/c', 1, 'bug', '/docs', minute(120)),
    ];
    for (const f of sent) {
      expect((await store.record(f, LOOSE)).outcome).toBe('stored');
    }
    const groups = await store.feedbackGroups({
      from: minute(0),
      to: minute(60),
    });
    // 5+1+4+2+3 = 15 over 5; ratings ≤ 2: 1 and 2.
    expect(groups.all).toEqual({
      responses: 5,
      averageRating: 3,
      lowRatings: 2,
    });
    expect(groups.byPage).toEqual([
      // (5+1+4)/3
      { page: '/catalog', responses: 3, averageRating: 10 / 3, lowRatings: 1 },
      { page: '/create', responses: 2, averageRating: 2.5, lowRatings: 1 },
    ]);
    expect(
      groups.byCategory.map(g => ({
        ...g,
        averageRating: Math.round(g.averageRating * 100) / 100,
      })),
    ).toEqual([
      { category: 'bug', responses: 2, averageRating: 2, lowRatings: 1 },
      { category: 'praise', responses: 2, averageRating: 4.5, lowRatings: 0 },
      { category: 'slow', responses: 1, averageRating: 2, lowRatings: 1 },
    ]);
    const latest = await store.latestFeedback(
      { from: minute(0), to: minute(60) },
      2,
    );
    expect(latest.map(f => [f.rating, f.page, f.comment])).toEqual([
      [3, '/create', null],
      [2, '/create', null],
    ]);
  });

  it('answers an empty window with no average rather than zero', async () => {
    const store = await createStore();
    const groups = await store.feedbackGroups({ from: T0, to: minute(60) });
    expect(groups.all.responses).toBe(0);
    expect(groups.all.averageRating).toBeNaN();
    expect(groups.byPage).toEqual([]);
  });

  it('stores the same feedback from the same person once, another person’s separately', async () => {
    const store = await createStore();
    const f = feedback('user:default/a', 1, 'bug', '/catalog', minute(0), 'x');
    const first = await store.record(f, HOUR);
    const again = await store.record({ ...f, submittedAt: minute(1) }, HOUR);
    const other = await store.record({ ...f, userRef: 'user:default/b' }, HOUR);
    expect(first.outcome).toBe('stored');
    expect(again).toEqual({
      outcome: 'duplicate',
      id: (first as { id: number }).id,
    });
    expect(other.outcome).toBe('stored');
    const groups = await store.feedbackGroups({ from: T0, to: minute(60) });
    expect(groups.all.responses).toBe(2);
  });

  it('limits each person per window, across concurrent sends, and allows again in the next window', async () => {
    const store = await createStore();
    const sends = Array.from({ length: 12 }, (_, i) =>
      store.record(
        feedback('user:default/a', 4, 'other', `/page-${i}`, minute(5)),
        HOUR,
      ),
    );
    const outcomes = await Promise.all(sends);
    expect(outcomes.filter(o => o.outcome === 'stored')).toHaveLength(3);
    const limited = outcomes.find(o => o.outcome === 'limited');
    // The window started at 10:00; the next one starts at 11:00, 55 minutes after 10:05.
    expect(limited).toEqual({ outcome: 'limited', retryAfterMs: 55 * 60_000 });
    // Someone else is not affected.
    expect(
      (
        await store.record(
          feedback('user:default/b', 4, 'other', '/x', minute(5)),
          HOUR,
        )
      ).outcome,
    ).toBe('stored');
    // The next hour.
    expect(
      (
        await store.record(
          feedback('user:default/a', 4, 'other', '/x', minute(61)),
          HOUR,
        )
      ).outcome,
    ).toBe('stored');
    const groups = await store.feedbackGroups({ from: T0, to: minute(120) });
    expect(groups.all.responses).toBe(5);
  });
});
