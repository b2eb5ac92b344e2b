/*
 * Scorecards benchmark: every check of scorecards/paved-standards.yaml (22; the goal names 20) over 10,000 catalog
 * components, then the HTTP latency of an entity's scorecard and of a team's heat map.
 * Run: `yarn --cwd plugins/scorecards-backend bench` (see bench/scorecards/README.md).
 * BENCH_DB=pg runs it on the local PostgreSQL instead of SQLite on disk.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  createServiceFactory,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import type { Fact } from '@paved/plugin-scorecards-common';
import scorecardsPlugin from '@paved/plugin-scorecards-backend';
import { createStores } from '../../plugins/scorecards-backend/src/database';
import { DefinitionsLoader } from '../../plugins/scorecards-backend/src/checks/DefinitionsLoader';
import { ScorecardsEngine } from '../../plugins/scorecards-backend/src/evaluation/ScorecardsEngine';
import { FactCollection } from '../../plugins/scorecards-backend/src/facts/FactCollection';
import { CatalogFactCollector } from '../../plugins/scorecards-backend/src/facts/CatalogFactCollector';

const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 10_000);
const TEAMS = Number(process.env.BENCH_TEAMS ?? 100);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const USE_PG = process.env.BENCH_DB === 'pg';
const ROOT = path.resolve(__dirname, '../..');
const STANDARDS = path.join(ROOT, 'scorecards/paved-standards.yaml');

let seed = 7;
function random() {
  // mulberry32: the same data on every run
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}

function catalog(): Entity[] {
  const entities: Entity[] = [];
  for (let t = 0; t < TEAMS; t++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `team-${t}`, namespace: 'default' },
      spec: { type: 'team', children: [] },
    });
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: `system-${t}`, namespace: 'default' },
      spec: { owner: `team-${t}` },
    });
  }
  for (let i = 0; i < ENTITIES; i++) {
    const team = `group:default/team-${i % TEAMS}`;
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: `service-${i}`,
        namespace: 'default',
        etag: `etag-${i}`,
        description: random() < 0.8 ? 'A service' : undefined,
        annotations:
          random() < 0.6 ? { 'backstage.io/techdocs-ref': 'dir:.' } : {},
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: team,
        system: `system-${i % TEAMS}`,
      },
      relations: [
        { type: 'ownedBy', targetRef: team },
        { type: 'partOf', targetRef: `system:default/system-${i % TEAMS}` },
      ],
    });
  }
  return entities;
}

/** What the other sources would say: repository, CI, policies, DevEx, provisioning, golden paths. */
function otherFacts(ref: string, observedAt: string): Fact[] {
  const known = (
    factId: string,
    value: Fact['value'],
    source: string,
  ): Fact => ({
    entityRef: ref,
    factId,
    status: 'known',
    value,
    source,
    observedAt,
  });
  const flag = (p: number) => random() < p;
  const level = () =>
    ['elite', 'high', 'medium', 'low'][Math.floor(random() * 4)];
  return [
    known('repo.hasCodeowners', flag(0.9), 'repository'),
    known('repo.hasRunbook', flag(0.7), 'repository'),
    known('repo.ciImageScan', flag(0.8), 'repository'),
    known('repo.chartSecurityContext', flag(0.7), 'repository'),
    known('ci.coverage', Math.round(random() * 1000) / 10, 'ci'),
    ...[
      'paved-require-memory-limit',
      'paved-require-cpu-limit',
      'paved-no-root',
      'paved-read-only-root-filesystem',
      'paved-no-privilege-escalation',
    ].map(p => known(`policy.${p}`, flag(0.85) ? 0 : 1, 'ci')),
    known('dora.deploymentFrequencyLevel', level(), 'devex'),
    known('dora.changeFailureRateLevel', level(), 'devex'),
    known('provisioning.databasesPastTtl', flag(0.95) ? 0 : 1, 'provisioning'),
    known('provisioning.unapprovedDrift', flag(0.97) ? 0 : 1, 'provisioning'),
    known('goldenPath.templateBehind', flag(0.3), 'golden-paths'),
  ];
}

function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

async function timeRequests(label: string, paths: string[], server: any) {
  const times: number[] = [];
  for (const url of paths) {
    const start = performance.now();
    const response = await request(server)
      .get(url)
      .set('Authorization', mockCredentials.user.header('user:default/bench'));
    times.push(performance.now() - start);
    if (response.status !== 200)
      throw new Error(
        `${url}: ${response.status} ${JSON.stringify(response.body)}`,
      );
  }
  times.sort((a, b) => a - b);
  const line = `${label}: n=${times.length} p50=${percentile(times, 50).toFixed(
    1,
  )} ms p95=${percentile(times, 95).toFixed(1)} ms max=${times[
    times.length - 1
  ].toFixed(1)} ms`;
  console.log(line);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function database(): Promise<Knex> {
  if (USE_PG) {
    const admin = knexFactory({
      client: 'pg',
      connection: 'postgresql://postgres@127.0.0.1:5432/postgres',
    });
    await admin.raw('DROP DATABASE IF EXISTS paved_bench_scorecards');
    await admin.raw('CREATE DATABASE paved_bench_scorecards');
    await admin.destroy();
    return knexFactory({
      client: 'pg',
      connection: 'postgresql://postgres@127.0.0.1:5432/paved_bench_scorecards',
      pool: { min: 0, max: 10 },
    });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paved-bench-scorecards-'));
  return knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(dir, 'scorecards.sqlite') },
    useNullAsDefault: true,
  });
}

