/*
 * Resilience bench: two Paved backend replicas on one private PostgreSQL. Checks that scheduled
 * tasks run once per interval across replicas; that a provisioning request, a scaffolder task and
 * a DevEx event batch are processed exactly once; that a replica killed (SIGKILL) in the middle
 * of a provisioning request or a scaffolder task is covered by the other; that a PostgreSQL
 * restart during event ingestion gives clients 503s and loses no acknowledged event; and that
 * memory stays flat under a mixed-load soak. Run: `make resilience` (see bench/resilience/README.md).
 */
import { execFileSync } from 'child_process';
import { randomBytes } from 'crypto';
import fs from 'fs';
import path from 'path';
import { PrivateCluster } from './cluster';
import { Gate } from './gate';
import { call, guestToken } from './http';
import {
  BenchSettings,
  LiveMemory,
  REPO_ROOT,
  Replica,
  sharedDataDir,
} from './replicas';
import { sleep, waitFor } from './wait';

const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const CHECKS = (
  process.env.RESILIENCE_CHECKS ??
  'scheduler,exactly-once,kill-provisioning,kill-scaffolder,postgres-restart,soak'
).split(',');
const WORK_DIR = process.env.RESILIENCE_WORK_DIR ?? '/tmp/paved-resilience';
const PG_PORT = Number(process.env.RESILIENCE_PG_PORT ?? 5433);
const RUN_ID = Date.now().toString(36);
// 512: what Node gives a process in a 1 GiB container (heap limit 524 MB, measured). Without a limit,
// V8 sizes the heap from this machine's memory (4 GiB here) and keeps far more of it.
const MAX_OLD_SPACE_MB = Number(process.env.RESILIENCE_MAX_OLD_SPACE_MB ?? 512);

const settings: BenchSettings = {
  workDir: WORK_DIR,
  pgPort: PG_PORT,
  databasePrefix: 'paved_resilience_',
  ciToken: `resilience-ci-${randomBytes(8).toString('hex')}`,
  benchToken: `resilience-bench-${randomBytes(8).toString('hex')}`,
  maxOldSpaceMb: MAX_OLD_SPACE_MB,
};
const db = (plugin: string) => `${settings.databasePrefix}${plugin}`;

interface CheckResult {
  check: string;
  pass: boolean;
  figures: Record<string, unknown>;
}
const results: CheckResult[] = [];

function report(
  check: string,
  pass: boolean,
  figures: Record<string, unknown>,
) {
  results.push({ check, pass, figures });
  const colour = pass ? '\x1b[32mPASS\x1b[0m' : '\x1b[31mFAIL\x1b[0m';
  console.log(`${colour} ${check}`);
  for (const [key, value] of Object.entries(figures)) {
    console.log(
      `       ${key}: ${
        typeof value === 'object' ? JSON.stringify(value) : value
      }`,
    );
  }
}

function log(message: string) {
  console.log(
    `\x1b[2m[${new Date().toISOString().slice(11, 19)}] ${message}\x1b[0m`,
  );
}

const cluster = new PrivateCluster(WORK_DIR, PG_PORT);
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
/** gates[i] stands between replicas[i]'s sandbox provider and PostgreSQL. */
const gates = replicas.map(
  r => new Gate(r.spec.sandboxGatePort, { host: '127.0.0.1', port: PG_PORT }),
);

/**
 * One after the other: on an empty database, replicas started together race for each plugin's
 * migration lock and the losers fail start-up (knex's MigrationLocked); the first one migrates.
 */
