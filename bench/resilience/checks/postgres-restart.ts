import { sendEvents } from '../api';
import { ResilienceContext } from '../context';
import { log } from '../report';
import { sleep, waitFor } from '../wait';

/**
 * Writers post batches to both replicas while PostgreSQL is stopped for `downSeconds` and started
 * again. While it is down every answer must be a 503 that comes quickly; afterwards every event
 * that was acknowledged (2xx) must be stored.
 */
export async function checkPostgresRestart({
  settings,
  cluster,
  replicas,
  stored,
  events,
  results,
}: Pick<
  ResilienceContext,
  'settings' | 'cluster' | 'replicas' | 'stored' | 'events' | 'results'
>) {
  const downSeconds = 10;
  const source = `resilience-restart-${settings.runId}`;
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
      const batch = events.batch(20, source);
      const res = await sendEvents(replica, settings.ciToken, batch, 30_000);
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

  const deployments = await stored.deploymentIds(source);
  const lost = [...acked].filter(id => !deployments.has(id));
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
  results.report(
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
      storedNotAcknowledged: [...deployments].filter(id => !acked.has(id))
        .length,
    },
  );
}
