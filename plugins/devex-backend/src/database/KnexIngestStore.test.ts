import { TestDatabases } from '@backstage/backend-test-utils';
import { DevexEvent } from '@paved/plugin-devex-common';
import { createTestStores } from '../__testUtils__/testStores';

jest.setTimeout(60_000);

const ids = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? (['POSTGRES_15', 'SQLITE_3'] as const)
  : (['SQLITE_3'] as const);
const databases = TestDatabases.create({ ids: [...ids] });

/** A batch sent by CI at `receivedAt`. */
const ci = (receivedAt: number) => ({
  writer: 'service:external:ci',
  receivedAt,
});

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
        ci(1),
      ),
    ).resolves.toEqual({ accepted: 2, unchanged: 0 });
    await ingest.ingest([deployment('d1', 'failed', hour(3))], ci(2));
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

  it('lets only the writer of an event replace it, and stores nothing of a batch that tries', async () => {
    const { ingest, dora } = await createStores();
    await ingest.ingest([deployment('d1', 'success', hour(1))], ci(1));
    const sam = { writer: 'user:default/sam.rivera', receivedAt: 2 };
    await expect(
      ingest.ingest(
        [
          deployment('mine', 'success', hour(2)),
          deployment('d1', 'failed', hour(3)),
        ],
        sam,
      ),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message:
        'events[1]: (source ci, id d1) belongs to an event written by another principal; choose your own id (rule: writer)',
    });
    const listed = await dora.listDeployments({}, { limit: 10 });
    expect(listed.map(d => [d.id, d.status])).toEqual([['d1', 'success']]);
    // The same source and id under another type is another event.
    await expect(
      ingest.ingest(
        [
          {
            id: 'd1',
            source: 'ci',
            type: 'incident',
            subject: 'component:default/payments-api',
            data: { startedAt: iso(hour(4)) },
          },
        ],
        sam,
      ),
    ).resolves.toEqual({ accepted: 1, unchanged: 0 });
  });

  it('lets only services replace events stored before writers were recorded', async () => {
    const { ingest, dora, knex } = await createStores();
    await ingest.ingest([deployment('old', 'success', hour(1))], ci(1));
    await knex('devex_deployments').update({ writer: null });
    await expect(
      ingest.ingest([deployment('old', 'failed', hour(2))], {
        writer: 'user:default/sam.rivera',
        receivedAt: 2,
      }),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    await ingest.ingest([deployment('old', 'failed', hour(2))], {
      writer: 'service:external:other-ci',
      receivedAt: 3,
    });
    const [stored] = await dora.listDeployments({}, { limit: 1 });
    expect(stored.status).toBe('failed');
  });

  it('keeps the newest state by the source’s own time: an older or replayed send changes nothing', async () => {
    const { ingest, dora } = await createStores();
    const github = { writer: 'webhook:github', receivedAt: 1 };
    const at = (status: 'success' | 'failed', observedAt: number) => ({
      ...deployment('deployment-42', status, observedAt, 'github'),
      observedAt,
    });
    await ingest.ingest([at('success', hour(2))], github);
    await expect(
      ingest.ingest([at('failed', hour(1))], github),
    ).resolves.toEqual({ accepted: 0, unchanged: 1 });
    await expect(
      ingest.ingest([at('success', hour(2))], github),
    ).resolves.toEqual({ accepted: 0, unchanged: 1 });
    expect(
      (await dora.listDeployments({}, { limit: 1 })).map(d => d.status),
    ).toEqual(['success']);
    await expect(
      ingest.ingest([at('failed', hour(3))], github),
    ).resolves.toEqual({ accepted: 1, unchanged: 0 });
    expect(
      (await dora.listDeployments({}, { limit: 1 })).map(d => d.status),
    ).toEqual(['failed']);
  });

  it('fails a deployment only through incidents and remediations of its own service', async () => {
    const { ingest, dora } = await createStores();
    await ingest.ingest([deployment('d1', 'success', hour(1))], ci(1));
    await ingest.ingest(
      [
        {
          id: 'i-other',
          source: 'ci',
          type: 'incident',
          subject: 'component:default/ledger',
          data: { startedAt: iso(hour(2)), deploymentId: 'd1' },
        },
        {
          ...deployment('fix-other', 'success', hour(3)),
          subject: 'component:default/ledger',
          data: {
            ...(deployment('x', 'success', hour(3)) as any).data,
            remediates: 'd1',
          },
        } as DevexEvent,
      ],
      ci(2),
    );
    const find = async () =>
      (await dora.listDeployments({}, { limit: 10 })).find(d => d.id === 'd1');
    expect(await find()).toMatchObject({ failed: false });
    await ingest.ingest(
      [
        {
          id: 'i-own',
          source: 'ci',
          type: 'incident',
          subject: 'component:default/payments-api',
          data: { startedAt: iso(hour(2)), deploymentId: 'd1' },
        },
      ],
      ci(3),
    );
    expect(await find()).toMatchObject({ failed: true });
  });

  it('remembers GitHub deliveries until they are forgotten', async () => {
    const { ingest } = await createStores();
    expect(await ingest.deliverySeen('a1')).toBe(false);
    await ingest.recordDelivery('a1', hour(1));
    await ingest.recordDelivery('a1', hour(1));
    await ingest.recordDelivery('b2', hour(5));
    expect(await ingest.deliverySeen('a1')).toBe(true);
    expect(await ingest.forgetDeliveries(hour(3))).toBe(1);
    expect(await ingest.deliverySeen('a1')).toBe(false);
    expect(await ingest.deliverySeen('b2')).toBe(true);
  });
});
