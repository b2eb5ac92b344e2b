import { TestDatabases } from '@backstage/backend-test-utils';
import { DevexEvent, quantileOfSorted } from '@paved/plugin-devex-common';
import { createTestStores } from '../__testUtils__/testStores';

jest.setTimeout(60_000);

const ids = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? (['POSTGRES_15', 'SQLITE_3'] as const)
  : (['SQLITE_3'] as const);
const databases = TestDatabases.create({ ids: [...ids] });

const HOUR = 3_600_000;
const CI = { writer: 'service:external:ci', receivedAt: 1 };
const ref = (name: string) => `component:default/${name}`;
const t = (s: string) => `2026-10-${s}:00Z`;
const sha = (n: number) => `${`${n}`.padStart(8, 'e')}c0ffee`;
const WINDOW = {
  from: Date.parse('2026-10-01T00:00:00Z'),
  to: Date.parse('2026-11-01T00:00:00Z'),
};

const deployment = (
  id: string,
  service: string,
  finishedAt: string,
  commits: Array<[number, string]>,
  environment = 'production',
): DevexEvent => ({
  id,
  source: 'ci',
  type: 'deployment',
  subject: ref(service),
  data: {
    environment,
    status: 'success',
    finishedAt,
    commits: commits.map(([n, at]) => ({ sha: sha(n), committedAt: at })),
  },
});

/*
 * Hand-computed (hours). a1 and a2 are made from node-service 1.0.0, b1 from 2.0.0, n1 from no
 * template.
 *   a1  d1 lead 2 (commit 1); d2 lead 4 (commit 2; commit 1 again, not a second sample), d2
 *       failed (incident) and recovered after 1
 *   a2  d3 lead 6
 *   b1  d4 lead 24; a staging deployment does not count
 *   n1  d6 lead 10; d7 before the window
 */
const events: DevexEvent[] = [
  deployment('d1', 'a1', t('02T12:00'), [[1, t('02T10:00')]]),
  deployment('d2', 'a1', t('03T12:00'), [
    [2, t('03T08:00')],
    [1, t('02T10:00')],
  ]),
  {
    id: 'i1',
    source: 'ci',
    type: 'incident',
    subject: ref('a1'),
    data: {
      startedAt: t('03T12:30'),
      resolvedAt: t('03T13:00'),
      deploymentId: 'd2',
    },
  },
  deployment('d3', 'a2', t('04T00:00'), [[3, t('03T18:00')]]),
  deployment('d4', 'b1', t('05T00:00'), [[4, t('04T00:00')]]),
  deployment('d5', 'b1', t('05T01:00'), [[5, t('04T00:00')]], 'staging'),
  deployment('d6', 'n1', t('06T10:00'), [[6, t('06T00:00')]]),
  deployment('d7', 'n1', '2026-09-30T10:00:00Z', [[7, '2026-09-30T00:00:00Z']]),
];

describe.each(databases.eachSupportedId())('KnexImpactStore on %p', id => {
  it('aggregates DORA facts per cohort, a service counting in each of its cohorts', async () => {
    const stores = await createTestStores(await databases.init(id));
    await stores.ingest.ingest(events, CI);
    const cohorts = new Map([
      ['node', ['a1', 'a2', 'b1'].map(ref)],
      ['node@1.0.0', ['a1', 'a2'].map(ref)],
      // Keys are the caller's: even a NUL (which PostgreSQL text refuses) is fine.
      ['node\u00002.0.0', [ref('b1')]],
      ['none', [ref('n1')]],
      ['empty', [ref('nobody')]],
    ]);
    const result = await stores.impact.cohortAggregates(cohorts, WINDOW, [0.5]);
    const summary = Object.fromEntries(
      [...result.entries()].map(([k, a]) => [
        k,
        {
          deployments: a.deployments,
          failed: a.failedDeployments,
          lead: a.leadTime.values[0]! / HOUR,
          leadSamples: a.leadTime.samples,
          recovery:
            a.recovery.values[0] === null ? null : a.recovery.values[0] / HOUR,
        },
      ]),
    );
    expect(summary).toEqual({
      // lead [2, 4, 6, 24]
      node: { deployments: 4, failed: 1, lead: 5, leadSamples: 4, recovery: 1 },
      // lead [2, 4, 6]
      'node@1.0.0': {
        deployments: 3,
        failed: 1,
        lead: 4,
        leadSamples: 3,
        recovery: 1,
      },
      'node\u00002.0.0': {
        deployments: 1,
        failed: 0,
        lead: 24,
        leadSamples: 1,
        recovery: null,
      },
      none: {
        deployments: 1,
        failed: 0,
        lead: 10,
        leadSamples: 1,
        recovery: null,
      },
    });
    expect(
      (await stores.impact.cohortAggregates(new Map(), WINDOW, [0.5])).size,
    ).toBe(0);
  });

  it('gives the quantiles of sorting every sample when many samples share lead-time buckets', async () => {
    const stores = await createTestStores(await databases.init(id));
    // Leads a few minutes apart (many per 2.5 % bucket), ties included, over three services.
    const leads = new Map<string, number[]>([
      ['x1', []],
      ['x2', []],
      ['y1', []],
    ]);
    const batch: DevexEvent[] = [];
    let n = 100;
    for (let i = 0; i < 120; i++) {
      const service = ['x1', 'x2', 'y1'][i % 3];
      const leadMs = HOUR + ((i * 7919) % 97) * 60_000;
      const finishedAt = Date.parse(t('10T00:00')) + i * HOUR;
      leads.get(service)!.push(leadMs);
      batch.push(
        deployment(`m${i}`, service, new Date(finishedAt).toISOString(), [
          [n++, new Date(finishedAt - leadMs).toISOString()],
        ]),
      );
    }
    await stores.ingest.ingest(batch, CI);
    const cohorts = new Map([
      ['x', ['x1', 'x2'].map(ref)],
      ['all', ['x1', 'x2', 'y1'].map(ref)],
      ['y', [ref('y1')]],
    ]);
    const quantiles = [0.25, 0.5, 0.9];
    const result = await stores.impact.cohortAggregates(
      cohorts,
      WINDOW,
      quantiles,
    );
    const expected = (services: string[]) => {
      const sorted = services
        .flatMap(s => leads.get(s)!)
        .sort((a, b) => a - b);
      return {
        samples: sorted.length,
        values: quantiles.map(q => quantileOfSorted(sorted, q)),
      };
    };
    expect(result.get('x')?.leadTime).toEqual(expected(['x1', 'x2']));
    expect(result.get('all')?.leadTime).toEqual(expected(['x1', 'x2', 'y1']));
    expect(result.get('y')?.leadTime).toEqual(expected(['y1']));
    expect(result.get('all')?.deployments).toBe(120);
    expect(result.get('x')?.deployments).toBe(80);
  });
});
