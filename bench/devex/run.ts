/*
 * DevEx benchmark: ingests 1,000,000 deployments (3,000,000 commits) and 60,000 incidents across
 * 2,000 services through the HTTP API of a real devex backend on PostgreSQL, then times DORA
 * queries. Run: `make bench WHICH=devex` (see README.md here).
 */
import { createHash } from 'crypto';
import { performance } from 'perf_hooks';
import knexFactory from 'knex';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { DevexEvent } from '@paved/plugin-devex-common';
import devexPlugin from '@paved/plugin-devex-backend';
import { DeploymentLog, benchCatalog, changeBatches } from './changes';

const PG =
  process.env.BENCH_PG_CONNECTION ?? 'postgresql://postgres@127.0.0.1:5432';
const DATABASE = process.env.BENCH_PG_DATABASE ?? 'paved_bench_devex';
const SERVICES = Number(process.env.BENCH_SERVICES ?? 2000);
const DEPLOYMENTS = Number(process.env.BENCH_DEPLOYMENTS ?? 1_000_000);
const COMMITS_PER_DEPLOYMENT = 3;
const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 60_000);
const SPAN_DAYS = Number(process.env.BENCH_SPAN_DAYS ?? 365);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 500_000);
const BATCH = 5000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 2);
const CALLS = 20;
// Re-measure the queries on an already ingested database (e.g. on a quieter machine).
const QUERIES_ONLY = process.env.BENCH_QUERIES_ONLY === '1';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const END = Date.parse('2026-11-20T00:00:00Z');
const START = END - SPAN_DAYS * DAY;

let seed = 42;
function random() {
  // mulberry32: reproducible data across runs
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}
const logNormalHours = (medianHours: number) => {
  const g =
    Math.sqrt(-2 * Math.log(Math.max(random(), 1e-9))) *
    Math.cos(2 * Math.PI * random());
  return medianHours * Math.exp(g);
};
const service = (n: number) => `component:default/bench-service-${n}`;
const iso = (ms: number) => new Date(ms).toISOString();
const sha = (n: number, i: number) =>
  createHash('sha1').update(`${n}:${i}`).digest('hex');
const deploymentLog = new DeploymentLog(DEPLOYMENTS);

/** Deployments in time order; every 1 in (DEPLOYMENTS / INCIDENTS) gets an incident. */
function* eventBatches(): Generator<DevexEvent[]> {
  const incidentEvery = Math.floor(DEPLOYMENTS / INCIDENTS);
  const step = (END - START) / DEPLOYMENTS;
  let batch: DevexEvent[] = [];
  let incidents = 0;
  for (let n = 0; n < DEPLOYMENTS; n++) {
    const finishedAt = Math.floor(START + n * step + random() * step);
    const s = Math.floor(random() * SERVICES);
    const rollback = random() < 0.02;
    deploymentLog.record(n, s, finishedAt);
    batch.push({
      id: `dep-${n}`,
      source: 'bench',
      type: 'deployment',
      subject: service(s),
      data: {
        environment: random() < 0.9 ? 'production' : 'staging',
        status: random() < 0.95 ? 'success' : 'failed',
        finishedAt: iso(finishedAt),
        commits: Array.from({ length: COMMITS_PER_DEPLOYMENT }, (_, i) => ({
          sha: sha(n, i),
          committedAt: iso(finishedAt - logNormalHours(20) * HOUR),
        })),
        kind: rollback ? 'rollback' : 'normal',
        remediates: rollback && n > 0 ? `dep-${n - 1}` : undefined,
      },
    });
    if (n % incidentEvery === 0 && incidents < INCIDENTS) {
      incidents += 1;
      const startedAt = finishedAt + random() * HOUR;
      // A fifth of the incidents are not caused by a deployment.
      const linked = random() < 0.8;
      batch.push({
        id: `inc-${incidents}`,
        source: 'bench',
        type: 'incident',
        subject: service(s),
        data: {
          startedAt: iso(startedAt),
          resolvedAt:
            random() < 0.97
              ? iso(startedAt + logNormalHours(3) * HOUR)
              : undefined,
          deploymentId: linked ? `dep-${n}` : undefined,
        },
      });
    }
    // a deployment and its incident may both land: stop one short so a call never exceeds BATCH
    if (batch.length >= BATCH - 1) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

const p95 = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.95 * sorted.length) - 1];
};

