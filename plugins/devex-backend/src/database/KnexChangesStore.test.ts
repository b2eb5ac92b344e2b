import { TestDatabases } from '@backstage/backend-test-utils';
import { DevexEvent } from '@paved/plugin-devex-common';
import { TimeWindow } from './DoraStore';
import { createTestStores } from '../__testUtils__/testStores';

jest.setTimeout(60_000);

const ids = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? (['POSTGRES_15', 'SQLITE_3'] as const)
  : (['SQLITE_3'] as const);
const databases = TestDatabases.create({ ids: [...ids] });

const CI = { writer: 'service:external:ci', receivedAt: 1 };
const SERVICE = 'component:default/payments-api';
const OTHER = 'component:default/ledger-service';
const HOUR = 3_600_000;
const t = (s: string) => `2026-10-${s}:00Z`;
const WINDOW: TimeWindow = {
  from: Date.parse('2026-10-01T00:00:00Z'),
  to: Date.parse('2026-11-01T00:00:00Z'),
};
const sha = (n: number) => `${`${n}`.padStart(8, 'c')}deadbeef`;

type ChangeData = Extract<DevexEvent, { type: 'change' }>['data'];
const change = (id: string, data: ChangeData, subject = SERVICE) =>
  ({ id, source: 'ci', type: 'change', subject, data } as DevexEvent);
const deployment = (
  id: string,
  finishedAt: string,
  shas: number[],
  environment = 'production',
): DevexEvent => ({
  id,
  source: 'ci',
  type: 'deployment',
  subject: SERVICE,
  data: {
    environment,
    status: 'success',
    finishedAt,
    commits: shas.map(n => ({ sha: sha(n), committedAt: t('01T00:00') })),
  },
});

/*
 * Hand-computed fixtures (hours). Stage spans per change of payments-api:
 *   a  coding 2   pickup 2        review 4   deploy 2 (deployment arrives after the change)  40 lines
 *   b  coding 2   pickup -1 (review before opening: dropped)  review 5  deploy 10 (staging at +1 h
 *      does not count)  5 lines
 *   c  coding 6   merged without review: no pickup, no review   deploy 1   300 lines
 *   d  force-pushed: re-sent with first commit after opening (coding dropped) and a new merge
 *      commit: pickup 3  review 1  deploy 6 (of the new merge commit, not the old one)  1200 lines
 *   e  coding 1   pickup 1   review 1   merge commit never reaches production: no deploy
 *   f  open (opened in the window, not merged)    g  closed unmerged: not open
 *   h  merged after the window: not counted
 * ledger-service: i  coding 10.
 */
const changes: DevexEvent[] = [
  change('a', {
    firstCommitAt: t('01T08:00'),
    openedAt: t('01T10:00'),
    firstReviewAt: t('01T12:00'),
    approvedAt: t('01T13:00'),
    mergedAt: t('01T16:00'),
    mergeCommit: sha(1),
    additions: 30,
    deletions: 10,
  }),
  change('b', {
    firstCommitAt: t('02T08:00'),
    firstReviewAt: t('02T09:00'),
    openedAt: t('02T10:00'),
    mergedAt: t('02T14:00'),
    mergeCommit: sha(2).toUpperCase(),
    additions: 5,
  }),
  change('c', {
    firstCommitAt: t('03T00:00'),
    openedAt: t('03T06:00'),
    mergedAt: t('03T08:00'),
    mergeCommit: sha(3),
    additions: 200,
    deletions: 100,
  }),
  change('d', {
    firstCommitAt: t('04T01:00'),
    openedAt: t('04T02:00'),
    firstReviewAt: t('04T05:00'),
    mergedAt: t('04T06:00'),
    mergeCommit: sha(4),
    additions: 10,
  }),
  change('e', {
    firstCommitAt: t('05T09:00'),
    openedAt: t('05T10:00'),
    firstReviewAt: t('05T11:00'),
    mergedAt: t('05T12:00'),
    mergeCommit: sha(6),
  }),
  change('f', { openedAt: t('06T00:00'), firstCommitAt: t('05T00:00') }),
  change('g', { openedAt: t('06T00:00'), closedAt: t('07T00:00') }),
  change('h', {
    openedAt: t('30T00:00'),
    mergedAt: '2026-11-02T00:00:00Z',
    mergeCommit: sha(7),
  }),
  change(
    'i',
    {
      firstCommitAt: t('01T00:00'),
      openedAt: t('01T10:00'),
      mergedAt: t('01T12:00'),
    },
    OTHER,
  ),
];

