import { resolve as resolvePath } from 'path';
import { Knex } from 'knex';
import { TestDatabases } from '@backstage/backend-test-utils';
import { DevexEvent } from '@paved/plugin-devex-common';
import { DoraAggregates, DoraStore, TimeWindow } from './DoraStore';
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

const SERVICE = 'component:default/payments-api';
const OTHER = 'component:default/ledger-service';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const t = (s: string) => `2026-10-${s}Z`;
// Deliberately not midnight: the organisation-wide path must combine daily histogram rows
// with the raw rows of the partial first day.
const WINDOW: TimeWindow = {
  from: Date.parse('2026-10-01T06:00:00Z'),
  to: Date.parse('2026-11-01T00:00:00Z'),
};

const sha = (n: number) => `${`${n}`.padStart(7, 'a')}c0ffee`;

function deployment(
  id: string,
  data: Partial<Extract<DevexEvent, { type: 'deployment' }>['data']> & {
    finishedAt: string;
  },
  subject = SERVICE,
): DevexEvent {
  return {
    id,
    source: 'ci',
    type: 'deployment',
    subject,
    data: {
      environment: 'production',
      status: 'success',
      commits: [],
      ...data,
    },
  };
}

function incident(
  id: string,
  data: Extract<DevexEvent, { type: 'incident' }>['data'],
  subject = SERVICE,
): DevexEvent {
  return { id, source: 'ci', type: 'incident', subject, data };
}

const commit = (n: number, committedAt: string) => ({
  sha: sha(n),
  committedAt,
});

// Remediation and incident arrive before the deployment they name (out-of-order delivery).
const batch1: DevexEvent[] = [
  deployment('d4', {
    finishedAt: t('08T14:00:00'),
    kind: 'rollback',
    remediates: 'd3',
  }),
  incident('i1', {
    startedAt: t('08T12:30:00'),
    resolvedAt: t('08T16:00:00'),
    deploymentId: 'd3',
  }),
  incident('i2', { startedAt: t('05T13:00:00'), deploymentId: 'd1' }),
];
const batch2: DevexEvent[] = [
  deployment('d1', {
    finishedAt: t('05T12:00:00'),
    commits: [commit(1, t('05T10:00:00')), commit(2, t('04T12:00:00'))],
  }),
  // c2 shipped again: it counts once, at d1.
  deployment('d2', {
    finishedAt: t('06T12:00:00'),
    commits: [
      commit(2, t('04T12:00:00')),
      commit(3, t('06T11:00:00')),
      // committed after the deployment finished: a negative lead time, dropped.
      commit(4, t('06T13:00:00')),
    ],
  }),
  deployment('s1', {
    environment: 'staging',
    finishedAt: t('03T00:00:00'),
    commits: [commit(5, t('02T12:00:00'))],
  }),
  deployment('f1', {
    status: 'failed',
    finishedAt: t('07T00:00:00'),
    commits: [commit(6, t('07T00:00:00'))],
  }),
  deployment('d3', {
    finishedAt: t('08T12:00:00'),
    commits: [commit(5, t('02T12:00:00')), commit(6, t('07T00:00:00'))],
  }),
];
const batch3: DevexEvent[] = [
  // a duplicate delivery of d2 and the incident re-sent once resolved
  batch2[1],
  incident('i2', {
    startedAt: t('05T13:00:00'),
    resolvedAt: t('05T15:00:00'),
    deploymentId: 'd1',
  }),
  incident('i3', { startedAt: t('10T00:00:00'), resolvedAt: t('10T05:00:00') }),
];
const batch4: DevexEvent[] = [
  deployment('d5', {
    finishedAt: t('12T00:00:00'),
    kind: 'hotfix',
    commits: [commit(7, t('11T12:00:00'))],
  }),
];

