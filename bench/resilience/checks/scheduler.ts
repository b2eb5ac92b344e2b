import { ResilienceContext } from '../context';
import { sleep } from '../wait';

/**
 * Backstage's scheduler keeps each task's state in the plugin's database and hands a run to
 * whichever replica claims it first. `provisioning-process-requests` runs every 2 s here; sampling
 * its row shows every run (each ends with a new `last_run_ended_at`) and how far apart they are.
 */
export async function checkScheduler({
  replicas,
  stored,
  results,
}: Pick<ResilienceContext, 'replicas' | 'stored' | 'results'>) {
  const windowMs = 40_000;
  const taskId = 'provisioning-process-requests';
  const registered = replicas.map(r =>
    r.logContains(`Registered scheduled task: ${taskId}`),
  );
  const ends: number[] = [];
  let previous: string | undefined;
  const started = Date.now();
  while (Date.now() - started < windowMs) {
    const [row] = await stored.query<{ last_run_ended_at: Date | null }>(
      'provisioning',
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
  results.report(
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
