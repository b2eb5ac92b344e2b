import {
  createDatabaseRequest,
  sendEvents,
  startProbeTask,
  waitForRequestStatus,
} from '../api';
import { ResilienceContext } from '../context';
import { guestToken } from '../http';

/**
 * A provisioning request retried on the other replica, a scaffolder task, and a DevEx batch
 * delivered twice: each must have its effect once.
 */
export async function checkExactlyOnce({
  settings,
  replicas,
  stored,
  events,
  results,
}: Pick<
  ResilienceContext,
  'settings' | 'replicas' | 'stored' | 'events' | 'results'
>) {
  const { runId } = settings;
  const token = await guestToken(replicas[0].baseUrl);

  // A provisioning request sent to one replica and retried (same Idempotency-Key) on the other.
  const name = `res-once-${runId}`;
  const key = `resilience-${runId}-once`;
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
    const history = await stored.requestHistory(first.body.id);
    const sameRequest = await stored.query(
      'provisioning',
      'SELECT id FROM provisioning_requests WHERE name = $1',
      [name],
    );
    const databases = await stored.sandboxDatabasesFor(name);
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
  results.report(
    'exactly once: provisioning request (created on replica-1, retried on replica-2)',
    provisioningPass,
    provisioning,
  );

  // A scaffolder task: one repository with one commit.
  const repoName = `res-once-${runId}`;
  const taskId = await startProbeTask(replicas[1], token, repoName, 1);
  const status = await stored.taskEnded(
    taskId,
    'the probe task to finish',
    180_000,
  );
  const published = stored.publishedRepository(repoName);
  results.report(
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
  const source = `resilience-once-${runId}`;
  const batch = events.batch(200, source);
  const answers = [];
  for (const replica of replicas) {
    answers.push(await sendEvents(replica, settings.ciToken, batch));
  }
  const deployments = await stored.deploymentIds(source);
  const commits = await stored
    .query<{ n: string }>(
      'devex',
      'SELECT count(*) AS n FROM devex_deployment_commits WHERE source = $1',
      [source],
    )
    .catch(() => [{ n: 'n/a' }]);
  results.report(
    'exactly once: DevEx event batch (sent to both replicas)',
    answers.every(a => a.status === 202) && deployments.size === batch.length,
    {
      answers: answers.map(a => a.status).join(','),
      eventsSent: batch.length,
      deploymentsStored: deployments.size,
      commitsStored: commits[0].n,
    },
  );
}
