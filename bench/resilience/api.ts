/*
 * What the checks send to the portal: provisioning requests, scaffolder tasks from the probe
 * template, and DevEx deployment events, over each replica's HTTP API (see http.ts).
 */
import { randomBytes } from 'crypto';
import { call } from './http';
import { Replica } from './replicas';
import { waitFor } from './wait';

/** bench/resilience/template/template.yaml, loaded as an extra catalog location. */
const PROBE_TEMPLATE = 'template:default/resilience-probe';

export async function createDatabaseRequest(
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

/** Polls the request through `replica` until its status is one of `statuses`; the request. */
export async function waitForRequestStatus(
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

/** The probe template must be in the catalog before tasks can use it. */
export async function waitForProbeTemplate(replica: Replica, token: string) {
  const [kind, namespaceAndName] = PROBE_TEMPLATE.split(':');
  await waitFor(
    'the probe template in the catalog',
    async () => {
      const res = await call(
        replica.baseUrl,
        'GET',
        `/api/catalog/entities/by-name/${kind}/${namespaceAndName}`,
        { token },
      );
      return res.status === 200 ? true : undefined;
    },
    180_000,
    2000,
  );
}

/** Starts a task from the probe template, which publishes `repoName` and then waits; its id. */
export async function startProbeTask(
  replica: Replica,
  token: string,
  repoName: string,
  waitSeconds: number,
) {
  const res = await call(replica.baseUrl, 'POST', '/api/scaffolder/v2/tasks', {
    token,
    body: {
      templateRef: PROBE_TEMPLATE,
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

export type DeploymentEvent = ReturnType<DeploymentEvents['batch']>[number];

/**
 * Successful production deployments of one component, one commit each. Event ids are numbered
 * across the whole run, so no two batches share an id.
 */
export class DeploymentEvents {
  private next = 0;

  batch(count: number, source: string) {
    const now = Date.now();
    return Array.from({ length: count }, () => {
      const n = this.next++;
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
}

/** POST /api/devex/events with the CI token, as a pipeline sends them. */
export function sendEvents(
  replica: Replica,
  ciToken: string,
  events: DeploymentEvent[],
  timeoutMs?: number,
) {
  return call(replica.baseUrl, 'POST', '/api/devex/events', {
    token: ciToken,
    body: { events },
    timeoutMs,
  });
}