async function main() {
  const logger: LoggerService = {
    info() {},
    debug() {},
    warn: message => console.warn(message),
    error: message => console.error(message),
    child: () => logger,
  };
  const knex = await database();
  const entities = catalog();
  const catalogService = catalogServiceMock({ entities });
  const auth = mockServices.auth();
  const stores = await createStores({
    getClient: async () => knex,
    migrations: { skip: false },
  });
  const definitions = new DefinitionsLoader({
    files: [STANDARDS],
    inlineChecks: [],
    urlReader: {} as UrlReaderService,
    logger,
  });
  const { checks } = await definitions.load();
  console.log(
    `database: ${
      USE_PG ? 'PostgreSQL' : 'SQLite (file)'
    }; ${ENTITIES} components, ${TEAMS} teams, ${checks.length} checks`,
  );

  const collection = new FactCollection({
    catalog: catalogService,
    auth,
    logger,
    stores,
    entityKinds: ['component'],
    collectors: [new CatalogFactCollector(catalogService, auth)],
  });
  let start = performance.now();
  const collected = await collection.syncCatalog();
  const syncMs = performance.now() - start;
  console.log(
    `catalog sync + catalog facts for ${collected} entities: ${(
      syncMs / 1000
    ).toFixed(1)} s`,
  );

  const observedAt = new Date().toISOString();
  start = performance.now();
  const facts = entities
    .filter(e => e.kind === 'Component')
    .flatMap(e =>
      otherFacts(`component:default/${e.metadata.name}`, observedAt),
    );
  await stores.facts.upsertFacts(facts);
  console.log(
    `stored ${facts.length} facts of the other sources: ${(
      (performance.now() - start) /
      1000
    ).toFixed(1)} s`,
  );

  const engine = new ScorecardsEngine({ stores, definitions, logger });
  start = performance.now();
  const evaluated = await engine.evaluateStale();
  await engine.rollUp();
  const evaluateMs = performance.now() - start;
  console.log(
    `evaluation of ${
      checks.length
    } checks over ${evaluated} entities + roll-ups: ${(
      evaluateMs / 1000
    ).toFixed(1)} s (target < 60 s)`,
  );

  const backend = await startTestBackend({
    features: [
      scorecardsPlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          scorecards: {
            definitions: [STANDARDS],
            policiesDirectory: path.join(ROOT, 'policies'),
          },
        },
      }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send: async () => {} }),
      }),
    ],
  });
  const server = backend.server;
  // Warm-up, then measured requests on random entities and teams.
  await timeRequests(
    'warm-up',
    [
      '/api/scorecards/entities/component/default/service-0',
      '/api/scorecards/teams/group%3Adefault%2Fteam-0',
    ],
    server,
  );
  const entityPaths = Array.from(
    { length: REQUESTS },
    () =>
      `/api/scorecards/entities/component/default/service-${Math.floor(
        random() * ENTITIES,
      )}`,
  );
  const teamPaths = Array.from(
    { length: Math.max(20, REQUESTS / 2) },
    () =>
      `/api/scorecards/teams/${encodeURIComponent(
        `group:default/team-${Math.floor(random() * TEAMS)}`,
      )}`,
  );
  const entity = await timeRequests(
    `GET an entity's scorecard`,
    entityPaths,
    server,
  );
  const team = await timeRequests(
    `GET a team's heat map (${ENTITIES / TEAMS} entities × ${
      checks.length
    } checks)`,
    teamPaths,
    server,
  );
  await backend.stop();
  await knex.destroy();

  const results = {
    database: USE_PG ? 'postgresql' : 'sqlite',
    entities: ENTITIES,
    checks: checks.length,
    catalogSyncSeconds: syncMs / 1000,
    evaluationSeconds: evaluateMs / 1000,
    entityP95Ms: entity.p95,
    teamP95Ms: team.p95,
  };
  const out = path.join(ROOT, 'bench/results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(
    path.join(out, `scorecards-${results.database}.json`),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  console.log(
    `${verdict(evaluateMs < 60_000)} evaluation < 60 s; ${verdict(
      entity.p95 < 50,
    )} entity p95 < 50 ms; ${verdict(team.p95 < 300)} heat map p95 < 300 ms`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
