/*
 * Provisioning benchmark (issue 4, "Performance"): a real provisioning backend on PostgreSQL with
 * the sandbox provider on the local PostgreSQL server.
 *
 *  1. Request to ready: 10 requests one after another, each timed from POST until GET reports
 *     `ready` (polled every 25 ms); median, min and max.
 *  2. 100 concurrent requests from 10 teams (10 each) with a quota of QUOTA databases per team:
 *     exactly QUOTA per team are accepted, the rest refused with 400; every accepted one reaches a
 *     final state; no request, database or role exists twice.
 *
 * Run: `make bench WHICH=provisioning` (see README.md here).
 */
import { performance } from 'perf_hooks';
import knexFactory from 'knex';
import { Client } from 'pg';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import provisioningPlugin from '@paved/plugin-provisioning-backend';
import provisioningSandboxModule from '@paved/plugin-provisioning-backend-module-sandbox';

const PG =
  process.env.BENCH_PG_CONNECTION ?? 'postgresql://postgres@127.0.0.1:5432';
const DATABASE = process.env.BENCH_PG_DATABASE ?? 'paved_bench_provisioning';
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 10);
const TEAMS = 10;
const PER_TEAM = Number(process.env.BENCH_PER_TEAM ?? 10);
const QUOTA = Number(process.env.BENCH_QUOTA ?? 6);
const FINAL = new Set(['ready', 'failed', 'rejected', 'deleted', 'expired']);

