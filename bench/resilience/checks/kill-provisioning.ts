import { createDatabaseRequest, waitForRequestStatus } from '../api';
import { ResilienceContext, restartReplica } from '../context';
import { call, guestToken } from '../http';
import { log } from '../report';
import { waitFor } from '../wait';

/**
 * With the gates closed, a provisioning request is held mid-flight on the replica that took it
 * (and holds its lease); that replica gets SIGKILL. The other must take the request over once the
 * lease runs out and make it ready once.
 */
export async function checkKillDuringProvisioning({
  settings,
  replicas,
  gates,
  stored,
  results,
}: Pick<
  ResilienceContext,
  'settings' | 'replicas' | 'gates' | 'stored' | 'results'
>) {
  const token = await guestToken(replicas[0].baseUrl);
  const name = `res-kill-${settings.runId}`;
  for (const gate of gates) gate.close();
  const created = await createDatabaseRequest(
    replicas[0],
    token,
    name,
    `resilience-${settings.runId}-kill`,
  );
  if (created.status !== 201) {
    for (const gate of gates) gate.reopen();
    results.report('kill a replica during a provisioning request', false, {
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
  const [lease] = await stored.query(
    'provisioning',
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
  const history = await stored.requestHistory(created.body.id);
  const databases = await stored.sandboxDatabasesFor(name);
  const credentials = await call(
    survivor.baseUrl,
    'GET',
    `/api/provisioning/requests/${created.body.id}/credentials`,
    { token },
  );
  results.report(
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
  await restartReplica(victim);
}
