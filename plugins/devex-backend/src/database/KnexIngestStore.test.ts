import { TestDatabases } from '@backstage/backend-test-utils';
import { DevexEvent } from '@paved/plugin-devex-common';
import { createTestStores } from '../__testUtils__/testStores';

jest.setTimeout(60_000);

const ids = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? (['POSTGRES_15', 'SQLITE_3'] as const)
  : (['SQLITE_3'] as const);
const databases = TestDatabases.create({ ids: [...ids] });

const hour = (n: number) => Date.parse('2026-12-01T00:00:00Z') + n * 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

const deployment = (
  id: string,
  status: 'success' | 'failed',
  finishedAt: number,
  source = 'ci',
): DevexEvent => ({
  id,
  source,
  type: 'deployment',
  subject: 'component:default/payments-api',
  data: {
    environment: 'production',
    status,
    finishedAt: iso(finishedAt),
    commits: [{ sha: 'abcdef1234', committedAt: iso(finishedAt - 3_600_000) }],
  },
});

describe.each(ids)('KnexIngestStore on %s', databaseId => {
  async function createStores() {
    return createTestStores(await databases.init(databaseId));
  }

  it('replaces an event by its (source, id), within a batch and across batches', async () => {
    const { ingest, dora } = await createStores();
    await expect(
      ingest.ingest(
        [
          deployment('d1', 'failed', hour(1)),
          deployment('d1', 'success', hour(2)),
          deployment('d1', 'success', hour(2), 'other-ci'),
        ],
        1,
      ),
    ).resolves.toEqual({ accepted: 2 });
    await ingest.ingest([deployment('d1', 'failed', hour(3))], 2);
    const listed = await dora.listDeployments({}, { limit: 10 });
    expect(listed.map(d => [d.source, d.id, d.status])).toEqual([
      ['ci', 'd1', 'failed'],
      ['other-ci', 'd1', 'success'],
    ]);
  });

  it('remembers pushed commits per repository and returns the newest up to a moment', async () => {
    const { ingest } = await createStores();
    await ingest.recordPushedCommits('Paved-Org/Payments-API', [
      { sha: 'AAAAAAA1', committedAt: hour(1) },
      { sha: 'aaaaaaa2', committedAt: hour(2) },
      { sha: 'aaaaaaa3', committedAt: hour(3) },
    ]);
    // A repeated push delivery changes nothing.
    await ingest.recordPushedCommits('paved-org/payments-api', [
      { sha: 'aaaaaaa1', committedAt: hour(1) },
    ]);
    await ingest.recordPushedCommits('paved-org/ledger', [
      { sha: 'bbbbbbb1', committedAt: hour(2) },
    ]);

    expect(
      await ingest.pushedCommits('paved-org/payments-api', hour(2), 10),
    ).toEqual([
      { sha: 'aaaaaaa2', committedAt: hour(2) },
      { sha: 'aaaaaaa1', committedAt: hour(1) },
    ]);
    expect(
      await ingest.pushedCommits('PAVED-ORG/payments-api', hour(9), 1),
    ).toEqual([{ sha: 'aaaaaaa3', committedAt: hour(3) }]);
    expect(await ingest.pushedCommits('paved-org/none', hour(9), 10)).toEqual(
      [],
    );
  });
});
