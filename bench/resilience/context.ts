/*
 * The bench's environment for one run: its settings (from the environment), the private
 * PostgreSQL cluster, the two replicas and the gates in front of their sandbox providers; setting
 * it all up and tearing it down. The checks get what they need of it as a ResilienceContext.
 */
import { randomBytes } from 'crypto';
import fs from 'fs';
import { DeploymentEvents, waitForProbeTemplate } from './api';
import { PrivateCluster } from './cluster';
import { Gate } from './gate';
import { guestToken } from './http';
import { BenchSettings, Replica } from './replicas';
import { log, Results } from './report';
import { StoredState } from './stored-state';

export interface ResilienceSettings extends BenchSettings {
  /** SOAK_SECONDS: length of the mixed-load soak. */
  soakSeconds: number;
  /** Part of the names a run makes (requests, repositories, event sources), so runs never mix. */
  runId: string;
}

/** The settings, from the variables bench/resilience/README.md lists. */
export function settingsFromEnv(env = process.env): ResilienceSettings {
  return {
    workDir: env.RESILIENCE_WORK_DIR ?? '/tmp/paved-resilience',
    pgPort: Number(env.RESILIENCE_PG_PORT ?? 5433),
    databasePrefix: 'paved_resilience_',
    ciToken: `resilience-ci-${randomBytes(8).toString('hex')}`,
    benchToken: `resilience-bench-${randomBytes(8).toString('hex')}`,
    // 512: what Node gives a process in a 1 GiB container (heap limit 524 MB, measured). Without a
    // limit, V8 sizes the heap from this machine's memory (4 GiB here) and keeps far more of it.
    maxOldSpaceMb: Number(env.RESILIENCE_MAX_OLD_SPACE_MB ?? 512),
    soakSeconds: Number(env.SOAK_SECONDS ?? 600),
    runId: Date.now().toString(36),
  };
}

export interface ResilienceContext {
  settings: ResilienceSettings;
  cluster: PrivateCluster;
  replicas: Replica[];
  /** gates[i] stands between replicas[i]'s sandbox provider and PostgreSQL. */
  gates: Gate[];
  stored: StoredState;
  events: DeploymentEvents;
  results: Results;
}

export function createContext(settings: ResilienceSettings): ResilienceContext {
  const cluster = new PrivateCluster(settings.workDir, settings.pgPort);
  const replicas = [
    new Replica(
      { name: 'replica-1', port: 7301, sandboxGatePort: 7311 },
      settings,
    ),
    new Replica(
      { name: 'replica-2', port: 7302, sandboxGatePort: 7312 },
      settings,
    ),
  ];
  return {
    settings,
    cluster,
    replicas,
    gates: replicas.map(
      r =>
        new Gate(r.spec.sandboxGatePort, {
          host: '127.0.0.1',
          port: settings.pgPort,
        }),
    ),
    stored: new StoredState(cluster, settings),
    events: new DeploymentEvents(),
    results: new Results(),
  };
}

/**
 * A fresh work dir and cluster, the gates, both replicas, and the probe template in the catalog.
 * The replicas start one after the other: on an empty database, replicas started together race
 * for each plugin's migration lock and the losers fail start-up (knex's MigrationLocked); the
 * first one migrates.
 */
export async function setUp({
  settings,
  cluster,
  gates,
  replicas,
}: ResilienceContext) {
  fs.rmSync(settings.workDir, { recursive: true, force: true });
  fs.mkdirSync(settings.workDir, { recursive: true });
  log(`private PostgreSQL on :${settings.pgPort} in ${cluster.dataDir}`);
  await cluster.create();
  await cluster.start();
  for (const gate of gates) await gate.listen();
  log('starting two replicas from source (1-3 minutes)');
  for (const replica of replicas) {
    const seconds = await startAndWait(replica);
    log(`${replica.spec.name} ready on ${replica.baseUrl} (${seconds} s)`);
  }
  await waitForProbeTemplate(
    replicas[0],
    await guestToken(replicas[0].baseUrl, 180_000),
  );
}

/** Starts a replica a check killed. */
export async function restartReplica(replica: Replica) {
  const seconds = await startAndWait(replica);
  log(`${replica.spec.name} back (${seconds} s)`);
}

async function startAndWait(replica: Replica): Promise<number> {
  replica.start();
  return Math.round((await replica.waitUntilReady()) / 1000);
}

export async function tearDown({
  replicas,
  gates,
  cluster,
}: ResilienceContext) {
  await Promise.all(replicas.map(r => r.stop()));
  await Promise.all(gates.map(g => g.shutdown()));
  if (await cluster.isRunning()) await cluster.stop();
}
