import crypto from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type {
  CreateDatabaseRequest,
  DatabaseRequest,
  DatabaseRequestWithEvents,
} from '@paved/plugin-provisioning-common';
import { PortalClient } from '../portal/PortalClient';
import { Terminal } from '../output/Terminal';

/** States in which the portal is still working on a request without anyone's help. */
const WORKING = new Set(['provisioning', 'deprovisioning']);

/**
 * Files a request. The Idempotency-Key makes a retry of the same command (a dropped connection,
 * a second run of a CI job with the same key) return the request filed the first time.
 */
export async function fileDatabaseRequest(
  portal: PortalClient,
  body: CreateDatabaseRequest,
  idempotencyKey: string = crypto.randomUUID(),
): Promise<DatabaseRequest> {
  const { body: request } = await portal.request<DatabaseRequest>(
    'provisioning',
    '/requests',
    {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    },
  );
  return request;
}

export async function getDatabaseRequest(
  portal: PortalClient,
  id: string,
): Promise<DatabaseRequestWithEvents> {
  return portal.get<DatabaseRequestWithEvents>(
    'provisioning',
    `/requests/${encodeURIComponent(id)}`,
  );
}

/**
 * Follows a request while the portal works on it (provisioning, deprovisioning), showing its
 * state; returns it once it needs no more waiting (ready, awaiting approval, failed, …) or when
 * `timeoutMs` has passed (still working: the caller says so).
 */
export async function followDatabaseRequest(options: {
  portal: PortalClient;
  request: DatabaseRequest;
  terminal: Terminal;
  timeoutMs?: number;
  pollMs?: number;
}): Promise<DatabaseRequest> {
  const { portal, terminal } = options;
  let request = options.request;
  if (!WORKING.has(request.status)) {
    return request;
  }
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  const progress = terminal.progress(
    `Database ${request.name} (${request.environment}): ${request.status}`,
  );
  try {
    while (WORKING.has(request.status) && Date.now() < deadline) {
      await sleep(options.pollMs ?? 1000);
      request = await getDatabaseRequest(portal, request.id);
      progress.update(
        `Database ${request.name} (${request.environment}): ${request.status}`,
      );
    }
  } finally {
    progress.stop();
  }
  return request;
}

/** One line about where a request stands, for checklists and `db request`. */
export function databaseStateLine(request: DatabaseRequest): string {
  const where = `${request.name} (${request.environment}, ${request.size}, ${request.storageGB} GB)`;
  switch (request.status) {
    case 'ready': {
      const outputs = request.outputs;
      return `Database ${where} is ready${
        outputs
          ? `: ${outputs.database} on ${outputs.host}:${outputs.port} as ${outputs.username}`
          : ''
      }; credentials: platform db credentials ${request.id}`;
    }
    case 'awaiting-approval':
      return `Database ${where} awaits a platform-team approval (request ${request.id}); it is created once approved`;
    case 'provisioning':
      return `Database ${where} is still being provisioned (request ${request.id}); follow it with platform db show ${request.id}`;
    case 'failed':
      return `Database ${where} failed: ${
        request.failureReason ?? 'no reason given'
      } (request ${request.id})`;
    default:
      return `Database ${where} is ${request.status} (request ${request.id})`;
  }
}

/** Whether a request's state is a failure the command's exit code should report. */
export function isDatabaseFailure(request: DatabaseRequest): boolean {
  return request.status === 'failed' || request.status === 'rejected';
}