async function main() {
  if (!QUERIES_ONLY) {
    const admin = knexFactory({ client: 'pg', connection: PG });
    await admin.raw(`DROP DATABASE IF EXISTS ${DATABASE}`);
    await admin.raw(`CREATE DATABASE ${DATABASE}`);
    await admin.destroy();
  }
  const knex = knexFactory({
    client: 'pg',
    connection: `${PG}/${DATABASE}`,
    pool: { min: 0, max: 10 },
  });

  const profile = process.env.BENCH_PROFILE
    ? new Map<string, { n: number; ms: number }>()
    : undefined;
  if (profile) {
    const startedAt = new Map<string, number>();
    knex.on('query', (q: any) =>
      startedAt.set(q.__knexQueryUid, performance.now()),
    );
    knex.on('query-response', (_r: unknown, q: any) => {
      const t0 = startedAt.get(q.__knexQueryUid);
      if (t0 === undefined) return;
      startedAt.delete(q.__knexQueryUid);
      const k = String(q.sql)
        .replace(/\(\?, \?\)(, \(\?, \?\))*/g, '(..)')
        .replace(/\?(, \?)+/g, '..')
        .slice(0, 160);
      const e = profile.get(k) ?? { n: 0, ms: 0 };
      e.n += 1;
      e.ms += performance.now() - t0;
      profile.set(k, e);
    });
  }

  const { server } = await startTestBackend({
    features: [
      devexPlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: benchCatalog(SERVICES, service) }),
      mockServices.rootLogger.factory({ level: 'error' }),
    ],
  });
  const address = server.address();
  const base = `http://127.0.0.1:${
    typeof address === 'object' && address ? address.port : 0
  }/api/devex`;
  const authorization = mockCredentials.service.header();

  console.log(
    `ingesting ${DEPLOYMENTS} deployments (${
      DEPLOYMENTS * COMMITS_PER_DEPLOYMENT
    } commits), ${INCIDENTS} incidents and ${CHANGES} pull requests across ${SERVICES} services over ${SPAN_DAYS} days, ${BATCH} events per call, ${CONCURRENCY} calls in flight`,
  );
  // Deployments first, then the pull requests whose merge commits they ship: the harder order
  // for ingest, which must find each merge commit's first production deployment.
  function* allBatches() {
    yield* eventBatches();
    yield* changeBatches({
      count: CHANGES,
      deployments: deploymentLog,
      batch: BATCH,
      random,
      logNormalHours,
      serviceRef: service,
      sha,
    });
  }
  const batches = allBatches();
  let events = 0;
  let calls = 0;
  const started = performance.now();
  async function worker() {
    for (;;) {
      const next = batches.next();
      if (next.done) return;
      const body = JSON.stringify({ events: next.value });
      const res = await fetch(`${base}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body,
      });
      if (res.status !== 202)
        throw new Error(`ingest failed: ${res.status} ${await res.text()}`);
      events += next.value.length;
      calls += 1;
      if (calls % 20 === 0) {
        const seconds = (performance.now() - started) / 1000;
        console.log(
          `  ${events} events in ${seconds.toFixed(0)} s (${(
            events / seconds
          ).toFixed(0)} events/s)`,
        );
      }
    }
  }
  let ingestRate: number | null = null;
  if (!QUERIES_ONLY) {
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const ingestSeconds = (performance.now() - started) / 1000;
    ingestRate = Math.round(events / ingestSeconds);
    console.log(
      `INGEST: ${events} events in ${ingestSeconds.toFixed(1)} s = ${(
        events / ingestSeconds
      ).toFixed(0)} events/s`,
    );
  }

  if (profile) {
    for (const [sql, e] of [...profile.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 15)) {
      console.log(`  ${e.ms.toFixed(0)} ms  ${e.n}x  ${sql}`);
    }
    profile.clear();
  }

  // Autovacuum would get here on its own in a running installation; doing it now makes the
  // measurement independent of when it happens to run (index-only scans need the visibility map).
  await knex.raw('VACUUM ANALYZE');
  const [load1] = (await import('os')).loadavg();
  console.log(
    `machine load average (1 min) before the queries: ${load1.toFixed(1)} on ${
      (await import('os')).cpus().length
    } cores`,
  );

  const window = `from=${iso(END - 90 * DAY)}&to=${iso(END)}`;
  async function time(path: string) {
    const t0 = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { authorization } });
    const body = await res.json();
    const ms = performance.now() - t0;
    if (res.status !== 200)
      throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
    return { ms, body };
  }

  const org: number[] = [];
  let sample: any;
  for (let i = 0; i < CALLS; i++) {
    const { ms, body } = await time(`/dora?${window}`);
    org.push(ms);
    sample = body;
  }
  const single: number[] = [];
  let serviceSample: any;
  for (let i = 0; i < CALLS; i++) {
    const { ms, body } = await time(
      `/dora?entityRef=${encodeURIComponent(
        service((i * 97) % SERVICES),
      )}&${window}`,
    );
    single.push(ms);
    serviceSample = body;
  }
  const impactTimes: number[] = [];
  let impactSample: any;
  for (let i = 0; i < CALLS; i++) {
    const { ms, body } = await time(`/impact?${window}`);
    impactTimes.push(ms);
    impactSample = body;
  }
  const changeTimes: number[] = [];
  let changeSample: any;
  for (let i = 0; i < CALLS; i++) {
    const { ms, body } = await time(`/changes?${window}`);
    changeTimes.push(ms);
    changeSample = body;
  }
  console.log(
    'organisation 90 days, golden-path impact:',
    JSON.stringify(
      impactSample.cohorts.map((c: any) => ({
        cohort: [c.kind, c.templateRef, c.templateVersion]
          .filter(Boolean)
          .join(' '),
        services: c.services,
        deployments: c.deployments,
        leadTimeHours: c.leadTimeHours.value,
        leadTimeSamples: c.leadTimeHours.samples,
      })),
    ),
  );
  console.log(
    'organisation 90 days, review flow:',
    JSON.stringify({
      merged: changeSample.merged,
      coding: changeSample.coding,
      pickup: changeSample.pickup,
      review: changeSample.review,
      deploy: changeSample.deploy,
      open: changeSample.open,
    }),
  );
  console.log(
    'organisation 90 days:',
    JSON.stringify({
      deployments: sample.deploymentFrequency.deployments,
      leadTime: sample.leadTime,
      changeFailureRate: sample.changeFailureRate,
      recoveryTime: sample.recoveryTime,
      timeToRestore: sample.timeToRestore,
    }),
  );
  console.log(
    'one service 90 days:',
    JSON.stringify({
      deployments: serviceSample.deploymentFrequency.deployments,
      leadTime: serviceSample.leadTime,
    }),
  );
  console.log(
    `QUERY organisation-wide 90-day DORA: p95 ${p95(org).toFixed(
      1,
    )} ms over ${CALLS} calls (all: ${org.map(v => v.toFixed(0)).join(' ')})`,
  );
  console.log(
    `QUERY single service 90-day DORA:   p95 ${p95(single).toFixed(
      1,
    )} ms over ${CALLS} calls (all: ${single
      .map(v => v.toFixed(0))
      .join(' ')})`,
  );

  console.log(
    `QUERY organisation-wide 90-day golden-path impact: p95 ${p95(
      impactTimes,
    ).toFixed(1)} ms over ${CALLS} calls (all: ${impactTimes
      .map(v => v.toFixed(0))
      .join(' ')})`,
  );
  console.log(
    `QUERY organisation-wide 90-day PR-stage medians:  p95 ${p95(
      changeTimes,
    ).toFixed(1)} ms over ${CALLS} calls (all: ${changeTimes
      .map(v => v.toFixed(0))
      .join(' ')})`,
  );

  if (profile) {
    for (const [sql, e] of [...profile.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 15)) {
      console.log(`  ${e.ms.toFixed(0)} ms  ${e.n}x  ${sql}`);
    }
  }

  // Cross-check the fast organisation-wide lead time against a plain SQL percentile.
  const exact = await knex.raw(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lead_ms) AS median, count(*) AS n
       FROM devex_deployment_commits WHERE bucket IS NOT NULL AND deployed_at >= ? AND deployed_at < ?`,
    [END - 90 * DAY, END],
  );
  // And the review flow's coding median against the same kind of plain SQL.
  const coding = await knex.raw(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY opened_at - first_commit_at) AS median, count(*) AS n
       FROM devex_changes WHERE merged_at >= ? AND merged_at < ? AND opened_at - first_commit_at >= 0`,
    [END - 90 * DAY, END],
  );
  console.log(
    `CHECK plain SQL median coding time: ${(
      Number(coding.rows[0].median) / HOUR
    ).toFixed(4)} h over ${coding.rows[0].n} samples; API said ${
      changeSample.coding.medianHours?.toFixed(4) ?? null
    } h over ${changeSample.coding.samples}`,
  );
  console.log(
    `CHECK plain SQL median lead time: ${(
      Number(exact.rows[0].median) / HOUR
    ).toFixed(4)} h over ${
      exact.rows[0].n
    } samples; API said ${sample.leadTime.medianHours.toFixed(4)} h over ${
      sample.leadTime.samples
    }`,
  );
  // scripts/bench.sh collects every benchmark's figures from bench/results/.
  const { mkdirSync, writeFileSync } = await import('fs');
  const resultsDir = new URL('../results/', `file://${__dirname}/`).pathname;
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    `${resultsDir}devex.json`,
    `${JSON.stringify(
      {
        deployments: DEPLOYMENTS,
        commits: DEPLOYMENTS * COMMITS_PER_DEPLOYMENT,
        incidents: INCIDENTS,
        pullRequests: CHANGES,
        services: SERVICES,
        ingestEventsPerSecond: QUERIES_ONLY ? null : ingestRate,
        organisation90DaysP95Ms: p95(org),
        singleService90DaysP95Ms: p95(single),
        impact90DaysP95Ms: p95(impactTimes),
        changeStages90DaysP95Ms: p95(changeTimes),
        loadAverage1m: load1,
        measuredAt: new Date().toISOString(),
      },
      null,
      2,
    )}\n`,
  );
  await server.close();
  await knex.destroy();
  process.exit(0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
