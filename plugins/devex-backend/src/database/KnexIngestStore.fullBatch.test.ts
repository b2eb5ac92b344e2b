import { TestDatabases } from '@backstage/backend-test-utils';
import { DevexEvent } from '@paved/plugin-devex-common';
import { createTestStores } from '../__testUtils__/testStores';

jest.setTimeout(120_000);

const ids = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? (['POSTGRES_15', 'SQLITE_3'] as const)
  : (['SQLITE_3'] as const);
const databases = TestDatabases.create({ ids: [...ids] });

/** A batch sent by CI at `receivedAt`. */
const ci = (receivedAt: number) => ({
  writer: 'service:external:ci',
  receivedAt,
});

const HOUR = 3_600_000;
const START = Date.parse('2026-10-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The API accepts 5,000 events per call. SQLite caps a multi-row insert at 500 rows and
 * a statement's bound parameters, so every table a batch writes must be chunked: 2,500
 * deployments (7,500 commits) and 2,500 incidents, all in one batch.
 */
function fullBatch(): DevexEvent[] {
  const events: DevexEvent[] = [];
  for (let n = 0; n < 2500; n++) {
    const finishedAt = START + n * HOUR;
    const subject = `component:default/service-${n % 40}`;
    events.push({
      id: `d${n}`,
      source: 'ci',
      type: 'deployment',
      subject,
      data: {
        environment: 'production',
        status: 'success',
        finishedAt: iso(finishedAt),
        commits: [0, 1, 2].map(i => ({
          sha: `${n.toString(16).padStart(8, '0')}${i}`.padEnd(40, 'a'),
          committedAt: iso(finishedAt - (i + 1) * HOUR),
        })),
      },
    });
    events.push({
      id: `i${n}`,
      source: 'pager',
      type: 'incident',
      subject,
      data: {
        startedAt: iso(finishedAt + HOUR),
        resolvedAt: iso(finishedAt + 2 * HOUR),
      },
    });
  }
  return events;
}

describe.each(ids)('KnexIngestStore on %s with a full batch', databaseId => {
  it('stores 5,000 events from one call, and a resend changes nothing', async () => {
    const { ingest, dora } = await createTestStores(
      await databases.init(databaseId),
    );
    const events = fullBatch();
    expect(events).toHaveLength(5000);

    await expect(ingest.ingest(events, ci(START))).resolves.toEqual({
      accepted: 5000,
      unchanged: 0,
    });
    const window = { from: START, to: START + 3000 * HOUR };
    const first = await dora.doraAggregates({}, window);
    expect(first.deployments).toBe(2500);

    await ingest.ingest(events, ci(START));
    const again = await dora.doraAggregates({}, window);
    expect(again).toEqual(first);
  });
});