describe.each(databases.eachSupportedId())('KnexChangesStore on %p', id => {
  async function ingested() {
    const stores = await createTestStores(await databases.init(id));
    // b's deployments come first; a's and c's after the changes (either order works).
    await stores.ingest.ingest(
      [
        deployment('stage-2', t('02T15:00'), [2], 'staging'),
        deployment('d2', t('03T00:00'), [2]),
      ],
      CI,
    );
    await stores.ingest.ingest(changes, CI);
    // d is force-pushed: its commits are rewritten (first commit now after opening) and it is
    // merged as another commit.
    await stores.ingest.ingest(
      [
        change('d', {
          firstCommitAt: t('04T03:00'),
          openedAt: t('04T02:00'),
          firstReviewAt: t('04T05:00'),
          mergedAt: t('04T06:00'),
          mergeCommit: sha(5),
          additions: 1000,
          deletions: 200,
        }),
      ],
      CI,
    );
    await stores.ingest.ingest(
      [
        deployment('d1', t('01T18:00'), [1]),
        deployment('d3', t('03T09:00'), [3]),
        deployment('d4', t('04T07:00'), [4]),
        deployment('d5', t('04T12:00'), [5]),
        deployment('stage-6', t('05T13:00'), [6], 'staging'),
      ],
      CI,
    );
    return stores;
  }

  const hours = (s: { median: number | null; p75: number | null }) => ({
    median: s.median === null ? null : s.median / HOUR,
    p75: s.p75 === null ? null : s.p75 / HOUR,
  });

  it('computes each stage, the sizes and the open changes of a service by hand', async () => {
    const { changes: store } = await ingested();
    const flow = await store.changeFlow({ services: [SERVICE] }, WINDOW);
    expect(flow.merged).toBe(5);
    // coding [1, 2, 2, 6]; pickup [1, 2, 3]; review [1, 1, 4, 5]; deploy [1, 2, 6, 10]
    expect({ ...hours(flow.coding), samples: flow.coding.samples }).toEqual({
      median: 2,
      p75: 3,
      samples: 4,
    });
    expect({ ...hours(flow.pickup), samples: flow.pickup.samples }).toEqual({
      median: 2,
      p75: 2.5,
      samples: 3,
    });
    expect({ ...hours(flow.review), samples: flow.review.samples }).toEqual({
      median: 2.5,
      p75: 4.25,
      samples: 4,
    });
    expect({ ...hours(flow.deploy), samples: flow.deploy.samples }).toEqual({
      median: 4,
      p75: 7,
      samples: 4,
    });
    // sizes [5, 40, 300, 1200]; e reports none
    expect(flow.size).toEqual({
      median: 170,
      p75: 525,
      samples: 4,
      classes: [1, 1, 0, 1, 1],
    });
    expect(flow.open).toBe(1);
  });

  it('pools the organisation and returns null, not zero, without samples', async () => {
    const { changes: store } = await ingested();
    const org = await store.changeFlow({}, WINDOW);
    expect(org.merged).toBe(6);
    // coding [1, 2, 2, 6, 10]
    expect({ ...hours(org.coding), samples: org.coding.samples }).toEqual({
      median: 2,
      p75: 6,
      samples: 5,
    });
    const other = await store.changeFlow({ services: [OTHER] }, WINDOW);
    expect(other.pickup).toEqual({ median: null, p75: null, samples: 0 });
    expect(other.deploy).toEqual({ median: null, p75: null, samples: 0 });
    expect(other.size.samples).toBe(0);
    const nobody = await store.changeFlow({ services: [] }, WINDOW);
    expect(nobody.merged).toBe(0);
    expect(nobody.coding.median).toBeNull();
  });

  it('follows deployments that move or withdraw a merge commit', async () => {
    const stores = await ingested();
    // An earlier production deployment of a's merge commit arrives late: a's deploy is 1 h.
    // d1 is re-sent without a's merge commit: it no longer counts (d0 remains).
    // c's only deployment is re-sent without its merge commit: c has not deployed.
    await stores.ingest.ingest(
      [
        deployment('d0', t('01T17:00'), [1]),
        deployment('d1', t('01T18:00'), []),
        deployment('d3', t('03T09:00'), []),
      ],
      CI,
    );
    const flow = await stores.changes.changeFlow(
      { services: [SERVICE] },
      WINDOW,
    );
    // deploy [1 (a), 6 (d), 10 (b)]
    expect({ ...hours(flow.deploy), samples: flow.deploy.samples }).toEqual({
      median: 6,
      p75: 8,
      samples: 3,
    });
  });

  it('keeps each change once, and only its writer may replace it', async () => {
    const stores = await ingested();
    await stores.ingest.ingest([changes[0], changes[0]], CI);
    expect(
      (await stores.changes.changeFlow({ services: [SERVICE] }, WINDOW)).merged,
    ).toBe(5);
    await expect(
      stores.ingest.ingest([changes[0]], {
        writer: 'service:external:other-ci',
        receivedAt: 2,
      }),
    ).rejects.toThrow(/belongs to an event written by another principal/);
  });
});