async function startReplicas(which: Replica[]) {
  for (const replica of which) {
    replica.start();
    const ms = await replica.waitUntilReady();
    log(
      `${replica.spec.name} ready on ${replica.baseUrl} (${Math.round(
        ms / 1000,
      )} s)`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// DevEx events

let eventCounter = 0;
function deploymentEvents(count: number, source: string) {
  const now = Date.now();
  return Array.from({ length: count }, () => {
    const n = eventCounter++;
    return {
      id: `deploy-${n}`,
      source,
      subject: 'component:default/payments-api',
      type: 'deployment',
      data: {
        environment: 'production',
        status: 'success',
        finishedAt: new Date(now - n * 1000).toISOString(),
        commits: [
          {
            sha: randomBytes(20).toString('hex'),
            committedAt: new Date(now - n * 1000 - 3_600_000).toISOString(),
          },
        ],
      },
    };
  });
}

async function storedDeploymentIds(source: string): Promise<Set<string>> {
  const rows = await cluster.query<{ event_id: string }>(
    db('devex'),
    'SELECT event_id FROM devex_deployments WHERE source = $1',
    [source],
  );
  return new Set(rows.map(r => r.event_id));
}

// ---------------------------------------------------------------------------------------------
// Provisioning

async function createDatabaseRequest(
  replica: Replica,
  token: string,
  name: string,
  idempotencyKey: string,
) {
  return call(replica.baseUrl, 'POST', '/api/provisioning/requests', {
    token,
    headers: { 'Idempotency-Key': idempotencyKey },
    body: {
      type: 'postgresql',
      name,
      owner: 'group:default/payments',
      environment: 'development',
      size: 'small',
      storageGB: 1,
    },
  });
}

async function requestHistory(id: string) {
  const [request] = await cluster.query(
    db('provisioning'),
    'SELECT status, outputs FROM provisioning_requests WHERE id = $1',
    [id],
  );
  const actions = await cluster.query<{ action: string }>(
    db('provisioning'),
    'SELECT action FROM provisioning_request_events WHERE request_id = $1 ORDER BY id',
    [id],
  );
  return { request, actions: actions.map(a => a.action) };
}

async function sandboxDatabasesFor(name: string): Promise<string[]> {
  const rows = await cluster.query<{ datname: string }>(
    'postgres',
    'SELECT datname FROM pg_database WHERE datname LIKE $1',
    [`%${name.replace(/-/g, '_')}%`],
  );
  return rows.map(r => r.datname);
}

async function waitForRequestStatus(
  replica: Replica,
  token: string,
  id: string,
  statuses: string[],
  timeoutMs: number,
) {
  return waitFor(
    `request ${id} to reach ${statuses.join('|')}`,
    async () => {
      const res = await call(
        replica.baseUrl,
        'GET',
        `/api/provisioning/requests/${id}`,
        { token },
      );
      return statuses.includes(res.body?.status) ? res.body : undefined;
    },
    timeoutMs,
  );
}

// ---------------------------------------------------------------------------------------------
// Scaffolder

async function startProbeTask(
  replica: Replica,
  token: string,
  repoName: string,
  waitSeconds: number,
) {
  const res = await call(replica.baseUrl, 'POST', '/api/scaffolder/v2/tasks', {
    token,
    body: {
      templateRef: 'template:default/resilience-probe',
      values: { name: repoName, waitSeconds },
    },
  });
  if (res.status !== 201) {
    throw new Error(
      `scaffolder task not created: ${res.status} ${JSON.stringify(res.body)}`,
    );
  }
  return res.body.id as string;
}

async function taskStatus(taskId: string): Promise<string> {
  const [row] = await cluster.query<{ status: string }>(
    db('scaffolder'),
    'SELECT status FROM tasks WHERE id = $1',
    [taskId],
  );
  return row?.status;
}

/** Waits until a scaffolder task has ended (completed, failed or cancelled); its status. */
function taskEnded(taskId: string, what: string, timeoutMs: number) {
  return waitFor(
    what,
    async () => {
      const s = await taskStatus(taskId);
      return ['completed', 'failed', 'cancelled'].includes(s) ? s : undefined;
    },
    timeoutMs,
    1000,
  );
}

async function taskEventTypes(taskId: string): Promise<string[]> {
  const rows = await cluster.query<{ event_type: string }>(
    db('scaffolder'),
    'SELECT event_type FROM task_events WHERE task_id = $1 ORDER BY id',
    [taskId],
  );
  return rows.map(r => r.event_type);
}

/** Repositories named `name` on the shared local git host, and the commits on main of each. */
function publishedRepository(name: string) {
  const gitDir = path.join(sharedDataDir(settings), 'git');
  const repos = fs.existsSync(gitDir)
    ? fs
        .readdirSync(gitDir)
        .filter(entry => entry.replace(/\.git$/, '') === name)
    : [];
  const commits = repos.map(repo =>
    Number(
      execFileSync('git', ['rev-list', '--count', 'main'], {
        cwd: path.join(gitDir, repo),
      })
        .toString()
        .trim(),
    ),
  );
  return { repositories: repos.length, commits };
}

async function restart(replica: Replica) {
  replica.start();
  const ms = await replica.waitUntilReady();
  log(`${replica.spec.name} back (${Math.round(ms / 1000)} s)`);
}

// ---------------------------------------------------------------------------------------------
// Checks

/**
 * Backstage's scheduler keeps each task's state in the plugin's database and hands a run to
 * whichever replica claims it first. `provisioning-process-requests` runs every 2 s here; sampling
 * its row shows every run (each ends with a new `last_run_ended_at`) and how far apart they are.
 */
async function checkScheduler() {
  const windowMs = 40_000;
  const taskId = 'provisioning-process-requests';
  const registered = replicas.map(r =>
    r.logContains(`Registered scheduled task: ${taskId}`),
  );
  const ends: number[] = [];
  let previous: string | undefined;
  const started = Date.now();
  while (Date.now() - started < windowMs) {
    const [row] = await cluster.query<{ last_run_ended_at: Date | null }>(
      db('provisioning'),
      'SELECT last_run_ended_at FROM backstage_backend_tasks__tasks WHERE id = $1',
      [taskId],
    );
    const end = row?.last_run_ended_at?.toISOString();
    if (end && end !== previous) {
      if (previous) ends.push(Date.parse(end));
      previous = end;
    }
    await sleep(100);
  }
  const gaps = ends
    .slice(1)
    .map((t, i) => (t - ends[i]) / 1000)
    .sort((a, b) => a - b);
  const intervals = windowMs / 2000;
  // Runs are due every 2 s from the previous due time, and a replica notices a due run within one
  // polling period, so one gap can be short when the next is long; what must hold is at most one
  // run per interval over any stretch: never more than k + 1 runs in k intervals (10 s here).
  const busiestTenSeconds = Math.max(
    0,
    ...ends.map(t => ends.filter(u => u >= t && u < t + 10_000).length),
  );
  report(
    'scheduler: a task runs once per interval across both replicas',
    registered.every(n => n > 0) &&
      ends.length <= intervals + 1 &&
      ends.length >= intervals * 0.5 &&
      busiestTenSeconds <= 6,
    {
      task: `${taskId} (every 2 s)`,
      registeredOnReplicas: registered
        .map((n, i) => `${replicas[i].spec.name}: ${n > 0 ? 'yes' : 'no'}`)
        .join(', '),
      window: `${windowMs / 1000} s (${intervals} intervals)`,
      runs: `${ends.length} (two independent runners would make about ${
        intervals * 2
      })`,
      mostRunsInAnyTenSeconds: `${busiestTenSeconds} (at most 6 allowed)`,
      gapSeconds: gaps.length
        ? `min ${gaps[0].toFixed(2)}, median ${gaps[
            Math.floor(gaps.length / 2)
          ].toFixed(2)}, max ${gaps[gaps.length - 1].toFixed(2)}`
        : 'n/a',
    },
  );
}

async function checkExactlyOnce() {
  const token = await guestToken(replicas[0].baseUrl);

  // A provisioning request sent to one replica and retried (same Idempotency-Key) on the other.
  const name = `res-once-${RUN_ID}`;
  const key = `resilience-${RUN_ID}-once`;
  const first = await createDatabaseRequest(replicas[0], token, name, key);
  const retry = await createDatabaseRequest(replicas[1], token, name, key);
  let provisioning: Record<string, unknown> = {
    first: first.status,
    retry: retry.status,
    body: first.body,
  };
  let provisioningPass = false;
  if (first.status === 201 && retry.status === 201) {
    const ready = await waitForRequestStatus(
      replicas[1],
      token,
      first.body.id,
      ['ready', 'failed'],
      120_000,
    );
    const history = await requestHistory(first.body.id);
    const sameRequest = await cluster.query(
      db('provisioning'),
      'SELECT id FROM provisioning_requests WHERE name = $1',
      [name],
    );
    const databases = await sandboxDatabasesFor(name);
    provisioningPass =
      retry.body.id === first.body.id &&
      ready.status === 'ready' &&
      sameRequest.length === 1 &&
      history.actions.filter(a => a === 'created').length === 1 &&
      history.actions.filter(a => a === 'provisioned').length === 1 &&
      databases.length === 1;
    provisioning = {
      requestsStored: sameRequest.length,
      status: ready.status,
      history: history.actions.join(' > '),
      sandboxDatabases: databases.length,
    };
  }
  report(
    'exactly once: provisioning request (created on replica-1, retried on replica-2)',
    provisioningPass,
    provisioning,
  );

  // A scaffolder task: one repository with one commit.
  const repoName = `res-once-${RUN_ID}`;
  const taskId = await startProbeTask(replicas[1], token, repoName, 1);
  const status = await taskEnded(taskId, 'the probe task to finish', 180_000);
  const published = publishedRepository(repoName);
  report(
    'exactly once: scaffolder task',
    status === 'completed' &&
      published.repositories === 1 &&
      published.commits[0] === 1,
    {
      task: taskId,
      status,
      repositories: published.repositories,
      commitsOnMain: published.commits.join(','),
    },
  );

  // A DevEx batch delivered to replica-1, then re-delivered to replica-2 (a retry after a lost ack).
  const source = `resilience-once-${RUN_ID}`;
  const batch = deploymentEvents(200, source);
  const answers = [];
  for (const replica of replicas) {
    answers.push(
      await call(replica.baseUrl, 'POST', '/api/devex/events', {
        token: settings.ciToken,
        body: { events: batch },
      }),
    );
  }
  const stored = await storedDeploymentIds(source);
  const commits = await cluster
    .query<{ n: string }>(
      db('devex'),
      'SELECT count(*) AS n FROM devex_deployment_commits WHERE source = $1',
      [source],
    )
    .catch(() => [{ n: 'n/a' }]);
  report(
    'exactly once: DevEx event batch (sent to both replicas)',
    answers.every(a => a.status === 202) && stored.size === batch.length,
    {
      answers: answers.map(a => a.status).join(','),
      eventsSent: batch.length,
      deploymentsStored: stored.size,
      commitsStored: commits[0].n,
    },
  );
}

async function checkKillDuringProvisioning() {
  const token = await guestToken(replicas[0].baseUrl);
  const name = `res-kill-${RUN_ID}`;
  for (const gate of gates) gate.close();
  const created = await createDatabaseRequest(
    replicas[0],
    token,
    name,
    `resilience-${RUN_ID}-kill`,
  );
  if (created.status !== 201) {
    for (const gate of gates) gate.reopen();
    report('kill a replica during a provisioning request', false, {
      create: created.status,
      body: created.body,
    });
    return;
  }
  // The replica that took the request is the one whose sandbox connection is held at its gate.
  const held = await waitFor(
    'a replica to start provisioning',
    async () => {
      const index = gates.findIndex(g => g.heldConnections > 0);
      return index >= 0 ? index : undefined;
    },
    30_000,
    100,
  );
  const victim = replicas[held];
  const survivor = replicas[1 - held];
  const [lease] = await cluster.query(
    db('provisioning'),
    'SELECT status, lease_owner FROM provisioning_requests WHERE id = $1',
    [created.body.id],
  );
  log(
    `${victim.spec.name} is provisioning ${created.body.id} (lease ${lease.lease_owner}); SIGKILL`,
  );
  await victim.kill();
  const killedAt = Date.now();
  for (const gate of gates) gate.reopen();

  const done = await waitForRequestStatus(
    survivor,
    token,
    created.body.id,
    ['ready', 'failed'],
    180_000,
  );
  const recoveredAfter = (Date.now() - killedAt) / 1000;
  const history = await requestHistory(created.body.id);
  const databases = await sandboxDatabasesFor(name);
  const credentials = await call(
    survivor.baseUrl,
    'GET',
    `/api/provisioning/requests/${created.body.id}/credentials`,
    { token },
  );
  report(
    'kill a replica during a provisioning request: the other completes it once',
    lease.status === 'provisioning' &&
      !!lease.lease_owner &&
      done.status === 'ready' &&
      history.actions.filter(a => a === 'provisioned').length === 1 &&
      databases.length === 1 &&
      credentials.status === 200,
    {
      killed: `${victim.spec.name} while it held the lease`,
      completedBy: survivor.spec.name,
      readyAfterKill: `${recoveredAfter.toFixed(1)} s (lease 15 s)`,
      status: done.status,
      history: history.actions.join(' > '),
      sandboxDatabases: databases.length,
      credentials: credentials.status,
    },
  );
  // Only now, so the survivor is the only replica that can have completed the work.
  await restart(victim);
}

async function checkKillDuringScaffolderTask() {
  const token = await guestToken(replicas[0].baseUrl);
  const repoName = `res-kill-${RUN_ID}`;
  const taskId = await startProbeTask(replicas[0], token, repoName, 20);
  // Killed once the repository is published and the task waits in its last step.
  await waitFor(
    'the probe task to publish',
    async () =>
      publishedRepository(repoName).repositories > 0 ? true : undefined,
    120_000,
    200,
  );
  const victim = await waitFor(
    'the replica running the task',
    async () =>
      replicas.find(r =>
        fs.existsSync(path.join(r.scaffolderDirectory, taskId)),
      ),
    10_000,
    100,
  );
  const survivor = replicas.find(r => r !== victim)!;
  const before = publishedRepository(repoName);
  log(`${victim.spec.name} runs task ${taskId}; SIGKILL`);
  await victim.kill();
  const killedAt = Date.now();

  const status = await taskEnded(
    taskId,
    'the recovered task to finish',
    240_000,
  );
  const after = publishedRepository(repoName);
  const events = await taskEventTypes(taskId);
  report(
    'kill a replica during a scaffolder task: the other recovers it, no second repository or commit',
    status === 'completed' &&
      events.includes('recovered') &&
      after.repositories === 1 &&
      after.commits[0] === 1,
    {
      killed: `${victim.spec.name} (after publish, during the wait step)`,
      recoveredBy: survivor.spec.name,
      status,
      completedAfterKill: `${((Date.now() - killedAt) / 1000).toFixed(
        1,
      )} s (stale timeout 15 s, recovery loop 10 s)`,
      recoveredEvents: events.filter(e => e === 'recovered').length,
      repositories: after.repositories,
      commitsOnMainBeforeKill: before.commits.join(','),
      commitsOnMainAfter: after.commits.join(','),
    },
  );
  // Only now, so the survivor is the only replica that can have completed the work.
  await restart(victim);
}

/**
 * Writers post batches to both replicas while PostgreSQL is stopped for `downSeconds` and started
 * again. While it is down every answer must be a 503 that comes quickly; afterwards every event
 * that was acknowledged (2xx) must be stored.
 */
async function checkPostgresRestart() {
  const downSeconds = 10;
  const source = `resilience-restart-${RUN_ID}`;
  const acked = new Set<string>();
  const answers: Array<{
    at: number;
    status: string;
    ms: number;
    phase: string;
  }> = [];
  let phase = 'before';
  let writing = true;
  const writer = async (n: number) => {
    while (writing) {
      const replica = replicas[n % 2];
      const batch = deploymentEvents(20, source);
      const res = await call(replica.baseUrl, 'POST', '/api/devex/events', {
        token: settings.ciToken,
        body: { events: batch },
        timeoutMs: 30_000,
      });
      answers.push({
        at: Date.now(),
        status: res.networkError ?? String(res.status),
        ms: res.ms,
        phase,
      });
      if (res.status >= 200 && res.status < 300)
        batch.forEach(e => acked.add(e.id));
      if (res.status !== 202) await sleep(200);
    }
  };
  const writers = [0, 1, 2, 3].map(writer);
  await sleep(5000);
  phase = 'down';
  const stoppedAt = Date.now();
  await cluster.stop();
  const downFrom = Date.now();
  log(
    `PostgreSQL stopped (${((downFrom - stoppedAt) / 1000).toFixed(
      1,
    )} s to shut down)`,
  );
  await sleep(downSeconds * 1000);
  phase = 'restarting';
  const downUntil = Date.now();
  await cluster.start();
  const startedAt = Date.now();
  log(
    `PostgreSQL started again after ${((startedAt - stoppedAt) / 1000).toFixed(
      1,
    )} s`,
  );
  phase = 'after';
  const firstSuccess = await waitFor(
    'a stored batch after the restart',
    async () => answers.find(a => a.at > startedAt && a.status === '202'),
    120_000,
    200,
  ).catch(() => undefined);
  await sleep(10_000);
  writing = false;
  await Promise.all(writers);

  const stored = await storedDeploymentIds(source);
  const lost = [...acked].filter(id => !stored.has(id));
  const count = (list: typeof answers) =>
    list.reduce<Record<string, number>>(
      (acc, a) => ({ ...acc, [a.status]: (acc[a.status] ?? 0) + 1 }),
      {},
    );
  // Down: from the moment the server has stopped until it is told to start. Around: before, while
  // it shuts down (in-flight transactions are cut), while it starts, and after.
  const down = answers.filter(
    a => a.at - a.ms >= downFrom && a.at <= downUntil,
  );
  const around = answers.filter(a => !down.includes(a));
  const slowest = Math.max(
    0,
    ...answers.filter(a => a.phase !== 'before').map(a => a.ms),
  );
  report(
    'PostgreSQL restart during ingestion: 503 while down, no acknowledged event lost',
    down.length > 0 &&
      down.every(a => a.status === '503') &&
      around.every(a => a.status === '202' || a.status === '503') &&
      slowest < 15_000 &&
      lost.length === 0 &&
      !!firstSuccess,
    {
      shutdownSeconds: ((downFrom - stoppedAt) / 1000).toFixed(1),
      answersWhileDown: count(down),
      answersAround: count(around),
      slowestAnswerMs: Math.round(slowest),
      firstStoredBatchAfterRestart: firstSuccess
        ? `${((firstSuccess.at - startedAt) / 1000).toFixed(1)} s`
        : 'none',
      eventsAcknowledged: acked.size,
      acknowledgedButLost: lost.length,
      storedNotAcknowledged: [...stored].filter(id => !acked.has(id)).length,
    },
  );
}

/** Least-squares slope of y over x. */
function slope(points: Array<[number, number]>): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

async function checkSoak() {
  const token = await guestToken(replicas[0].baseUrl);
  const source = `resilience-soak-${RUN_ID}`;
  const errors: Record<string, number> = {};
  let calls = 0;
  let requestsCreated = 0;
  const ok = (
    what: string,
    res: { status: number; networkError?: string },
    expected: number[],
  ) => {
    calls++;
    if (!expected.includes(res.status)) {
      const key = `${what} ${res.networkError ?? res.status}`;
      errors[key] = (errors[key] ?? 0) + 1;
    }
  };
  const endAt = Date.now() + SOAK_SECONDS * 1000;
  const mixedLoad = async (n: number) => {
    const replica = replicas[n % 2];
    let i = 0;
    while (Date.now() < endAt) {
      i++;
      ok(
        'POST /devex/events',
        await call(replica.baseUrl, 'POST', '/api/devex/events', {
          token: settings.ciToken,
          body: { events: deploymentEvents(10, source) },
        }),
        [202],
      );
      ok(
        'GET /devex/dora',
        await call(replica.baseUrl, 'GET', '/api/devex/dora', { token }),
        [200],
      );
      ok(
        'GET /catalog/entities/by-query',
        await call(
          replica.baseUrl,
          'GET',
          '/api/catalog/entities/by-query?filter=kind=component&limit=20&fields=metadata.name,spec.owner',
          { token },
        ),
        [200],
      );
      ok(
        'GET /provisioning/requests',
        await call(
          replica.baseUrl,
          'GET',
          '/api/provisioning/requests?owner=group:default/payments',
          { token },
        ),
        [200],
      );
      ok(
        'GET /scaffolder/v2/tasks',
        await call(replica.baseUrl, 'GET', '/api/scaffolder/v2/tasks?limit=5', {
          token,
        }),
        [200],
      );
      if (n === 0 && i % 20 === 0) {
        // A sandbox database made and removed now and then keeps the processors busy too.
        const created = await createDatabaseRequest(
          replica,
          token,
          `res-soak-${RUN_ID}-${i}`,
          `resilience-${RUN_ID}-soak-${i}`,
        );
        ok('POST /provisioning/requests', created, [201]);
        if (created.status === 201) {
          requestsCreated++;
          const ready = await waitForRequestStatus(
            replica,
            token,
            created.body.id,
            ['ready', 'failed'],
            60_000,
          ).catch(() => undefined);
          if (ready?.status !== 'ready')
            errors['provisioning not ready'] =
              (errors['provisioning not ready'] ?? 0) + 1;
          ok(
            'DELETE /provisioning/requests/:id',
            await call(
              replica.baseUrl,
              'DELETE',
              `/api/provisioning/requests/${created.body.id}`,
              { token },
            ),
            [202],
          );
        }
      }
    }
  };
  // RSS every 5 s, and every 30 s the memory each replica holds right after a full GC (live
  // memory: heap used plus external). A leak shows in live memory; RSS also holds garbage not yet
  // collected and heap V8 keeps for reuse, which it sizes from the heap limit.
  const started = Date.now();
  const minutesSinceStart = () => (Date.now() - started) / 60_000;
  const rssSamples: Array<{ t: number; rss: number[] }> = [];
  const liveSamples: Array<{ t: number; live: Array<LiveMemory | undefined> }> =
    [];
  const sampler = (async () => {
    let last = 0;
    while (Date.now() < endAt) {
      rssSamples.push({
        t: minutesSinceStart(),
        rss: replicas.map(r => r.rssMiB() ?? NaN),
      });
      if (Date.now() - last >= 30_000) {
        last = Date.now();
        const t = minutesSinceStart();
        const live = [];
        for (const r of replicas) live.push(await r.liveMemory());
        liveSamples.push({ t, live });
      }
      await sleep(5000);
    }
  })();
  await Promise.all([0, 1, 2, 3].map(mixedLoad));
  await sampler;

  // The first fifth is warm-up (caches fill, the JIT settles); trends are fitted on the rest.
  const afterWarmUp = <T extends { t: number }>(samples: T[]) =>
    samples.filter(s => s.t >= SOAK_SECONDS / 60 / 5);
  const trend = (points: Array<[number, number]>) => {
    const finite = points.filter(([, y]) => Number.isFinite(y));
    const mean = finite.reduce((s, [, y]) => s + y, 0) / finite.length;
    const minutes =
      finite.length > 1 ? finite[finite.length - 1][0] - finite[0][0] : 0;
    const perMinute = slope(finite);
    return {
      samples: finite.length,
      firstMiB: Math.round(finite[0]?.[1] ?? NaN),
      lastMiB: Math.round(finite[finite.length - 1]?.[1] ?? NaN),
      minMiB: Math.round(Math.min(...finite.map(p => p[1]))),
      maxMiB: Math.round(Math.max(...finite.map(p => p[1]))),
      slopeMiBPerMinute: Number(perMinute.toFixed(2)),
      growthOverWindowPercent: Number(
        ((perMinute * minutes * 100) / mean).toFixed(1),
      ),
      missing: points.length - finite.length,
    };
  };
  const liveSteady = afterWarmUp(liveSamples);
  const rssSteady = afterWarmUp(rssSamples);
  const live = replicas.map((r, i) => ({
    replica: r.spec.name,
    ...trend(
      liveSteady.map(s => [
        s.t,
        (s.live[i]?.heapUsedMb ?? NaN) + (s.live[i]?.externalMb ?? NaN),
      ]),
    ),
  }));
  const rss = replicas.map((r, i) => ({
    replica: r.spec.name,
    ...trend(rssSteady.map(s => [s.t, s.rss[i]])),
  }));
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
  const windowMinutes =
    liveSteady.length > 1
      ? liveSteady[liveSteady.length - 1].t - liveSteady[0].t
      : 0;
  fs.writeFileSync(
    path.join(WORK_DIR, 'soak-memory.json'),
    JSON.stringify({ rssSamples, liveSamples }, null, 1),
  );
  // Stable: fitted over the window, live memory grows by less than 5 % of its mean and RSS by
  // less than 10 % (it is noisier), and every probe answered (a replica that cannot be sampled is
  // no evidence of stability).
  report(
    `soak: ${SOAK_SECONDS} s of mixed load, memory without upward trend, no errors`,
    errorCount === 0 &&
      live.every(
        l => l.missing === 0 && l.samples >= 5 && l.growthOverWindowPercent < 5,
      ) &&
      rss.every(r => r.missing === 0 && r.growthOverWindowPercent < 10),
    {
      calls,
      throughput: `${(calls / SOAK_SECONDS).toFixed(1)} calls/s`,
      provisioningRequestsMadeAndDeleted: requestsCreated,
      errors: errorCount === 0 ? 'none' : errors,
      trendWindow: `${windowMinutes.toFixed(1)} min after warm-up`,
      maxOldSpaceSize:
        MAX_OLD_SPACE_MB > 0 ? `${MAX_OLD_SPACE_MB} MB` : 'V8 default',
      liveMemoryAfterFullGc: live,
      rss,
    },
  );
}

const checks: Record<string, () => Promise<void>> = {
  scheduler: checkScheduler,
  'exactly-once': checkExactlyOnce,
  'kill-provisioning': checkKillDuringProvisioning,
  'kill-scaffolder': checkKillDuringScaffolderTask,
  'postgres-restart': checkPostgresRestart,
  soak: checkSoak,
};

async function main() {
  for (const name of CHECKS) {
    if (!checks[name])
      throw new Error(
        `unknown check ${name}; known: ${Object.keys(checks).join(', ')}`,
      );
  }
  fs.rmSync(WORK_DIR, { recursive: true, force: true });
  fs.mkdirSync(WORK_DIR, { recursive: true });
  log(`private PostgreSQL on :${PG_PORT} in ${cluster.dataDir}`);
  await cluster.create();
  await cluster.start();
  for (const gate of gates) await gate.listen();
  log('starting two replicas from source (1-3 minutes)');
  await startReplicas(replicas);
  // The probe template must be in the catalog before tasks can use it.
  const token = await guestToken(replicas[0].baseUrl);
  await waitFor(
    'the probe template in the catalog',
    async () => {
      const res = await call(
        replicas[0].baseUrl,
        'GET',
        '/api/catalog/entities/by-name/template/default/resilience-probe',
        { token },
      );
      return res.status === 200 ? true : undefined;
    },
    180_000,
    2000,
  );

  for (const name of CHECKS) {
    log(`check: ${name}`);
    try {
      await checks[name]();
    } catch (error) {
      report(name, false, { error: (error as Error).message });
    }
  }
}

async function shutdown() {
  await Promise.all(replicas.map(r => r.stop()));
  await Promise.all(gates.map(g => g.shutdown()));
  if (await cluster.isRunning()) await cluster.stop();
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    report('interrupted', false, { signal });
    shutdown().finally(() => process.exit(130));
  });
}

main()
  .catch(error => {
    report('setup', false, { error: (error as Error).message });
  })
  .finally(async () => {
    await shutdown();
    fs.mkdirSync(path.join(REPO_ROOT, 'bench/results'), { recursive: true });
    fs.writeFileSync(
      path.join(REPO_ROOT, 'bench/results/resilience.json'),
      JSON.stringify(
        { runAt: new Date().toISOString(), soakSeconds: SOAK_SECONDS, results },
        null,
        2,
      ),
    );
    const failed = results.filter(r => !r.pass);
    console.log(
      `\n${results.length - failed.length} of ${
        results.length
      } resilience checks passed` +
        (failed.length
          ? `; failed: ${failed.map(f => f.check).join('; ')}`
          : ''),
    );
    console.log(
      `logs: ${WORK_DIR}/replica-*.log, ${WORK_DIR}/pg.log; figures: bench/results/resilience.json`,
    );
    process.exit(failed.length ? 1 : 0);
  });
