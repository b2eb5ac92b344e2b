import fs from 'fs';
import path from 'path';
import { startProbeTask } from '../api';
import { ResilienceContext, restartReplica } from '../context';
import { guestToken } from '../http';
import { log } from '../report';
import { waitFor } from '../wait';

/**
 * A probe task's replica gets SIGKILL after the repository is published, while the task waits in
 * its last step. The other replica must recover the task, start it over and complete it, with
 * still one repository holding one commit.
 */
export async function checkKillDuringScaffolderTask({
  settings,
  replicas,
  stored,
  results,
}: Pick<ResilienceContext, 'settings' | 'replicas' | 'stored' | 'results'>) {
  const token = await guestToken(replicas[0].baseUrl);
  const repoName = `res-kill-${settings.runId}`;
  const taskId = await startProbeTask(replicas[0], token, repoName, 20);
  // Killed once the repository is published and the task waits in its last step.
  await waitFor(
    'the probe task to publish',
    async () =>
      stored.publishedRepository(repoName).repositories > 0 ? true : undefined,
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
  const before = stored.publishedRepository(repoName);
  log(`${victim.spec.name} runs task ${taskId}; SIGKILL`);
  await victim.kill();
  const killedAt = Date.now();

  const status = await stored.taskEnded(
    taskId,
    'the recovered task to finish',
    240_000,
  );
  const after = stored.publishedRepository(repoName);
  const events = await stored.taskEventTypes(taskId);
  results.report(
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
  await restartReplica(victim);
}