const teams = Array.from({ length: TEAMS }, (_, i) => `bench-team-${i}`);
const userOf = (team: string) => `user:default/${team}-dev`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function adminQuery(sql: string, params: unknown[] = []) {
  const client = new Client({ connectionString: `${PG}/postgres` });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

async function main() {
  await adminQuery(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${DATABASE}`);
  const knex = knexFactory({
    client: 'pg',
    connection: `${PG}/${DATABASE}`,
    pool: { min: 0, max: 10 },
  });

  const entities: Entity[] = [
    ...teams.map(team => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: team, namespace: 'default' },
      spec: { type: 'team', children: [] },
    })),
    ...teams.map(team => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: `${team}-dev`, namespace: 'default' },
      spec: { memberOf: [team] },
      relations: [{ type: 'memberOf', targetRef: `group:default/${team}` }],
    })),
  ];

  const { server } = await startTestBackend({
    features: [
      provisioningPlugin,
      provisioningSandboxModule,
      mockServices.database.factory({ knex }),
      // The real scheduler, so the processing task runs on its frequency as in production.
      schedulerServiceFactory,
      catalogServiceMock.factory({ entities }),
      mockServices.rootLogger.factory({ level: 'error' }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          provisioning: {
            environments: {
              development: {
                provider: 'sandbox',
                sizes: ['small'],
                storageGB: { min: 1, max: 5 },
              },
            },
            quotas: { default: { maxRequests: QUOTA, maxStorageGB: 1000 } },
            providers: { sandbox: { connection: `${PG}/postgres` } },
          },
        },
      }),
    ],
  });
  const address = server.address();
  const base = `http://127.0.0.1:${
    typeof address === 'object' && address ? address.port : 0
  }/api/provisioning`;

  const call = async (
    method: string,
    path: string,
    user: string,
    body?: unknown,
  ) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        Authorization: mockCredentials.user.header(user),
        'Content-Type': 'application/json',
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const waitForStatus = async (
    id: string,
    user: string,
    accept: (s: string) => boolean,
  ) => {
    const deadline = Date.now() + 5 * 60_000;
    for (;;) {
      const { body } = await call('GET', `/requests/${id}`, user);
      if (accept(body.status)) return body.status as string;
      if (Date.now() > deadline) return `timeout (${body.status})`;
      await new Promise(r => setTimeout(r, 25));
    }
  };
  const requestBody = (team: string, name: string) => ({
    type: 'postgresql',
    name,
    owner: `group:default/${team}`,
    environment: 'development',
    size: 'small',
    storageGB: 1,
  });

  // 1. Request to ready, one at a time.
  const durations: number[] = [];
  const sequentialIds: string[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    const team = teams[0];
    const t0 = performance.now();
    const created = await call(
      'POST',
      '/requests',
      userOf(team),
      requestBody(team, `seq-${i}`),
    );
    if (created.status !== 201)
      throw new Error(`create failed: ${JSON.stringify(created.body)}`);
    const status = await waitForStatus(created.body.id, userOf(team), s =>
      FINAL.has(s),
    );
    if (status !== 'ready')
      throw new Error(`request ${created.body.id} ended ${status}`);
    durations.push(performance.now() - t0);
    sequentialIds.push(created.body.id);
    // Free the quota for the next one and for part 2.
    await call('DELETE', `/requests/${created.body.id}`, userOf(team));
    await waitForStatus(created.body.id, userOf(team), s => s === 'deleted');
  }
  console.log(
    `request → ready (sandbox), ${SEQUENTIAL} sequential: median ${median(
      durations,
    ).toFixed(0)} ms, min ${Math.min(...durations).toFixed(
      0,
    )} ms, max ${Math.max(...durations).toFixed(0)} ms`,
  );

  // 2. 100 concurrent requests from 10 teams.
  const t0 = performance.now();
  const attempts = await Promise.all(
    teams.flatMap(team =>
      Array.from({ length: PER_TEAM }, (_, i) =>
        call(
          'POST',
          '/requests',
          userOf(team),
          requestBody(team, `burst-${i}`),
        ).then(r => ({ team, ...r })),
      ),
    ),
  );
  const accepted = attempts.filter(a => a.status === 201);
  const refused = attempts.filter(a => a.status === 400);
  const other = attempts.filter(a => a.status !== 201 && a.status !== 400);
  const finals = await Promise.all(
    accepted.map(a =>
      waitForStatus(a.body.id, userOf(a.team), s => FINAL.has(s)),
    ),
  );
  const burstMs = performance.now() - t0;

  const perTeam = new Map<string, number>();
  for (const a of accepted) perTeam.set(a.team, (perTeam.get(a.team) ?? 0) + 1);
  const ids = new Set(accepted.map(a => a.body.id));
  const stored = await knex('provisioning_requests').whereIn('status', [
    'ready',
    'provisioning',
    'failed',
  ]);
  const databases = await adminQuery(
    "SELECT datname FROM pg_database WHERE datname LIKE 'paved\\_burst\\_%'",
  );
  const roles = await adminQuery(
    "SELECT rolname FROM pg_roles WHERE rolname LIKE 'paved\\_burst\\_%'",
  );
  const readyCount = finals.filter(s => s === 'ready').length;

  console.log(
    `${
      TEAMS * PER_TEAM
    } concurrent requests from ${TEAMS} teams (quota ${QUOTA} each): ${
      accepted.length
    } accepted, ${refused.length} refused (400), ${
      other.length
    } other; ${readyCount} ready, ${
      finals.length - readyCount
    } other final state; all final after ${(burstMs / 1000).toFixed(1)} s`,
  );
  const checks: Array<[string, boolean]> = [
    [
      'quota held exactly for every team',
      teams.every(t => perTeam.get(t) === Math.min(QUOTA, PER_TEAM)),
    ],
    ['no unexpected status codes', other.length === 0],
    [
      'every accepted request reached a final state',
      finals.every(s => FINAL.has(s)),
    ],
    [
      'no duplicate requests',
      ids.size === accepted.length && stored.length === accepted.length,
    ],
    ['one database per ready request', databases.rowCount === readyCount],
    ['one role per ready request', roles.rowCount === readyCount],
  ];
  for (const [label, ok] of checks)
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}`);

  // Clean up: the same delete path a user takes.
  await Promise.all(
    accepted.map(a => call('DELETE', `/requests/${a.body.id}`, userOf(a.team))),
  );
  const ends = await Promise.all(
    accepted.map(a =>
      waitForStatus(
        a.body.id,
        userOf(a.team),
        s => s === 'deleted' || s === 'failed',
      ),
    ),
  );
  console.log(
    `${
      ends.every(s => s === 'deleted') ? 'ok  ' : 'FAIL'
    } every accepted request deleted (${
      ends.filter(s => s === 'deleted').length
    }/${ends.length})`,
  );
  const leftovers = await adminQuery(
    "SELECT count(*)::int AS n FROM pg_database WHERE datname LIKE 'paved\\_seq\\_%' OR datname LIKE 'paved\\_burst\\_%'",
  );
  console.log(
    `${
      leftovers.rows[0].n === 0 ? 'ok  ' : 'FAIL'
    } every sandbox database dropped after delete`,
  );

  await server.close();
  await knex.destroy();
  if (checks.some(([, ok]) => !ok) || leftovers.rows[0].n !== 0)
    process.exitCode = 1;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