describe.each(ids)('ingest and DORA reads on %s', databaseId => {
  async function createStore() {
    return createTestStores(await databases.init(databaseId));
  }

  /** Both read paths (histogram for the organisation, raw for a scope) must agree. */
  async function aggregates(
    dora: DoraStore,
    window = WINDOW,
  ): Promise<DoraAggregates> {
    const organisation = await dora.doraAggregates({}, window);
    const scoped = await dora.doraAggregates({ services: [SERVICE] }, window);
    expect(scoped).toEqual(organisation);
    return organisation;
  }

  /** The maintained facts and rollups must equal what the raw rows say, whatever the event order. */
  async function expectRollupsMatchRawRows(knex: Knex) {
    const days = await knex('devex_deployment_days')
      .select('day', 'source', 'deployments', 'rework', 'failed')
      .orderBy(['day', 'source']);
    const raw = await knex('devex_deployments')
      .where('counted', true)
      .select('finished_at', 'source', 'rework', 'failed');
    const expected = new Map<string, Record<string, number | string>>();
    for (const r of raw) {
      const day = Math.floor(Number(r.finished_at) / DAY);
      const k = `${day}/${r.source}`;
      const e = expected.get(k) ?? {
        day,
        source: r.source,
        deployments: 0,
        rework: 0,
        failed: 0,
      };
      e.deployments = Number(e.deployments) + 1;
      e.rework = Number(e.rework) + (r.rework ? 1 : 0);
      e.failed = Number(e.failed) + (r.failed ? 1 : 0);
      expected.set(k, e);
    }
    expect(
      days.map(d => ({
        day: Number(d.day),
        source: d.source,
        deployments: Number(d.deployments),
        rework: Number(d.rework),
        failed: Number(d.failed),
      })),
    ).toEqual(
      [...expected.values()].sort(
        (a, b) =>
          Number(a.day) - Number(b.day) ||
          String(a.source).localeCompare(String(b.source)),
      ),
    );

    // Each commit's fact sits on the row of its earliest successful production deployment.
    const candidates = await knex('devex_deployment_commits as c')
      .join('devex_deployments as d', function joinDeployment() {
        this.on('d.source', '=', 'c.source').andOn(
          'd.event_id',
          '=',
          'c.deployment_id',
        );
      })
      .where('d.counted', true)
      .select('c.service_ref', 'c.sha', 'c.source', 'c.deployment_id')
      .select('d.finished_at', 'c.committed_at')
      .orderBy([
        'c.service_ref',
        'c.sha',
        'd.finished_at',
        'c.source',
        'c.deployment_id',
      ]);
    const firsts = new Map<string, Record<string, unknown>>();
    for (const r of candidates) {
      const k = `${r.service_ref}/${r.sha}`;
      if (!firsts.has(k)) {
        firsts.set(k, {
          deployment: `${r.source}/${r.deployment_id}/${r.sha}`,
          deployed_at: Number(r.finished_at),
          lead_ms: Number(r.finished_at) - Number(r.committed_at),
        });
      }
    }
    const facts = await knex('devex_deployment_commits')
      .where('first_production', true)
      .select('service_ref', 'sha', 'source', 'deployment_id')
      .select('deployed_at', 'lead_ms');
    expect(
      new Map(
        facts.map(f => [
          `${f.service_ref}/${f.sha}`,
          {
            deployment: `${f.source}/${f.deployment_id}/${f.sha}`,
            deployed_at: Number(f.deployed_at),
            lead_ms: Number(f.lead_ms),
          },
        ]),
      ),
    ).toEqual(firsts);

    const histogram = await knex('devex_lead_time_histogram')
      .select('day', 'bucket', 'samples')
      .orderBy(['day', 'bucket']);
    const samples = await knex('devex_deployment_commits')
      .whereNotNull('bucket')
      .select('deployed_at', 'bucket');
    const counts = new Map<
      string,
      { day: number; bucket: number; samples: number }
    >();
    for (const r of samples) {
      const day = Math.floor(Number(r.deployed_at) / DAY);
      const k = `${day}/${r.bucket}`;
      const e = counts.get(k) ?? { day, bucket: Number(r.bucket), samples: 0 };
      e.samples += 1;
      counts.set(k, e);
    }
    expect(
      histogram.map(h => ({
        day: Number(h.day),
        bucket: Number(h.bucket),
        samples: Number(h.samples),
      })),
    ).toEqual(
      [...counts.values()].sort((a, b) => a.day - b.day || a.bucket - b.bucket),
    );
  }

  it('derives every DORA measure from out-of-order, duplicate and replaced events', async () => {
    const { ingest, dora, knex } = await createStore();
    const received = Date.parse('2026-11-01T00:00:00Z');
    await ingest.ingest(batch1, ci(received));
    await ingest.ingest(batch2, ci(received));

    const midway = await aggregates(dora);
    expect(midway.deployments).toBe(4); // d1 d2 d3 d4; staging s1 and failed f1 ignored
    expect(midway.failedDeployments).toBe(2); // d1 (open incident), d3 (incident + rollback)
    expect(midway.recovery).toEqual({ median: 2 * HOUR, samples: 1, open: 1 });
    await expectRollupsMatchRawRows(knex);

    await ingest.ingest(batch3, ci(received));
    await ingest.ingest(batch4, ci(received));
    const result = await aggregates(dora);

    expect(result.deployments).toBe(5);
    expect(result.failedDeployments).toBe(2); // i2 was sent twice, d1 still counts once
    expect(result.reworkDeployments).toBe(2); // d4 rollback, d5 hotfix
    // lead times (h): c3 1, c1 2, c7 12, c2 24 (at d1, not d2), c6 36, c5 144 (not at staging)
    expect(result.leadTime.samples).toBe(6);
    expect(result.leadTime.median).toBe(18 * HOUR); // even count: mean of 12 and 24
    expect(result.leadTime.p90).toBe(90 * HOUR); // 36 + 0.5 * (144 - 36)
    // d1: incident resolved after 3 h; d3: rollback after 2 h beats the incident's 4 h
    expect(result.recovery).toEqual({
      median: 2.5 * HOUR,
      samples: 2,
      open: 0,
    });
    expect(result.timeToRestore).toEqual({
      median: 5 * HOUR,
      samples: 1,
      open: 0,
    });
    expect(result.sources).toEqual(['ci']);
    await expectRollupsMatchRawRows(knex);
  });

  it('is idempotent: sending everything again changes nothing', async () => {
    const { ingest, dora, knex } = await createStore();
    const all = [...batch1, ...batch2, ...batch3, ...batch4];
    await ingest.ingest(all, ci(1));
    const once = await aggregates(dora);
    await ingest.ingest(all, ci(2));
    // another order, same latest send per identity (the resolved i2 comes after the open one)
    await ingest.ingest([...batch4, ...batch2, ...batch1, ...batch3], ci(3));
    expect(await aggregates(dora)).toEqual(once);
    await expectRollupsMatchRawRows(knex);
  });

  it('moves lead-time samples when a deployment is replaced', async () => {
    const { ingest, dora, knex } = await createStore();
    await ingest.ingest([...batch1, ...batch2, ...batch3, ...batch4], ci(1));
    // d1 re-sent as a staging deployment: c1 has no production deployment any more and c2 now
    // first shipped with d2 (48 h); d1's failure disappears with it.
    await ingest.ingest(
      [
        deployment('d1', {
          environment: 'staging',
          finishedAt: t('05T12:00:00'),
          commits: [commit(1, t('05T10:00:00')), commit(2, t('04T12:00:00'))],
        }),
      ],
      ci(2),
    );
    const result = await aggregates(dora);
    expect(result.deployments).toBe(4);
    expect(result.leadTime.samples).toBe(5); // 1, 12, 36, 48, 144
    expect(result.leadTime.median).toBe(36 * HOUR);
    expect(result.failedDeployments).toBe(1);
    const histogram = await knex('devex_lead_time_histogram').sum({
      n: 'samples',
    });
    expect(Number(histogram[0].n)).toBe(5);
    await expectRollupsMatchRawRows(knex);
  });

  it('moves a commit to an earlier deployment that arrives later', async () => {
    const { ingest, dora, knex } = await createStore();
    // newest first, as a backfill from a CI system's history might send them
    await ingest.ingest(
      [
        deployment('late', {
          finishedAt: t('10T00:00:00'),
          commits: [commit(1, t('05T00:00:00'))],
        }),
      ],
      ci(1),
    );
    expect((await aggregates(dora)).leadTime).toEqual({
      median: 120 * HOUR,
      p90: 120 * HOUR,
      samples: 1,
    });
    await ingest.ingest(
      [
        deployment('later', {
          finishedAt: t('12T00:00:00'),
          commits: [commit(1, t('05T00:00:00')), commit(2, t('11T00:00:00'))],
        }),
        deployment('early', {
          finishedAt: t('06T00:00:00'),
          commits: [commit(1, t('05T00:00:00'))],
        }),
        // c2 also in a deployment of the same batch that finished earlier
        deployment('also-early', {
          finishedAt: t('11T12:00:00'),
          commits: [commit(2, t('11T00:00:00'))],
        }),
      ],
      ci(2),
    );
    const result = await aggregates(dora);
    expect(result.deployments).toBe(4);
    expect(result.leadTime).toEqual({
      median: 18 * HOUR, // c1 24 h at "early", c2 12 h at "also-early"
      p90: 12 * HOUR + 0.9 * 12 * HOUR,
      samples: 2,
    });
    await expectRollupsMatchRawRows(knex);
  });

  it('follows a deployment re-sent with another status or time', async () => {
    const { ingest, dora, knex } = await createStore();
    const shipped = {
      finishedAt: t('05T12:00:00'),
      commits: [commit(1, t('05T10:00:00')), commit(2, t('04T12:00:00'))],
    };
    await ingest.ingest(
      [
        deployment('d1', shipped),
        incident('i1', { startedAt: t('05T13:00:00'), deploymentId: 'd1' }),
      ],
      ci(1),
    );
    let result = await aggregates(dora);
    expect(result).toMatchObject({ deployments: 1, failedDeployments: 1 });
    expect(result.leadTime.samples).toBe(2);

    // the pipeline is reported failed after all: no deployment, no failure, no lead times
    await ingest.ingest(
      [deployment('d1', { ...shipped, status: 'failed' })],
      ci(2),
    );
    result = await aggregates(dora);
    expect(result).toMatchObject({
      deployments: 0,
      failedDeployments: 0,
      leadTime: { samples: 0, median: null },
    });
    await expectRollupsMatchRawRows(knex);

    // and successful again, finishing on another day: the incident still names it
    await ingest.ingest(
      [deployment('d1', { ...shipped, finishedAt: t('06T12:00:00') })],
      ci(3),
    );
    result = await aggregates(dora);
    expect(result).toMatchObject({
      deployments: 1,
      failedDeployments: 1,
      recovery: { samples: 0, open: 1 },
    });
    expect(result.leadTime).toEqual({
      median: 37 * HOUR, // 26 h and 48 h
      p90: 26 * HOUR + 0.9 * 22 * HOUR,
      samples: 2,
    });
    await expectRollupsMatchRawRows(knex);
  });

  it('upgrades an existing database: backfills the rollup and moves lead-time facts', async () => {
    const { ingest, dora, knex } = await createStore();
    await ingest.ingest([...batch1, ...batch2, ...batch3, ...batch4], ci(1));
    const before = await aggregates(dora);
    const rollup = await knex('devex_deployment_days').orderBy([
      'day',
      'source',
    ]);
    const directory = resolvePath(__dirname, '../../migrations');
    // back to the schema of the first release, with the data kept, then upgrade again
    const downTo = async (version: string) => {
      while ((await knex.migrate.currentVersion({ directory })) > version) {
        await knex.migrate.down({ directory });
      }
    };
    await downTo('20261124100000');
    expect(await knex.schema.hasTable('devex_commit_lead_times')).toBe(true);
    await downTo('20261123120000');
    expect(await knex.schema.hasTable('devex_deployment_days')).toBe(false);
    await knex.migrate.latest({ directory });
    expect(await knex.schema.hasTable('devex_commit_lead_times')).toBe(false);
    expect(
      await knex('devex_deployment_days').orderBy(['day', 'source']),
    ).toEqual(rollup);
    expect(rollup.length).toBeGreaterThan(0);
    expect(await aggregates(dora)).toEqual(before);
    await expectRollupsMatchRawRows(knex);
  });

  it('keeps incidents without a deployment out of the deployment metrics', async () => {
    const { ingest, dora } = await createStore();
    await ingest.ingest(
      [
        incident('open', { startedAt: t('10T00:00:00') }),
        incident('closed', {
          startedAt: t('11T00:00:00'),
          resolvedAt: t('11T01:30:00'),
        }),
      ],
      ci(1),
    );
    const result = await aggregates(dora);
    expect(result.failedDeployments).toBe(0);
    expect(result.recovery).toEqual({ median: null, samples: 0, open: 0 });
    expect(result.timeToRestore).toEqual({
      median: 1.5 * HOUR,
      samples: 1,
      open: 1,
    });
  });

  it('answers an empty window with nulls, not zeros', async () => {
    const { ingest, dora } = await createStore();
    await ingest.ingest([...batch1, ...batch2, ...batch3, ...batch4], ci(1));
    const result = await aggregates(dora, {
      from: Date.parse('2025-01-01T00:00:00Z'),
      to: Date.parse('2025-04-01T00:00:00Z'),
    });
    expect(result).toEqual({
      deployments: 0,
      failedDeployments: 0,
      reworkDeployments: 0,
      leadTime: { median: null, p90: null, samples: 0 },
      recovery: { median: null, samples: 0, open: 0 },
      timeToRestore: { median: null, samples: 0, open: 0 },
      sources: [],
    });
  });

  it('pools services and keeps other services apart', async () => {
    const { ingest, dora } = await createStore();
    await ingest.ingest(
      [
        ...batch2,
        deployment(
          'l1',
          {
            finishedAt: t('09T00:00:00'),
            commits: [commit(2, t('08T00:00:00'))],
          },
          OTHER,
        ),
      ],
      ci(1),
    );
    // the same sha in another service is another change with its own lead time
    const other = await dora.doraAggregates({ services: [OTHER] }, WINDOW);
    expect(other.leadTime).toEqual({
      median: 24 * HOUR,
      p90: 24 * HOUR,
      samples: 1,
    });
    const both = await dora.doraAggregates(
      { services: [SERVICE, OTHER] },
      WINDOW,
    );
    const organisation = await dora.doraAggregates({}, WINDOW);
    expect(both).toEqual(organisation);
    expect(organisation.deployments).toBe(4);
    expect(await dora.doraAggregates({ services: [] }, WINDOW)).toMatchObject({
      deployments: 0,
      leadTime: { samples: 0, median: null },
    });
  });

  it('lists recent deployments and incidents with derived flags', async () => {
    const { ingest, dora } = await createStore();
    await ingest.ingest([...batch1, ...batch2, ...batch3], ci(1));
    const deployments = await dora.listDeployments(
      { services: [SERVICE] },
      { limit: 3 },
    );
    expect(deployments.map(d => d.id)).toEqual(['d4', 'd3', 'f1']);
    expect(deployments[1]).toMatchObject({
      failed: true,
      recoveredAt: '2026-10-08T14:00:00.000Z',
      commits: 2,
    });
    expect(deployments[0]).toMatchObject({
      rework: true,
      remediates: 'd3',
      kind: 'rollback',
    });
    const incidents = await dora.listIncidents({}, { limit: 10 });
    expect(incidents.map(i => i.id)).toEqual(['i3', 'i1', 'i2']);
  });
});
